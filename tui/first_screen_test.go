package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestFirstScreenLeadsToTraining: review19's finding 7. `retain` opened on
// the Data screen with a question ("Plan about: [p]revent … / [e]ncourage
// …? (guess: encourage)") and a footer that began "p plan: prevent • e
// plan: encourage", and nothing said how to train. The footer now begins
// with 3 then space (train), and the plan's target reads as a setting with
// its guess; p and e still set it.
func TestFirstScreenLeadsToTraining(t *testing.T) {
	for _, c := range []struct {
		lang, footer, plan string
	}{
		{"en", "3 then space train • o open file", "Plan     encourage purchases_next_30d = yes (guessed from the label's name"},
		{"zh", "3 再按空格 训练 • o 打开文件", "计划     促成 purchases_next_30d = yes（根据标签名猜测"},
	} {
		m := loadedModel(t, Options{Lang: c.lang, Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}, 80, 24)
		lines := strings.Split(screen(m), "\n")
		if foot := lines[len(lines)-1]; !strings.HasPrefix(foot, c.footer) {
			t.Errorf("%s: the footer reads %q, want it to begin %q", c.lang, foot, c.footer)
		}
		view := screen(m)
		screentest.MustContain(t, view, c.plan)
		for _, q := range []string{"[p]revent", "[p] 预防", "?（", "? ("} {
			if strings.Contains(view, q) {
				t.Errorf("%s: the first screen still asks a question (%q):\n%s", c.lang, q, view)
			}
		}
		// e still picks encourage, after which p switches.
		m = pressAll(t, m, "e")
		want := map[string]string{"en": "encourage purchases_next_30d = yes (your choice · p to change)",
			"zh": "促成 purchases_next_30d = yes（你的选择 · 按 p 切换）"}[c.lang]
		screentest.MustContain(t, screen(m), want)
	}
}
