package experiment

import (
	"math"
	"testing"
)

// TestBatchExplainerEqualsExplain explains the same users one at a time
// (Explainer.Explain, the reference) and in one batch, with isotonic and
// Platt calibration and without: the calibrated probabilities, the reasons'
// order, values and attributions must agree (attributions within 1e-9).
func TestBatchExplainerEqualsExplain(t *testing.T) {
	for _, method := range []CalibrationMethod{CalibIsotonic, CalibPlatt, CalibNone} {
		cfg := calibrated(method)
		cfg.Train.Epochs = 3
		if method == CalibNone {
			cfg.CalibFrac = 0
		}
		e := trainedOn(t, Source{Kind: "builtin", Users: 3000, DataSeed: 11}, cfg)
		x := e.Explainer()
		if (x.Calibration == nil) != (method == CalibNone) {
			t.Fatalf("%s: calibration %v", method, x.Calibration)
		}
		var rows [][]float64
		for _, r := range e.Split.Validation[:200] {
			row, err := e.Row(r)
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, row)
		}
		b, err := x.Batch()
		if err != nil {
			t.Fatal(err)
		}
		got := make([]Explanation, len(rows))
		if err := b.Explain(got, rows); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			want, err := x.Explain(row)
			if err != nil {
				t.Fatal(err)
			}
			g := got[i]
			if math.Abs(g.Prob-want.Prob) > 1e-9 || math.Abs(g.BaselineProb-want.BaselineProb) > 1e-9 {
				t.Fatalf("%s row %d: P %v from %v, single %v from %v", method, i, g.Prob, g.BaselineProb, want.Prob, want.BaselineProb)
			}
			for k, w := range want.Reasons {
				r := g.Reasons[k]
				if r.Column != w.Column || r.Value != w.Value || math.Abs(r.Attribution-w.Attribution) > 1e-9 {
					t.Fatalf("%s row %d reason %d: %+v, single %+v", method, i, k, r, w)
				}
			}
		}
	}
}
