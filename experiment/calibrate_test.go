package experiment

import (
	"bytes"
	"errors"
	"github.com/retainlab/retain/engine/metrics"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

// calibrated is DefaultConfig with the default calibration and a test part.
func calibrated(method CalibrationMethod) Config {
	cfg := DefaultConfig()
	cfg.TestFrac, cfg.CalibFrac, cfg.Calibration = 0.2, 0.2, method
	return cfg
}

// TestCalibrationPartIsDisjoint: the calibration part holds 20 % of each
// class outside the test part, taken from the training rows, and shares no
// row with training, early stopping or the test part; calibration 0 keeps
// the split as it was.
func TestCalibrationPartIsDisjoint(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 2000}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := New(d, quickConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, calibrated(CalibPlatt))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Split.Validation, plain.Split.Validation) || !slices.Equal(e.Split.Test, plain.Split.Test) {
		t.Fatal("carving the calibration part moved validation or test rows")
	}
	seen := map[int]bool{}
	for _, part := range [][]int{e.Split.Train, e.Split.Validation, e.Split.Test, e.CalibRows} {
		for _, r := range part {
			if seen[r] {
				t.Fatalf("row %d is in two parts", r)
			}
			seen[r] = true
		}
	}
	if len(seen) != d.Table.Rows {
		t.Fatalf("%d rows placed, table has %d", len(seen), d.Table.Rows)
	}
	var pos, outsidePos, outside int
	for _, r := range e.CalibRows {
		pos += int(d.Table.Label.Values[r])
	}
	for _, r := range append(slices.Clone(plain.Split.Train), plain.Split.Validation...) {
		outsidePos += int(d.Table.Label.Values[r])
		outside++
	}
	if want := int(0.2*float64(outsidePos) + 0.5); pos != want {
		t.Fatalf("calibration positives %d, want 20%% of %d = %d", pos, outsidePos, want)
	}
	if len(e.CalibRows)+len(e.Split.Train) != len(plain.Split.Train) || e.Calib.Rows != len(e.CalibRows) {
		t.Fatalf("calibration %d + train %d rows, plain train %d", len(e.CalibRows), len(e.Split.Train), len(plain.Split.Train))
	}
}

// TestCalibratesOnValidationByDefault: the default carves nothing (the
// training rows are those of an uncalibrated run), fits Platt on the
// validation part — the same map metrics.FitPlatt gives on the network's
// probabilities of those rows — records where in the map, and chooses the
// thresholds there.
func TestCalibratesOnValidationByDefault(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 4000}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.TestFrac, cfg.Train.Epochs = 0.2, 3
	plain, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.CalibFrac, cfg.Calibration = DefaultCalibFrac, DefaultCalibration
	e := trainedOn(t, Source{Kind: "builtin", Users: 4000}, cfg)
	if !slices.Equal(e.Split.Train, plain.Split.Train) || e.Calib.Rows != 0 || len(e.CalibRows) != 0 {
		t.Fatalf("train %d rows (plain %d), calibration part %d rows", len(e.Split.Train), len(plain.Split.Train), e.Calib.Rows)
	}
	cal, err := e.Calibration()
	if err != nil {
		t.Fatal(err)
	}
	raw, labels, _, err := e.RawScores(ValPart)
	if err != nil {
		t.Fatal(err)
	}
	want, err := metrics.FitPlatt(raw, labels)
	if err != nil {
		t.Fatal(err)
	}
	if cal == nil || cal.Platt == nil || *cal.Platt != want || cal.FittedOn != ValPart || cal.Rows != len(e.Split.Validation) {
		t.Fatalf("calibration %+v, want Platt %+v fitted on the %d validation rows", cal, want, len(e.Split.Validation))
	}
	if e.CalibrationPart() != ValPart || e.ThresholdPart() != ValPart {
		t.Fatalf("calibration part %q, threshold part %q: want validation", e.CalibrationPart(), e.ThresholdPart())
	}
	ch, err := e.CheckCalibration(TestPart)
	if err != nil || ch.FitPart != ValPart || ch.CalibRows != len(e.Split.Validation) {
		t.Fatalf("check %+v, %v", ch, err)
	}
}

