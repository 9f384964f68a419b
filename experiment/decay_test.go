package experiment

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/engine/metrics"
)

// trainedWith trains the default configuration, changed by edit, on d.
func trainedWith(t *testing.T, d *Data, edit func(c *Config)) *Experiment {
	t.Helper()
	cfg := DefaultConfig()
	cfg.Train.Epochs = 30
	edit(&cfg)
	e, err := New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestDecayCheck: the check's second network is the one a run with the
// alternative prior alone trains (same split, first weights and shuffles),
// its figures are metrics.PairedLogLossTest's on the validation part, and
// the network kept follows the rule: the alternative when z < −DecaySwitchZ.
func TestDecayCheck(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 3000}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	// The default's pair; an alternative the cap makes far stronger; a
	// prior that strong with the default's alternative (which must win).
	// The last pair again with positives weighing 5: the check compares the
	// weighted loss the networks were trained and early-stopped on.
	for _, pair := range [][3]float64{{20, 5, 1}, {20, 2000, 1}, {2000, 5, 1}, {20, 2, 5}} {
		prior, alt, pw := pair[0], pair[1], pair[2]
		e := trainedWith(t, d, func(c *Config) { c.L2Prior, c.L2PriorAlt, c.Train.PosWeight = prior, alt, pw })
		main := trainedWith(t, d, func(c *Config) { c.L2Prior, c.L2PriorAlt, c.Train.PosWeight = prior, 0, pw })
		other := trainedWith(t, d, func(c *Config) { c.L2Prior, c.L2PriorAlt, c.Train.PosWeight = alt, 0, pw })
		dc := e.Decay
		if dc == nil {
			t.Fatalf("alt %g: no decay check", alt)
		}
		w := make([]float64, len(main.Val.Y))
		for i, y := range main.Val.Y {
			w[i] = 1 + (pw-1)*y
		}
		want, err := metrics.PairedLogLossTest(main.rawProbs(main.Val), other.rawProbs(other.Val), main.Val.Y, w)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(dc.Loss-want.A) > 1e-12 || math.Abs(dc.AltLoss-want.B) > 1e-12 || math.Abs(dc.Z-want.Z) > 1e-9 ||
			dc.Rows != main.Val.Rows || dc.L2 != main.Config.Train.L2 || dc.AltL2 != other.Config.Train.L2 {
			t.Fatalf("alt %g: check %+v, want losses %g, %g, z %g on %d rows", alt, *dc, want.A, want.B, want.Z, main.Val.Rows)
		}
		if dc.Switched != (want.Z < -DecaySwitchZ) {
			t.Fatalf("alt %g: switched %v at z %g", alt, dc.Switched, want.Z)
		}
		if prior == 2000 && !dc.Switched {
			t.Fatalf("a decay of %g kept over %g: %+v", main.Config.Train.L2, other.Config.Train.L2, *dc)
		}
		kept, keptPrior := main, prior
		if dc.Switched {
			kept, keptPrior = other, alt
		}
		if !slices.Equal(e.Net.Params(), kept.Net.Params()) || e.Config.L2Prior != keptPrior || e.Config.Train.L2 != kept.Config.Train.L2 {
			t.Errorf("alt %g: kept network or decay is not the chosen run's (prior %g, L2 %g)", alt, e.Config.L2Prior, e.Config.Train.L2)
		}
		t.Logf("alt %g: losses %.4f / %.4f, z %.2f, switched %v", alt, dc.Loss, dc.AltLoss, dc.Z, dc.Switched)
	}
}

// TestDecayCheckOnlyWhenItCan: no check without a prior, without a
// validation part, or once it has run.
func TestDecayCheckOnlyWhenItCan(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 400}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range map[string]func(c *Config){
		"fixed decay":   func(c *Config) { c.L2Prior, c.Train.L2 = 0, 1e-3 },
		"no validation": func(c *Config) { c.ValFrac, c.Train.EarlyStop.Patience, c.Calibration = 0, 0, CalibNone },
		"no check":      func(c *Config) { c.L2PriorAlt = 0 },
	} {
		if e := trainedWith(t, d, edit); e.Decay != nil {
			t.Errorf("%s: a decay check ran: %+v", name, *e.Decay)
		}
	}
	e := trainedWith(t, d, func(*Config) {})
	if e.Decay == nil || e.ChecksDecay() {
		t.Fatalf("default: check %v, checks again %v", e.Decay, e.ChecksDecay())
	}
	cfg := DefaultConfig()
	cfg.L2PriorAlt = math.Inf(1)
	if err := cfg.Validate(); err == nil || err.Error() != "invalid configuration: alternative L2 prior must be a number from 0 to 1e9, got +Inf" {
		t.Errorf("infinite alternative: %v", err)
	}
}
