package walkthrough

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestLossPageSaysTheShownBatchIsSmallerThanTheRuns: a run trained on
// batches of 32 was walked through on a batch of 8 that the page called
// "the mini-batch" training takes. The page now says the run's batches
// hold 32 and that 8 of them are shown to fit; a run whose batches hold 5
// is shown on a batch of 5, in the plain words.
func TestLossPageSaysTheShownBatchIsSmallerThanTheRuns(t *testing.T) {
	big := fixtureWith(t, func(c *experiment.Config) { c.Train.BatchSize = 32 })
	small := fixtureWith(t, func(c *experiment.Config) { c.Train.BatchSize = 5 })
	cases := []struct {
		exp               *experiment.Experiment
		lang, title, body string
		rows              int
	}{
		{big, "en", "Training: the loss of a mini-batch of 8 users (the run used 32)",
			"Training never adjusts the weights for one user alone: this run takes mini-batches of 32 users. " +
				"So that every row fits on screen, the step is shown here on a smaller mini-batch of 8 users (this user plus 7 others);", 8},
		{big, "zh", "训练：一个含 8 个用户的小批量的损失（本次训练每批 32 个）",
			"训练从不只为一个用户调整权重：本次训练每次取一个含 32 个用户的小批量。为了让每一行都放得下，这里用一个更小的小批量演示这一步：8 个用户（这位用户加上另外 7 位）", 8},
		{small, "en", "Training: the loss of a mini-batch of 5 users",
			"Training never adjusts the weights for one user alone: it takes a mini-batch of 5 users (this user plus 4 others),", 5},
		{small, "zh", "训练：一个含 5 个用户的小批量的损失",
			"训练从不只为一个用户调整权重：它取一个含 5 个用户的小批量（这位用户加上另外 4 位）", 5},
	}
	for _, c := range cases {
		text, m := pageText(t, c.exp, c.lang, stepLoss, 0)
		if m.walk.step.Rows != c.rows {
			t.Errorf("%s: the shown batch has %d rows, want %d", c.lang, m.walk.step.Rows, c.rows)
		}
		// The page's words run on across wrapped lines; CJK text has no
		// spaces between its words, so compare without them.
		flat := strings.ReplaceAll(text, " ", "")
		for _, want := range []string{c.title, c.body} {
			if !strings.Contains(flat, strings.ReplaceAll(want, " ", "")) {
				t.Errorf("%s: the loss page lacks\n%s\nit reads\n%s", c.lang, want, text)
			}
		}
	}
}
