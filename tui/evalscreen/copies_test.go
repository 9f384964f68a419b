package evalscreen

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// Held-out parts that copy training rows are named, with their counts and
// shares, in both languages.
func TestCopyLines(t *testing.T) {
	val := experiment.CopyWarning{Part: "validation", Copies: 1234, Rows: 2466} // 50.04 %
	test := experiment.CopyWarning{Part: "test", Copies: 30, Rows: 120}         // 25 %
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"⚠ 1,234 of the 2,466 validation rows (50.0 %) repeat a training row in every input column and the label, " +
				"so the validation figures and early stopping are optimistic: remove the repeated rows from the file.",
			"⚠ 30 of the 120 test rows (25.0 %) repeat a training row in every input column and the label, " +
				"so the test figures are optimistic: remove the repeated rows from the file."}},
		{"zh", []string{
			"⚠ 验证部分 2,466 行中有 1,234 行（50.0 %）在每个输入列和标签上都与某个训练行相同，因此验证数字和提前停止偏乐观：请从文件中去掉重复的行。",
			"⚠ 测试部分 120 行中有 30 行（25.0 %）在每个输入列和标签上都与某个训练行相同，因此测试数字偏乐观：请从文件中去掉重复的行。"}},
	} {
		s := New(screentest.Common(c.lang, 400, 60))
		var lines []string
		for _, w := range []experiment.CopyWarning{val, test} {
			for _, l := range s.copyLines(w, 400) {
				lines = append(lines, ansi.Strip(l))
			}
		}
		if !slices.Equal(lines, c.want) {
			t.Errorf("%s: lines\n%q\nwant\n%q", c.lang, lines, c.want)
		}
	}
}

// The screen shows the run's copy warning under its head, on every page,
// from the count the experiment made; a run without one shows none.
func TestEvaluateShowsCopyWarning(t *testing.T) {
	run := screentest.Train(t, "builtin", 1, nil)
	clean := evaluated(t, screentest.Common("en", 80, 24), run)
	if strings.Contains(ansi.Strip(clean.View()), "repeat a training row") {
		t.Errorf("a run without copies warns:\n%s", ansi.Strip(clean.View()))
	}
	run.Exp.Copies = experiment.PartCopies{Val: 600, ValRows: 1000}
	s := evaluated(t, screentest.Common("en", 80, 24), run)
	view := ansi.Strip(s.View())
	lines := strings.Split(view, "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	if want := []string{
		// Wrapped to 80 columns under the head, above the page tabs.
		"Run 1 · validation part, 500 rows · threshold 0.50",
		"⚠ 600 of the 1,000 validation rows (60.0 %) repeat a training row in every input",
		"column and the label, so the validation figures and early stopping are",
		"optimistic: remove the repeated rows from the file.",
		"page [summary] curves gains importance  (v: next)",
	}; !slices.Equal(lines[:5], want) {
		t.Errorf("view opens\n%q\nwant\n%q", lines[:5], want)
	}
}
