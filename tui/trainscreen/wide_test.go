package trainscreen

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// TestWideTableOutcomeSaysSo: a finished run on a table with fewer than 20
// training rows per input ends its outcome with the note retain train
// prints (review35 F1), in either language; the built-in shop's does not.
// fourRows: 4 rows, no validation part, 2 inputs (a, b): 2.0 per input.
func TestWideTableOutcomeSaysSo(t *testing.T) {
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(fourRows)), nil }
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "four.csv"}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 2
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": " Only 2.0 training rows per input: the default network may overfit so wide a table; try retain tune, which searches the decay.",
		"zh": "每个输入仅 2.0 个训练行：默认网络可能对这么宽的表过拟合；可试试 retain tune（它会搜索权重衰减）。",
	} {
		got, _ := describeOutcome(common.New(lang), exp, engine.Progress{State: exp.Trainer.State()}, nil)
		if !strings.HasSuffix(got, want) {
			t.Errorf("%s: outcome %q, want it to end %q", lang, got, want)
		}
	}
	s := fiveEpochsOfTheShop(t)
	for _, lang := range []string{"en", "zh"} {
		if got, _ := describeOutcome(common.New(lang), s.exp, s.latest, nil); strings.Contains(got, "retain tune") {
			t.Errorf("%s: the built-in shop's outcome %q has the wide note", lang, got)
		}
	}
}

// textbookWide ends a finished run's outcome on the textbook data: 90
// training rows for 10 inputs (describeWide).
const textbookWide = " Only 9.0 training rows per input: the default network may overfit so wide a table; try retain tune, which searches the decay."
