package experiment

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

// datasetPath returns a file under ../shared/datasets, skipping when absent.
func datasetPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "datasets", rel)
	shareddata.Need(t, p)
	return p
}

func trainedTelco(t *testing.T) *Experiment {
	t.Helper()
	d, err := Load(Source{Kind: "csv", Path: datasetPath(t, "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv")}, osOpen)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 3
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestExplanationIsCompleteInOriginalColumns(t *testing.T) {
	e := trainedTelco(t)
	x := e.Explainer()
	for _, tableRow := range e.Split.Validation[:5] {
		row, err := e.Row(tableRow)
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Explain(row)
		if err != nil {
			t.Fatal(err)
		}
		if len(ex.Reasons) != len(e.Pipeline.Columns) {
			t.Fatalf("%d reasons for %d columns", len(ex.Reasons), len(e.Pipeline.Columns))
		}
		sum := 0.0
		for i, r := range ex.Reasons {
			sum += r.Attribution
			if i > 0 && math.Abs(r.Attribution) > math.Abs(ex.Reasons[i-1].Attribution) {
				t.Fatal("reasons not sorted by |attribution|")
			}
		}
		if d := sum - (ex.Prob - ex.BaselineProb); math.Abs(d) > 1e-3 {
			t.Errorf("row %d: reasons sum to %v, prediction moved %v", tableRow, sum, ex.Prob-ex.BaselineProb)
		}
		// The contract column is categorical in the raw file: its value must be a level.
		for _, r := range ex.Reasons {
			if r.Column == "Contract" && r.Value != e.Data.Table.Column("Contract").Strings[tableRow] {
				t.Errorf("row %d: Contract shown as %q, file has %q", tableRow, r.Value, e.Data.Table.Column("Contract").Strings[tableRow])
			}
			if r.Column == "tenure" {
				if want := e.Data.Table.Column("tenure").Values[tableRow]; r.Value != FormatValue(want) {
					t.Errorf("row %d: tenure shown as %q, file has %v", tableRow, r.Value, want)
				}
			}
		}
	}
}

func TestWhatIfAndSweep(t *testing.T) {
	e := trainedTelco(t)
	x := e.Explainer()
	row, _ := e.Row(e.Split.Validation[0])
	changed, err := x.Set(row, "Contract", "Two year")
	if err != nil {
		t.Fatal(err)
	}
	back, err := x.Set(changed, "contract", x.Value(row, colIndex(t, x, "Contract")))
	if err != nil {
		t.Fatal(err)
	}
	if x.Predict(back) != x.Predict(row) {
		t.Error("setting Contract back to its value did not restore the prediction")
	}
	sw, err := x.Sweep(row, "Contract", 0)
	if err != nil || len(sw) != 3 {
		t.Fatalf("sweep over Contract: %v, %v; want its 3 levels", sw, err)
	}
	for _, p := range sw {
		r, _ := x.Set(row, "Contract", p.Value)
		if x.Predict(r) != p.Prob {
			t.Errorf("sweep at %s: %v, what-if %v", p.Value, p.Prob, x.Predict(r))
		}
	}
	num, err := x.Sweep(row, "tenure", 5)
	// The k-anonymous training range: the mean of the 10th to 19th
	// smallest training tenures (recomputed here from the fit rows; telco
	// has only 11 customers with tenure 0, the blank TotalCharges rows, and
	// hundreds with 1) up to that of the 10th to 19th largest (hundreds
	// have 72).
	var tenures []float64
	for _, r := range e.Pipeline.FitRows {
		tenures = append(tenures, e.Data.Table.Column("tenure").Values[r])
	}
	slices.Sort(tenures)
	var low float64
	for _, v := range tenures[9:19] {
		low += v
	}
	low /= 10
	if err != nil || math.Abs(num[0].X-low) > 1e-12 || num[4].X != 72 || num[4].Value != "72" {
		t.Fatalf("tenure sweep %v, %v; want %v … 72 (the k-anonymous training range)", num, err, low)
	}
	if _, err := x.Set(row, "nope", "1"); !errors.Is(err, ErrUnknownColumn) {
		t.Errorf("unknown column: %v", err)
	}
	if _, err := x.Set(row, "tenure", "abc"); err == nil || err.Error() != `tenure needs a number, got "abc"` {
		t.Errorf("bad number: %v", err)
	}
	if _, err := x.Set(row, "Contract", "Weekly"); err == nil || err.Error() != "Contract has no level \"Weekly\" (levels: Month-to-month, One year, Two year)" {
		t.Errorf("bad level: %v", err)
	}
}

func colIndex(t *testing.T, x *Explainer, name string) int {
	i, err := x.column(name)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func TestImportanceRanksColumns(t *testing.T) {
	e := trainedTelco(t)
	base, imp, err := e.Importance(2)
	if err != nil {
		t.Fatal(err)
	}
	if base < 0.75 || len(imp) != len(e.Pipeline.Columns) {
		t.Fatalf("base AUC %v, %d importances", base, len(imp))
	}
	for i := 1; i < len(imp); i++ {
		if imp[i].Mean > imp[i-1].Mean {
			t.Fatal("importances not sorted")
		}
	}
}
