package walkthrough

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestChineseFigureCountsHiddenBarsInChinese: beside the activation of a
// wide layer, the figure of z per neuron cannot show every neuron; its
// last line read "… N more with smaller |value|" in Chinese too.
func TestChineseFigureCountsHiddenBarsInChinese(t *testing.T) {
	exp := wideExperiment(t, 64)
	in, err := NewInput(exp, exp.TrainRows[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		m := New(in, lang, DefaultStyles())
		m.SetSize(200, 30)
		m = goTo(t, m, stepActivate, 0)
		view := ansi.Strip(m.View())
		want := map[string]string{"en": "more with smaller |value|", "zh": "项，|值| 更小"}[lang]
		if !strings.Contains(view, want) || (lang == "zh" && strings.Contains(view, "more with smaller")) {
			t.Errorf("%s: the figure's count of hidden bars should read %q:\n%s", lang, want, view)
		}
	}
}
