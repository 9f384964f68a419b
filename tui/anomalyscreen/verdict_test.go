package anomalyscreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestVerdictWords: `t` showed ROC AUC 0.852 → 0.831 without drawing a
// conclusion (review 14, M6). It says in words what the paired test on the
// users not flagged shows, in a form that fits 80 columns below 120.
func TestVerdictWords(t *testing.T) {
	for _, c := range []struct {
		lang  string
		width int
		v     experiment.RetrainVerdict
		want  string
	}{
		{"en", 80, experiment.VerdictWorse, "So: worse without them (p < 0.05): they teach the model; keep them."},
		{"en", 80, experiment.VerdictBetter, "So: better without them (p < 0.05): review them; consider leaving them out."},
		{"en", 80, experiment.VerdictNoDifference, "So: no clear difference (p ≥ 0.05): leaving them out neither helps nor hurts."},
		{"en", 160, experiment.VerdictWorse, "So: the model is worse without the flagged users (p < 0.05): they teach it something real; keep them in training."},
		{"zh", 80, experiment.VerdictWorse, "结论：去掉后变差（p < 0.05）：他们对模型有用，应保留。"},
		{"zh", 160, experiment.VerdictBetter, "结论：去掉标记用户后模型变好（p < 0.05）：请复核他们，并考虑不用他们训练。"},
		{"en", 80, experiment.VerdictUntested, ""},
		// Review 33, finding 11: a detectable but negligible Δ is no
		// instruction.
		{"en", 80, experiment.VerdictNegligible, "So: negligible (|Δ| < 0.01, though p < 0.05): no reason to act."},
		{"zh", 80, experiment.VerdictNegligible, "结论：差异可忽略（|Δ| < 0.01，虽然 p < 0.05）：无需据此行动。"},
		{"en", 120, experiment.VerdictNegligible, "So: detectable (p < 0.05) but negligible (|Δ| < 0.01 ROC AUC, one split, one seed): no reason to drop or keep them."},
		{"zh", 120, experiment.VerdictNegligible, "结论：差异可检测（p < 0.05）但可忽略（ROC AUC 的 |Δ| < 0.01，仅一次划分、一个种子）：不足以据此剔除或保留标记用户。"},
	} {
		s := New(screentest.Common(c.lang, c.width, 24))
		got := s.verdictLine(c.v)
		if got != c.want {
			t.Errorf("%s %d verdict %d: %q, want %q", c.lang, c.width, c.v, got, c.want)
		}
		if ansi.StringWidth(got) > c.width {
			t.Errorf("%s %d: %q is wider than the screen", c.lang, c.width, got)
		}
	}
}

// TestVerdictMinDiffFromConstant: the negligible verdict wrote the literal
// "0.01" beside experiment.VerdictMinDiff, so the sentence could drift from
// the rule it words. In both languages and both widths the bound it shows
// is the constant's value, as fmt formats it (%g: "0.01" today); a change
// of the constant with the text left as it is fails here.
func TestVerdictMinDiffFromConstant(t *testing.T) {
	bound := fmt.Sprintf("|Δ| < %g", experiment.VerdictMinDiff)
	for _, lang := range []string{"en", "zh"} {
		for _, width := range []int{80, 160} {
			got := New(screentest.Common(lang, width, 24)).verdictLine(experiment.VerdictNegligible)
			if !strings.Contains(got, bound) {
				t.Errorf("%s %d: %q does not show %q (experiment.VerdictMinDiff)", lang, width, got, bound)
			}
			if n := strings.Count(got, "|Δ| <"); n != 1 {
				t.Errorf("%s %d: %q gives a bound %d times, want once", lang, width, got, n)
			}
		}
	}
}

// TestPValueNearTheLevel (review 33, finding 11): a p-value of 0.0496
// read "0.05" beside a verdict of p < 0.05. Near the level it has three
// decimals, four when three would round it up to the level.
func TestPValueNearTheLevel(t *testing.T) {
	for p, want := range map[float64]string{0.0496: "0.0496", 0.048: "0.048", 0.0512: "0.051", 0.26: "0.26", 0.004: "< 0.01", 0.0999: "0.100"} {
		if got := pValue(p); got != want {
			t.Errorf("p %v: %q, want %q", p, got, want)
		}
	}
}
