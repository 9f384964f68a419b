package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestGoldenFieldOpenOnAValue: a setting's field opens on its value
// selected (review 22 typed 5 on a batch size of 32 and got 325): the
// value in reverse video, the footer saying a typed value replaces it
// and ←/→ keep it to edit, in English and Chinese, at 80×24 and 160×48,
// on the Model screen (enter on Batch size) and in a Users what-if (enter
// on a feature).
func TestGoldenFieldOpenOnAValue(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			w, h := size[0], size[1]
			builtin := Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: lang}
			model := sendKeys(t, loadedModel(t, builtin, w, h), "2")
			for !strings.Contains(screen(model), "▸ "+model.com.T("Batch size", "批大小")) {
				before := screen(model)
				if model = sendKeys(t, model, "down"); screen(model) == before {
					t.Fatalf("%s: no Batch size on the Model screen:\n%s", lang, before)
				}
			}
			model = sendKeys(t, model, "enter")
			o := textbookOptions()
			o.Lang = lang
			users := pressAll(t, analysedModel(t, o, w, h, 2), "5", "w", "enter")
			for _, v := range []struct {
				name, selected string
				m              Model
			}{
				{"model", "32", model},
				{"users_whatif", users.usersScr.PromptValue(), users},
			} {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", v.name, lang, w, h), func(t *testing.T) {
					if raw := v.m.View().Content; v.selected == "" || !strings.Contains(raw, "\x1b[7m"+v.selected) {
						t.Errorf("the value %q is not shown selected (reverse video):\n%q", v.selected, raw)
					}
					view := screen(v.m)
					screentest.MustContain(t, view, v.m.com.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"))
					golden.RequireEqual(t, []byte(view))
				})
			}
		}
	}
}
