package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/planscreen"
	"github.com/retainlab/retain/tui/screentest"
)

// screenKeys presses keys on the Plan screen one by one (key names as
// screentest.Press spells them), running the Cmds each leads to as the
// program would.
func screenKeys(s planscreen.Model, keys ...string) planscreen.Model {
	for _, k := range keys {
		s = screenSettle(s, screentest.Press(k))
	}
	return s
}

// screenType types text into the screen's open field.
func screenType(s planscreen.Model, text string) planscreen.Model {
	for _, r := range text {
		s = screenSettle(s, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return s
}

// screenSettle gives the screen msg and runs the Cmds it leads to.
func screenSettle(s planscreen.Model, msg tea.Msg) planscreen.Model {
	next, cmd := s.Update(msg)
	s = next.(planscreen.Model)
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case planscreen.ReadyMsg, exporter.ProgressMsg, exporter.DoneMsg:
			next, c := s.Update(msg)
			s = next.(planscreen.Model)
			return c, true
		}
		return nil, false
	})
	return s
}

// The CLI's list and the Plan screen's export of the same plan are the
// same bytes: a run trained in memory, as the TUI trains it, is saved as a
// model file, its validation customers (the Plan screen's) are written to
// a file of their own, and plan --contacts-out on that file, with the same
// value column, budget and levers as typed on the screen, writes what the
// screen's x writes.
func TestPlanContactsOutMatchesThePlanScreen(t *testing.T) {
	comparePlanScreen(t, nil, "spend", []string{"visits", "spend"})
}

// A numeric column the model leaves out (--exclude) is a value column to
// the CLI as to the Plan screen, which read it from the data, and both
// make the same plan by it (experiment.PlanFor). plan refused it before
// ("not a numeric feature column of the model") while the screen took it.
func TestPlanValueColumnOutsideTheFeaturesAsOnThePlanScreen(t *testing.T) {
	comparePlanScreen(t, []string{"spend"}, "spend", []string{"visits"})
}

// comparePlanScreen trains a run on a users file without the columns
// exclude, and checks that plan --contacts-out with value column value and
// levers writes what the Plan screen's x writes for the same inputs.
func comparePlanScreen(t *testing.T, exclude []string, value string, levers []string) {
	t.Helper()
	e, model, customers := validationFixture(t, exclude)
	dir := t.TempDir()

	cliList := filepath.Join(dir, "cli.csv")
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", customers, "--value", value, "--budget", "40%",
		"--levers", strings.Join(levers, ","), "--contacts-out", cliList); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}

	s := planscreen.New(screentest.Common("en", 160, 48))
	cmd := s.SetRun(common.Run{Number: 1, Exp: e, History: e.Trainer.History()})
	s = screenSettle(s, cmd())
	s = screenKeys(screenType(screenKeys(s, "v"), value), "enter")
	s = screenKeys(screenType(screenKeys(s, "b"), "40%"), "enter", "l")
	for _, pc := range e.Pipeline.Columns {
		if slices.Contains(levers, pc.Name) {
			s = screenKeys(s, "space")
		}
		s = screenKeys(s, "down")
	}
	s = screenKeys(s, "enter")
	if got := s.Levers(); !slices.Equal(got, levers) {
		t.Fatalf("levers marked on the screen %v, want %v", got, levers)
	}
	screenList := filepath.Join(dir, "screen.csv")
	s = screenKeys(screenType(screenKeys(s, "x"), screenList), "enter")
	screentest.MustContain(t, s.View(), "✓ wrote")

	cliText, screenText := mustRead(t, cliList), mustRead(t, screenList)
	n := strings.Count(screenText, "\n") - 1
	if rep := s.Report(); n != rep.Best.Contacted || n < 40 || rep.ValueColumn != value {
		t.Fatalf("the screen's list has %d customers, its plan contacts %d (value column %q): want at least 40 by %s",
			n, rep.Best.Contacted, rep.ValueColumn, value)
	}
	if !slices.ContainsFunc(levers, func(l string) bool { return strings.Contains(screenText, ","+l+" ") }) {
		t.Error("no customer has a lever: the lever column was not compared")
	}
	if cliText != screenText {
		t.Errorf("plan --contacts-out wrote\n%s\nthe Plan screen's x\n%s", cliText, screenText)
	}
}

// validationFixture trains a run in memory, as the TUI trains it, on a
// users file of 400 rows without the columns exclude (half held out for
// validation), saves it as a model file and writes its validation
// customers, the Plan screen's, to a file of their own, in the users
// file's order: what plan reads to plan for the screen's customers.
func validationFixture(t *testing.T, exclude []string) (e *experiment.Experiment, model, customers string) {
	t.Helper()
	users := usersCSV(t, 400)
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: users, Label: "churn", Exclude: exclude},
		func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs, cfg.ValFrac = 3, 0.5
	e, err = experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	model = filepath.Join(dir, "model.json")
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	if err := experiment.WriteFileAtomic(model, b.Write); err != nil {
		t.Fatal(err)
	}
	scores, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(mustRead(t, users)), "\n")
	validation := []string{lines[0]}
	for r, part := range scores.Parts {
		if part != experiment.RowValidation {
			continue
		}
		if !strings.HasPrefix(lines[r+1], scores.ID(r)+",") {
			t.Fatalf("row %d is %q in the file, %s in the table", r, lines[r+1], scores.ID(r))
		}
		validation = append(validation, lines[r+1])
	}
	return e, model, writeFile(t, "validation.csv", strings.Join(validation, "\n")+"\n")
}
