package modelscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

func modelFixture() Model {
	s := New(common.New("en"), experiment.DefaultConfig(), experiment.Limits{})
	s.SetSize(100, 30)
	s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
	return s
}

// selectField moves the selection to the field labelled label.
func selectField(t *testing.T, s Model, label string) Model {
	t.Helper()
	for s.sel > 0 {
		s, _ = s.step(screentest.Press("up"))
	}
	for s.fieldList()[s.sel].label != label {
		before := s.sel
		s, _ = s.step(screentest.Press("down"))
		if s.sel == before {
			t.Fatalf("no field %q", label)
		}
	}
	return s
}

func typeValue(s Model, text string) Model {
	s, _ = s.step(screentest.Press("enter"))
	for range 20 {
		s, _ = s.step(screentest.Press("backspace"))
	}
	for _, r := range text {
		s, _ = s.step(screentest.Press(string(r)))
	}
	s, _ = s.step(screentest.Press("enter"))
	return s
}

func TestLearningRateStepsThroughCommonValues(t *testing.T) {
	s := selectField(t, modelFixture(), "Learning rate")
	want := []float64{3e-3, 1e-2, 3e-2}
	for _, w := range want {
		s, _ = s.step(screentest.Press("right"))
		if got := s.Config().Train.Optimizer.LR; got != w {
			t.Fatalf("lr %g, want %g", got, w)
		}
	}
	for _, w := range []float64{1e-2, 3e-3, 1e-3, 3e-4} {
		s, _ = s.step(screentest.Press("left"))
		if got := s.Config().Train.Optimizer.LR; got != w {
			t.Fatalf("lr %g, want %g", got, w)
		}
	}
}

func TestTypedValuesAreCheckedInPlace(t *testing.T) {
	cases := []struct {
		field, text, refusal string
		check                func(experiment.Config) bool
	}{
		{"Learning rate", "abc", "not a number", nil},
		{"Learning rate", "-1", "must be above 0 and at most 10", nil},
		{"Learning rate", "NaN", "not a number", nil},
		{"Learning rate", "0.05", "", func(c experiment.Config) bool { return c.Train.Optimizer.LR == 0.05 }},
		{"Batch size", "0", "must be from 1 to 65,536", nil},
		{"Batch size", "2.5", "not a whole number", nil},
		{"Batch size", "128", "", func(c experiment.Config) bool { return c.Train.BatchSize == 128 }},
		{"Epochs", "0", "must be from 1 to 100,000", nil},
		{"L2", "-0.1", "must be from 0 to 10", nil},
		{"L2", "1e-4", "", func(c experiment.Config) bool { return c.Train.L2 == 1e-4 }},
		{"Positive weight", "0", "must be above 0 and at most 1000", nil},
		{"Positive weight", "3", "", func(c experiment.Config) bool { return c.Train.PosWeight == 3 }},
		{"Early stop patience", "-2", "must be from 0 to 10,000", nil},
		{"Validation share", "0.7", "must be from 0 to 0.5", nil},
		{"Validation share", "0", "", func(c experiment.Config) bool { return c.ValFrac == 0 }},
		{"Optimiser", "rmsprop", "choose adam or sgd", nil},
		{"Optimiser", "SGD", "", func(c experiment.Config) bool { return c.Train.Optimizer.Kind == "sgd" }},
		{"Seed", "-3", "must be a whole number ≥ 0", nil},
		{"Layer 1 units", "0", "must be from 1 to 4,096", nil},
		{"Layer 1 units", "16", "", func(c experiment.Config) bool { return c.Hidden[0].Units == 16 }},
		{"Layer 2 activation", "swish", "choose relu, leaky, tanh, sigmoid or linear", nil},
		{"Layer 2 activation", "tanh", "", func(c experiment.Config) bool { return c.Hidden[1].Activation == engine.Tanh }},
	}
	for _, c := range cases {
		s := selectField(t, modelFixture(), c.field)
		before := s.Config()
		s = typeValue(s, c.text)
		if c.refusal != "" {
			if !s.typing || s.refusal.In(s.Common) != c.refusal || s.refused != s.sel {
				t.Errorf("%s = %q: typing %v, refusal %q, want %q", c.field, c.text, s.typing, s.refusal.In(s.Common), c.refusal)
			}
			if s.Config().Train != before.Train || s.Config().ValFrac != before.ValFrac {
				t.Errorf("%s = %q changed the configuration although refused", c.field, c.text)
			}
			// The reason is shown by the field (wrapped when long).
			words := strings.Fields(c.refusal)
			screentest.MustContain(t, stripped(s.View()), "✗ refused: "+strings.Join(words[:min(3, len(words))], " "))
			s, _ = s.step(screentest.Press("esc"))
			if s.typing || s.refusal.In(s.Common) != "" {
				t.Errorf("esc left typing %v refusal %q", s.typing, s.refusal.In(s.Common))
			}
			continue
		}
		if s.typing || s.refusal.In(s.Common) != "" || !c.check(s.Config()) {
			t.Errorf("%s = %q not applied: typing %v refusal %q", c.field, c.text, s.typing, s.refusal.In(s.Common))
		}
	}
}

