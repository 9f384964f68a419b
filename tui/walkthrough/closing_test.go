package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// TestClosingTextFollowsTheRun: the last page said every run trains "until
// the validation loss stops improving" and is "evaluated on users it never
// saw", also for runs without early stopping and without a test part
// (measured on the validation part that early stopping and Platt used).
// It now says what this run does.
func TestClosingTextFollowsTheRun(t *testing.T) {
	cases := []struct {
		name string
		edit func(*experiment.Config)
		want string // the closing paragraph, words joined by single spaces
	}{
		{"fixed epochs, no test part, no calibration", func(c *experiment.Config) {
			c.Calibration = experiment.CalibNone
		}, "Training repeats the forward pass, backpropagation and update for every mini-batch, for all 2 epochs: this run does not stop early. " +
			"This run has no test part: the Evaluate screen measures the finished model on the 10 validation users, whom training never used."},
		{"early stopping and Platt on the validation part", func(c *experiment.Config) {
			c.Train.EarlyStop.Patience = 1
			c.Calibration = experiment.CalibPlatt
			c.ValFrac = 0.3 // Platt needs 5 positives there
		}, "Training repeats the forward pass, backpropagation and update for every mini-batch, epoch after epoch, until the validation loss has not improved for 1 epoch (early stopping), at most 2 epochs. " +
			"This run has no test part: the Evaluate screen measures the finished model on the 30 validation users. Gradient descent never trained on them, but early stopping chose the epoch kept on them and the calibration was fitted on them, so those figures lean optimistic; a test part would give an untouched measure."},
		{"a test part", func(c *experiment.Config) {
			c.TestFrac = 0.2
			c.Calibration = experiment.CalibNone
		}, "for all 2 epochs: this run does not stop early. The finished model is then measured on the 20 test users, whom training never used, and, last, deployed to score new users."},
	}
	for _, c := range cases {
		exp := fixtureWith(t, c.edit)
		in, err := NewInput(exp, fixtureRow(exp))
		if err != nil {
			t.Fatal(err)
		}
		m := New(in, "en", DefaultStyles())
		m.SetSize(120, 80)
		m = goTo(t, m, stepAfter, 0)
		view := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
		if !strings.Contains(view, c.want) {
			t.Errorf("%s: the last page lacks\n%q\n%s", c.name, c.want, ansi.Strip(m.View()))
		}
	}
}
