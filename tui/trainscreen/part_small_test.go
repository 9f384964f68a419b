package trainscreen

import (
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// fourUsers loads fourRows (two users of each class): the default
// validation share of 0.1 leaves its validation part empty, as retain
// train finds.
func fourUsers(t *testing.T) *experiment.Data {
	t.Helper()
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "four.csv"}, func(string) (io.ReadCloser, error) {
		return io.NopCloser(strings.NewReader(fourRows)), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPartTooSmallIsRefusedAsTrainRefusesIt: a 4-row file that retain
// train refuses (exit 2: "the validation part has 0 rows and 0
// positives: too few to measure a model") trained here, and Evaluate then
// measured the training part. Space now starts nothing: the panel says
// train's reason, in either language, with what to change here, and the
// last run stays as it was.
func TestPartTooSmallIsRefusedAsTrainRefusesIt(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "the validation part has 0 rows and 0 positives: too few to measure a model. " +
			"Use more data, or change the validation share on the Model screen (2)."},
		{"zh", "验证集有 0 行，其中正类 0 行：太少，无法评估模型。请使用更多数据，或在“模型”页（2）调整验证集比例。"},
	} {
		com := screentest.Common(c.lang, 100, 27)
		s := goldenScreen(t, com)
		s.runCfg = s.cfg
		s = syntheticRun(s, 14)
		s.runs, s.state = 2, trainEnded
		s.latest.State = engine.Finished
		history := len(s.history)
		s.SetInputs(fourUsers(t), s.cfg, experiment.Limits{})
		s, cmd := s.step(screentest.Press("space"))
		if cmd != nil || s.cur != nil || s.state != trainEnded || s.runs != 2 || len(s.history) != history {
			t.Fatalf("%s: cmd %v, worker %v, state %d, run %d, %d epochs: want nothing started and run 2 kept",
				c.lang, cmd != nil, s.cur != nil, s.state, s.runs, len(s.history))
		}
		if !s.failed || s.refusal.In(s.Common) != c.want {
			t.Errorf("%s: failed %v, refusal\n %q\nwant %q", c.lang, s.failed, s.refusal.In(s.Common), c.want)
		}
		screentest.MustContain(t, screentest.Render(s, 100, 27), common.Common{Lang: c.lang}.T("Cannot train", "无法训练"))
	}
}
