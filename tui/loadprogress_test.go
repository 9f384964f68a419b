package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// startingModel is a root model at w×h loading a CSV at startup, its load
// not yet done.
func startingModel(lang string, w, h int) Model {
	o := Options{Source: experiment.Source{Kind: "csv", Path: "/data/exports/big.csv"},
		Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
	tm, _ := NewModel(o).Update(tea.WindowSizeMsg{Width: w, Height: h})
	return tm.(Model)
}

// The sizes below are 85 MiB of 194 MiB (44 %) and 1,234,567 rows in
// 96 MiB, chosen for the test.
const (
	mib         = 1 << 20
	shownRead   = 85 * mib
	shownSize   = 194 * mib
	streamLines = 1234567
	streamRead  = 96 * mib
)

// TestGoldenLoadPanel is the panel a load in progress shows above the
// footer at 80×24: the file, the stage, the share read with a bar (the
// rows read for a stream of unknown size), the time since it began; at
// startup, and over data already loaded, which stay until it has loaded.
func TestGoldenLoadPanel(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		cases := map[string]struct {
			msg    loadProgressMsg
			loaded bool
		}{
			"reading": {msg: loadProgressMsg{name: "big.csv", stage: loadReading,
				p: data.Progress{Read: shownRead, Size: shownSize, Lines: -1}, elapsed: 2340 * time.Millisecond}},
			"stream": {msg: loadProgressMsg{name: "<stdin>", stage: loadReading,
				p: data.Progress{Read: streamRead, Lines: streamLines}, elapsed: 5 * time.Second}},
			"features_over_loaded": {loaded: true, msg: loadProgressMsg{name: "orders.csv", stage: loadFeatures,
				p: data.Progress{Read: shownSize, Size: shownSize, Lines: -1}, elapsed: 12 * time.Second}},
			"waiting_over_loaded": {loaded: true, msg: loadProgressMsg{name: "fifo.csv", waiting: true,
				elapsed: 3 * time.Second}},
		}
		for name, c := range cases {
			for _, sz := range [][2]int{{80, 24}, {160, 48}} {
				w, h := sz[0], sz[1]
				t.Run(fmt.Sprintf("%s_%s_%dx%d", name, lang, w, h), func(t *testing.T) {
					m := startingModel(lang, w, h)
					if c.loaded {
						o := textbookOptions()
						o.Lang = lang
						m = loadedModel(t, o, w, h)
						m.open(experiment.Source{Kind: "log", Path: "/data/orders.csv"}, nil)
					}
					c.msg.gen = m.gen
					m, _ = update(t, m, c.msg)
					view := screen(m)
					checkFrame(t, view, w, h)
					golden.RequireEqual(t, []byte(view))
				})
			}
		}
	}
}

// TestLoadWatchSaysItWaits: a file that yielded nothing (a FIFO no one
// writes to) sent no progress, so its load showed no panel and no way out
// (review34 #2). The watch now sends that it waits from its first tick
// on, then the file's progress once it reports.
func TestLoadWatchSaysItWaits(t *testing.T) {
	got := make(chan loadProgressMsg)
	done := make(chan struct{})
	w := newLoadWatch(3, "fifo.csv", func(msg tea.Msg) { got <- msg.(loadProgressMsg) })
	go w.run(done)
	defer close(done)
	if msg := <-got; !msg.waiting || msg.gen != 3 || msg.name != "fifo.csv" {
		t.Fatalf("the first message of a file that sent nothing: %+v", msg)
	}
	w.reported(data.Progress{Read: 10, Size: 100, Lines: -1})
	for msg := range got {
		if !msg.waiting {
			if msg.p.Read != 10 {
				t.Errorf("after the file reported: %+v", msg)
			}
			return
		}
	}
}

