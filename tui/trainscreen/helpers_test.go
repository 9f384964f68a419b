package trainscreen

import (
	"strconv"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
)

func stripped(s string) string { return ansi.Strip(s) }

func itoa(n int) string { return strconv.Itoa(n) }

// waitProgress waits until the coalescer has news matching ok, or fails
// after a deadline. It synchronises on the coalescer's notify channel.
func waitProgress(t *testing.T, w *worker, ok func(engine.Progress) bool) engine.Update {
	t.Helper()
	deadline := time.After(20 * time.Second)
	var all engine.Update
	for {
		select {
		case <-w.coal.Notify():
		case <-w.done:
		case <-deadline:
			t.Fatalf("no matching progress within the deadline; latest %+v", all.Latest)
		}
		if u, has := w.coal.Drain(); has {
			all.Latest = u.Latest
			all.Epochs = append(all.Epochs, u.Epochs...)
			all.Points = append(all.Points, u.Points...)
			if ok(u.Latest) {
				return all
			}
		}
		select {
		case <-w.done:
			if ok(all.Latest) {
				return all
			}
			t.Fatalf("the worker ended before matching progress; latest %+v", all.Latest)
		default:
		}
	}
}
