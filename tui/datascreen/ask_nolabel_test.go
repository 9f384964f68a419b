package datascreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestLabelQuestionOffersNoLabel: the label question lists, above the
// columns, an entry that loads the file without a label for anomaly
// detection only, in both languages, and in a served session too (it
// needs no shell, unlike the `retain anomalies --data FILE` it named
// before). The selection starts on the first column, as before; ↑ reaches
// the entry and no further, and enter on it asks for the file without a
// label, even when a --label named was missing.
func TestLabelQuestionOffersNoLabel(t *testing.T) {
	cols := []string{"user_id", "visits", "spend", "pages"}
	served := screentest.Common("en", 80, 24)
	served.Served = true
	for _, c := range []common.Common{screentest.Common("en", 80, 24), screentest.Common("zh", 80, 24), served} {
		s := New(c)
		s.AskLabel(experiment.Source{Kind: "csv", Path: "ok.csv", Label: "Foo"}, cols, common.Said{}, nil)
		entry := s.T("  no label — anomaly detection only", "  无标签——仅做异常检测")
		mustContain(t, ansi.Strip(s.View()), entry+"\n▸ user_id")
		if strings.Contains(s.View(), "retain anomalies") {
			t.Errorf("the question still sends the user to the command line:\n%s", s.View())
		}
		s = keys(s, "up", "up")
		mustContain(t, ansi.Strip(s.View()), "▸ "+strings.TrimSpace(entry))
		s, cmd := s.step(screentest.Press("enter"))
		msg, ok := cmd().(OpenMsg)
		if !ok || !msg.NoLabel || msg.Src.Label != "" || msg.Src.Path != "ok.csv" || len(msg.Columns) != len(cols) || s.Asking() {
			t.Errorf("%s: enter on the entry sent %+v (asking %v)", c.Lang, msg, s.Asking())
		}
	}
}

// TestUnlabelledDataScreen: the Data screen of a table loaded without a
// label says so, with its users, names the command that loads it with a
// label (quoted for the shell; not in a served session, whose user has no
// shell), and c asks for its label again; other data end it.
func TestUnlabelledDataScreen(t *testing.T) {
	src := experiment.Source{Kind: "csv", Path: "/tmp/my data.csv"}
	cols := []string{"plan", "visits"}
	s := New(screentest.Common("en", 80, 24))
	s.SetUnlabelled(src, cols, 1234)
	mustContain(t, ansi.Strip(s.View()), "/tmp/my data.csv is loaded without a label: 1,234 users",
		"  retain --data '/tmp/my data.csv' --label COLUMN")
	asked := keys(s, "c")
	mustContain(t, ansi.Strip(asked.View()), "Which column of /tmp/my data.csv is the label?", "▸ plan")

	served := screentest.Common("zh", 80, 24)
	served.Served = true
	srv := New(served)
	srv.SetUnlabelled(src, cols, 1234)
	mustContain(t, ansi.Strip(srv.View()), "已不带标签加载：1,234 个用户")
	if strings.Contains(srv.View(), "retain --data") {
		t.Errorf("a served session is told a command to run:\n%s", srv.View())
	}

	s.SetData(nil, Info{})
	if s.AskUnlabelled() || strings.Contains(s.View(), "without a label") {
		t.Errorf("other data did not end the table without a label:\n%s", s.View())
	}
}
