package experiment

import (
	"errors"
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// TestNewBuiltinEqualsTablePath checks that drawing the built-in shop
// straight into the matrices gives exactly what loading its table and
// preparing it does: the same split, pipeline, matrices bit for bit,
// labels, true probabilities and first weights. The reference is the table
// path itself (Load then New), run in the same test; the shop spans two of
// the generator's blocks of 16,384 users, and the configurations cover
// every scaling, both imputations, log1p on and off and a calibration part.
func TestNewBuiltinEqualsTablePath(t *testing.T) {
	src := Source{Kind: "builtin", Users: 20_000, DataSeed: 7}
	minmax := DefaultConfig()
	minmax.Pipeline = data.PipelineOptions{Scale: data.ScaleMinMax, Impute: data.ImputeMedian}
	robust := DefaultConfig()
	robust.Pipeline.Scale, robust.TestFrac, robust.Seed = data.ScaleRobust, 0.2, 3
	calibrated := DefaultConfig()
	calibrated.CalibFrac, calibrated.Calibration, calibrated.Pipeline.Scale = 0.1, CalibPlatt, data.ScaleNone
	for name, cfg := range map[string]Config{"default": DefaultConfig(), "minmax": minmax, "robust": robust, "calibrated": calibrated} {
		t.Run(name, func(t *testing.T) {
			d, err := Load(src, nil)
			if err != nil {
				t.Fatal(err)
			}
			want, err := New(d, cfg)
			if err != nil {
				t.Fatal(err)
			}
			var seen *Data
			gotData, got, err := NewBuiltin(src, cfg, func(d *Data) error { seen = d; return nil })
			if err != nil {
				t.Fatal(err)
			}
			if seen != gotData {
				t.Error("before did not see the returned Data")
			}
			if got.Pipeline.Duplicates != 0 || want.Pipeline.Duplicates != 0 {
				t.Errorf("duplicates dropped: %d streamed, %d from the table (the ids are distinct)",
					got.Pipeline.Duplicates, want.Pipeline.Duplicates)
			}
			if !reflect.DeepEqual(got.Pipeline, want.Pipeline) {
				t.Errorf("pipeline differs:\n got %+v\nwant %+v", got.Pipeline, want.Pipeline)
			}
			if !reflect.DeepEqual(got.Split, want.Split) || !slices.Equal(got.CalibRows, want.CalibRows) ||
				!slices.Equal(got.TrainRows, want.TrainRows) {
				t.Error("split differs")
			}
			if name == "calibrated" && got.Calib.Rows == 0 {
				t.Error("no calibration part")
			}
			for _, p := range []struct {
				name      string
				got, want engine.Dataset
			}{{"calib", got.Calib, want.Calib}, {"train", got.Train, want.Train},
				{"val", got.Val, want.Val}, {"test", got.Test, want.Test}} {
				if !sameBits(p.got.X, p.want.X) || !sameBits(p.got.Y, p.want.Y) ||
					p.got.Rows != p.want.Rows || p.got.Cols != p.want.Cols {
					t.Errorf("%s part differs: %d×%d, want %d×%d", p.name, p.got.Rows, p.got.Cols, p.want.Rows, p.want.Cols)
				}
			}
			if !sameBits(gotData.TrueProb, d.TrueProb) || !sameBits(gotData.Table.Label.Values, d.Table.Label.Values) {
				t.Error("true probabilities or labels differ")
			}
			if got.Config.Train.L2 != want.Config.Train.L2 {
				t.Errorf("L2 %v, want %v", got.Config.Train.L2, want.Config.Train.L2)
			}
			for i, l := range got.Net.Layers {
				if !sameBits(l.W, want.Net.Layers[i].W) || !sameBits(l.B, want.Net.Layers[i].B) {
					t.Errorf("layer %d: first weights differ", i)
				}
			}
			if !reflect.DeepEqual(data.LoadNotes(gotData.Table), data.LoadNotes(d.Table)) {
				t.Errorf("load notes %q, want %q", data.LoadNotes(gotData.Table), data.LoadNotes(d.Table))
			}
		})
	}
}

// sameBits reports whether a and b hold the same float64 bits.
func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

// TestNewBuiltinRefuses checks the sources NewBuiltin does not draw, and
// that an error from before stops it before the matrices.
func TestNewBuiltinRefuses(t *testing.T) {
	cfg := DefaultConfig()
	for _, src := range []Source{{Kind: "csv", Path: "x.csv"}, {Kind: "builtin", Exclude: []string{"tenure_days"}}} {
		if _, _, err := NewBuiltin(src, cfg, nil); !errors.Is(err, ErrSource) {
			t.Errorf("%+v: err %v, want ErrSource", src, err)
		}
	}
	if _, _, err := NewBuiltin(Source{Kind: "builtin", Users: data.MaxShopUsers + 1}, cfg, nil); !errors.Is(err, data.ErrShopSize) {
		t.Errorf("too many users: err %v, want ErrShopSize", err)
	}
	stop := errors.New("no room")
	if _, _, err := NewBuiltin(Source{Kind: "builtin", Users: 50}, cfg, func(*Data) error { return stop }); err != stop {
		t.Errorf("before's error: got %v", err)
	}
}
