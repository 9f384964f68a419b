package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestOtherDataEmptiesTheAnalysisScreens: after a run on the textbook
// data, opening another file left Evaluate and Users showing the old run
// as if it were the new data's, and the selected row number carried over to
// the new file. The analysis screens now ask for a run on the new data.
func TestOtherDataEmptiesTheAnalysisScreens(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		w, h := 80, 24
		o := textbookOptions()
		o.Lang = lang
		m := analysedModel(t, o, w, h, 2)
		old := m.analysed
		if old.Exp == nil || m.usersScr.Exp() == nil {
			t.Fatal("no analysed run before opening other data")
		}
		path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
		m = sendKeys(t, m, "1", "o")
		m.dataScr.SetPromptValue(path)
		m = sendKeys(t, m, "enter")
		if m.err != nil || m.data.Source.Path != path {
			t.Fatalf("opening %s: %v", path, m.err)
		}
		if m.analysed.Exp != nil || m.usersScr.Exp() != nil || m.usersScr.SelectedRow() >= 0 {
			t.Errorf("the run on the earlier data is still analysed: run %d, users of %p, row %d",
				m.analysed.Number, m.usersScr.Exp(), m.usersScr.SelectedRow())
		}
		if m.onLoadedData(old) {
			t.Error("the earlier run counts as trained on the new data")
		}
		want := map[string]string{"en": "No model trained on the data loaded now", "zh": "还没有用当前加载的数据训练的模型"}[lang]
		for _, tabKey := range []string{"4", "5", "6", "8", "0"} {
			view := screen(pressAll(t, m, tabKey))
			if !strings.Contains(view, want) || strings.Contains(view, "Run 1") {
				t.Errorf("%s, tab %s after opening other data:\n%s", lang, tabKey, view)
			}
		}
		for _, tabKey := range []string{"4", "5"} {
			t.Run(fmt.Sprintf("tab%s_%s_%dx%d", tabKey, lang, w, h), func(t *testing.T) {
				view := screen(pressAll(t, m, tabKey))
				checkFrame(t, view, w, h)
				golden.RequireEqual(t, []byte(view))
			})
		}
		// The earlier run can still be chosen on the Runs screen.
		if len(m.trainScr.Finished()) != 1 {
			t.Errorf("the Runs screen lost the earlier run")
		}
	}
}
