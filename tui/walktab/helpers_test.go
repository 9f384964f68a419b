package walktab

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// shown returns the tab in c's language and size showing the walkthrough
// of table row row of run 1, built as the program would: the Cmd Want
// returns is run and its message handed back.
func shown(t *testing.T, c common.Common, row int) Model {
	t.Helper()
	w := New(c)
	w.SetSize(c.Width, c.Height)
	cmd := w.Want(screentest.TextbookRun(t), row, "U000004")
	if cmd == nil {
		t.Fatal("Want returned no Cmd")
	}
	msg, ok := cmd().(ReadyMsg)
	if !ok || msg.Err != nil {
		t.Fatalf("Want's Cmd gave %#v", msg)
	}
	w, _ = w.step(msg)
	if _, has := w.Shown(); !has {
		t.Fatal("no walkthrough shown")
	}
	return w
}

// toStep presses → until the walkthrough is on step i (0-based).
func toStep(t *testing.T, w Model, i int) Model {
	t.Helper()
	for {
		cur, total := w.Walkthrough().Step()
		if cur == i {
			return w
		}
		if cur > i || cur == total-1 {
			t.Fatalf("cannot reach step %d (at %d of %d)", i, cur, total)
		}
		w, _ = w.step(tea.KeyPressMsg{Code: tea.KeyRight})
	}
}
