package anomalyscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// tiny is a table of 5 rows, too few to score (anomaly.MinRows is 20).
func tiny(t *testing.T) *experiment.Data {
	t.Helper()
	tab, err := data.NewTable("tiny.csv", []*data.Column{data.NewNumericColumn("x", make([]float64, 5))},
		data.Label{Name: "churn", Values: []float64{0, 1, 0, 1, 0}})
	if err != nil {
		t.Fatal(err)
	}
	return &experiment.Data{Source: experiment.Source{Kind: "csv", Path: "tiny.csv"}, Table: tab}
}

// TestGoldenScoringFailed: a failed scoring with no result before it is
// boxed whole at every size, and says nothing of a previous result (it
// was cut at "to learn wha…" and said "the previous result is kept").
func TestGoldenScoringFailed(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := New(c)
		s.SetInputs(tiny(t), fastConfig())
		press(&s, "s")
		if s.Result() != nil || s.err == nil {
			t.Fatalf("scoring did not fail:\n%s", s.View())
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestScoringFailureShowsTheWholeMessage checks the box's text against the
// error package anomaly gives for the same table, and that "the previous
// result is kept" is said only when there is one.
func TestScoringFailureShowsTheWholeMessage(t *testing.T) {
	_, err := anomaly.Prepare(tiny(t).Table, fastOptions())
	if err == nil {
		t.Fatal("anomaly.Prepare scored 5 rows")
	}
	for _, c := range []struct {
		lang, heading, kept string
	}{
		{"en", "Scoring failed", "The previous result is kept."},
		{"zh", "评分失败", "之前的结果保留不变。"},
	} {
		com := screentest.Common(c.lang, 80, 24)
		msg := com.ErrorText(err)
		s := New(com)
		s.SetInputs(tiny(t), fastConfig())
		press(&s, "s")
		screentest.BoxSays(t, c.lang+", no result before", s.View(), c.heading, msg)
		// The same failure after a result: the result stays and the box
		// says so.
		s = scored(t, com)
		s.SetInputs(tiny(t), fastConfig())
		press(&s, "s")
		if s.Result() == nil {
			t.Fatalf("%s: the previous result is gone", c.lang)
		}
		screentest.BoxSays(t, c.lang+", after a result", s.View(), c.heading, screentest.JoinWrapped(msg, c.kept))
	}
}

// TestStopBeforeAnyResult: x (or esc, review34 #3) stops the first
// scoring; the state line says so without a "previous result" there is
// none of.
func TestStopBeforeAnyResult(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "Scoring stopped. s scores again.",
		"zh": "评分已停止。按 s 重新评分。",
	} {
		for _, stop := range []string{"x", "esc"} {
			s := New(screentest.Common(lang, 80, 24))
			s.SetInputs(shop(t), fastConfig())
			s.SetOptions(fastOptions())
			var cmd tea.Cmd
			s, cmd = s.step(screentest.Press("s"))
			s, _ = s.step(screentest.Press(stop)) // stop before the work even began
			screentest.Drain(cmd, feed(&s))
			if got := strings.TrimSpace(strings.Split(ansi.Strip(s.View()), "\n")[1]); s.Busy() || got != want {
				t.Errorf("%s %s: busy %v, state line %q, want %q", lang, stop, s.Busy(), got, want)
			}
		}
	}
}
