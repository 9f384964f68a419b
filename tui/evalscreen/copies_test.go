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
			"⚠ 验证集 2,466 行中有 1,234 行（50.0 %）在每个输入列和标签上都与某个训练行相同，因此验证数字和提前停止偏乐观：请从文件中去掉重复的行。",
			"⚠ 测试集 120 行中有 30 行（25.0 %）在每个输入列和标签上都与某个训练行相同，因此测试数字偏乐观：请从文件中去掉重复的行。"}},
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

// An order log's copies are customers with identical histories: the
// lines say so, with no advice to remove rows, and what to do — validate
// out of time (t on the Data screen), or, for a run validated out of
// time, nothing; for a run that fell back to a random split because out of
// time was impossible, nothing either and no t. 502 / 2,357 = 21.30 %.
func TestLogCopyLines(t *testing.T) {
	c := experiment.CopyWarning{Part: "validation", Copies: 502, Rows: 2357, Log: true}
	for _, tc := range []struct {
		lang                        string
		random, ot, short, oneClass string
	}{
		{"en",
			"⚠ 502 of the 2,357 validation customers (21.3 %) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. " +
				"The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. " +
				"To measure on later customers, as the model will be used, validate out of time (t on the Data screen); otherwise nothing needs doing.",
			"⚠ 502 of the 2,357 validation customers (21.3 %) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. " +
				"The network cannot tell them apart, in training or in use; the figures here are of later customers (out of time), so nothing needs doing.",
			"⚠ 502 of the 2,357 validation customers (21.3 %) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. " +
				"The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. " +
				"The log is too short to validate out of time, so nothing needs doing.",
			"⚠ 502 of the 2,357 validation customers (21.3 %) have the same features and label as a training customer: different customers with identical histories, not rows anyone could remove. " +
				"The network cannot tell them apart, in training or in use, so the figures stay a fair measure of customers like them. " +
				"This log cannot be validated out of time (the reason is on the Data screen), so nothing needs doing."},
		{"zh",
			"⚠ 验证集 2,357 位客户中有 502 位（21.3 %）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。" +
				"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。若要在更晚的客户上评估（模型实际就是这样使用的），请改用跨时间验证（在数据页按 t）；否则无需处理。",
			"⚠ 验证集 2,357 位客户中有 502 位（21.3 %）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。" +
				"网络在训练和使用时都无法区分他们；这里的数字来自更晚的客户（跨时间验证），因此无需处理。",
			"⚠ 验证集 2,357 位客户中有 502 位（21.3 %）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。" +
				"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。日志太短，无法跨时间验证，因此无需处理。",
			"⚠ 验证集 2,357 位客户中有 502 位（21.3 %）的特征和标签与某位训练客户完全相同：他们是历史相同的不同客户，不是可以删去的行。" +
				"网络在训练和使用时都无法区分他们，因此这些数字仍能公平地衡量这类客户。此日志无法跨时间验证（原因见数据页），因此无需处理。"},
	} {
		s := New(screentest.Common(tc.lang, 400, 60))
		s.data = &evalData{}
		if got := ansi.Strip(strings.Join(s.copyLines(c, 1000), "")); got != tc.random {
			t.Errorf("%s random split:\n%s\nwant\n%s", tc.lang, got, tc.random)
		}
		s.data.fallback = &experiment.OutOfTimeError{Short: true}
		if got := ansi.Strip(strings.Join(s.copyLines(c, 1000), "")); got != tc.short {
			t.Errorf("%s fell back, log too short:\n%s\nwant\n%s", tc.lang, got, tc.short)
		}
		s.data.fallback = &experiment.OutOfTimeError{OneClass: "training"}
		if got := ansi.Strip(strings.Join(s.copyLines(c, 1000), "")); got != tc.oneClass {
			t.Errorf("%s fell back, one class:\n%s\nwant\n%s", tc.lang, got, tc.oneClass)
		}
		s.data.fallback = nil
		s.data.later = &experiment.Evaluation{}
		if got := ansi.Strip(strings.Join(s.copyLines(c, 1000), "")); got != tc.ot {
			t.Errorf("%s out of time:\n%s\nwant\n%s", tc.lang, got, tc.ot)
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
