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
	got := priorHint(common.New("en"), 20, 150, 0)
	if want := "λ = 20 ÷ training rows, capped at 0.1"; got != want {
		t.Errorf("hint %q, want %q", got, want)
	}
}

// TestL2HintSaysWhenPriorIsRaised: with fewer than 100 training rows per
// input the prior is raised (experiment.InputPrior), and the hint gives
// the λ trained with, not 20 ÷ rows. 200 inputs on 2,160 rows: 20 · 100 ·
// 200 / 2,160 = 185.19, and 185.19 / 2,160 = 0.085734; on 1,000 rows 20 ·
// 100 · 200 / 1,000 = 400, and 400 / 1,000 = 0.4 is capped at 0.1. With 10
// inputs on 4,500 rows (450 per input) nothing is raised: 20 / 4,500.
func TestL2HintSaysWhenPriorIsRaised(t *testing.T) {
	for _, c := range []struct {
		lang         string
		rows, inputs int
		want         string
	}{
		{"en", 2160, 200, "λ = 185.2 ÷ 2,160 training rows = 0.08573 (20 raised: < 100 rows/input)"},
		{"zh", 2160, 200, "λ = 185.2 ÷ 2,160 训练行 = 0.08573（20 已提高：每输入<100 行）"},
		{"en", 1000, 200, "λ = 400 ÷ training rows (20 raised: < 100 rows/input), capped at 0.1"},
		{"en", 4500, 10, "λ = 20 ÷ 4,500 training rows = 0.004444"},
	} {
		if got := priorHint(common.New(c.lang), 20, c.rows, c.inputs); got != c.want {
			t.Errorf("%s, %d rows, %d inputs: hint %q, want %q", c.lang, c.rows, c.inputs, got, c.want)
		}
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
