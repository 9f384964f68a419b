package experiment

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
)

// TestCheckSplitRefusesAPartTooSmallToMeasure: four users, two of each
// class, leave the default validation part empty (a share of 0.1 of each
// class of two rounds to no row); CheckSplit says so before anything is
// built, as CheckPart says it of the built experiment, and with no
// validation share the training part is the one checked, and passes.
func TestCheckSplitRefusesAPartTooSmallToMeasure(t *testing.T) {
	const csv = "id,age,spend,churn\n1,30,10,yes\n2,40,20,no\n3,50,5,yes\n4,20,30,no\n"
	d, err := Load(Source{Kind: "csv", Path: "four.csv"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(csv)), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	want := "the validation part has 0 rows and 0 positives: too few to measure a model"
	err = CheckSplit(d, cfg)
	var small *PartTooSmallError
	if !errors.As(err, &small) || err.Error() != want || !errors.Is(err, ErrTooFewRows) {
		t.Errorf("CheckSplit: %v, want %q", err, want)
	}
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.CheckPart(FinalPart(cfg)); err == nil || err.Error() != want {
		t.Errorf("CheckPart: %v, want %q", err, want)
	}
	cfg.ValFrac, cfg.CalibFrac = 0, 0
	if err := CheckSplit(d, cfg); err != nil {
		t.Errorf("no validation share: %v, want the training part's 4 rows, 2 positives accepted", err)
	}
	if err := CheckPart(TestPart, []float64{1, 1, 1}); err == nil ||
		err.Error() != "the test part has 3 rows and 3 positives: too few to measure a model" {
		t.Errorf("one class: %v", err)
	}
}

// TestCheckThreshold: 0, 1, NaN and beyond are refused with the command
// line's message, which wraps engine.ErrConfig and a *ThresholdError.
func TestCheckThreshold(t *testing.T) {
	for _, th := range []float64{0.01, 0.5, 0.99} {
		if err := CheckThreshold(th); err != nil {
			t.Errorf("%g: %v", th, err)
		}
	}
	for th, want := range map[float64]string{
		0:     "invalid configuration: threshold must be in (0, 1), got 0",
		1:     "invalid configuration: threshold must be in (0, 1), got 1",
		-0.05: "invalid configuration: threshold must be in (0, 1), got -0.05",
	} {
		err := CheckThreshold(th)
		var te *ThresholdError
		if err == nil || err.Error() != want || !errors.Is(err, engine.ErrConfig) || !errors.As(err, &te) || te.Threshold != th {
			t.Errorf("%g: %v, want %q", th, err, want)
		}
	}
}
