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

// TestShopVariantSharpness checks that every kept row's log-odds are
// multiplied by the factor and that the labels are drawn from the new
// probabilities (their mean within 4 standard errors of the mean probability).
func TestShopVariantSharpness(t *testing.T) {
	shop, err := GenerateShop(4000, 3)
	if err != nil {
		t.Fatal(err)
	}
	v, err := shop.Variant(ShopVariant{Sharpness: 3}, 9)
	if err != nil {
		t.Fatal(err)
	}
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	var sumP, sumY, varSum float64
	for i, p := range v.TrueProb {
		if d := logit(p) - 3*logit(shop.TrueProb[i]); math.Abs(d) > 1e-9 {
			t.Fatalf("row %d: log-odds %g, want 3 × %g", i, logit(p), logit(shop.TrueProb[i]))
		}
		sumP, sumY, varSum = sumP+p, sumY+v.Table.Label.Values[i], varSum+p*(1-p)
	}
	if d := math.Abs(sumY - sumP); d > 4*math.Sqrt(varSum) {
		t.Errorf("%g positives, expected %g ± %g", sumY, sumP, math.Sqrt(varSum))
	}
	if got := v.Table.Column("sessions_30d").Values[7]; got != shop.Table.Column("sessions_30d").Values[7] {
		t.Errorf("Sharpness changed a feature: %g", got)
	}
}

// TestShopVariantRules checks the rule-drawn labels: the mean probability
// is the target, the probabilities take few distinct values (one per
// combination of rules that fire), the labels follow them, and a seed
// gives the same table twice.
func TestShopVariantRules(t *testing.T) {
	shop, err := GenerateShop(4000, 3)
	if err != nil {
		t.Fatal(err)
	}
	v, err := shop.Variant(ShopVariant{Rules: 4}, 9)
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[float64]bool{}
	var sumP, sumY, varSum float64
	for i, p := range v.TrueProb {
		distinct[p] = true
		sumP, sumY, varSum = sumP+p, sumY+v.Table.Label.Values[i], varSum+p*(1-p)
	}
	n := float64(len(v.TrueProb))
	if math.Abs(sumP/n-ruleMeanProb) > 1e-9 {
		t.Errorf("mean probability %g, want %g", sumP/n, ruleMeanProb)
	}
	if len(distinct) < 2 || len(distinct) > 16 {
		t.Errorf("%d distinct probabilities from 4 rules, want 2 to 2⁴", len(distinct))
	}
	if d := math.Abs(sumY - sumP); d > 4*math.Sqrt(varSum) {
		t.Errorf("%g positives, expected %g ± %g", sumY, sumP, math.Sqrt(varSum))
	}
	again, err := shop.Variant(ShopVariant{Rules: 4}, 9)
	if err != nil {
		t.Fatal(err)
	}
	for i := range again.TrueProb {
		if again.TrueProb[i] != v.TrueProb[i] || again.Table.Label.Values[i] != v.Table.Label.Values[i] {
			t.Fatalf("row %d differs between two draws with one seed", i)
		}
	}
	if got := (ShopVariant{Sharpness: 5, Rules: 20}).String(); got != "log-odds ×5, 20 threshold rules" {
		t.Errorf("String %q", got)
	}
}

// TestInterceptFor: for z = {0} the intercept giving a mean of 0.75 is
// ln 3 (logistic(ln 3) = 3/4); for z symmetric about 0, a mean of 0.5
// needs none.
func TestInterceptFor(t *testing.T) {
	if c := interceptFor([]float64{0}, 0.75); math.Abs(c-math.Log(3)) > 1e-9 {
		t.Errorf("intercept %g, want ln 3 = %g", c, math.Log(3))
	}
	if c := interceptFor([]float64{-2, 0.5, -0.5, 2}, 0.5); math.Abs(c) > 1e-9 {
		t.Errorf("intercept %g, want 0", c)
	}
}
