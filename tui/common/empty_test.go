package common

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
)

// TestEmptyShowsTheWholeHintCentred checks that an empty screen's hint is
// wrapped, never cut, and placed in the middle rather than on top of 20
// blank lines, in both languages.
func TestEmptyShowsTheWholeHintCentred(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		c := New(lang)
		c.SetSize(80, 21)
		view := ansi.Strip(c.NoRun())
		lines := strings.Split(view, "\n")
		if len(lines) != 21 {
			t.Fatalf("%s: %d lines, want 21", lang, len(lines))
		}
		var text []string
		first := -1
		for i, l := range lines {
			if ansi.StringWidth(l) > 80 {
				t.Fatalf("%s: line %d is %d cells wide", lang, i+1, ansi.StringWidth(l))
			}
			if strings.TrimSpace(l) != "" {
				if first < 0 {
					first = i
				}
				text = append(text, strings.TrimSpace(l))
			}
		}
		joined := strings.Join(text, " ")
		if lang == "en" && !strings.Contains(joined, "this screen fills in when the run ends or is stopped.") {
			t.Errorf("en: the hint is cut:\n%s", view)
		}
		if lang == "zh" && !strings.Contains(strings.ReplaceAll(joined, " ", ""), "这里会自动填上内容。") {
			t.Errorf("zh: the hint is cut:\n%s", view)
		}
		if first < 5 {
			t.Errorf("%s: the hint starts on line %d, not centred:\n%s", lang, first+1, view)
		}
	}
}

func TestNoDataNamesTheKeysOnOffer(t *testing.T) {
	served := Common{Lang: "en", Served: true, ServedFile: experiment.Source{Kind: "csv", Path: "served.csv"}}
	builtin := Common{Lang: "zh", Served: true}
	for _, c := range []struct {
		c    Common
		want string
	}{
		{Common{Lang: "en"}, "No data is loaded: on the Data screen (1), o opens a table, g an order log and b loads the built-in data."},
		{served, "No data is loaded: on the Data screen (1), o reloads the served file and b loads the built-in data."},
		{builtin, "没有加载任何数据：在“数据”页（按 1）按 b 加载内置数据。"},
	} {
		if got := c.c.NoData(); got != c.want {
			t.Errorf("NoData() = %q, want %q", got, c.want)
		}
	}
}
