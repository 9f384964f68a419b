package planscreen

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/screentest"
)

// drain runs cmd and every Cmd the screen's answers lead to, as the
// program would.
func drain(t *testing.T, s Model, cmd tea.Cmd) Model {
	t.Helper()
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case ReadyMsg, exporter.ProgressMsg, exporter.DoneMsg:
			next, c := s.Update(msg)
			s = next.(Model)
			return c, true
		}
		return nil, false
	})
	return s
}

// press presses keys one by one, running the Cmds each leads to.
func press(t *testing.T, s Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := s.Update(screentest.Press(k))
		s = drain(t, next.(Model), cmd)
	}
	return s
}

// exportTo opens the export's field, types path and presses enter; it
// returns the screen and the export's Cmd, not yet run.
func exportTo(t *testing.T, s Model, path string) (Model, tea.Cmd) {
	t.Helper()
	s = press(t, s, "x")
	for _, r := range path {
		s = feed(t, s, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	next, cmd := s.Update(screentest.Press("enter"))
	return next.(Model), cmd
}

func readCSV(t *testing.T, text []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

var (
	exportOnce sync.Once
	exportRunV common.Run
)

// exportRun is the textbook data trained as TextbookRun trains it (two
// epochs, seed 1) but with an explicit 20 % validation share, so that the
// plan has 20 validation customers and a budget of 25 % contacts 5 of them:
// the default's 10 % would leave 10 customers and 2 contacts, too few to
// tell the export's order and lines apart.
func exportRun(t *testing.T) common.Run {
	t.Helper()
	exportOnce.Do(func() {
		exportRunV = screentest.Train(t, "textbook", 2, func(c *experiment.Config) { c.ValFrac = 0.2 })
	})
	if exportRunV.Exp == nil || exportRunV.Err != nil {
		t.Fatalf("the export's run did not train: %v", exportRunV.Err)
	}
	return exportRunV
}

// TestExportTargetList writes the contacted customers of a plan within a
// budget of 25 %: one line per contact in the plan's order, with band,
// segment, action, lever and three reasons.
func TestExportTargetList(t *testing.T) {
	run := exportRun(t)
	s := planned(t, screentest.Common("en", 160, 48), run)
	s = typeIn(t, s, "b", "25%")
	// Mark the first and third feature columns as levers.
	s = press(t, s, "l", "space", "down", "down", "space", "enter")
	levers := s.Levers()
	if len(levers) != 2 {
		t.Fatalf("levers %v, want two", levers)
	}
	rep := s.Report()
	path := filepath.Join(t.TempDir(), "targets.csv")
	s, cmd := exportTo(t, s, path)
	s = drain(t, s, cmd)
	screentest.MustContain(t, screentest.Render(s, 160, 48), "✓ wrote 5 validation customers to "+path)
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, text)
	want := "id,probability_purchases_next_30d_yes,band,segment,p_level,action,lever,value,expected_gain,reason_1,reason_2,reason_3"
	if got := strings.Join(recs[0], ","); got != want {
		t.Errorf("header %q, want %q", got, want)
	}
	if len(recs) != 1+rep.Best.Contacted || rep.Best.Contacted != 5 {
		t.Fatalf("%d lines for %d contacts, want 5 contacts", len(recs), rep.Best.Contacted)
	}
	for k, c := range rep.Contacts[:5] {
		r := recs[k+1]
		if r[0] != c.ID || r[3] != c.Segment.String() || r[5] != c.Action.String() || r[9] == "" || !strings.Contains(r[9], " (") {
			t.Errorf("line %d: %q, want contact %+v with a reason", k+1, r, c)
		}
	}
	// The plan encourages the outcome, so it contacts first the customers
	// least likely to have it without a contact: the band, which ranks by
	// the probability of the outcome, is the last one.
	if recs[1][2] != "rest" {
		t.Errorf("first contact's band %q, want rest", recs[1][2])
	}
	// The lever column against experiment.BestLevers, computed here from
	// the run itself: each exported customer's row found by its id,
	// transformed by the run's pipeline and given to the run's explainer
	// (the textbook's outcome is the positive class, to encourage).
	e := run.Exp.Evaluated()
	target := common.TargetFor(nil, e.Pipeline.Label)
	scores, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	rowOf := map[string]int{}
	for r, p := range scores.Parts {
		if p == experiment.RowValidation || p == experiment.RowLater {
			rowOf[scores.ID(r)] = r
		}
	}
	x := e.Explainer()
	moved := 0
	for _, r := range recs[1:] {
		row, ok := rowOf[r[0]]
		if !ok {
			t.Fatalf("exported customer %s is not a validation customer", r[0])
		}
		in, err := e.Pipeline.Transform(e.Data.Table, []int{row})
		if err != nil {
			t.Fatal(err)
		}
		own := func(_ int, pc *data.PipelineColumn) (string, bool) {
			return experiment.ClippedValue(e.Data.Table, row, pc)
		}
		moves, err := x.BestLevers([][]float64{in.RawRowView(0)}, levers, target.OnPositive, target.Direction == experiment.Prevent, own)
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if moves[0] != nil {
			want = moves[0].String(target.Outcome())
			moved++
		}
		if r[6] != want {
			t.Errorf("customer %s: lever %q, want %q", r[0], r[6], want)
		}
	}
	if moved == 0 {
		t.Error("no exported customer has a lever: the check above checked nothing")
	}
	// The first contacts on screen show the same moves (60 rows: at 48 the
	// notes above the list, the every-customer line and the break-even
	// lines, leave the last of the five below the screen).
	view := screentest.Render(s, 160, 60)
	for _, c := range rep.Contacts {
		if c.Lever != nil {
			screentest.MustContain(t, view, s.leverText(c.Lever, false))
		}
	}
}

// TestExportProgressAndCancel shows the export's progress and cancels it
// with esc: nothing is written.
func TestExportProgressAndCancel(t *testing.T) {
	s := planned(t, screentest.Common("en", 160, 48), exportRun(t))
	s = typeIn(t, s, "b", "25%")
	path := filepath.Join(t.TempDir(), "targets.csv")
	s, cmd := exportTo(t, s, path)
	if cmd == nil || !s.out.Running() {
		t.Fatal("enter started no export")
	}
	screentest.MustContain(t, screentest.Render(s, 160, 48), "exporting 0 of 5 validation customers to "+path+"… (esc cancels)")
	s = feed(t, s, exporter.ProgressMsg{To: ExportOwner, Job: s.out.Job(), Done: 3, Total: 5})
	screentest.MustContain(t, screentest.Render(s, 160, 48), "exporting 3 of 5 validation customers")
	if h := s.HelpGroups()[0][0].Help(); h.Key != "esc" || h.Desc != "cancel export" {
		t.Fatalf("the footer's first key while exporting: %+v", h)
	}
	s = feed(t, s, screentest.Press("esc"))
	s = drain(t, s, cmd)
	screentest.MustContain(t, screentest.Render(s, 160, 48), "✗ export cancelled; no file written")
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Fatalf("a cancelled export left %v", entries)
	}
}

// TestExportServedToTheExportFolder never asks a served session for a
// path: the list goes into the operator's folder under a new name, and
// nothing is written where the session runs.
func TestExportServedToTheExportFolder(t *testing.T) {
	dir := t.TempDir()
	work := t.TempDir()
	t.Chdir(work)
	s := New(screentest.Common("en", 160, 48))
	s.SetServed(true, dir)
	s = drain(t, s, s.SetRun(exportRun(t)))
	s = typeIn(t, s, "b", "25%")
	if h := s.HelpGroups()[0][5].Help(); h.Desc != "export to the server's folder" {
		t.Errorf("the x key says %q", h.Desc)
	}
	s = press(t, s, "x")
	if s.Editing() {
		t.Fatal("x asked a served session for a path")
	}
	s = press(t, s, "x")
	name := regexp.MustCompile(`✓ saved 5 validation customers to the server: (retain-plan-\d{8}-\d{6}-\d+\.csv)`)
	got := name.FindStringSubmatch(screentest.Render(s, 160, 48))
	if got == nil {
		t.Fatalf("no export message:\n%s", screentest.Render(s, 160, 48))
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 2 {
		t.Fatalf("the export folder holds %d files (%v), want 2", len(entries), err)
	}
	text, err := os.ReadFile(filepath.Join(dir, got[1]))
	if err != nil {
		t.Fatal(err)
	}
	if recs := readCSV(t, text); len(recs) != 6 || !slices.Contains(recs[0], "lever") {
		t.Fatalf("%s: %d lines, header %v", got[1], len(recs), recs[0])
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Fatalf("a served export wrote where the session runs: %v", entries)
	}
}

// TestExportServedShown shows the list on screen to copy when the server
// has no export folder, and sends it to the clipboard.
func TestExportServedShown(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	s := New(screentest.Common("en", 80, 24))
	s.SetServed(true, "")
	s = drain(t, s, s.SetRun(exportRun(t)))
	s = typeIn(t, s, "b", "25%")
	next, cmd := s.Update(screentest.Press("x"))
	s = next.(Model)
	var clip tea.Cmd
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case exporter.ProgressMsg, exporter.DoneMsg:
			next, c := s.Update(msg)
			s = next.(Model)
			if _, done := msg.(exporter.DoneMsg); done {
				clip, c = c, nil // the clipboard's Cmd is the program's to run
			}
			return c, true
		}
		return nil, false
	})
	if clip == nil {
		t.Error("the export was not sent to the clipboard")
	}
	screentest.MustContain(t, screentest.Render(s, 80, 24), "Export · 5 validation customers", "5 validation customers below to copy",
		"id,probability_purchases_next_30d_yes,band,segment,p_level,action,lever,value,ex", "pected_gain,reason_1")
	if recs := readCSV(t, []byte(s.out.Text())); len(recs) != 6 {
		t.Fatalf("the shown export has %d lines, want 6", len(recs))
	}
	if entries, _ := os.ReadDir(work); len(entries) != 0 {
		t.Fatalf("a served export wrote where the session runs: %v", entries)
	}
	s = press(t, s, "esc")
	if s.out.Showing() || s.Editing() {
		t.Fatal("esc did not close the export")
	}
}

