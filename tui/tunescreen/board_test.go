package tunescreen

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// longResult is a finished search of 18 trials, more than an 80×24 window
// shows, ranked as experiment.Tune ranks them: the best (trial 7) first,
// the failed trial 18 last. Every trial but the base lists all ten
// settings, so that its row is cut at 80 columns.
func longResult() experiment.TuneResult {
	base := experiment.DefaultConfig()
	names := []string{"layers", "activation", "optimizer", "lr", "l2", "batch", "scale", "log1p", "pos-weight", "patience"}
	settings := func(n int) []experiment.Setting {
		values := []string{[]string{"32,16", "64", "128,64"}[n%3], []string{"tanh", "relu"}[n%2], "adam",
			[]string{"0.003", "0.0003", "0.01"}[n%3], "0.0001", "256", "minmax", "true", "balanced", "20"}
		out := make([]experiment.Setting, len(names))
		for i := range names {
			out[i] = experiment.Setting{Name: names[i], Value: values[i]}
		}
		return out
	}
	var board []experiment.Trial
	for rank := range 18 {
		n := []int{7, 1, 12, 3, 9, 15, 2, 4, 5, 6, 8, 10, 11, 13, 14, 16, 17, 18}[rank]
		cfg := base
		cfg.Train.Optimizer.LR = 0.001 * float64(n)
		t := experiment.Trial{Number: n, Config: cfg, PosWeight: 2.5, Time: time.Duration(n) * 700 * time.Millisecond,
			AUC: 0.93 - 0.002*float64(rank), AUCStd: 0.005}
		switch {
		case n == 1:
			t.Base, t.PosWeight = true, 1
		default:
			t.Settings = settings(n)
		}
		switch {
		case rank < 6:
			t.Complete, t.Folds = true, make([]experiment.FoldResult, 5)
		case n == 18:
			t.Err, t.Stopped, t.AUC, t.AUCStd = "training diverged at epoch 3, batch 17 (loss NaN)", true, 0, 0
		default:
			t.Stopped, t.Folds = true, make([]experiment.FoldResult, 1+rank%2)
		}
		board = append(board, t)
	}
	best := board[0]
	return experiment.TuneResult{Folds: 5, Eta: 3, RungFolds: []int{1, 2, 5}, Tried: 18, Elapsed: 20 * time.Second,
		Workers: 2, Ended: "budget", Best: &best, Board: board}
}

// longFinished is the screen after longResult.
func longFinished(t *testing.T, c common.Common) Model {
	s := New(c)
	s.SetInputs(textbook(t), experiment.DefaultConfig())
	s, _ = s.step(s.NewDoneMsg(longResult(), nil))
	return s
}

// TestGoldenLongBoard: a leaderboard longer than the window opens on the
// best trial, says which rows are in view, and shows the selected trial's
// settings in full under it; ↓ eleven times scrolls down to trial 10.
func TestGoldenLongBoard(t *testing.T) {
	for _, moved := range []bool{false, true} {
		t.Run(fmt.Sprint("moved=", moved), func(t *testing.T) {
			screentest.ForEach(t, func(t *testing.T, c common.Common) {
				s := longFinished(t, c)
				if moved {
					for range 11 {
						s, _ = s.step(screentest.Press("down"))
					}
				}
				screentest.Golden(t, s, c.Width, c.Height)
			})
		})
	}
}