// TestCalibrationOnASmallValidationPart: a validation part with fewer than
// MinCalibClassRows rows of a class is refused with the count, or with
// CalibIfPossible turns calibration off with that reason as the note.
func TestCalibrationOnASmallValidationPart(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 60}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.CalibFrac, cfg.Calibration = DefaultCalibFrac, CalibPlatt
	const want = "too few rows: built-in shop: the validation part holds 1 positive rows of purchases_next_30d to calibrate on (need at least 5): " +
		"use more data, a larger --val, --calib F to carve a calibration part of that share, or --calib 0 (none)"
	if _, err := New(d, cfg); err == nil || err.Error() != want || !errors.Is(err, ErrTooFewRows) {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	cfg.CalibIfPossible = true
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Config.Calibrates() || e.CalibrationPart() != "" || e.CalibNote != "not calibrated: "+want {
		t.Fatalf("calibrates %v on %q, note %q", e.Config.Calibrates(), e.CalibrationPart(), e.CalibNote)
	}
}

// TestCalibrationShareTooLarge: a share that leaves too few rows of a class
// is refused with the counts.
func TestCalibrationShareTooLarge(t *testing.T) {
	d, err := Load(Source{Kind: "textbook"}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	cfg := calibrated(CalibPlatt)
	cfg.CalibFrac = 0.02
	_, err = New(d, cfg)
	want := "too few rows: built-in shop: calibration share 0.02 gives 1 negative rows of purchases_next_30d to calibrate on " +
		"and leaves 50 to train on (need at least 5 to calibrate and 1 to train): use more data, a larger --calib, --calib val (the validation part), or --calib 0 (none)"
	if !errors.Is(err, ErrTooFewRows) || err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
}

// TestCalibratedBuiltinShop is the "done when": on the built-in
// shop (20,000 users, true probabilities known) the calibrated model's
// expected calibration error on the 4,000-row test part is at most 0.02,
// both against the held-out labels and against the true probabilities.
// Measured at seed 1 (`retain train --builtin-users 20000 --test 0.2`):
// labels 0.0171 → 0.0141, true probabilities 0.0113 → 0.0090.
func TestCalibratedBuiltinShop(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on 20,000 users")
	}
	e := trainedOn(t, Source{Kind: "builtin", Users: 20000}, calibrated(CalibPlatt))
	ch, err := e.CheckCalibration(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ECE against labels %.4f → %.4f, against true probabilities %.4f → %.4f",
		ch.ECEBefore, ch.ECEAfter, *ch.TrueECEBefore, *ch.TrueECEAfter)
	if ch.ECEAfter > 0.02 || *ch.TrueECEAfter > 0.02 || ch.Part != TestPart || ch.Method != CalibPlatt {
		t.Fatalf("calibrated ECE %.4f (labels), %.4f (true): want ≤ 0.02", ch.ECEAfter, *ch.TrueECEAfter)
	}
}

