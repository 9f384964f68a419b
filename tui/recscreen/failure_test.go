package recscreen

import (
	"errors"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// oneCustomer is a log of one customer who bought A twice and then B:
// every training pair is bought, so the recommender refuses it.
const oneCustomer = "../testdata/recommend/one_customer.csv"

// readyOn returns the screen with the item log at path read.
func readyOn(t *testing.T, c common.Common, path string) Model {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path}, open)
	if err != nil {
		t.Fatal(err)
	}
	s := New(c, open)
	s.SetSize(c.Width, c.Height)
	s = drain(s, s.SetData(d))
	if s.log == nil {
		t.Fatalf("item log not read: %q", s.refusal.In(s.Common))
	}
	return s
}

// TestGoldenFailedRun: a run the recommender refuses shows its whole
// reason, with its advice (the Data screen's l), boxed at every size (it
// was one line cut at "in th…" over blank rows).
func TestGoldenFailedRun(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := press(readyOn(t, c, oneCustomer), "space")
		if !s.failed {
			t.Fatalf("the run did not fail: %q", s.outcome.In(s.Common))
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestFailureShowsTheWholeMessage checks the box's text against the error
// package recommend gives for the same log and settings, run here, and
// that the box says the previous result is kept only when there is one.
func TestFailureShowsTheWholeMessage(t *testing.T) {
	l, _, err := experiment.ReadItemLog(experiment.Source{Kind: "log", Path: oneCustomer}, open, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, heading, kept, advice string }{
		{"en", "Run 1 failed", "The previous result below is kept.",
			"; press l on the Data screen (1) and choose a column with more items: the log is read again with it"},
		{"zh", "第 1 次运行失败", "下面保留的是之前的结果。", "；可在“数据”页（按 1）按 l 选择商品更多的列：日志会按所选的列重新读取"},
	} {
		com := screentest.Common(c.lang, 80, 24)
		s := press(readyOn(t, com, oneCustomer), "space")
		_, want := recommend.Prepare(l, recommend.Options{Cutoff: recommend.Date(s.cutoff), HorizonDays: s.horizon, Top: recommend.DefaultTop,
			Evaluate: s.evaluates(s.cutoff, s.horizon), Model: recommend.DefaultModelConfig()})
		if want == nil {
			t.Fatal("recommend.Prepare took the one-customer log")
		}
		screentest.BoxSays(t, c.lang+", no result before", s.View(), c.heading, com.ErrorText(want))
		// The command line's advice (--item-column) is the Data screen's l.
		var few *recommend.FewItemsError
		if !errors.As(want, &few) || com.ErrorText(want) != com.ErrorText(few.Err)+c.advice {
			t.Errorf("%s: the box says %q, want the refusal then %q", c.lang, com.ErrorText(want), c.advice)
		}

		// A failure after a result: the result stays below the box.
		s = press(ready(t, com), "space")
		if s.Result() == nil {
			t.Fatal("no result")
		}
		s.cutoff = recommend.Day(time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)) // before two horizons of history
		s = press(s, "space")
		if !s.failed || s.Result() == nil {
			t.Fatalf("%s: failed %v, result kept %v", c.lang, s.failed, s.Result() != nil)
		}
		lines := screentest.PanelLines(s.View())
		if len(lines) < 2 || lines[0] != "第 2 次运行失败" && lines[0] != "Run 2 failed" || lines[len(lines)-1] != c.kept {
			t.Errorf("%s: box after a result reads %q, want the note %q last", c.lang, lines, c.kept)
		}
	}
}