// TestBoardScrollsThroughEveryRow: at 80×24 ↓, pgdn and end reach the last
// trial, ↑, pgup and home the first, the selected row stays in view with a
// note of the rows shown, and the selected trial's settings are shown in
// full, never cut in the middle of a number.
func TestBoardScrollsThroughEveryRow(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := longFinished(t, screentest.Common(lang, 80, 24))
		board := longResult().Board
		if got := s.selectedNumber(); got != 7 {
			t.Fatalf("%s: the selection opens on trial %d, want the best, 7", lang, got)
		}
		screentest.MustContain(t, s.View(), s.Tf("rows 1–", "第 1–"), s.Tf("of 18", "共 18 行"))
		for i := range board {
			if i > 0 {
				s, _ = s.step(screentest.Press("down"))
			}
			if got := s.selectedNumber(); got != board[i].Number {
				t.Fatalf("%s: after %d ↓ trial %d is selected, want %d", lang, i, got, board[i].Number)
			}
			view := ansi.Strip(s.View())
			row := regexp.MustCompile(fmt.Sprintf(`(?m)^▸ +%d  `, board[i].Number))
			if !row.MatchString(view) {
				t.Fatalf("%s: the selected trial %d is not in view:\n%s", lang, board[i].Number, view)
			}
			// The settings in full, in words the detail wraps between.
			flat := strings.Join(strings.Fields(view), " ")
			if want := strings.Join(settingsParts(s.Common, board[i]), " "); !strings.Contains(flat, want) {
				t.Fatalf("%s: trial %d's settings %q are not shown in full:\n%s", lang, board[i].Number, want, view)
			}
			if cut := regexp.MustCompile(`=\d[\d.,]*…`); cut.MatchString(view) {
				t.Fatalf("%s: a setting is cut mid-number:\n%s", lang, view)
			}
		}
		screentest.MustContain(t, s.View(), s.Tf("rows %d–18", "第 %d–18 行", 18-s.pageRows+1))
		for _, k := range []struct {
			key  string
			want int
		}{{"home", 7}, {"end", 18}, {"pgup", board[len(board)-1-s.pageRows].Number}, {"up", board[len(board)-2-s.pageRows].Number},
			{"home", 7}, {"pgdown", board[s.pageRows].Number}} {
			s, _ = s.step(pressKey(k.key))
			if got := s.selectedNumber(); got != k.want {
				t.Errorf("%s: %s selects trial %d, want %d", lang, k.key, got, k.want)
			}
		}
	}
}

// TestApplyAppliesTheSelectedTrial: a applies the selected trial (the best
// until another is selected), a failed one is refused, and the help names
// the selection keys.
func TestApplyAppliesTheSelectedTrial(t *testing.T) {
	s := longFinished(t, screentest.Common("en", 80, 24))
	s, msgs := pressApply(s)
	if len(msgs) != 1 || msgs[0].(ApplyMsg).Trial != 7 {
		t.Fatalf("a before a move applied %v, want the best, trial 7", msgs)
	}
	s, _ = s.step(screentest.Press("down"))
	s, _ = s.step(screentest.Press("down"))
	s, msgs = pressApply(s)
	if len(msgs) != 1 {
		t.Fatalf("apply sent %v", msgs)
	}
	msg := msgs[0].(ApplyMsg)
	if msg.Trial != 12 || msg.Config.Train.Optimizer.LR != 0.012 || msg.Config.Train.PosWeight != 2.5 {
		t.Errorf("applied %+v, want trial 12 with lr 0.012 and its resolved weight 2.5", msg)
	}
	screentest.MustContain(t, ansi.Strip(s.View()), "Trial 12 · applied to the Model screen")
	s, _ = s.step(pressKey("end"))
	s, msgs = pressApply(s)
	if len(msgs) != 0 || !strings.Contains(ansi.Strip(s.View()), "✗ not applied: trial 18 failed") {
		t.Errorf("a on a failed trial sent %v:\n%s", msgs, s.View())
	}
	var help []string
	for _, g := range s.HelpGroups() {
		for _, b := range g {
			if b.Enabled() {
				help = append(help, b.Help().Key+" "+b.Help().Desc)
			}
		}
	}
	got := strings.Join(help, " · ")
	for _, want := range []string{"↑/↓ select trial", "pgup/pgdn page", "home/end top/bottom"} {
		if !strings.Contains(got, want) {
			t.Errorf("help %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "apply") {
		t.Errorf("apply is offered on a failed trial: %q", got)
	}
}

// pressKey is screentest.Press with the page and end keys.
func pressKey(k string) tea.KeyPressMsg {
	switch k {
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	}
	return screentest.Press(k)
}
