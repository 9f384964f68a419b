package trainscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestStopCancelsAPendingRestart checks review34 #1: r on a live run,
// then x before the run has stopped, cancels the restart. The run stops,
// no new run starts when it has, and the stopping line, the keys and the
// outcome say so, in English and Chinese.
func TestStopCancelsAPendingRestart(t *testing.T) {
	for _, stop := range []string{"x", "esc"} {
		t.Run(stop, func(t *testing.T) {
			s := trainFixture(t, experiment.Source{Kind: "builtin"}, longConfig())
			s, _ = s.step(screentest.Press("space"))
			s = started(t, s)
			s = tickUntil(t, s, func(s Model) bool { return len(s.history) > 0 })
			first := s.cur
			s, _ = s.step(screentest.Press("r"))
			screentest.MustContain(t, stripped(s.View()), "x or esc cancels the restart")
			if k := s.keyMap().Stop; !k.Enabled() || k.Help().Desc != "cancel restart" {
				t.Fatalf("stopping for a restart: the stop key is %v %q", k.Enabled(), k.Help().Desc)
			}
			s, cmd := s.step(screentest.Press(stop))
			if s.restart || s.state != trainStopping || cmd != nil {
				t.Fatalf("%s after r: restart %v state %d", stop, s.restart, s.state)
			}
			screentest.MustContain(t, stripped(s.View()), "restart cancelled: no new run will start")
			<-first.done
			s, cmd = s.step(DoneMsg{id: first.id})
			if cmd != nil || s.state != trainEnded || s.runs != 1 || s.cur != first {
				t.Fatalf("after the run stopped: state %d runs %d, a new run started: %v", s.state, s.runs, cmd != nil)
			}
			if got := s.outcome.In(s.Common); !strings.HasPrefix(got, "Restart cancelled; no new run started. ■ Stopped by you") {
				t.Fatalf("outcome %q", got)
			}
			zh := s.outcome.In(common.Common{Lang: "zh"})
			if !strings.HasPrefix(zh, "已取消重新开始，未开始新的训练。") {
				t.Fatalf("Chinese outcome %q", zh)
			}
			if len(s.Finished()) != 1 {
				t.Fatalf("%d runs kept, want the stopped one", len(s.Finished()))
			}
		})
	}
}

// TestEscStopsARun: esc did nothing on the Train screen (review34 #3); it
// stops a run as x does, keeping it on the Runs screen.
func TestEscStopsARun(t *testing.T) {
	s := trainFixture(t, experiment.Source{Kind: "builtin"}, longConfig())
	s, _ = s.step(screentest.Press("space"))
	s = started(t, s)
	s, _ = s.step(screentest.Press("esc"))
	if s.state != trainStopping {
		t.Fatalf("esc while running: state %d, want stopping", s.state)
	}
	s = ended(t, s)
	if !strings.Contains(s.outcome.In(s.Common), "Stopped by you") || len(s.Finished()) != 1 {
		t.Fatalf("outcome %q, %d runs kept", s.outcome.In(s.Common), len(s.Finished()))
	}
}