// TestGoldenExportScrolled exports from the end of a scrolled plan: the
// prompt with the typed path, then the failure, are drawn at the foot of
// the screen, in view, not where the plan's top has scrolled away.
func TestGoldenExportScrolled(t *testing.T) {
	run := screentest.TextbookRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		path := filepath.Join(t.TempDir(), "missing", "plan.csv")
		s := press(t, planned(t, c, run), "end", "x")
		for _, r := range "plan.csv" {
			s = feed(t, s, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		prompt := screentest.Render(s, c.Width, c.Height)
		screentest.MustContain(t, prompt, c.T("x export the contacted customers to plan.csv", "x 将待联系客户导出到 plan.csv"))
		last := s.Report().Contacts[len(s.Report().Contacts)-1].ID
		if c.Height < 40 {
			screentest.MustContain(t, prompt, last) // still scrolled to the end
		}
		t.Run("prompt", func(t *testing.T) { screentest.Golden(t, s, c.Width, c.Height) })
		s = press(t, s, "esc")
		s, cmd := exportTo(t, s, path)
		s = drain(t, s, cmd)
		failed := screentest.Render(s, c.Width, c.Height)
		screentest.MustContain(t, failed, c.T("✗ export failed", "✗ 导出失败"))
		// The reason at its end is shown too, the line wrapped where it
		// falls.
		dir := filepath.Dir(path)
		screentest.MustContain(t, strings.Join(strings.Fields(failed), ""), strings.Join(strings.Fields(
			c.Tf("writing %s: directory %s does not exist", "写入 %s 失败：目录 %s 不存在", path, dir)), ""))
		if c.Height < 40 {
			screentest.MustContain(t, failed, last)
		}
	})
}

// TestExportLongPathInView types a path longer than the screen is wide:
// its end, where the cursor is, stays on the prompt's line.
func TestExportLongPathInView(t *testing.T) {
	s := press(t, planned(t, screentest.Common("en", 80, 24), screentest.TextbookRun(t)), "x")
	path := "/tmp/" + strings.Repeat("deeper/", 12) + "targets.csv"
	for _, r := range path {
		s = feed(t, s, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	screentest.MustContain(t, screentest.Render(s, 80, 24), "x export the contacted customers to ", "deeper/targets.csv")
}
