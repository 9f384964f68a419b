package walkthrough

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// mixedExperiment has every kind of column the input page explains: an id,
// a numeric column with a missing cell (row 0), a categorical and a
// boolean column, min–max scaling and missing-value indicators.
func mixedExperiment(t *testing.T) *experiment.Experiment {
	t.Helper()
	const n = 40
	ids := make([]string, n)
	visits := make([]float64, n)
	region := make([]string, n)
	member := make([]float64, n)
	label := make([]float64, n)
	levels := []string{"east", "north", "south"}
	for i := range n {
		ids[i] = "c" + string(rune('A'+i%26)) + string(rune('a'+i/26))
		visits[i] = float64(i % 9)
		region[i] = levels[i%3]
		member[i] = float64(i % 2)
		label[i] = float64((i / 2) % 2)
	}
	visits[0], visits[5] = math.NaN(), math.NaN()
	cols := []*data.Column{
		data.NewIDColumn("customer", ids),
		data.NewNumericColumn("visits", visits),
		{Name: "region", Kind: data.Categorical, Strings: region, Levels: levels},
		{Name: "member", Kind: data.Boolean, Values: member, Levels: []string{"no", "yes"}},
	}
	table, err := data.NewTable("mixed", cols, data.Label{Name: "bought", Values: label, Positive: "yes", Negative: "no"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Hidden = []engine.LayerSpec{{Units: 3, Activation: engine.ReLU}}
	cfg.Train.Epochs, cfg.Train.BatchSize, cfg.Train.EarlyStop.Patience = 1, 8, 0
	cfg.Pipeline.Scale = data.ScaleMinMax
	cfg.Pipeline.MissingIndicators = true
	// Two missing cells would be too few for an indicator under the
	// privacy rule (10 customers); this tiny table is for the page's text.
	cfg.Pipeline.MinGroup = 1
	cfg.ValFrac, cfg.TestFrac = 0.25, 0
	exp, err := experiment.NewWithSplit(&experiment.Data{Table: table}, cfg, data.Split{Train: seq(0, 30), Validation: seq(30, 40)})
	if err != nil {
		t.Fatal(err)
	}
	if err := exp.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return exp
}

func seq(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// The input page explains one-hot codes, filled missing values and their
// indicators, and prints exactly the vector the pipeline produced.
func TestInputPageExplainsEveryColumnKind(t *testing.T) {
	exp := mixedExperiment(t)
	in, err := NewInput(exp, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, "en", DefaultStyles())
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m.SetSize(140, 60)
	raw := ansi.Strip(m.View())
	for _, want := range []string{"user cAa", "visits", "missing", "region", "east", "yes/no", "member", "no"} {
		if !strings.Contains(raw, want) {
			t.Errorf("the raw page lacks %q:\n%s", want, raw)
		}
	}
	m = press(m, keyRight)
	view := ansi.Strip(m.View())
	fill := exp.Pipeline.Columns[0].Fill
	for _, want := range []string{
		"missing → " + strings.TrimRight(strings.TrimRight(strings.Replace(fmtG(fill), "-", "−", 1), "0"), "."),
		"1 if the value was missing",
		"1 if the value is east",
		"1 if the value is north",
		"yes → 1, no → 0",
		"min–max scaling",
	} {
		if !strings.Contains(view, want) {
			t.Errorf("the input page lacks %q:\n%s", want, view)
		}
	}
	// Each table row ends in x[i]: compare every printed value with the
	// pipeline's own transform of the row.
	names := exp.Pipeline.FeatureNames()
	seen := 0
	for _, line := range strings.Split(view, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 {
			continue
		}
		for i, name := range names {
			if text := textPart(line); strings.HasPrefix(text, itoa(i+1)+"  "+name+" ") {
				tf := strings.Fields(textPart(line))
				got, tol, ok := parsePrinted(tf[len(tf)-1])
				if !ok {
					t.Fatalf("cannot read x[%d] from %q", i+1, line)
				}
				near(t, "x["+itoa(i+1)+"] ("+name+")", got, tol, in.X[i])
				seen++
			}
		}
	}
	if seen != len(names) {
		t.Errorf("found %d of the %d inputs on the page:\n%s", seen, len(names), view)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', 7, 64) }
