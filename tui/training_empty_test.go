package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/trainscreen"
)

// TestEmptyScreensSayARunIsTraining: while the first run trained, the
// screens waiting for an ended run still said "Train one on the Train
// screen (3, then space)". They say that run 1 is training, in both
// languages, until it ends (and is evaluated).
func TestEmptyScreensSayARunIsTraining(t *testing.T) {
	for _, lang := range screentest.Langs {
		opts := Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
		opts.Config.Train.Epochs = 100000
		opts.Config.Train.EarlyStop.Patience = 0
		m := loadedModel(t, opts, 100, 30)
		m, _ = update(t, m, screentest.Press("3"))
		m, cmd := update(t, m, screentest.Press("space"))
		m, _ = update(t, m, startedMsg(t, cmd))
		if !m.trainScr.Alive() {
			t.Fatal("the run did not start")
		}
		ask := m.com.T("Train one on the Train screen", "先在“训练”页训练")
		// The screen's words joined again across its wrapping: with spaces
		// in English, without in Chinese, which wraps between characters.
		flat := func(m Model) string {
			sep := " "
			if lang == "zh" {
				sep = ""
			}
			return strings.Join(strings.Fields(screen(m)), sep)
		}
		for _, c := range []struct{ tab, want string }{
			{"4", m.com.T("Run 1 is training on the Train screen (3); this screen fills in", "第1次训练正在“训练”页进行（按3）")},
			{"5", m.com.T("Run 1 is training on the Train screen (3)", "第1次训练正在“训练”页进行")},
			{"6", m.com.T("Run 1 is training on the Train screen (3)", "第1次训练正在“训练”页进行")},
			{"7", m.com.T("Run 1 is training on the Train screen (3); it is listed here when it ends", "第1次训练正在“训练”页进行（按3）；训练结束或停止后会列在这里")},
			{"8", m.com.T("Run 1 is training on the Train screen (3)", "第1次训练正在“训练”页进行")},
			{"0", m.com.T("Run 1 is training on the Train screen (3)", "第1次训练正在“训练”页进行")},
		} {
			m = sendKeys(t, m, c.tab)
			view := flat(m)
			if c.tab == "8" && !strings.Contains(view, c.want) {
				// The Map follows a training run once its first epoch
				// has ended (experiment.Experiment.AtEpoch), which the
				// worker may reach before the key: then it computes that
				// epoch's map instead. An epoch that has ended stays
				// ended, so asking after the view is sound.
				exp, _, _ := m.trainScr.Training()
				_, _, ended := exp.AtEpoch()
				computing := m.com.T("Computing the decision map…", "正在计算决策图…")
				if ended && strings.Contains(view, computing) && !strings.Contains(view, ask) {
					continue
				}
			}
			if !strings.Contains(view, c.want) || strings.Contains(view, ask) {
				t.Errorf("%s, tab %s while run 1 trains:\n%s", lang, c.tab, view)
			}
		}
		stop := m.trainScr.Stop() // as x does, with the Cmd that waits for the worker
		m, _ = update(t, m, stop().(trainscreen.DoneMsg))
		m = sendKeys(t, m, "4")
		if !strings.Contains(flat(m), m.com.T("Evaluating run 1", "正在评估第1次训练")) {
			t.Errorf("%s: after the stop:\n%s", lang, screen(m))
		}
		if m.trainScr.Alive() || m.com.Training != 0 {
			t.Fatalf("%s: the run is still alive after x (training %d)", lang, m.com.Training)
		}
	}
}
