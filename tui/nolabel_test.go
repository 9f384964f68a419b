package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// unlabelledCSV is a per-user table of n users without a label column:
// no column is named like one (churn, label, target, …), so the TUI asks
// which column is the label. Its values are a fixed pattern of the row.
func unlabelledCSV(n int) string {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,pages,plan\n")
	for i := range n {
		fmt.Fprintf(&b, "U%03d,%d,%d.%d,%d,%s\n", i, 1+i*7%23, 10+i*13%97, i%10, 2+i*5%17, []string{"basic", "pro"}[i*3%7/4])
	}
	return b.String()
}

// unlabelledOptions open nolabel.csv, the table unlabelledCSV(200), at
// startup; other paths come from the file system.
func unlabelledOptions(lang string) Options {
	return Options{Source: experiment.Source{Kind: "csv", Path: "nolabel.csv"}, Config: experiment.DefaultConfig(), Lang: lang,
		Open: unlabelledOpener}
}

func unlabelledOpener(p string) (io.ReadCloser, error) {
	if p == "nolabel.csv" {
		return io.NopCloser(strings.NewReader(unlabelledCSV(200))), nil
	}
	return screentest.Open(p)
}

// fastAnomalies are small networks, so that a test scores in milliseconds.
var fastAnomalies = anomaly.Options{Members: 1, Seed: 3, Train: engine.TrainConfig{Epochs: 3, BatchSize: 32,
	Optimizer: engine.OptimizerConfig{Kind: "adam", LR: 3e-3}}}

// askedModel is the root model at w×h after starting on nolabel.csv: the
// label question is open.
func askedModel(t *testing.T, lang string, w, h int) Model {
	t.Helper()
	tm, _ := NewModel(unlabelledOptions(lang)).Update(tea.WindowSizeMsg{Width: w, Height: h})
	tm, _ = tm.Update(tm.(Model).Init()())
	m := tm.(Model)
	if !m.dataScr.Asking() || m.data != nil {
		t.Fatalf("no label question for a table without a label:\n%s", screen(m))
	}
	m.anomScr.SetOptions(fastAnomalies)
	return m
}

// drainAll gives the model msg and every message the Cmds it leads to yield,
// as the program would, and returns the model.
func drainAll(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, cmd := update(t, m, msg)
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		var next tea.Cmd
		m, next = update(t, m, msg)
		return next, true
	})
	return m
}

// pressDrained presses keys one by one, each drained.
func pressDrained(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = drainAll(t, m, screentest.Press(k))
	}
	return m
}

// TestGoldenNoLabelEntry: the label question of a table whose label was
// not recognised offers, above its columns, to load it without a label
// for anomaly detection only; ↑ selects it. Before, the question only
// named `retain anomalies --data FILE` to run outside the TUI.
func TestGoldenNoLabelEntry(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang+"_80x24", func(t *testing.T) {
			m := pressDrained(t, askedModel(t, lang, 80, 24), "up")
			view := screen(m)
			checkFrame(t, view, 80, 24)
			golden.RequireEqual(t, []byte(view))
		})
	}
}

// TestNoLabelEntryLoadsForAnomalies: enter on the entry loads the table
// without a label, shows the Anomalies screen and scores its users at
// once; no labelled data is installed, so nothing can train on it.
func TestNoLabelEntryLoadsForAnomalies(t *testing.T) {
	m := pressDrained(t, askedModel(t, "en", 80, 24), "up", "enter")
	if m.active != tabAnomalies || m.bare == nil || m.data != nil {
		t.Fatalf("tab %d, bare %v, data %v:\n%s", m.active, m.bare != nil, m.data != nil, screen(m))
	}
	if name := m.bare.Table.Label.Name; name != "" {
		t.Fatalf("loaded with label %q", name)
	}
	res := m.anomScr.Result()
	if res == nil || len(res.Score) != 200 {
		t.Fatalf("the 200 users were not scored:\n%s", screen(m))
	}
	screentest.MustContain(t, screen(m), "Abnormal users  nolabel.csv · 200 users", "users above")
	// Retraining the churn model without the flagged users needs a label.
	if strings.Contains(screen(m), "t train without flagged") {
		t.Errorf("the footer offers to retrain the churn model of a table without a label:\n%s", screen(m))
	}
	m = pressDrained(t, m, "t")
	if m.anomScr.Busy() || m.anomScr.Retrained() != nil {
		t.Errorf("t retrained a churn model without a label")
	}
}

