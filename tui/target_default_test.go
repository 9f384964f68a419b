package tui

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTargetOfANameThatSaysNothingIsADefault: for a label whose name says
// nothing of good or bad (gender), the Data screen offered "prevent" as
// the "guess" from the name, as for churn. It now calls it a default
// guess, in either language; a label named for churn keeps "guess".
func TestTargetOfANameThatSaysNothingIsADefault(t *testing.T) {
	const csv = "id,tenure,gender,churn\n1,3,F,yes\n2,30,M,no\n3,12,F,no\n4,5,M,yes\n5,7,F,no\n6,2,M,yes\n7,9,M,no\n"
	for _, c := range []struct {
		lang, label string
		want        []string // the Plan field's lines at 80×24, trailing spaces trimmed
	}{
		// gender: F 3 of 7, the rarer class, is positive (data.buildLabel).
		{"en", "gender", []string{
			"Plan     prevent gender = F (a default guess: the label's name says nothing of",
			"         which class is good or bad · p prevent, e encourage)"}},
		{"zh", "gender", []string{
			"计划     预防 gender = F（默认猜测：标签名看不出哪一类是好是坏 · p 预防，",
			"         e 促成）"}}, // a key hint is never split (review22 #5)
		{"en", "churn", []string{
			"Plan     prevent churn = yes (guessed from the label's name · p prevent,",
			"         e encourage)"}},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		opts.Open = func(p string) (io.ReadCloser, error) {
			if p == "users.csv" {
				return io.NopCloser(strings.NewReader(csv)), nil
			}
			return screentest.Open(p)
		}
		m := loadedModel(t, opts, 80, 24)
		m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "users.csv", Label: c.label}})
		if m.err != nil {
			t.Fatalf("%s %s: %v", c.lang, c.label, m.err)
		}
		if got := fieldLines(screen(m), c.want[0][:9], len(c.want)); !slices.Equal(got, c.want) {
			t.Errorf("%s %s: the Plan field reads\n%s\nwant\n%s", c.lang, c.label, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// fieldLines are the n lines of view from the first that starts with
// head, trailing spaces trimmed (nil when none does).
func fieldLines(view, head string, n int) []string {
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, head) {
			out := lines[i:min(i+n, len(lines))]
			for k := range out {
				out[k] = strings.TrimRight(out[k], " ")
			}
			return out
		}
	}
	return nil
}
