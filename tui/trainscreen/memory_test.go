package trainscreen

import (
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// numbers lists the runs' numbers.
func numbers(runs []common.Run) []int {
	var out []int
	for _, r := range runs {
		out = append(out, r.Number)
	}
	return out
}

// heldRuns is a screen on the textbook shop holding three ended runs (run
// 1 analysed), whose memory limit holds two of them and a new run; held
// is one run's memory.
func heldRuns(t *testing.T, lang string) (s Model, held float64) {
	t.Helper()
	run := screentest.Train(t, "textbook", 1, nil)
	held = run.Exp.HeldMemory()
	if held <= 0 {
		t.Fatalf("an ended run holds %v bytes", held)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	shape := experiment.Shape{Inputs: run.Exp.Pipeline.Width(), TrainRows: run.Exp.Train.Rows}
	_, need := experiment.NetworkNeed(shape, cfg)
	s = New(screentest.Common(lang, 100, 27))
	s.SetInputs(run.Exp.Data, cfg, experiment.Limits{MaxTrainMemory: int64(2*held + need)})
	s.SetShape(shape)
	for n := range 3 {
		r := run
		r.Number = n + 1
		s.AddFinished(r)
	}
	s.SetAnalysed(1)
	return s, held
}

// TestOldRunsAreForgottenToStayWithinTheMemoryLimit: every ended run keeps
// its network and workspaces; a new run that would take the session beyond
// its memory limit makes it forget the oldest runs first, except the one
// the analysis screens show, and say so.
func TestOldRunsAreForgottenToStayWithinTheMemoryLimit(t *testing.T) {
	s, _ := heldRuns(t, "en")
	before := s.Finished()
	s, cmd := s.step(screentest.Press("space"))
	defer s.Close()
	if s.state != trainStarting {
		t.Fatalf("state %d, outcome %q: the run did not start", s.state, s.outcome.In(s.Common))
	}
	if got := numbers(s.Finished()); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("runs kept %v, want 1 (analysed) and 3", got)
	}
	if got := numbers(before); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("the list handed out before changed to %v", got)
	}
	// The notice comes first in the run's batch; the others would start
	// the worker.
	batch, ok := cmd().(tea.BatchMsg)
	if !ok || len(batch) == 0 {
		t.Fatalf("the start returned %T, want a batch", cmd())
	}
	want := "forgot run 2 to keep this session within its memory limit (" + data.Bytes(float64(s.limits.MaxTrainMemory)) + ")"
	if got := notices(batch[0]); !slices.Equal(got, []string{want}) {
		t.Errorf("notices %q, want %q", got, want)
	}
}

func TestForgottenRunsSpeakChinese(t *testing.T) {
	s, held := heldRuns(t, "zh")
	s.limits.MaxTrainMemory = int64(held) // not even one run fits beside a new one
	cmd := s.forgetToFit(1)
	want := "为使本会话不超出内存上限（" + data.Bytes(float64(int64(held))) + "），已移除运行 2、3"
	if got := notices(cmd); !slices.Equal(got, []string{want}) || !slices.Equal(numbers(s.Finished()), []int{1}) {
		t.Errorf("notices %q, runs %v; want %q and run 1 alone", got, numbers(s.Finished()), want)
	}
}

func TestNoMemoryLimitForgetsNothing(t *testing.T) {
	s, _ := heldRuns(t, "en")
	s.limits.MaxTrainMemory = 0
	if cmd := s.forgetToFit(1 << 40); cmd != nil || len(s.Finished()) != 3 {
		t.Errorf("without a limit: %d runs kept, notice %v", len(s.Finished()), cmd != nil)
	}
}

// notices runs cmd, which must start no work, and returns the notices of
// the ForgotMsg it gives.
func notices(cmd tea.Cmd) []string {
	if cmd == nil {
		return nil
	}
	if msg, ok := cmd().(ForgotMsg); ok {
		return []string{msg.Notice()}
	}
	return nil
}