// TestCalibrationUndoesPosWeight: trained with positive weight 5 the
// network's mean probability on the test part far exceeds the observed
// positive rate; Platt scaling fitted on the unweighted calibration rows
// brings it back to within 0.02.
func TestCalibrationUndoesPosWeight(t *testing.T) {
	cfg := calibrated(CalibPlatt)
	cfg.Train.PosWeight, cfg.Train.Epochs = 5, 30
	e := trainedOn(t, Source{Kind: "builtin", Users: 5000}, cfg)
	raw, labels, _, err := e.RawScores(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	cal, _, _, err := e.Scores(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	rate, before, after := mean(labels), mean(raw), mean(cal)
	t.Logf("observed %.4f, mean probability %.4f before, %.4f after", rate, before, after)
	if before-rate < 0.1 || math.Abs(after-rate) > 0.02 {
		t.Fatalf("observed rate %.4f, mean probability %.4f before and %.4f after calibration", rate, before, after)
	}
}

func mean(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

// TestBundleCalibration: the model file carries the calibration, scores
// through it, and a file without it scores with the network's own
// probabilities.
func TestBundleCalibration(t *testing.T) {
	e := trainedOn(t, Source{Kind: "builtin", Users: 2000}, func() Config {
		c := calibrated(CalibIsotonic)
		c.Train.Epochs = 3
		return c
	}())
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	if b.Calibration == nil || b.Calibration.Method != CalibIsotonic || b.Calibration.Rows != e.Calib.Rows {
		t.Fatalf("bundle calibration %+v", b.Calibration)
	}
	raw := encodeBundle(t, b)
	back, err := ReadBundle(bytes.NewReader(raw), "m.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := back.ScoreTable(e.Data.Table)
	if err != nil {
		t.Fatal(err)
	}
	all, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	for r := range all.Probabilities {
		if math.Abs(s.Probabilities[r]-all.Probabilities[r]) > 1e-12 {
			t.Fatalf("row %d: file scores %v, experiment %v", r, s.Probabilities[r], all.Probabilities[r])
		}
	}
	back.Calibration = nil // an older file
	old, err := back.ScoreTable(e.Data.Table)
	if err != nil {
		t.Fatal(err)
	}
	net, _, _, err := e.RawScores(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range e.Split.Test {
		if math.Abs(old.Probabilities[r]-net[i]) > 1e-12 {
			t.Fatalf("row %d without calibration: %v, network %v", r, old.Probabilities[r], net[i])
		}
	}
	bad := strings.Replace(string(raw), `"method": "isotonic"`, `"method": "beta"`, 1)
	_, err = ReadBundle(strings.NewReader(bad), "m.json")
	if want := `model file m.json: calibration: method "beta": want platt or isotonic`; err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
}

// TestCalibrationIfPossible: the default share on data too small for it
// drops calibration and says why instead of refusing.
func TestCalibrationIfPossible(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 60}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	cfg := calibrated(CalibPlatt)
	if _, err := New(d, cfg); !errors.Is(err, ErrTooFewRows) {
		t.Fatalf("without CalibIfPossible: err = %v", err)
	}
	cfg.CalibIfPossible = true
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Config.Calibrates() || e.Calib.Rows != 0 || !strings.HasPrefix(e.CalibNote, "not calibrated: too few rows: built-in shop: calibration share 0.2 gives ") {
		t.Fatalf("calibrates %v, %d rows, note %q", e.Config.Calibrates(), e.Calib.Rows, e.CalibNote)
	}
}

// TestOutOfTimeCalibratesOnTheEarlierCohort: validated out of time, the
// calibration part comes from the training cohort at t − h (60 customers,
// 30 of them positive: 20 % of the 48 outside validation is 6 + 6), never
// from the customers measured at t.
func TestOutOfTimeCalibratesOnTheEarlierCohort(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation, cfg.CalibFrac, cfg.Calibration = OutOfTime, 0.2, CalibPlatt
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if e.Scheme() != OutOfTime || e.Data == d {
		t.Fatalf("scheme %v: want out of time on the earlier cohort", e.Scheme())
	}
	if e.Calib.Rows != 12 || slices.ContainsFunc(e.CalibRows, func(r int) bool { return slices.Contains(e.Split.Train, r) || slices.Contains(e.Split.Validation, r) }) {
		t.Fatalf("%d calibration rows %v; train %v", e.Calib.Rows, e.CalibRows, e.Split.Train)
	}
	for i, r := range e.CalibRows {
		if e.Calib.Y[i] != e.Data.Table.Label.Values[r] {
			t.Fatalf("calibration row %d's label is not the earlier cohort's", r)
		}
	}
}

// TestCalibrationConcurrentScores: screens score the same experiment from
// several goroutines; the calibration is fitted once and shared (run with
// -race).
func TestCalibrationConcurrentScores(t *testing.T) {
	cfg := calibrated(CalibIsotonic)
	cfg.Train.Epochs = 1
	e := trainedOn(t, Source{Kind: "builtin", Users: 1000}, cfg)
	var wg sync.WaitGroup
	got := make([][]float64, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _, _, _ = e.Scores(TestPart)
		}()
	}
	wg.Wait()
	for i := range got {
		if !slices.Equal(got[i], got[0]) || len(got[i]) != e.Test.Rows {
			t.Fatalf("goroutine %d scored %d rows differently", i, len(got[i]))
		}
	}
}