// TestLoadPanelComesAndGoes checks that progress is shown only for the
// load in progress: a stale load's is dropped, the panel leaves when the
// load ends, and keys during a load keep the data loaded before (ctrl+c
// still ends the program as before; esc cancels the load, see
// TestEscCancelsALoad).
func TestLoadPanelComesAndGoes(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 80, 24)
	before := m.data
	cmd := m.open(experiment.Source{Kind: "csv", Path: "testdata/missing.csv"}, nil)
	reading := loadProgressMsg{gen: m.gen, name: "missing.csv", p: data.Progress{Read: 10, Size: 100, Lines: -1}}
	stale := reading
	stale.gen = m.gen - 1
	m, _ = update(t, m, stale)
	if m.loadShown != nil || strings.Contains(screen(m), "Loading missing.csv") {
		t.Fatal("a stale load's progress is shown")
	}
	m, _ = update(t, m, reading)
	if !strings.Contains(screen(m), "Loading missing.csv: reading") || !strings.Contains(screen(m), "stay in use") {
		t.Fatalf("no load panel:\n%s", screen(m))
	}
	m = sendKeys(t, m, "2", "1")
	if m.data != before || !strings.Contains(screen(m), "Loading missing.csv") {
		t.Fatalf("keys during the load changed the data or hid the panel:\n%s", screen(m))
	}
	if _, c := update(t, m, screentest.Press("ctrl+c")); c == nil {
		t.Error("ctrl+c during a load no longer ends the program")
	}
	m, _ = update(t, m, cmd()) // the file is missing: the load fails
	if m.loadShown != nil || strings.Contains(screen(m), "Loading missing.csv") {
		t.Errorf("the panel stayed after the load ended:\n%s", screen(m))
	}
	if m.data != before || m.err == nil {
		t.Errorf("the failed load did not keep the data loaded before (err %v)", m.err)
	}
	m, _ = update(t, m, reading) // sent after the end
	if m.loadShown != nil {
		t.Error("progress sent after the load ended is shown")
	}
}

// TestLoadWatchWatchesTheFirstOpenOnly checks that the TUI's watch follows
// the file loaded, not the second looks a load may take at it, and that
// it reports nothing before the file has (a quick load shows no panel).
func TestLoadWatchWatchesTheFirstOpenOnly(t *testing.T) {
	w := newLoadWatch(3, "users.csv", nil)
	if _, ok := w.msg(); ok {
		t.Error("a watch that heard nothing has something to show")
	}
	open := w.opener(screentest.Open)
	path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
	f, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok := f.(data.Watched); !ok {
		t.Error("the first file opened is not watched")
	}
	g, err := open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if _, ok := g.(data.Watched); ok {
		t.Error("a second look at the file is watched too")
	}
	f.(data.Watched).SetStage(data.StageFeatures)
	msg, ok := w.msg()
	if !ok || msg.gen != 3 || msg.stage != loadFeatures || msg.name != "users.csv" {
		t.Errorf("after the features stage began: %+v (%v)", msg, ok)
	}
	w.splitting()
	if msg, _ := w.msg(); msg.stage != loadSplitting {
		t.Errorf("after the split began: stage %v", msg.stage)
	}
}

// TestLoadPanelFiguresEndUnderTheClock: the bar was at most 50 cells, so
// at 160 columns the share and the bytes read stopped in the middle of the
// panel, far from the clock at its right edge. At every width from 80 on,
// the bar fills the line and the figures end where the clock does, in
// English and Chinese.
func TestLoadPanelFiguresEndUnderTheClock(t *testing.T) {
	for _, lang := range screentest.Langs {
		for _, w := range []int{80, 120, 160, 200} {
			m := startingModel(lang, w, 30)
			m, _ = update(t, m, loadProgressMsg{gen: m.gen, name: "big.csv", stage: loadReading,
				p: data.Progress{Read: shownRead, Size: shownSize, Lines: -1}, elapsed: 2340 * time.Millisecond})
			lines := strings.Split(stripped(m.loadPanel()), "\n")
			if len(lines) != 5 {
				t.Fatalf("%s %d: panel of %d lines:\n%s", lang, w, len(lines), strings.Join(lines, "\n"))
			}
			clock, amount := lines[1], lines[2]
			if !strings.HasSuffix(clock, " s │") && !strings.HasSuffix(clock, " 秒 │") {
				t.Fatalf("%s %d: the clock is not at the right edge: %q", lang, w, clock)
			}
			if !strings.HasSuffix(amount, "194 MiB │") || ansi.StringWidth(amount) != ansi.StringWidth(clock) {
				t.Errorf("%s %d: the figures do not end under the clock:\n%s\n%s", lang, w, clock, amount)
			}
		}
	}
}