func TestEpochsRespectTheSessionLimit(t *testing.T) {
	s := New(common.New("en"), experiment.DefaultConfig(), experiment.Limits{MaxEpochs: 10})
	if s.Config().Train.Epochs != 10 {
		t.Fatalf("epochs %d, want the limit 10", s.Config().Train.Epochs)
	}
	s = typeValue(selectField(t, s, "Epochs"), "11")
	if s.refusal.In(s.Common) != "this session allows at most 10 epochs (the server's limit)" {
		t.Fatalf("refusal %q", s.refusal.In(s.Common))
	}
}

func TestLayersAreAddedAndRemoved(t *testing.T) {
	s := selectField(t, modelFixture(), "Layer 1 units")
	s, _ = s.step(screentest.Press("a")) // copies layer 1 after it
	got := s.Config().Hidden
	if len(got) != 3 || got[1] != got[0] || got[2].Units != 32 {
		t.Fatalf("after adding: %+v", got)
	}
	if s.fieldList()[s.sel].label != "Layer 2 units" {
		t.Fatalf("selection %q, want the new layer", s.fieldList()[s.sel].label)
	}
	screentest.MustContain(t, stripped(s.View()), "dense_3 (relu)", "(None, 32)")
	s, _ = s.step(screentest.Press("d"))
	s = selectField(t, s, "Layer 1 units")
	s, _ = s.step(screentest.Press("d"))
	s = selectField(t, s, "Layer 1 units")
	s, _ = s.step(screentest.Press("d"))
	if n := len(s.Config().Hidden); n != 0 {
		t.Fatalf("%d layers left", n)
	}
	screentest.MustContain(t, stripped(s.View()), "logistic regression", "output (sigmoid)")
	s = selectField(t, s, "Optimiser")
	s, _ = s.step(screentest.Press("d")) // not a layer: nothing to remove
	s, _ = s.step(screentest.Press("a"))
	if h := s.Config().Hidden; len(h) != 1 || h[0].Units != 32 || h[0].Activation != engine.ReLU {
		t.Fatalf("after adding to an empty network: %+v", h)
	}
}

func TestSummaryCountsParameters(t *testing.T) {
	s := modelFixture()
	// 10 inputs → 64 → 32 → 1: (10·64+64) + (64·32+32) + (32·1+1) = 704 + 2,080 + 33 = 2,817.
	screentest.MustContain(t, stripped(s.View()), "704", "2,080", "33", "Total params: 2,817")
	s = selectField(t, s, "Layer 2 units")
	s, _ = s.step(screentest.Press("right")) // 32 → 64
	// (10·64+64) + (64·64+64) + (64+1) = 704 + 4,160 + 65 = 4,929.
	screentest.MustContain(t, stripped(s.View()), "4,160", "Total params: 4,929")
}

func TestEditsDoNotAliasTheRunningConfiguration(t *testing.T) {
	s := modelFixture()
	running := s.Config()
	s = selectField(t, s, "Layer 1 units")
	s, _ = s.step(screentest.Press("right"))
	if running.Hidden[0].Units != 64 {
		t.Fatal("an edit changed a configuration handed out earlier")
	}
}

func stripped(s string) string { return ansi.Strip(s) }

// shownRefusal returns the refusal as the form shows it: the lines from
// the one with ✗ on, left of the rule, joined with spaces.
func shownRefusal(view string) string {
	var parts []string
	for _, l := range strings.Split(stripped(view), "\n") {
		left, _, _ := strings.Cut(l, "│")
		switch {
		case strings.HasPrefix(strings.TrimSpace(left), "✗"):
			parts = append(parts, strings.TrimSpace(left))
		case len(parts) > 0 && strings.HasPrefix(left, "    ") && strings.TrimSpace(left) != "":
			parts = append(parts, strings.TrimSpace(left))
		default:
			if len(parts) > 0 {
				return strings.Join(parts, " ")
			}
		}
	}
	return strings.Join(parts, " ")
}

// TestRefusalsShowWhole checks that the whole reason of a refusal shows
// at 80 columns, also on the last field of a form taller than the window.
func TestRefusalsShowWhole(t *testing.T) {
	cases := []struct {
		lang, field, text, want string
		layers                  int
	}{
		{"en", "Learning rate", "-1", "✗ refused: must be above 0 and at most 10", 0},
		{"en", "Seed", "-3", "✗ refused: must be a whole number ≥ 0", 2},
		{"en", "Validation share", "0.9", "✗ refused: must be from 0 to 0.5", 2},
	}
	for _, c := range cases {
		// 80×24 less the tab bar, rule and footer.
		s := New(screentest.Common(c.lang, 80, 21), experiment.DefaultConfig(), experiment.Limits{})
		s.SetSize(80, 21)
		s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
		for range c.layers {
			s, _ = s.step(screentest.Press("a"))
		}
		s = typeValue(selectField(t, s, c.field), c.text)
		view := screentest.Render(s, 80, 21)
		if got := shownRefusal(view); got != c.want {
			t.Errorf("%s = %q shows %q, want %q:\n%s", c.field, c.text, got, c.want, view)
		}
	}
}

