package modelscreen

import (
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// servedLimits are the defaults of retain serve.
var servedLimits = experiment.Limits{MaxEpochs: 200, MaxParams: 1_000_000, MaxTrainMemory: 256 << 20}

// servedFixture is the default settings under servedLimits in c's
// language, on data of the given shape.
func servedFixture(c common.Common, shape experiment.Shape) Model {
	s := New(c, experiment.DefaultConfig(), servedLimits)
	s.SetSize(c.Width, c.Height)
	s.SetShape(shape)
	return s
}

// telcoShape is about the telco data set: 45 inputs, 5,000 training rows.
var telcoShape = experiment.Shape{Inputs: 45, TrainRows: 5000}

func units(cfg experiment.Config) []int {
	var out []int
	for _, l := range cfg.Hidden {
		out = append(out, l.Units)
	}
	return out
}

func TestNetworkBeyondTheSessionLimitIsRefused(t *testing.T) {
	s := servedFixture(screentest.Common("en", 100, 30), telcoShape)
	screentest.MustContain(t, stripped(s.View()), "Limit: 1,000,000 params · 256 MiB to train")
	// (46·4096) + (4097·32) + 33 = 319,553 parameters: within the limit.
	s = typeValue(selectField(t, s, "Layer 1 units"), "4096")
	if got := units(s.Config()); !slices.Equal(got, []int{4096, 32}) || s.refusal.In(s.Common) != "" {
		t.Fatalf("4,096 units refused: layers %v, refusal %q", got, s.refusal.In(s.Common))
	}
	// A copy of layer 1 after it: 188,416 + 16,781,312 + 131,104 + 33 =
	// 17,100,865 parameters.
	s, _ = s.step(screentest.Press("a"))
	want := "the network would have 17,100,865 parameters; this session allows at most 1,000,000"
	if got := units(s.Config()); !slices.Equal(got, []int{4096, 32}) || s.refusal.In(s.Common) != want {
		t.Fatalf("after a: layers %v, refusal %q; want 4096,32 kept and %q", got, s.refusal.In(s.Common), want)
	}
	if got := shownRefusal(screentest.Render(s, 100, 30)); got != "✗ refused: "+want {
		t.Errorf("the form shows %q", got)
	}
	// Few parameters but batches of 5,000 rows through 4,096 units: beyond
	// the memory limit.
	s = typeValue(selectField(t, s, "Batch size"), "65536")
	next := s.Config()
	next.Train.BatchSize = 65536
	_, memory := experiment.NetworkNeed(telcoShape, next)
	want = "training would need about " + data.Bytes(memory) + " of memory; this session allows at most 256 MiB " +
		"(a smaller batch or fewer units need less)"
	if s.Config().Train.BatchSize != 32 || s.refusal.In(s.Common) != want || memory < 400<<20 {
		t.Fatalf("batch 65,536: batch %d, refusal %q; want 32 kept and %q (above 400 MiB)", s.Config().Train.BatchSize, s.refusal.In(s.Common), want)
	}
	if !s.typing {
		t.Error("the field closed on a refused value")
	}
}

func TestNetworkLimitSpeaksChinese(t *testing.T) {
	s := servedFixture(screentest.Common("zh", 100, 30), telcoShape)
	screentest.MustContain(t, stripped(s.View()), "上限：1,000,000 个参数 · 训练内存 256 MiB")
	s = typeValue(selectField(t, s, "第 1 层单元数"), "4096")
	s, _ = s.step(screentest.Press("a"))
	if want := "网络将有 17,100,865 个参数；本会话最多允许 1,000,000 个"; s.refusal.In(s.Common) != want {
		t.Fatalf("refusal %q, want %q", s.refusal.In(s.Common), want)
	}
}

// TestNetworkBeyondTheLimitOnceTheWidthIsKnown: settings made while the
// data loads count one input; once the width is known they may be beyond
// the limit. The screen says so, refuses every change that does not make
// the network smaller (a new seed would prepare the data again with it),
// and takes smaller steps even while still beyond.
func TestNetworkBeyondTheLimitOnceTheWidthIsKnown(t *testing.T) {
	s := servedFixture(screentest.Common("en", 100, 30), experiment.Shape{})
	s = typeValue(selectField(t, s, "Layer 1 units"), "4096")
	if got := units(s.Config()); !slices.Equal(got, []int{4096, 32}) {
		t.Fatalf("layers %v before the data loaded", got)
	}
	// (1001·4096) + (4097·32) + 33 = 4,231,233.
	s.SetShape(experiment.Shape{Inputs: 1000, TrainRows: 5000})
	screentest.MustContain(t, stripped(s.View()), "✗ the network would have 4,231,233",
		"make it smaller to train.")
	seed := s.Config().Seed
	s, _ = s.step(screentest.Press("esc"))
	s = selectField(t, s, "Seed")
	s, _ = s.step(screentest.Press("right"))
	if s.Config().Seed != seed || !strings.HasPrefix(s.refusal.In(s.Common), "the network would have 4,231,233 parameters") {
		t.Fatalf("a new seed beyond the limit: seed %d (was %d), refusal %q", s.Config().Seed, seed, s.refusal.In(s.Common))
	}
	s = selectField(t, s, "Layer 2 units")
	s, _ = s.step(screentest.Press("right")) // 32 → 64: larger still
	if got := units(s.Config()); !slices.Equal(got, []int{4096, 32}) {
		t.Fatalf("a larger layer 2 was taken beyond the limit: %v", got)
	}
	s = selectField(t, s, "Layer 1 units")
	// 4096 → 1024: (1001·1024) + (1025·32) + 33 = 1,057,857, still beyond
	// but smaller.
	s, _ = s.step(screentest.Press("left"))
	if got := units(s.Config()); !slices.Equal(got, []int{1024, 32}) || s.refusal.In(s.Common) != "" {
		t.Fatalf("a smaller layer 1 beyond the limit: layers %v, refusal %q", got, s.refusal.In(s.Common))
	}
	s, _ = s.step(screentest.Press("left")) // 512: 528,961, within
	if strings.Contains(stripped(s.View()), "make it smaller to train") {
		t.Error("the summary still calls a network within the limit too large")
	}
	s = selectField(t, s, "Seed")
	s, _ = s.step(screentest.Press("right"))
	if s.Config().Seed != seed+1 {
		t.Errorf("seed %d within the limit, want %d", s.Config().Seed, seed+1)
	}
}

func TestNoLimitsNoLimitLine(t *testing.T) {
	s := fixtureIn(screentest.Common("en", 100, 30))
	s.cfg.Hidden = []engine.LayerSpec{{Units: 4096, Activation: engine.ReLU}}
	s, _ = s.step(screentest.Press("a"))
	if len(s.Config().Hidden) != 2 || s.refusal.In(s.Common) != "" {
		t.Errorf("a local session refused a large network: layers %v, refusal %q", units(s.Config()), s.refusal.In(s.Common))
	}
	if strings.Contains(stripped(s.View()), "Limit:") {
		t.Error("a local session states a session limit")
	}
}

func TestWrapSizesKeepsNumberAndUnit(t *testing.T) {
	got := wrapSizes("training would need about 6.4 GiB of memory", 31)
	want := []string{"training would need about", "6.4 GiB of memory"}
	if !slices.Equal(got, want) {
		t.Errorf("wrapped %q, want %q", got, want)
	}
}
