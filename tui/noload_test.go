package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// failedStart is a root model at w×h whose load at startup failed (the
// file does not exist), so no data was ever loaded.
func failedStart(t *testing.T, lang string, w, h int) Model {
	t.Helper()
	o := Options{Source: experiment.Source{Kind: "csv", Path: "testdata/missing.csv"},
		Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
	tm, _ := NewModel(o).Update(tea.WindowSizeMsg{Width: w, Height: h})
	tm, _ = tm.Update(tm.(Model).Init()())
	m := tm.(Model)
	if m.data != nil || m.err == nil {
		t.Fatalf("the load of a missing file did not fail: data %v, err %v", m.data, m.err)
	}
	return m
}

// TestGoldenFailedStartingLoad is a failed load at startup: the error box
// claimed previous data, and afterwards the screens said "loading" forever
// and Train called an empty configuration ready. Now each says no data is
// loaded and how to load some.
func TestGoldenFailedStartingLoad(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		w, h := 80, 24
		states := map[string][]string{
			"error":      nil,
			"data":       {"esc"},
			"open":       {"esc", "o"},
			"train":      {"esc", "3"},
			"train_play": {"esc", "3", "space"},
			"model":      {"esc", "2"},
		}
		for name, keys := range states {
			t.Run(fmt.Sprintf("%s_%s_%dx%d", name, lang, w, h), func(t *testing.T) {
				view := screen(sendKeys(t, failedStart(t, lang, w, h), keys...))
				checkFrame(t, view, w, h)
				for _, stale := range []string{"previous data", "之前的数据", "Loading", "正在加载", "still loading", "仍在加载", "Ready", "就绪", "waiting", "等数据"} {
					if strings.Contains(view, stale) {
						t.Errorf("the view says %q with no data loaded:\n%s", stale, view)
					}
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}

// TestLoadAfterAFailedStartShowsTheData checks that data opened after the
// failed first load replaces the no-data state everywhere.
func TestLoadAfterAFailedStartShowsTheData(t *testing.T) {
	m := failedStart(t, "en", 100, 30)
	m = sendKeys(t, m, "esc", "3", "space")
	tm, cmd := m.Update(screentest.Press("1"))
	m = tm.(Model)
	m, cmd = update(t, m, screentest.Press("b"))
	for cmd != nil {
		msg := cmd()
		if _, ok := msg.(loadedMsg); ok {
			m, _ = update(t, m, msg)
			break
		}
		m, cmd = update(t, m, msg)
	}
	if m.data == nil {
		t.Fatalf("the built-in data did not load: %v", m.err)
	}
	m = sendKeys(t, m, "3")
	if v := screen(m); !strings.Contains(v, "Ready:") || strings.Contains(v, "No data") {
		t.Errorf("Train after loading:\n%s", v)
	}
}
