package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// itemLog is the order log with items that every screen with a text field
// works on, the Recommend screen included.
const itemLog = "testdata/recommend/orders_items.csv"

// pasteFixture is a session (served or not) on itemLog at 100×30 with a
// run trained and analysed, and the recommender's log read.
func pasteFixture(t *testing.T, served bool) Model {
	t.Helper()
	return pasteFixtureIn(t, served, "en")
}

// pasteFixtureIn is pasteFixture in the language lang.
func pasteFixtureIn(t *testing.T, served bool, lang string) Model {
	t.Helper()
	opts := Options{Source: experiment.Source{Kind: "log", Path: itemLog, HorizonDays: 10},
		Config: experiment.DefaultConfig(), Open: screentest.Open, Served: served, Lang: lang}
	m := NewModel(opts)
	m, _ = update(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m, cmd := update(t, m, m.Init()())
	m = driveCmd(t, m, cmd) // the Recommend screen reads the log
	if m.data == nil {
		t.Fatalf("loading %s: %v", itemLog, m.err)
	}
	run := screentest.LogRun(t, m.data, experiment.OutOfTime, 2)
	if run.Err != nil {
		t.Fatal(run.Err)
	}
	m.trainScr.AddFinished(run)
	return runCmds(t, m, m.analyse(run))
}

// paste sends a bracketed paste, as the terminal does, and runs what it
// leads to.
func paste(t *testing.T, m Model, text string) Model {
	t.Helper()
	m, cmd := update(t, m, tea.PasteMsg{Content: text})
	return driveCmd(t, m, cmd)
}

// clearField empties the focused field before the cursor (ctrl+u).
func clearField(t *testing.T, m Model) Model {
	t.Helper()
	m, _ = update(t, m, tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	return m
}

// hasLine reports whether view has a line that reads want (trailing
// blanks aside: the cursor after the text is one).
func hasLine(view, want string) bool {
	for _, l := range strings.Split(view, "\n") {
		if strings.TrimRight(l, " ") == want {
			return true
		}
	}
	return false
}

// TestPasteReachesEveryTextField: a bracketed paste (tea.PasteMsg, how a
// terminal pastes) reached the Data and Model screens' fields only; the
// Users, Plan, Recommend and Tune screens dropped it, so a pasted search,
// what-if value, budget, cutoff or list of ids gave nothing. Every field
// now takes it, in served sessions too, as one line: each paste here holds
// a colour (ESC[31m … ESC[0m) and a line end, which the field drops. The
// line each field shows is written by hand from the screens' labels; enter
// then applies the pasted value, which is the field's value.
func TestPasteReachesEveryTextField(t *testing.T) {
	cases := pasteCases()
	for _, served := range []bool{false, true} {
		base := pasteFixture(t, served)
		for _, c := range cases {
			if served && c.local {
				continue
			}
			name := c.name
			if served {
				name = "served " + name
			}
			t.Run(name, func(t *testing.T) {
				m := c.open(t, base)
				c.checkPasted(t, paste(t, m, c.paste))
			})
		}
	}
}

// pasteCase is a text field given a paste that holds a colour (ESC[31m …
// ESC[0m) and a line end, which the field drops.
type pasteCase struct {
	name  string
	keys  []string
	clear bool // ctrl+u first: the field opens holding the current value
	paste string
	line  string   // the field's line after the paste
	local bool     // a field of the local TUI only (a served session opens no path)
	enter []string // keys that apply it, then check
	check func(t *testing.T, m Model)
}

// open opens c's field on base, emptied when c says so.
func (c pasteCase) open(t *testing.T, base Model) Model {
	t.Helper()
	m := drive(t, base, c.keys...)
	if !m.editing() {
		t.Fatalf("%q opened no field:\n%s", c.keys, screen(m))
	}
	if c.clear {
		m = clearField(t, m)
	}
	return m
}

// checkPasted checks m after c's paste: the field is open on its line,
// no escape sequence of the paste is in the view, and c's keys apply it.
func (c pasteCase) checkPasted(t *testing.T, m Model) {
	t.Helper()
	view := screen(m)
	if !m.editing() {
		t.Fatalf("the paste closed the field:\n%s", view)
	}
	if !hasLine(view, c.line) {
		t.Errorf("no line %q after the paste:\n%s", c.line, view)
	}
	if strings.ContainsAny(m.View().Content, "\x07") || strings.Contains(m.View().Content, "\x1b[31m") || strings.Contains(view, "[31m") {
		t.Errorf("the pasted escape sequence reached the view: %q", m.View().Content)
	}
	if c.check != nil {
		c.check(t, drive(t, m, c.enter...))
	}
}

// pasteCases are the text fields of every screen, each with a paste.
func pasteCases() []pasteCase {
	return []pasteCase{
		{name: "data seed", keys: []string{"1", "s"}, clear: true, paste: "\x1b[31m4\x1b[0m2\n",
			line: "Split seed: 42",
			check: func(t *testing.T, m Model) {
				_, cmd := update(t, m, screentest.Press("enter"))
				var msg tea.Msg
				if cmd != nil {
					msg = cmd()
				}
				if rs, ok := msg.(datascreen.ResplitMsg); !ok || rs.Seed != 42 {
					t.Errorf("enter asked for %#v, want a split with seed 42", msg)
				}
			}},
		{name: "model units", keys: []string{"2", "enter"}, clear: true, paste: "1\x1b[31m6\x1b[0m\r\n",
			line:  "▸ Layer 1 units       16                              │ Layer                 Output          Params", // the hint is under the form at 100 columns
			enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				if got := m.modelScr.Config().Hidden[0].Units; got != 16 {
					t.Errorf("layer 1 has %d units, want 16", got)
				}
			}},
		{name: "users search", keys: []string{"5", "/"}, paste: "\x1b[31mc0\x1b[0m7\n",
			line: "Find id: c07", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				if id := m.usersScr.ID(m.usersScr.SelectedRow()); id != "c07" {
					t.Errorf("the search selected %q, want c07", id)
				}
			}},
		{name: "users what-if value", keys: []string{"5", "w", "enter"}, clear: true, paste: "\x1b[31m9\x1b[0m\n",
			line: "Value: 9", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				// 9 is clamped to the model's range of recency_days. The log's
				// 30 customers at 2024-06-08 hold 4 who do not order again,
				// too few to train out of time (experiment.MinTrainClass),
				// so the run is split at random at 2024-06-18 and the range
				// is that training part's.
				screentest.MustContain(t, screen(m), "recency_days = 4.889 (typed 9; the model's range is 4.33333 – 4.88889)")
			}},
		{name: "users export path", keys: []string{"5", "x"}, clear: true, local: true,
			paste: "\x1b[31m/tmp/\x1b[0mu.csv\n", line: "Export to CSV: /tmp/u.csv"},
		{name: "plan budget", keys: []string{"0", "b"}, paste: "\x1b[31m1\x1b[0m2\r\n",
			line: "b budget                          12", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				if !hasLine(screen(m), "b budget                          12") {
					t.Errorf("the budget is not 12:\n%s", screen(m))
				}
			}},
		{name: "plan export path", keys: []string{"0", "x"}, local: true,
			paste: "\x1b[31m/tmp/\x1b[0mplan.csv\n", line: "x export the contacted customers to /tmp/plan.csv"},
		{name: "recommend cutoff", keys: []string{"R", "c"}, clear: true, paste: "2024-05-\x1b[31m2\x1b[0m0\n",
			line: "history before 2024-05-20  (c) · horizon 30 days (h) · evaluates the model and the baselines on it", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				if cutoff, _ := m.recScr.Settings(); cutoff != "2024-05-20" {
					t.Errorf("cutoff %s, want 2024-05-20", cutoff)
				}
			}},
		{name: "recommend items left out", keys: []string{"R", "i"}, paste: "K11\r\n\x1b[31mA10\x1b[0m\r\n",
			line: "history before 2024-05-30 (c) · horizon 30 days (h) · leaving out K11, A10", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				screentest.MustContain(t, screen(m), "without K11, A10 (i)")
			}},
		{name: "tune budget", keys: []string{"T", "b"}, clear: true, paste: "\x1b[31m9\x1b[0m0s\n",
			line: "Budget: 90s   enter to set, esc to keep", enter: []string{"enter"},
			check: func(t *testing.T, m Model) {
				screentest.MustContain(t, screen(m), "Budget: 1m30s")
			}},
	}
}

