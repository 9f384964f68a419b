package experiment

import (
	"runtime"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

func TestInputWidthMatchesTheFittedPipeline(t *testing.T) {
	csv := "id,visits,plan,member,churn\n1,3,basic,yes,no\n2,,plus,no,yes\n3,5,pro,yes,no\n4,1,basic,no,yes\n"
	tab, err := data.ReadCSV(strings.NewReader(csv), "m.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	// Groups of one keep every level: the estimate is exact. By default the
	// three plans, each seen fewer than 10 times, fold into one level and
	// the estimate is an upper bound.
	for _, opts := range []data.PipelineOptions{{MinGroup: 1}, {MissingIndicators: true, MinGroup: 1}, {}} {
		p, err := data.FitPipeline(tab, []int{0, 1, 2, 3}, opts)
		if err != nil {
			t.Fatal(err)
		}
		got := InputWidth(tab, opts)
		if (opts.MinGroup == 1 && got != p.Width()) || got < p.Width() {
			t.Errorf("%+v: estimated %d inputs, the pipeline has %d", opts, got, p.Width())
		}
	}
}

func TestTrainingMemory(t *testing.T) {
	d := textbookData(t) // 100 rows, 10 numeric features
	cfg := DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 1_000_000_000, Activation: engine.ReLU}}
	network, matrices := TrainingMemory(d, cfg, 1)
	arch := engine.Architecture{Inputs: 10, Hidden: cfg.Hidden, Outputs: 1, Loss: engine.BCE}
	if want := arch.TrainingMemory(cfg.Train.BatchSize, cfg.Train.Optimizer); network != want {
		t.Errorf("network %v bytes, want %v", network, want)
	}
	if network < 100<<30 {
		t.Errorf("a billion units estimated at %v bytes, below 100 GiB", network)
	}
	if want := 8.0 * 100 * 13; matrices != want {
		t.Errorf("matrices %v bytes, want %v", matrices, want)
	}
	cv, _ := TrainingMemory(d, cfg, 5)
	if want := float64(min(5, runtime.GOMAXPROCS(0))) * network; cv != want {
		t.Errorf("5 folds: %v bytes, want %v (the folds that train at once)", cv, want)
	}
}

func TestBuiltinMemory(t *testing.T) {
	if got := BuiltinMemory(1_000_000); got < 250e6 || got > 400e6 {
		t.Errorf("a million users estimated at %v bytes; 319 MB were measured", got)
	}
}