// TestGoldenNoLabelPanel: with a table loaded without a label, the
// screens that need one say so on one line, and how to choose one, instead
// of the data loaded before; the Data screen says what is loaded. Every
// screen that needs a label answers only c, which opens the label question.
func TestGoldenNoLabelPanel(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, tc := range []struct {
			name string
			keys []string
		}{{"model", []string{"2"}}, {"data", []string{"1"}}} {
			t.Run(fmt.Sprintf("%s_%s_80x24", tc.name, lang), func(t *testing.T) {
				m := pressDrained(t, askedModel(t, lang, 80, 24), "up", "enter")
				view := screen(pressDrained(t, m, tc.keys...))
				checkFrame(t, view, 80, 24)
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
	m := pressDrained(t, askedModel(t, "en", 80, 24), "up", "enter")
	panel := "This table has no label; this screen needs one: c chooses it (or --label COL)."
	for t2 := range tabCount {
		m.switchTo(t2)
		v := screen(m)
		if got := strings.Contains(v, panel); got != needsLabel(t2) {
			t.Errorf("tab %s: panel shown %v, want %v:\n%s", tabNames[t2], got, needsLabel(t2), v)
		}
	}
	m.opts.Served = true // a served session's user has no command line
	if v := ansi.Strip(m.noLabelPanel(80, 1)); !strings.HasPrefix(v, "This table has no label; this screen needs one: c chooses it.") {
		t.Errorf("a served session is told %q", v)
	}
	m.opts.Served = false
	m.switchTo(tabTrain)
	m = pressDrained(t, m, "space") // not a run on no data, nor on the data before
	if m.trainScr.Alive() || len(m.trainScr.Finished()) != 0 {
		t.Fatalf("space trained on the Train screen of a table without a label")
	}
	m = pressDrained(t, m, "c")
	if m.active != tabData || !m.dataScr.Asking() {
		t.Fatalf("c did not open the label question:\n%s", screen(m))
	}
	screentest.MustContain(t, screen(m), "no label — anomaly detection only", "▸ plan")
}

// TestLabelledLoadAfterUnlabelled: choosing a label afterwards (c, a
// column) loads the table labelled, and every screen is as usual again.
func TestLabelledLoadAfterUnlabelled(t *testing.T) {
	m := pressDrained(t, askedModel(t, "en", 80, 24), "up", "enter", "2", "c")
	m = pressDrained(t, m, "enter") // plan: two values
	if m.bare != nil || m.data == nil || m.data.Table.Label.Name != "plan" {
		t.Fatalf("not loaded with the label plan: bare %v, data %v:\n%s", m.bare != nil, m.data != nil, screen(m))
	}
	for t2 := range tabCount {
		m.switchTo(t2)
		if strings.Contains(screen(m), "this screen needs one") {
			t.Errorf("tab %s still says the table has no label", tabNames[t2])
		}
	}
	m.switchTo(tabData)
	screentest.MustContain(t, screen(m), "Label    plan = ")
}

// TestUnlabelledLoadCancelledKeepsTheLabelledData: a table without a
// label opened over labelled data, its question declined (esc), or its
// load without a label superseded before it ends, leaves the labelled
// data and every screen as they were.
func TestUnlabelledLoadCancelledKeepsTheLabelledData(t *testing.T) {
	opts := textbookOptions()
	opts.Open = unlabelledOpener
	before := loadedModel(t, opts, 80, 24)
	d := before.data
	model := screen(pressDrained(t, before, "2"))
	open := datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "nolabel.csv"}}

	m := pressDrained(t, drainAll(t, before, open), "up", "esc")
	m.err = nil // the refusal shown for the question declined
	if m.data != d || m.bare != nil {
		t.Fatalf("declined: data %p (was %p), bare %v", m.data, d, m.bare != nil)
	}
	if got := screen(pressDrained(t, m, "2")); got != model {
		t.Errorf("the Model screen changed:\n%s\nwas\n%s", got, model)
	}

	// The entry chosen, its load in flight, then other data asked for.
	m, cmd := update(t, drainAll(t, before, open), screentest.Press("up"))
	m, cmd = update(t, m, screentest.Press("enter"))
	m, load := update(t, m, cmd()) // the OpenMsg: the load without a label starts
	m, _ = update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "textbook"}})
	m, _ = update(t, m, load()) // the superseded load ends: dropped
	if m.bare != nil || m.data != d || m.active == tabAnomalies {
		t.Fatalf("a superseded load without a label was installed: bare %v, data %p (was %p)", m.bare != nil, m.data, d)
	}
}
