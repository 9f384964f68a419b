package datascreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestLabelQuestionSaysHowToScoreWithoutALabel: the label question of a
// file says, in both languages, that the Anomalies screen scores only a
// table loaded here and names the command that scores the file without a
// label, on a line of its own (the path quoted for the shell when it needs
// it), so that a feature is not picked as the label to get the file in.
// Standard input and a served session, which cannot run it, are not told.
func TestLabelQuestionSaysHowToScoreWithoutALabel(t *testing.T) {
	cols := []string{"user_id", "visits", "spend", "pages"}
	for _, tc := range []struct {
		lang, path string
		want       []string
	}{
		{"en", "ok.csv", []string{"No label? The Anomalies screen scores only a table loaded here",
			"  retain anomalies --data ok.csv"}},
		{"en", "/tmp/my data.csv", []string{"  retain anomalies --data '/tmp/my data.csv'"}},
		{"zh", "ok.csv", []string{"没有标签列？异常屏只为此处加载的表打分", "  retain anomalies --data ok.csv"}},
	} {
		s := New(screentest.Common(tc.lang, 120, 24))
		s.AskLabel(experiment.Source{Kind: "csv", Path: tc.path}, cols, common.Said{}, nil)
		mustContain(t, s.View(), tc.want...)
	}
	// At 80 columns the command still stands whole on its line.
	s := New(screentest.Common("en", 80, 24))
	s.AskLabel(experiment.Source{Kind: "csv", Path: "/tmp/r28/bad/ok.csv"}, cols, common.Said{}, nil)
	mustContain(t, s.View(), "\n  retain anomalies --data /tmp/r28/bad/ok.csv")

	stdin := New(screentest.Common("en", 120, 24))
	stdin.AskLabel(experiment.Source{Kind: "csv", Path: "-"}, cols, common.Said{}, nil)
	served := screentest.Common("en", 120, 24)
	served.Served = true
	srv := New(served)
	srv.AskLabel(experiment.Source{Kind: "csv", Path: "ok.csv"}, cols, common.Said{}, nil)
	for name, v := range map[string]string{"standard input": stdin.View(), "served": srv.View()} {
		if strings.Contains(v, "retain anomalies") {
			t.Errorf("%s: the question names a command its user cannot run:\n%s", name, v)
		}
	}
}