// TestPastedPathOpensTheFile: the path to an order log pasted into the
// Data screen's open prompt, as copied from a terminal with its colour and
// line end, is shown in the prompt as a path, and enter opens that file.
func TestPastedPathOpensTheFile(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = clearField(t, drive(t, m, "1", "g"))
	m = paste(t, m, "\x1b[1;34m"+itemLog+"\x1b[0m\n")
	if got := m.dataScr.PromptValue(); got != itemLog {
		t.Fatalf("the prompt holds %q, want %q", got, itemLog)
	}
	if want := "Open order log (CSV, Parquet or xlsx): " + itemLog; !hasLine(screen(m), want) {
		t.Errorf("no line %q:\n%s", want, screen(m))
	}
	m = drive(t, m, "enter")
	if m.err != nil || m.data == nil || m.data.Source.Path != itemLog || m.data.Source.Kind != "log" {
		t.Fatalf("enter did not open %s: %v", itemLog, m.err)
	}
	screentest.MustContain(t, screen(m), "Source   "+itemLog+" (order log")
}

// TestLongPasteScrollsInItsField: a paste longer than its field's room
// scrolls in the field, its end (where the cursor is) in view, on the
// field's own line. The Plan, Recommend and Tune fields had no width and
// ran past the screen's edge, cut with "…" before the cursor or wrapped
// over the next lines.
func TestLongPasteScrollsInItsField(t *testing.T) {
	long := strings.Repeat("1234567890", 20) + "\x1b[31mEND\x1b[0m\n"
	base := pasteFixture(t, false)
	for _, c := range []struct {
		keys         []string
		start, after string // the field's line starts with start; after follows the cursor after the paste
		end          string // the field's text ends with it ("7890END" when "")
	}{
		{[]string{"0", "b"}, "b budget  ", "", ""},
		{[]string{"0", "c"}, "c cost per contact  ", "", ""},
		{[]string{"R", "c"}, "history before ", " (c)", ""},
		{[]string{"R", "h"}, "horizon ", " (h)", ""},
		{[]string{"R", "i"}, "leaving out ", "", ""},
		{[]string{"T", "b"}, "Budget: ", "  enter to set, esc to keep", ""},
		{[]string{"1", "o"}, "Open table (CSV, Parquet or xlsx): ", "", ""},
		{[]string{"5", "/"}, "Find id: ", "", ""},
		// A setting keeps 32 characters (settingCharLimit): the paste
		// replaces the selected 64 and its first 32 stay, whose last nine
		// (characters 24 to 32: 4567890 12) the 9-cell field shows.
		{[]string{"2", "enter"}, "▸ Layer 1 units       ", "", "456789012"},
	} {
		m := paste(t, drive(t, base, c.keys...), long)
		view := screen(m)
		checkFrame(t, view, 100, 30)
		found := false
		for _, l := range strings.Split(view, "\n") {
			if !strings.HasPrefix(l, c.start) {
				continue
			}
			found = true
			end := c.end
			if end == "" {
				end = "7890END"
			}
			if !strings.Contains(l, end+" "+c.after) || strings.Contains(l, "…") {
				t.Errorf("%q: the field's line does not end the paste in view: %q", c.keys, l)
			}
		}
		if !found {
			t.Errorf("%q: no line starts with %q:\n%s", c.keys, c.start, view)
		}
	}
}
