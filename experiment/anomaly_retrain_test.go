package experiment

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestDropRows keeps the rows not marked, in order, with their labels and
// true probabilities, and refuses flags of the wrong length.
func TestDropRows(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 50, DataSeed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	drop := make([]bool, 50)
	drop[0], drop[7], drop[49] = true, true, true
	out, err := DropRows(d, drop)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var labels, probs []float64
	for i, id := range d.Table.IDs() {
		if !drop[i] {
			ids, labels, probs = append(ids, id), append(labels, d.Table.Label.Values[i]), append(probs, d.TrueProb[i])
		}
	}
	if out.Table.Rows != 47 || !reflect.DeepEqual(out.Table.IDs(), ids) || !reflect.DeepEqual(out.Table.Label.Values, labels) ||
		!reflect.DeepEqual(out.TrueProb, probs) {
		t.Errorf("rows %d, ids %v", out.Table.Rows, out.Table.IDs())
	}
	if d.Table.Rows != 50 {
		t.Errorf("the original lost rows: %d", d.Table.Rows)
	}
	if _, err := DropRows(d, drop[:10]); !errors.Is(err, ErrSource) {
		t.Errorf("10 flags for 50 rows: %v", err)
	}
}

// TestLoadShopWithAbusersExcludesTruth: the planted truth columns are there
// for scoring but never features of the churn model.
func TestLoadShopWithAbusersExcludesTruth(t *testing.T) {
	d, err := LoadShopWithAbusers(Source{Kind: "builtin", Users: 200, DataSeed: 1}, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{data.AbuserColumnName, data.ArchetypeColumnName} {
		c := d.Table.Column(name)
		if c == nil || c.IsFeature() {
			t.Errorf("column %s: %v", name, c)
		}
	}
}

// bruteAUC is the ROC AUC over every positive–negative pair (ties half),
// computed without the metrics package.
func bruteAUC(p, y []float64) float64 {
	var s, k float64
	for i := range p {
		for j := range p {
			if y[i] == 1 && y[j] == 0 {
				k++
				switch {
				case p[i] > p[j]:
					s++
				case p[i] == p[j]:
					s += 0.5
				}
			}
		}
	}
	return s / k
}

// checkPopulation recomputes a population's AUCs from the comparison's
// probabilities at the positions where keep holds.
func checkPopulation(t *testing.T, name string, cmp RetrainComparison, pop RetrainPopulation, keep func(row int) bool) {
	t.Helper()
	var a, b, y []float64
	for i, r := range cmp.measured[0] {
		if keep(r) {
			a, b, y = append(a, cmp.probs[0][i]), append(b, cmp.probs[1][i]), append(y, cmp.labels[i])
		}
	}
	if !pop.OK || pop.Rows != len(y) {
		t.Fatalf("%s: ok %v, %d rows, want %d", name, pop.OK, pop.Rows, len(y))
	}
	if got, want := pop.Before.AUC, bruteAUC(a, y); math.Abs(got-want) > 1e-12 {
		t.Errorf("%s: AUC before %v, brute force %v", name, got, want)
	}
	if got, want := pop.After.AUC, bruteAUC(b, y); math.Abs(got-want) > 1e-12 {
		t.Errorf("%s: AUC after %v, brute force %v", name, got, want)
	}
	if pop.Paired == nil || math.Abs(pop.Paired.Diff-(pop.After.AUC-pop.Before.AUC)) > 1e-12 || pop.Before.AUCInterval == nil {
		t.Errorf("%s: paired %+v", name, pop.Paired)
	}
}

// TestRetrainWithoutMeasuresBothOnTheSameRows: the split is drawn once
// (rebuilt here from the seed, as New draws it); the model without the
// flagged users trains on the same rows less the flagged ones, and both
// are measured on the same test rows, all of them and the unflagged ones.
func TestRetrainWithoutMeasuresBothOnTheSameRows(t *testing.T) {
	d, err := LoadShopWithAbusers(Source{Kind: "builtin", Users: 600, DataSeed: 3}, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	cfg := schemeConfig()
	cfg.TestFrac = 0.25
	truth := d.Table.Column(data.AbuserColumnName).Values
	flagged := make([]bool, d.Table.Rows)
	for i, v := range truth {
		flagged[i] = v == 1
	}
	cmp, err := RetrainWithout(context.Background(), d, cfg, flagged, nil)
	if err != nil {
		t.Fatal(err)
	}
	split, err := data.StratifiedSplit(d.Table.Label.Values, cfg.ValFrac, cfg.TestFrac, rand.New(rand.NewPCG(cfg.Seed, 0x7e7a1)))
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Part != TestPart || cmp.Scheme != RandomSplit || !reflect.DeepEqual(cmp.measured[0], split.Test) ||
		!reflect.DeepEqual(cmp.measured[1], split.Test) {
		t.Fatalf("part %v, scheme %v: measured rows differ from the split's %d test rows", cmp.Part, cmp.Scheme, len(split.Test))
	}
	ids := d.Table.IDs()
	isFlagged := map[string]bool{}
	wantDropped := 0
	for i, f := range flagged {
		isFlagged[ids[i]] = f
	}
	for _, r := range split.Train {
		if flagged[r] {
			wantDropped++
		}
	}
	var wantAfter []string
	for _, id := range cmp.trainIDs[0] {
		if !isFlagged[id] {
			wantAfter = append(wantAfter, id)
		}
	}
	if !reflect.DeepEqual(cmp.trainIDs[1], wantAfter) || cmp.Dropped != wantDropped || wantDropped == 0 ||
		cmp.TrainBefore-cmp.TrainAfter != wantDropped {
		t.Errorf("trained on %d then %d users, dropped %d: want %d dropped, the rest the same", cmp.TrainBefore, cmp.TrainAfter, cmp.Dropped, wantDropped)
	}
	checkPopulation(t, "all", cmp, cmp.All, func(int) bool { return true })
	checkPopulation(t, "clean", cmp, cmp.Clean, func(r int) bool { return !flagged[r] })
	if cmp.All.Rows == cmp.Clean.Rows {
		t.Errorf("no flagged user among the %d test rows", cmp.All.Rows)
	}
	if _, err := RetrainWithout(context.Background(), d, cfg, flagged[:5], nil); !errors.Is(err, ErrSource) {
		t.Errorf("5 flags: %v", err)
	}
}

// TestRetrainWithoutOutOfTime: an order log validated out of time leaves
// the flagged customers out of the earlier cohort it trains on, by ID, and
// measures both models on every customer at the cutoff; a log too short
// for it is split at random and says why.
func TestRetrainWithoutOutOfTime(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	flagged := make([]bool, d.Table.Rows)
	ids := d.Table.IDs()
	for i := range flagged {
		flagged[i] = i%7 == 0
	}
	cmp, err := RetrainWithout(context.Background(), d, cfg, flagged, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Scheme != OutOfTime || cmp.Part != LaterPart || cmp.Fallback != nil || len(cmp.measured[0]) != d.Table.Rows ||
		!reflect.DeepEqual(cmp.measured[0], cmp.measured[1]) {
		t.Fatalf("scheme %v, part %v, fallback %v, %d rows", cmp.Scheme, cmp.Part, cmp.Fallback, len(cmp.measured[0]))
	}
	bad := map[string]bool{}
	for i, f := range flagged {
		bad[ids[i]] = f
	}
	dropped := 0
	for _, id := range cmp.trainIDs[0] {
		if bad[id] {
			dropped++
		}
	}
	for _, id := range cmp.trainIDs[1] {
		if bad[id] {
			t.Fatalf("flagged %s trained on", id)
		}
	}
	if dropped == 0 || cmp.TrainBefore-cmp.TrainAfter != dropped {
		t.Errorf("trained on %d then %d, %d flagged among the first", cmp.TrainBefore, cmp.TrainAfter, dropped)
	}
	checkPopulation(t, "clean", cmp, cmp.Clean, func(r int) bool { return !flagged[r] })
	early := loadedAt(t, "2024-01-05")
	cmp, err = RetrainWithout(context.Background(), early, cfg, make([]bool, early.Table.Rows), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Fallback == nil || cmp.Scheme != RandomSplit || cmp.Part != ValPart {
		t.Errorf("too early a cutoff: scheme %v, part %v, fallback %v", cmp.Scheme, cmp.Part, cmp.Fallback)
	}
	// At 02-25 the 10-day label window runs past the log's last date
	// (03-01): the labels are truncated, and out of time is refused there
	// as retain backtest refuses it.
	late := loadedAt(t, "2024-02-25")
	cmp, err = RetrainWithout(context.Background(), late, cfg, make([]bool, late.Table.Rows), nil)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Fallback == nil || !cmp.Fallback.Late || cmp.Scheme != RandomSplit || cmp.Part != ValPart {
		t.Errorf("too late a cutoff: scheme %v, part %v, fallback %v", cmp.Scheme, cmp.Part, cmp.Fallback)
	}
}

// TestFlagAnomaliesLeavesOutTruth: the planted truth columns are not
// features of the score, so flagging the planted shop gives what scoring
// it without those columns gives.
func TestFlagAnomaliesLeavesOutTruth(t *testing.T) {
	d, err := LoadWithAbusers(Source{Kind: "builtin", Users: 300, DataSeed: 4}, 0.05, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, ex, err := FlagAnomalies(context.Background(), d, 0.05, 9)
	if err != nil {
		t.Fatal(err)
	}
	var cols []*data.Column
	for _, c := range d.Table.Columns {
		if c.Name != data.AbuserColumnName && c.Name != data.ArchetypeColumnName {
			cols = append(cols, c)
		}
	}
	tab, err := data.NewTable(d.Table.Source, cols, d.Table.Label)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := FlagAnomalies(context.Background(), &Data{Source: d.Source, Table: tab}, 0.05, 9)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Dropped != 15 || !reflect.DeepEqual(got, want) {
		t.Errorf("flagged %d; with the truth columns present the flags differ from those without", ex.Dropped)
	}
}

// TestCrossValidateWithout: nothing flagged is CrossValidate; flagged rows
// leave each fold's training part, and each fold is measured on its whole
// held-out fold and on its rows not flagged (the folds rebuilt here from
// the seed, as cvSplits deals them).
func TestCrossValidateWithout(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 300, DataSeed: 5}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := schemeConfig()
	plain, err := CrossValidate(context.Background(), d, cfg, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	none, err := CrossValidateWithout(context.Background(), d, cfg, 3, make([]bool, d.Table.Rows), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range none.Folds {
		if f.Scores != plain.Folds[i].Scores || *f.NotFlagged != f.Scores || f.Dropped != 0 || f.NotFlaggedRows != f.TestRows {
			t.Errorf("fold %d with nothing flagged: %+v, plain %+v", i+1, f, plain.Folds[i])
		}
	}
	flagged := make([]bool, d.Table.Rows)
	for i := range flagged {
		flagged[i] = i%10 == 3
	}
	res, err := CrossValidateWithout(context.Background(), d, cfg, 3, flagged, nil)
	if err != nil {
		t.Fatal(err)
	}
	folds, err := data.StratifiedKFold(d.Table.Label.Values, 3, data.NewRand(cfg.Seed^cvSeedStream))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range res.Folds {
		inTest, inTrain := 0, 0
		for _, r := range folds[i].Test {
			if flagged[r] {
				inTest++
			}
		}
		for _, r := range folds[i].Train {
			if flagged[r] {
				inTrain++
			}
		}
		if f.TestRows != len(folds[i].Test) || f.NotFlaggedRows != len(folds[i].Test)-inTest || f.Dropped != inTrain || inTrain == 0 {
			t.Errorf("fold %d: %d test rows, %d not flagged, %d dropped; want %d, %d, %d", i+1, f.TestRows, f.NotFlaggedRows, f.Dropped,
				len(folds[i].Test), len(folds[i].Test)-inTest, inTrain)
		}
	}
	if res.NotFlaggedMean == nil {
		t.Error("no mean over the folds' unflagged rows")
	}
}
