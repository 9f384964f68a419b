package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestTabBarIsSteady: at a given width the tab bar reads the same on every
// screen — the same names at the same columns, only the highlight moves.
// At 80 columns it read "1 Dat 2 Mod 3 Tra 4 Eval …" on one screen and
// " retain 1 Da 2 Mo 3 Train …" on another, and Chinese screens 8 and 9
// brought the product name back.
func TestTabBarIsSteady(t *testing.T) {
	want := map[string]string{
		"en": "1 Dat 2 Mod 3 Tra 4 Eva 5 Use 6 Wal 7 Run 8 Map 9 Coh 0 Pla R Rec T Tun A Ano",
		// 8决策图 whole (review19: "8决策" read as "decisions", the help says
		// 决策图), 9同期群 cut for want of room.
		"zh": "1数据 2模型 3训练 4评估 5用户 6讲解 7记录 8决策图 9同期 0计划 R推荐 T调参 A异常",
	}
	for _, lang := range []string{"en", "zh"} {
		o := textbookOptions()
		o.Lang = lang
		for _, w := range []int{80, 90, 100, 120, 160, 200, 300} {
			m := loadedModel(t, o, w, 30)
			var first string
			for tb := range tabCount {
				m.active = tb
				bar := ansi.Strip(m.tabLabels())
				if ansi.StringWidth(bar) > w {
					t.Errorf("%s %d tab %d: bar %d wide: %q", lang, w, tb, ansi.StringWidth(bar), bar)
				}
				if tb == 0 {
					first = bar
				} else if bar != first {
					t.Errorf("%s %d: tab %d's bar\n%q\ndiffers from tab 1's\n%q", lang, w, tb, bar, first)
				}
			}
			if w == 80 && strings.TrimSpace(first) != want[lang] {
				t.Errorf("%s at 80: %q, want %q", lang, first, want[lang])
			}
			if w == 200 && (!strings.HasPrefix(first, " retain ") || !strings.Contains(first, m.tabName(tabWalk, false))) {
				t.Errorf("%s at 200: %q, want the product name and full names", lang, first)
			}
		}
	}
}
