package experiment

import (
	"slices"
	"testing"
)

// labelsOf is rows labels, the first pos of them 1.
func labelsOf(rows, pos int) []float64 {
	y := make([]float64, rows)
	for i := range pos {
		y[i] = 1
	}
	return y
}

// Platt scaling is fitted only with 20 rows of each class and enough rows
// to know the positive rate within ±0.05 at 95 %. The least rows are
// (1.959964/0.05)² = 1536.58 times φ(1−φ), worked by hand: 47 rows with 20
// positive give φ(1−φ) = 540/2209 = 0.244454, so 375.62, 376 rows; φ = 1/2
// gives 384.15, 385 rows; 19 of 1,000 gives 0.018639, so 28.64, 29 rows.
func TestPlattTooFew(t *testing.T) {
	for _, c := range []struct {
		rows, pos int
		dropped   bool
		minRows   int
	}{
		{47, 20, true, 376},    // the 61-day log of review 10: 20 of each class but 47 < 376 rows
		{1000, 19, true, 29},   // enough rows, 19 positives
		{1000, 981, true, 29},  // enough rows, 19 negatives
		{1000, 20, false, 31},  // 20 positives: φ(1−φ) = 0.0196, 30.12, 31 rows
		{384, 192, true, 385},  // φ = 1/2: one row short
		{386, 193, false, 385}, // φ = 1/2: enough
	} {
		d := plattTooFew(labelsOf(c.rows, c.pos), ValPart)
		if (d != nil) != c.dropped {
			t.Errorf("%d rows, %d positive: dropped %+v, want dropped %v", c.rows, c.pos, d, c.dropped)
			continue
		}
		if d != nil && (d.Rows != c.rows || d.Positives != c.pos || d.MinClassRows != 20 || d.MinRows != c.minRows ||
			d.Method != CalibPlatt || d.FitPart != ValPart) {
			t.Errorf("%d rows, %d positive: %+v, want min rows %d", c.rows, c.pos, d, c.minRows)
		}
	}
}

// The reason names the rows, the classes and what Platt scaling needs.
func TestCalibrationDroppedWhy(t *testing.T) {
	d := plattTooFew(labelsOf(47, 20), ValPart)
	want := "the 47 validation rows hold 20 positive and 27 negative: too few to fit Platt scaling, which needs " +
		"at least 20 of each class (10 per parameter) and 376 rows at this positive rate (to know it within ±0.05 at 95 %), " +
		"so the network's own probabilities are kept"
	if got := d.Why(); got != want {
		t.Errorf("why\n%s\nwant\n%s", got, want)
	}
}

// On a validation part of 201 rows, the default fits no Platt map: the
// experiment says why, checks no calibration, and scores with the
// network's own probabilities.
func TestDefaultPlattNotFittedOnFewRows(t *testing.T) {
	cfg := DefaultConfig()
	cfg.TestFrac, cfg.Train.Epochs = 0.2, 3
	cfg.CalibFrac, cfg.Calibration = DefaultCalibFrac, DefaultCalibration
	e := trainedOn(t, Source{Kind: "builtin", Users: 2000}, cfg)
	cal, err := e.Calibration()
	if cal != nil || err != nil {
		t.Fatalf("calibration %+v, %v: want none", cal, err)
	}
	pos := 0
	for _, r := range e.Split.Validation {
		pos += int(e.Data.Table.Label.Values[r])
	}
	d, err := e.CalibrationDropped()
	want := CalibrationDropped{Method: CalibPlatt, FitPart: ValPart, Rows: 201, Positives: pos, MinClassRows: 20,
		MinRows: minPlattRows(pos, 201)}
	if err != nil || d == nil || *d != want || len(e.Split.Validation) != 201 {
		t.Fatalf("dropped %+v, %v; want %+v", d, err, want)
	}
	if ch, err := e.CheckCalibration(TestPart); ch != nil || err != nil {
		t.Errorf("check %+v, %v: want none", ch, err)
	}
	probs, _, _, err := e.Scores(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	raw, _, _, err := e.RawScores(TestPart)
	if err != nil || !slices.Equal(probs, raw) {
		t.Errorf("scores differ from the network's own (%v)", err)
	}
}
