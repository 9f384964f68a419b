package datascreen

import (
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// run presses k and returns the message the screen asks the root for
// (nil when none).
func run(t *testing.T, s Model, k string) (Model, tea.Msg) {
	t.Helper()
	s, cmd := s.step(screentest.Press(k))
	if cmd == nil {
		return s, nil
	}
	return s, cmd()
}

func TestExcludeToggleAsksForTheDataWithoutTheColumn(t *testing.T) {
	s := csvScreen(t, "en", 80, 24)
	// The schema lists plan, active, spend, churn; select spend.
	s = keys(s, "down", "down")
	s, msg := run(t, s, "x")
	open, ok := msg.(OpenMsg)
	if !ok || !reflect.DeepEqual(open.Src.Exclude, []string{"spend"}) {
		t.Fatalf("x on spend asked for %#v", msg)
	}
	// The root loads it; the screen then shows spend excluded, and x puts
	// it back.
	s = loaded(t, s.Common, open.Src, usersCSV())
	s = keys(s, "down", "down")
	mustContain(t, ansi.Strip(s.View()), "spend: numeric, excluded, 0 missing", "(x puts it back)", "2 features")
	_, msg = run(t, s, "x")
	if back, ok := msg.(OpenMsg); !ok || back.Src.Exclude != nil {
		t.Errorf("x on the excluded spend asked for %#v, want no exclusion", msg)
	}
}

func TestExcludeToggleRefusalsKeepTheState(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := loaded(t, screentest.Common(lang, 80, 24), experiment.Source{Kind: "csv", Path: "users.csv", Exclude: []string{"plan", "active"}}, usersCSV())
		s = keys(s, "down", "down")
		before := s.data.Source
		s, msg := run(t, s, "x")
		if msg != nil {
			t.Errorf("%s: x on the last feature asked for %#v", lang, msg)
		}
		want := map[string]string{"en": "spend is the last feature column: it cannot be left out", "zh": "spend 是最后一个特征列，不能排除"}[lang]
		mustContain(t, s.View(), want)
		s, msg = run(t, s, "down")
		mustContain(t, s.View(), "churn")
		if msg != nil || s.flash.In(s.Common) != "" {
			t.Errorf("%s: the refusal outlived the next key (%q)", lang, s.flash.In(s.Common))
		}
		s, msg = run(t, s, "x")
		want = map[string]string{"en": "churn is not a feature (label): only feature columns can be left out",
			"zh": "churn 不是特征（标签）：只有特征列可以排除"}[lang]
		if msg != nil {
			t.Errorf("%s: x on the label asked for %#v", lang, msg)
		}
		mustContain(t, s.View(), want)
		if !reflect.DeepEqual(s.data.Source, before) {
			t.Errorf("%s: the refusals changed the source", lang)
		}
	}
}

func TestLabelQuestion(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	src := experiment.Source{Kind: "csv", Path: "x.csv"}
	s.AskLabel(src, []string{"a", "b", "bought_again"}, common.Said{}, nil)
	if !s.Editing() {
		t.Error("the question does not hold the keyboard")
	}
	mustContain(t, s.View(), "Which column of x.csv is the label?", "▸ a", "bought_again")
	s = keys(s, "down", "down", "down") // stops at the last column
	s, msg := run(t, s, "enter")
	open, ok := msg.(OpenMsg)
	if !ok || open.Src.Label != "bought_again" || open.Src.Path != "x.csv" || len(open.Columns) != 3 {
		t.Fatalf("enter asked for %#v", msg)
	}
	if s.Asking() {
		t.Error("the question stayed open after enter")
	}
	s.AskLabel(open.Src, open.Columns, common.Plain("x.csv: label column \"bought_again\" has only one class"), nil)
	mustContain(t, s.View(), "▸ bought_again", "has only one class")
	_, msg = run(t, s, "esc")
	if _, ok := msg.(LabelCancelMsg); !ok {
		t.Errorf("esc asked for %#v, want LabelCancelMsg", msg)
	}
	zh := New(screentest.Common("zh", 80, 24))
	zh.AskLabel(src, []string{"a"}, common.Said{}, nil)
	mustContain(t, zh.View(), "x.csv 的哪一列是标签？")
}
