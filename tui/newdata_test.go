package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
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

// TestOrderLogRunIsAnalysed: a run on an order log validated out of time
// trains on the cohort at an earlier cutoff, whose source is not the
// loaded log's; the check for other data took it for a run on other data,
// and no run on an order log was analysed (Evaluate said "No trained model
// yet" after the run). It is the loaded log's run.
func TestOrderLogRunIsAnalysed(t *testing.T) {
	path := writeFile(t, t.TempDir(), "orders.csv", screentest.OrderLog())
	opts := Options{Source: experiment.Source{Kind: "log", Path: path, HorizonDays: 10},
		Config: experiment.DefaultConfig(), Open: screentest.Open}
	m := loadedModel(t, opts, 100, 30)
	if m.data == nil || m.data.Log == nil {
		t.Fatalf("the log did not load: %v", m.err)
	}
	cfg := m.modelScr.Config()
	cfg.Validation, cfg.Train.Epochs = experiment.OutOfTime, 2
	exp, err := experiment.NewOutOfTime(m.data, cfg)
	if err != nil {
		t.Fatal(err)
	}
	run := common.Run{Number: 1, Exp: exp}
	if run.Exp.Later == nil || run.Exp.Data == m.data {
		t.Fatal("the run is not validated out of time: the test needs one that trains on an earlier cohort")
	}
	if !m.onLoadedData(run) {
		t.Errorf("the out-of-time run on the loaded log counts as a run on other data (%s vs %s)",
			run.Exp.Data.Source.Describe(), m.data.Source.Describe())
	}
}
