package anomaly

import (
	"errors"
	"math"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestEvaluateSmall checks the metrics on six hand-made rows. The AUCs and
// average precisions are scikit-learn 1.2.1's roc_auc_score and
// average_precision_score on the same values; precision@k and the recalls
// are counted by hand (k = 2: the network's top two hold one abuser; its top
// four hold both).
func TestEvaluateSmall(t *testing.T) {
	truth := []float64{1, 0, 1, 0, 0, 0}
	score := []float64{0.9, 0.8, 0.7, 0.6, 0.5, 0.4}
	base := []float64{0.1, 0.2, 0.3, 0.3, 0.5, 0.6}
	kind := []string{"a", "normal", "b", "normal", "normal", "normal"}
	ev, err := Evaluate(score, base, truth, kind)
	if err != nil {
		t.Fatal(err)
	}
	near := func(name string, got, want float64) {
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	near("network AUC", ev.Network.AUC, 0.875)
	near("network AP", ev.Network.AveragePrecision, 0.8333333333333333)
	near("baseline AUC", ev.Baseline.AUC, 0.1875)
	near("baseline AP", ev.Baseline.AveragePrecision, 0.29166666666666663)
	near("network P@k", ev.Network.PrecisionAtK, 0.5)
	near("baseline P@k", ev.Baseline.PrecisionAtK, 0)
	if ev.Positives != 2 || len(ev.Network.Recall) != 2 || ev.Network.Recall[0] != (ArchetypeRecall{"a", 1, 1, 1}) ||
		ev.Network.Recall[1] != (ArchetypeRecall{"b", 1, 1, 1}) {
		t.Errorf("recall %+v", ev.Network.Recall)
	}
	// The baseline's top four are rows 5, 4, 2 and 3 (ties by row): b only.
	if ev.Baseline.Recall[0].Found != 0 || ev.Baseline.Recall[1].Found != 1 {
		t.Errorf("baseline recall %+v", ev.Baseline.Recall)
	}
	if _, err := Evaluate(score, base, make([]float64, 6), nil); !errors.Is(err, ErrColumn) ||
		err.Error() != "bad column: the truth marks 0 of 6 rows as abusive; evaluating needs both kinds" {
		t.Errorf("no abusers: %v", err)
	}
}

// TestBaselineScores checks the robust z-scores on hand-computed columns.
// Column a: median 3, absolute deviations 2,1,0,1,97 → MAD 1, so row 5's z
// is 97/1.4826. Column b has MAD 0 (four zeros): MeanAD = 10/5 = 2 and row
// 5's z is 10/(1.2533·2). Column c is constant and adds nothing. Column d
// is yes/no (0/1, MAD 0): were it counted, MeanAD 0.2 would give row 3
// 1/(1.2533·0.2) ≈ 3.99; it adds nothing.
func TestBaselineScores(t *testing.T) {
	tab, err := data.NewTable("t", []*data.Column{
		data.NewNumericColumn("a", []float64{1, 2, 3, 4, 100}),
		data.NewNumericColumn("b", []float64{0, 0, 0, 0, 10}),
		data.NewNumericColumn("c", []float64{7, 7, 7, 7, 7}),
		{Name: "d", Kind: data.Boolean, Levels: []string{"No", "Yes"}, Values: []float64{1, 1, 0, 1, 1}},
	}, data.Label{})
	if err != nil {
		t.Fatal(err)
	}
	got := BaselineScores(tab)
	want := []float64{2 / madToSD, 1 / madToSD, 0, 1 / madToSD, 97 / madToSD}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("row %d: %v, want %v", i+1, got[i], want[i])
		}
	}
	if z := 10 / (meanADToSD * 2); z > want[4] {
		t.Errorf("column b's z %v should lose to column a's %v", z, want[4])
	}
}

// TestPrepareRefusesBadColumns checks the errors for a missing truth, a
// truth that is not 0/1 and a table too small to learn from.
func TestPrepareRefusesBadColumns(t *testing.T) {
	shop, _ := data.GenerateShopWithAbusers(100, 1, 0.05)
	cases := []struct {
		opts Options
		want string
	}{
		{Options{Truth: "nope"}, `bad column: built-in shop has no column "nope" to take as the truth`},
		{Options{Truth: "sessions_30d"}, `bad column: built-in shop: truth column "sessions_30d" has 4 on data row 9 (U000009); want 0/1 or yes/no values`},
		{Options{Archetype: "nope"}, `bad column: built-in shop has no column "nope" to take as the archetype`},
	}
	for _, c := range cases {
		_, err := Prepare(shop.Table, c.opts)
		if err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v, want %s", c.opts, err, c.want)
		}
	}
	small, _ := data.GenerateShop(10, 1)
	if _, err := Prepare(small.Table, Options{}); !errors.Is(err, ErrNoRows) ||
		err.Error() != "too few rows: built-in shop has 10 rows; scoring needs at least 20 to learn what is usual" {
		t.Errorf("10 rows: %v", err)
	}
	// One row is "1 row", not "1 rows" (an order log of one customer).
	one, _ := data.GenerateShop(1, 1)
	if _, err := Prepare(one.Table, Options{}); err == nil ||
		err.Error() != "too few rows: built-in shop has 1 row; scoring needs at least 20 to learn what is usual" {
		t.Errorf("1 row: %v", err)
	}
}
