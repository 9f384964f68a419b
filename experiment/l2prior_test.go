package experiment

import "testing"

// TestL2Prior: the decay is the prior over the rows trained on, capped.
func TestL2Prior(t *testing.T) {
	for _, tc := range []struct {
		users int
		cap   bool
	}{{100, true}, {20000, false}} {
		d, err := Load(Source{Kind: "builtin", Users: tc.users}, fileOpener)
		if err != nil {
			t.Fatal(err)
		}
		cfg := DefaultConfig()
		cfg.L2Prior = 50
		e, err := New(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		want := 50 / float64(len(e.TrainRows))
		if tc.cap {
			want = L2PriorCap
		}
		if e.Config.Train.L2 != want || e.Trainer == nil {
			t.Errorf("%d users, %d training rows: L2 %g, want %g", tc.users, len(e.TrainRows), e.Config.Train.L2, want)
		}
	}
	cfg := DefaultConfig()
	cfg.L2Prior = -1
	if err := cfg.Validate(); err == nil || err.Error() != "invalid configuration: L2 prior must be a number from 0 to 1e9, got -1" {
		t.Errorf("negative prior: %v", err)
	}
}
