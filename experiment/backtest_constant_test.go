package experiment

import (
	"math"
	"reflect"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
)

// constantFold is a fold whose cohorts have the given counts and whose
// models have the given log losses (NaN bgnbd: BG/NBD not fitted).
func constantFold(fold, trainPos, trainN, testPos, testN int, network, bgnbd float64) BacktestFold {
	f := BacktestFold{Fold: fold,
		Train:   data.CohortReport{Customers: trainN, Positives: trainPos, PositiveRate: float64(trainPos) / float64(trainN)},
		Test:    data.CohortReport{Customers: testN, Positives: testPos, PositiveRate: float64(testPos) / float64(testN)},
		Network: metrics.Report{LogLoss: network}, BGNBD: metrics.Report{LogLoss: bgnbd}}
	if math.IsNaN(bgnbd) {
		f.BGNBDErr = &BaselineError{Detail: "not fitted"}
		f.BGNBD = metrics.Report{}
	}
	return f
}

// TestConstantLogLoss checks the constant-rate log loss against figures
// computed by hand: −(q ln p + (1 − q) ln(1 − p)), p the training rate, q
// the test rate.
func TestConstantLogLoss(t *testing.T) {
	for _, c := range []struct {
		name                             string
		trainPos, trainN, testPos, testN int
		want                             float64
	}{
		// p = 3/4, q = 1/2: (ln 4/3 + ln 4) / 2 = (0.287682 + 1.386294) / 2.
		{"even test", 3, 4, 1, 2, 0.8369882167858358},
		// review38's fold 1 of Online Retail outside the UK at 90 days:
		// 99 of 173 training, 129 of 253 test customers (pandas gave
		// 0.7008 for the same rates).
		{"review38 fold 1", 99, 173, 129, 253, 0.7008230876808653},
		// Every test customer positive: −ln p = ln 5.
		{"all positive", 1, 5, 4, 4, math.Log(5)},
	} {
		f := constantFold(1, c.trainPos, c.trainN, c.testPos, c.testN, 0, 0)
		if got := f.ConstantLogLoss(); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: constant log loss %.15g, want %.15g", c.name, got, c.want)
		}
	}
	if f := constantFold(1, 0, 0, 1, 2, 0, 0); !math.IsNaN(f.ConstantLogLoss()) {
		t.Errorf("no training customers: %g, want NaN", f.ConstantLogLoss())
	}
}

// TestWorseThanConstant checks that a fold, and a mean, whose log loss is
// above the constant-rate log loss is named, for the network and BG/NBD,
// and nothing else is; and that BG/NBD is called better calibrated only
// by more than the margin.
func TestWorseThanConstant(t *testing.T) {
	// Fold 1's constant is 0.8369882 (TestConstantLogLoss), fold 2's
	// (p = 1/2, q = 1/2) is ln 2 = 0.6931472; their mean is 0.7650677.
	res := &BacktestResult{Folds: []BacktestFold{
		constantFold(1, 3, 4, 1, 2, 0.90, 0.60),
		constantFold(2, 2, 4, 1, 2, 0.65, 0.70),
	}}
	res.Network = summariseBacktest(res.Folds, func(f *BacktestFold) metrics.Report { return f.Network })
	bg := summariseBacktest(res.Folds, func(f *BacktestFold) metrics.Report { return f.BGNBD })
	res.BGNBD = &bg
	mean := (0.8369882167858358 + math.Log(2)) / 2
	if got := res.MeanConstantLogLoss(); math.Abs(got-mean) > 1e-12 {
		t.Fatalf("mean constant log loss %.15g, want %.15g", got, mean)
	}
	// The network's mean 0.775 is above 0.7651; BG/NBD's 0.65 is not,
	// but its fold 2 (0.70 > 0.6931) is.
	want := []WorseThanConstant{
		{Model: "network", Fold: 1, LogLoss: 0.90, Constant: 0.8369882167858358},
		{Model: "network", Fold: 0, LogLoss: 0.775, Constant: mean},
		{Model: "bgnbd", Fold: 2, LogLoss: 0.70, Constant: math.Log(2)},
	}
	got := res.WorseThanConstant()
	if len(got) != len(want) {
		t.Fatalf("flags %+v, want %+v", got, want)
	}
	for i := range want {
		g := got[i]
		if g.Model != want[i].Model || g.Fold != want[i].Fold || math.Abs(g.LogLoss-want[i].LogLoss) > 1e-12 ||
			math.Abs(g.Constant-want[i].Constant) > 1e-12 {
			t.Errorf("flag %d: %+v, want %+v", i, g, want[i])
		}
	}
	// BG/NBD's mean 0.65 against the network's 0.775: better by 0.125,
	// lower in fold 1 only.
	if better, ahead := res.BGNBDBetterCalibrated(); !better || ahead != 1 {
		t.Errorf("better calibrated %v in %d folds, want true in 1", better, ahead)
	}
	// Within the margin: not called better.
	res.BGNBD.Mean.LogLoss = res.Network.Mean.LogLoss - BGNBDLogLossMargin/2
	if better, _ := res.BGNBDBetterCalibrated(); better {
		t.Error("BG/NBD better within the margin")
	}

	// BG/NBD not fitted on fold 2: its fold 2 is not judged, and there is
	// no BG/NBD mean.
	res = &BacktestResult{Folds: []BacktestFold{
		constantFold(1, 3, 4, 1, 2, 0.5, 0.6),
		constantFold(2, 2, 4, 1, 2, 0.5, math.NaN()),
	}}
	res.Network = summariseBacktest(res.Folds, func(f *BacktestFold) metrics.Report { return f.Network })
	if got := res.WorseThanConstant(); !reflect.DeepEqual(got, []WorseThanConstant(nil)) {
		t.Errorf("flags %+v, want none", got)
	}
	if better, _ := res.BGNBDBetterCalibrated(); better {
		t.Error("BG/NBD better calibrated without a mean")
	}
}
