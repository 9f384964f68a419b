package modelscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// lastLines are the view's last n lines without styling or trailing blanks.
func lastLines(s Model, n int) []string {
	lines := strings.Split(stripped(s.View()), "\n")
	out := lines[len(lines)-n:]
	for i := range out {
		out[i] = strings.TrimRight(out[i], " ")
		if cut := strings.Index(out[i], "│"); cut >= 0 {
			out[i] = strings.TrimRight(out[i][:cut], " ")
		}
	}
	return out
}

// TestL2HintSaysWhatPerRowsMeans: "20/rows" was never explained (review 12,
// finding 3); the hint under the form at 80×24 now says λ = 20 ÷ the
// training rows and its value, 20 ÷ 4,500 = 0.004444 (as the Walkthrough
// shows λ), on two lines where one is too narrow.
func TestL2HintSaysWhatPerRowsMeans(t *testing.T) {
	for _, c := range []struct {
		lang, label string
		want        []string
	}{
		{"en", "L2", []string{"L2: λ = 20 ÷ 4,500 training rows =", "0.004444"}},
		{"zh", "L2", []string{"L2：λ = 20 ÷ 4,500 训练行 = 0.004444"}},
		{"en", "Decay check", []string{"Decay check: 2nd run: λ = 2 ÷ 4,500", "training rows = 0.0004444; 0 = off"}},
		{"zh", "衰减检验", []string{"衰减检验：第二次训练：λ = 2 ÷ 4,500", "训练行 = 0.0004444；0 = 关闭"}},
	} {
		s := New(common.New(c.lang), experiment.DefaultConfig(), experiment.Limits{})
		s.SetSize(80, 24)
		s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
		s = selectField(t, s, c.label)
		if got := lastLines(s, len(c.want)); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s %s: hint\n%q\nwant\n%q", c.lang, c.label, got, c.want)
		}
	}
}

// TestL2HintNamesTheCap: on 150 training rows 20 ÷ 150 = 0.133 is above
// experiment.L2PriorCap, 0.1, which is the λ used.
func TestL2HintNamesTheCap(t *testing.T) {
	got := priorHint(common.New("en"), 20, 150)
	if want := "λ = 20 ÷ training rows, capped at 0.1"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
}

// TestSelectedValueIsWhole: at 80×24 the selected "◂ leaky_relu ▸" read
// "◂ leaky_rel…" (review 12, finding 13), as did "◂ 20/训练行 ▸" in Chinese.
func TestSelectedValueIsWhole(t *testing.T) {
	s := New(common.New("en"), experiment.DefaultConfig(), experiment.Limits{})
	s.SetSize(80, 24)
	s = selectField(t, s, "Layer 1 activation")
	s, _ = s.step(screentest.Press("right")) // relu → leaky_relu
	screentest.MustContain(t, stripped(s.View()), "▸ Layer 1 activation  ◂ leaky_relu ▸")
	zh := New(common.New("zh"), experiment.DefaultConfig(), experiment.Limits{})
	zh.SetSize(80, 24)
	zh = selectField(t, zh, "L2")
	screentest.MustContain(t, stripped(zh.View()), "▸ L2                  ◂ 20/训练行 ▸")
}