// fixtureIn is the default settings for 10 inputs in c's language and size.
func fixtureIn(c common.Common) Model {
	s := New(c, experiment.DefaultConfig(), experiment.Limits{})
	s.SetSize(c.Width, c.Height)
	s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
	return s
}

// down moves the selection n fields down.
func down(s Model, n int) Model {
	for range n {
		s, _ = s.step(screentest.Press("down"))
	}
	return s
}

func TestRefusalsSpeakChinese(t *testing.T) {
	s := typeValue(down(fixtureIn(screentest.Common("zh", 80, 21)), 5), "-1")
	if got, want := shownRefusal(screentest.Render(s, 80, 21)), "✗ 未接受：必须大于 0 且不超过 10"; got != want {
		t.Fatalf("refusal %q, want %q", got, want)
	}
	s = typeValue(down(fixtureIn(screentest.Common("zh", 80, 21)), 4), "rmsprop")
	if s.refusal.In(s.Common) != "请选择 adam 或 sgd" {
		t.Fatalf("refusal %q", s.refusal.In(s.Common))
	}
}

// TestGolden is the form with its summary.
func TestGolden(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, fixtureIn(c), c.Width, c.Height)
	})
}

// TestGoldenRefused is a refused learning rate, its reason under it.
func TestGoldenRefused(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, typeValue(down(fixtureIn(c), 5), "-1"), c.Width, c.Height)
	})
}

// TestGoldenTallForm is five layers and a refused seed: at 80×24 the form
// scrolls to keep the seed and its reason in view.
func TestGoldenTallForm(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := fixtureIn(c)
		for range 3 {
			s, _ = s.step(screentest.Press("a"))
		}
		screentest.Golden(t, typeValue(selectField(t, s, c.T("Seed", "随机种子")), "-3"), c.Width, c.Height)
	})
}

// TestGoldenNoLayers is logistic regression, before the data is loaded.
func TestGoldenNoLayers(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		cfg := experiment.DefaultConfig()
		cfg.Hidden = nil
		s := New(c, cfg, experiment.Limits{MaxEpochs: 50})
		screentest.Golden(t, down(s, 3), c.Width, c.Height)
	})
}

// TestGoldenPresetSetsDataAside is the §4.3 preset, whose own users set
// the loaded file aside: the note says so and how to bring it back.
func TestGoldenPresetSetsDataAside(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s, _ := fixtureIn(c).step(screentest.Press("p"))
		s.SetAside("WA_Fn-UseC_-Telco-Customer-Churn.csv")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestTypingReplacesTheSetting: review 22 pressed enter on a batch size
// of 32, typed 5 and got 325, accepted without a word; 32 typed into a
// layer of 64 units gave 6432, refused. enter opens the field on the
// value selected: what is typed replaces it. ←/→ or backspace keep it to
// edit (32, ← , 1 gives 312: the 1 goes before the cursor, which ← put
// before the 2). The footer says so while the value is selected.
func TestTypingReplacesTheSetting(t *testing.T) {
	cases := []struct {
		lang, field string
		keys        []string
		get         func(experiment.Config) int
		want        int
	}{
		{"en", "Batch size", []string{"5"}, func(c experiment.Config) int { return c.Train.BatchSize }, 5},
		{"zh", "批大小", []string{"5"}, func(c experiment.Config) int { return c.Train.BatchSize }, 5},
		{"en", "Layer 1 units", []string{"3", "2"}, func(c experiment.Config) int { return c.Hidden[0].Units }, 32},
		{"en", "Batch size", []string{"left", "1"}, func(c experiment.Config) int { return c.Train.BatchSize }, 312},
		{"en", "Batch size", []string{"backspace", "4"}, func(c experiment.Config) int { return c.Train.BatchSize }, 34},
	}
	for _, c := range cases {
		s := New(common.New(c.lang), experiment.DefaultConfig(), experiment.Limits{})
		s.SetSize(100, 30)
		s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
		s = selectField(t, s, c.field)
		if got := c.get(s.Config()); got != 32 && got != 64 {
			t.Fatalf("%s starts at %d; the test expects the default 32 or 64", c.field, got)
		}
		s, _ = s.step(screentest.Press("enter"))
		var footer []string
		for _, b := range s.HelpGroups()[0] {
			footer = append(footer, b.Help().Desc)
		}
		if want := common.New(c.lang).T("to replace", "即替换"); !strings.Contains(strings.Join(footer, " • "), want) {
			t.Errorf("%s %s: the footer while the value is selected is %q, without %q", c.lang, c.field, footer, want)
		}
		for _, k := range c.keys {
			s, _ = s.step(screentest.Press(k))
		}
		if len(s.HelpGroups()[0]) != 2 {
			t.Errorf("%s %s: after a key the footer still says how to replace the value", c.lang, c.field)
		}
		s, _ = s.step(screentest.Press("enter"))
		if got := c.get(s.Config()); s.typing || got != c.want {
			t.Errorf("%s %s, keys %q: %d (typing %v, refusal %q), want %d", c.lang, c.field, c.keys, got, s.typing, s.refusal.In(s.Common), c.want)
		}
	}
}
