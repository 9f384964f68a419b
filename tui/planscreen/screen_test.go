package planscreen

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// planned returns the screen over run with its plan computed by running
// the screen's own Cmd.
func planned(t *testing.T, c common.Common, run common.Run) Model {
	t.Helper()
	s := New(c)
	cmd := s.SetRun(run)
	if cmd == nil {
		t.Fatal("SetRun returned no Cmd")
	}
	return feed(t, s, cmd())
}

func feed(t *testing.T, s Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := s.Update(msg)
	return next.(Model)
}

// typeIn presses the field's key, types text and enter, and runs the Cmd
// the enter returns, if any.
func typeIn(t *testing.T, s Model, field, text string) Model {
	t.Helper()
	s = feed(t, s, screentest.Press(field))
	if !s.Editing() {
		t.Fatalf("%s did not open its field", field)
	}
	for _, r := range text {
		s = feed(t, s, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	next, cmd := s.Update(screentest.Press("enter"))
	s = next.(Model)
	if cmd != nil {
		s = feed(t, s, cmd())
	}
	return s
}

func TestGolden(t *testing.T) {
	run := screentest.TextbookRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		if s.Report() == nil {
			t.Fatal("no plan")
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

func TestGoldenNoRun(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}

// TestNoValidationRows shows the empty state of a run trained without a
// validation split.
func TestNoValidationRows(t *testing.T) {
	run := screentest.Train(t, "textbook", 1, func(c *experiment.Config) { c.ValFrac, c.TestFrac = 0, 0 })
	s := planned(t, screentest.Common("en", 80, 24), run)
	screentest.MustContain(t, strings.Join(strings.Fields(screentest.Render(s, 80, 24)), " "),
		"This run has no validation customers to plan for.", "this run held out none: set a validation share on the Model screen (2)")
	noPlanKeys(t, s)
}

// tinyRun is a run on a table of 4 rows, too few for the default
// validation share of 0.1 to hold out any.
func tinyRun(t *testing.T) common.Run {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tiny.csv")
	if err := os.WriteFile(path, []byte("id,a,b,churn\n1,1,2,yes\n2,2,1,no\n3,3,5,yes\n4,4,3,no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
}

// TestGoldenTooFewRows is the screen over a run whose table was too small
// for its validation share: it says so (not that no share was set), and
// shows no key of a plan.
func TestGoldenTooFewRows(t *testing.T) {
	run := tinyRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := planned(t, c, run)
		screentest.Golden(t, s, c.Width, c.Height)
		noPlanKeys(t, s)
	})
}

// noPlanKeys checks that a screen without a plan neither shows nor acts on
// the keys of one.
func noPlanKeys(t *testing.T, s Model) {
	t.Helper()
	for _, g := range s.HelpGroups() {
		for _, b := range g {
			if b.Enabled() && b.Help().Key != "p" {
				t.Errorf("without a plan the footer shows %s %s", b.Help().Key, b.Help().Desc)
			}
		}
	}
	before := s.View()
	for _, k := range []string{"b", "c", "v", "s", "l", "x", "end"} {
		next, cmd := s.Update(screentest.Press(k))
		if n := next.(Model); n.Editing() || cmd != nil || n.View() != before {
			t.Errorf("%s acted without a plan (editing %v):\n%s", k, n.Editing(), n.View())
		}
	}
}

// TestBadInputRefusedInPlace types values the planner refuses: each
// field shows the exact sentence under it, the previous plan stays, and a
// good value afterwards clears the refusal.
func TestBadInputRefusedInPlace(t *testing.T) {
	run := screentest.TextbookRun(t)
	s := planned(t, screentest.Common("en", 160, 48), run)
	before := s.Report().Headline
	cases := []struct {
		key, text, want string
		field           int
	}{
		{"c", "-1", "cost per contact -1: want an amount ≥ 0", fieldCost},
		{"s", "1.5", "success rate 1.5: want a share above 0 and at most 1", fieldSuccess},
		{"s", "0", "success rate 0: want a share above 0 and at most 1", fieldSuccess},
		{"s", "abc", "success rate abc: want a share above 0 and at most 1, such as 0.2", fieldSuccess},
		{"b", "150%", "budget 150%: " + experiment.BudgetWant, fieldBudget},
		// 0 contacts nobody: refused as by retain plan --budget, not taken
		// for no budget (the plan stayed unbounded), and so is -5 (whose
		// refusal said "want an amount ≥ 0").
		{"b", "0", "budget 0: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%", fieldBudget},
		{"b", "-5", "budget -5: want an amount above 0, such as 5000, or a share of customers above 0 and at most 100%, such as 10%", fieldBudget},
		{"v", "no_such_column", "value no_such_column: not an amount, nor a numeric column", fieldValue},
	}
	for _, tc := range cases {
		s = typeIn(t, s, tc.key, tc.text)
		if got := s.Refusal(tc.field); !strings.HasPrefix(got, "invalid plan: "+tc.want) {
			t.Errorf("%s %q: refusal %q, want %q", tc.key, tc.text, got, "invalid plan: "+tc.want)
		}
		if s.Report().Headline != before {
			t.Errorf("%s %q changed the plan to %q", tc.key, tc.text, s.Report().Headline)
		}
		view := screentest.Render(s, 160, 48)
		screentest.MustContain(t, view, tc.want, before)
	}
	// The refused figures are not kept: a good cost plans with the default
	// success rate, and clears every field's refusal, the cost's and the
	// others' (the new plan stands on the values shown).
	s = typeIn(t, s, "c", "0")
	if s.Report().Assumptions.CostPerContact != 0 || s.Report().Assumptions.Success != defaultSuccess {
		t.Errorf("after cost 0: assumptions %+v", s.Report().Assumptions)
	}
	for f := range fieldCount {
		if r := s.Refusal(f); r != "" {
			t.Errorf("after cost 0: field %d still shows %q", f, r)
		}
	}
	// A value so large that the totals overflow is refused, not planned
	// as a net value of +Inf.
	s = typeIn(t, s, "v", "1e308")
	if got, want := s.Refusal(fieldValue), "invalid plan: amount 1e+308 is too large"; !strings.HasPrefix(got, want) {
		t.Errorf("value 1e308: refusal %q, want %q…", got, want)
	}
}

// TestBudgetShare plans within a budget of 10 % of the customers.
func TestBudgetShare(t *testing.T) {
	s := planned(t, screentest.Common("en", 160, 48), screentest.TextbookRun(t))
	s = typeIn(t, s, "b", "10%")
	rep := s.Report()
	if rep.Assumptions.BudgetShare != 0.1 || rep.Best.Contacted > rep.Customers/10 {
		t.Errorf("budget 10%%: assumptions %+v, best %+v of %d", rep.Assumptions, rep.Best, rep.Customers)
	}
}

// TestValueColumnAndTarget plans with per-customer values from a numeric
// column (value segments, the value wording), then for the other
// direction when the shared target changes.
func TestValueColumnAndTarget(t *testing.T) {
	run := screentest.TextbookRun(t)
	s := planned(t, screentest.Common("en", 160, 48), run)
	s = typeIn(t, s, "v", "AVG_ORDER_VALUE")
	rep := s.Report()
	if rep.ValueColumn != "avg_order_value" || rep.SegmentKind != "value" || len(rep.Segments) < 2 {
		t.Fatalf("value column: %q, segments %s × %d", rep.ValueColumn, rep.SegmentKind, len(rep.Segments))
	}
	// A success rate of 1, so that the best plan changes at least one
	// customer (below one, the headline says no campaign pays).
	s = typeIn(t, s, "s", "1")
	// The textbook's outcome is one to encourage: ranked by the value a
	// contact can win, (1 − P) × value.
	screentest.MustContain(t, screentest.Render(s, 160, 48), "with the most value a contact can win", "High value")
	toggled := common.TargetFor(nil, run.Exp.Pipeline.Label).Toggled()
	next, cmd := s.Update(common.TargetMsg{Target: toggled})
	s = feed(t, next.(Model), cmd())
	if s.Report().Target != "prevent" || s.Report().ValueColumn != "avg_order_value" {
		t.Errorf("after the target changed: %q with value column %q", s.Report().Target, s.Report().ValueColumn)
	}
	screentest.MustContain(t, screentest.Render(s, 160, 48), "plan: prevent", "kept")
}

// TestGoldenLevers shows the plan with two levers marked: the levers'
// line and each first contact's most movable lever.
func TestGoldenLevers(t *testing.T) {
	run := screentest.TextbookRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := press(t, planned(t, c, run), "l", "space", "down", "down", "space", "enter")
		if len(s.Levers()) != 2 {
			t.Fatalf("levers %v, want two", s.Levers())
		}
		screentest.Golden(t, s, c.Width, c.Height)
		// The first contacts, each with its lever's move from the
		// customer's current value, as the export writes it.
		s = press(t, s, "end")
		move := s.Report().Contacts[0].Lever
		if move == nil {
			t.Fatal("the first contact has no lever move")
		}
		// (A value outside the model's range shows, on a wide screen, the
		// one the model counts between the two.)
		screentest.MustContain(t, screentest.Render(s, c.Width, c.Height), move.Column+" "+move.From, "→ "+move.To+": ")
		t.Run("end", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
	})
}

// TestGoldenChecklist shows the checklist of the run's feature columns,
// one marked, the cursor on the second.
func TestGoldenChecklist(t *testing.T) {
	run := screentest.TextbookRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := press(t, planned(t, c, run), "l", "space", "down")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestLeversAreTheRuns keeps each run's levers: another run starts with
// none, and coming back to the first brings its levers back.
func TestLeversAreTheRuns(t *testing.T) {
	first := screentest.TextbookRun(t)
	second := first
	second.Number = 2
	s := press(t, planned(t, screentest.Common("en", 80, 24), first), "l", "space", "enter")
	marked := s.Levers()
	if len(marked) != 1 {
		t.Fatalf("levers %v, want one", marked)
	}
	s = drain(t, s, s.SetRun(second))
	if len(s.Levers()) != 0 {
		t.Fatalf("run 2 has levers %v, want none", s.Levers())
	}
	s = drain(t, s, s.SetRun(first))
	if got := s.Levers(); len(got) != 1 || got[0] != marked[0] {
		t.Fatalf("run 1's levers came back as %v, want %v", got, marked)
	}
	screentest.MustContain(t, screentest.Render(s, 80, 24), "l levers                          "+marked[0])
}

// TestScrollShowsTheWholePlan scrolls a plan taller than 80×24: the title
// stays, end shows the last contact (the report's own last one, looked up
// independently of the view), home shows the inputs again, and the
// position line counts the lines.
func TestScrollShowsTheWholePlan(t *testing.T) {
	run := screentest.TextbookRun(t)
	s := planned(t, screentest.Common("en", 80, 24), run)
	top := screentest.Render(s, 80, 24)
	rep := s.Report()
	last := rep.Contacts[len(rep.Contacts)-1].ID
	screentest.MustContain(t, top, "b budget")
	if strings.Contains(top, last) {
		t.Fatalf("the last contact %s is already on the first screen:\n%s", last, top)
	}
	s = feed(t, s, screentest.Press("end"))
	end := screentest.Render(s, 80, 24)
	screentest.MustContain(t, end, last)
	screentest.MustContain(t, end, "Plan · run")
	lines := strings.Split(end, "\n")
	if len(lines) != 24 || !strings.Contains(lines[23], "of ") {
		t.Fatalf("want 24 lines ending with the position, got %d:\n%s", len(lines), end)
	}
	s = feed(t, s, screentest.Press("down")) // past the end: stays
	if got := screentest.Render(s, 80, 24); got != end {
		t.Fatalf("down at the end moved the view:\n%s", got)
	}
	s = feed(t, s, screentest.Press("home"))
	if got := screentest.Render(s, 80, 24); got != top {
		t.Fatalf("home did not return to the top:\n%s", got)
	}
}

// TestNetValueColumnsAlike plans at a cost of 25 a contact: the cost
// column holds 25 and 250, both written to the cent, never "250" over
// "25.00".
func TestNetValueColumnsAlike(t *testing.T) {
	s := planned(t, screentest.Common("en", 160, 48), screentest.TextbookRun(t))
	s = typeIn(t, s, "c", "25")
	view := screentest.Render(s, 160, 48)
	screentest.MustContain(t, view, "  25.00  ", "  250.00  ")
}

// TestGoldenCurveScrolled scrolls an 80x24 plan to its net value table:
// every share of the curve is there, as on a large screen, since the
// page scrolls (it used to keep only the rows that fitted a third of the
// screen).
func TestGoldenCurveScrolled(t *testing.T) {
	run := screentest.TextbookRun(t)
	for _, lang := range screentest.Langs {
		t.Run(lang, func(t *testing.T) {
			s := planned(t, screentest.Common(lang, 80, 24), run)
			title := s.T("Net value by share contacted", "按联系比例的净值")
			at := slices.IndexFunc(s.pageLines(), func(l string) bool { return strings.Contains(ansi.Strip(l), title) })
			if at < 1 {
				t.Fatalf("no net value table on the page")
			}
			for range at - 1 { // the page's title stays on line 0
				s = feed(t, s, screentest.Press("down"))
			}
			view := screentest.Render(s, 80, 24)
			lines := strings.Split(view, "\n")
			if !strings.Contains(lines[1], title) {
				t.Fatalf("the table's title is not under the page's title:\n%s", view)
			}
			rep := s.Report()
			i := 0 // the best point's share is not repeated among the rows
			for _, p := range rep.Curve {
				if p.Contacted == rep.Best.Contacted {
					continue
				}
				if row := lines[4+i]; !strings.HasPrefix(row, experiment.Percent(p.Share)+" ") {
					t.Errorf("row %d of the table is %q, want the share %s", i+1, row, experiment.Percent(p.Share))
				}
				i++
			}
			if len(rep.Curve) == i {
				t.Error("the best point is none of the shares: the test shows nothing of the rule")
			}
			screentest.Golden(t, s, 80, 24)
		})
	}
}

// TestRefusalAndExportOutcomeExpire is `invalid plan: cost per contact
// xyz: …` staying under its field across screen switches and runs: a
// refusal goes when a new plan is computed (a good value, the target
// toggled) or when the user leaves the screen, not when the page scrolls;
// the export's outcome goes at the next key or on leaving.
func TestRefusalAndExportOutcomeExpire(t *testing.T) {
	const refusal = "invalid plan: cost per contact xyz: want an amount ≥ 0, such as 2.5"
	s := planned(t, screentest.Common("en", 80, 24), screentest.TextbookRun(t))
	shown := func(s Model) bool {
		return strings.Contains(strings.Join(strings.Fields(screentest.Render(s, 80, 24)), " "), refusal)
	}
	s = typeIn(t, s, "c", "xyz")
	if got := s.Refusal(fieldCost); got != refusal || !shown(s) {
		t.Fatalf("refusal %q (shown %v), want %q", got, shown(s), refusal)
	}
	if s = press(t, s, "down"); s.Refusal(fieldCost) != refusal {
		t.Errorf("scrolling dropped the refusal")
	}
	s.Leave()
	if s.Refusal(fieldCost) != "" || shown(s) {
		t.Errorf("after leaving the screen the refusal is still there: %q", s.Refusal(fieldCost))
	}
	s = typeIn(t, s, "c", "xyz")
	next, cmd := s.Update(screentest.Press("p"))
	s = next.(Model)
	for cmd != nil { // the target's message, then the new plan
		next, cmd = s.Update(cmd())
		s = next.(Model)
	}
	if s.Refusal(fieldCost) != "" {
		t.Errorf("after a new plan for the other target the refusal is still there: %q", s.Refusal(fieldCost))
	}

	s, cmd = exportTo(t, s, filepath.Join(t.TempDir(), "missing", "plan.csv"))
	s = drain(t, s, cmd)
	if !strings.HasPrefix(s.status.In(s.Common), "✗ export failed: ") {
		t.Fatalf("export status %q", s.status.In(s.Common))
	}
	if s = press(t, s, "down"); s.status.In(s.Common) != "" {
		t.Errorf("after ↓ the export's outcome is still shown: %q", s.status.In(s.Common))
	}
	s, cmd = exportTo(t, s, filepath.Join(t.TempDir(), "missing", "plan.csv"))
	s = drain(t, s, cmd)
	s.Leave()
	if s.status.In(s.Common) != "" || strings.Contains(screentest.Render(s, 80, 24), "export failed") {
		t.Errorf("after leaving the export's outcome is still shown: %q", s.status.In(s.Common))
	}
}

// TestLeverDirections: space on a marked numeric column limits it to one
// direction (↑, then ↓, then unmarked), as --levers COLUMN:up and
// COLUMN:down do; the plan's moves then only raise (lower) it. A column
// that is not numeric goes from marked back to unmarked.
func TestLeverDirections(t *testing.T) {
	run := screentest.TextbookRun(t)
	s := planned(t, screentest.Common("en", 160, 48), run)
	col := s.base.columns[0]
	value := func(v string) float64 {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil {
			t.Fatalf("lever value %q: %v", v, err)
		}
		return f
	}
	for _, c := range []struct {
		keys []string
		want string
		box  string
		up   bool
	}{
		{[]string{"l", "space", "space", "enter"}, col + ":up", "[↑] " + col, true},
		{[]string{"l", "space", "enter"}, col + ":down", "[↓] " + col, false},
	} {
		s = press(t, s, c.keys...)
		if got := s.Levers(); len(got) != 1 || got[0] != c.want {
			t.Fatalf("%v: levers %v, want [%s]", c.keys, got, c.want)
		}
		moves := 0
		for _, ct := range s.Report().Contacts {
			if m := ct.Lever; m != nil {
				moves++
				if from, to := value(m.From), value(m.To); (c.up && to <= from) || (!c.up && to >= from) {
					t.Errorf("%s: a move %s → %s", c.want, m.From, m.To)
				}
			}
		}
		t.Logf("%s: %d of %d contacts have a move", c.want, moves, len(s.Report().Contacts))
		screentest.MustContain(t, screentest.Render(press(t, s, "l"), 160, 48), c.box)
		s = press(t, s, "esc")
	}
	if s = press(t, s, "l", "space", "enter"); len(s.Levers()) != 0 {
		t.Errorf("after down only, space left %v, want no lever", s.Levers())
	}
	delete(s.base.fills, col) // as for a categorical column
	if s = press(t, s, "l", "space", "space", "enter"); len(s.Levers()) != 0 {
		t.Errorf("a column that is not numeric, marked twice: %v, want no lever", s.Levers())
	}
}
