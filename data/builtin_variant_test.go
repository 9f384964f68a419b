package data

import (
	"math"
	"testing"
)

func TestShopVariant(t *testing.T) {
	shop, err := GenerateShop(4000, 3)
	if err != nil {
		t.Fatal(err)
	}
	base := shop.Table.Label.PositiveRate()
	v, err := shop.Variant(ShopVariant{NoiseColumns: 3, HeavyTails: true, PositiveShare: 0.05, Categoricals: true, BlankShare: 0.2}, 9)
	if err != nil {
		t.Fatal(err)
	}
	tab := v.Table
	if rate := tab.Label.PositiveRate(); base < 0.1 || math.Abs(rate-0.05) > 0.01 {
		t.Errorf("positive rate %.3f (from %.3f), want about 0.05", rate, base)
	}
	if len(v.TrueProb) != tab.Rows {
		t.Errorf("%d true probabilities for %d rows", len(v.TrueProb), tab.Rows)
	}
	kinds := map[string]Kind{"noise_3": Numeric, "region": Categorical, "tenure_days": Categorical, "pages_per_session": Categorical, "user_id": ID}
	for name, kind := range kinds {
		if c := tab.Column(name); c == nil || c.Kind != kind {
			t.Errorf("%s: %+v, want kind %v", name, c, kind)
		}
	}
	if c := tab.Column("sessions_30d"); math.Abs(float64(c.Missing)/float64(tab.Rows)-0.2) > 0.03 {
		t.Errorf("sessions_30d: %d of %d blank, want about 20 %%", c.Missing, tab.Rows)
	}
	if shop.Table.Column("sessions_30d").Missing != 0 || len(shop.Table.Columns) != 11 {
		t.Error("Variant changed the population it was given")
	}
	if got := (ShopVariant{NoiseColumns: 3, PositiveShare: 0.05}).String(); got != "+3 noise columns, 5% positives" {
		t.Errorf("String %q", got)
	}
}
