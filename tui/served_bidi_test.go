package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestServedBidiAndZeroWidthAreShownByCodePoint: a cell holding U+202E
// (RIGHT-TO-LEFT OVERRIDE) or U+200B (ZERO WIDTH SPACE) reached the client's
// terminal as it was, where a bidi terminal draws the rest of the line
// reversed and a zero-width character hides in a value that reads as
// another. The preview shows each by its code point; CJK stays as it is.
func TestServedBidiAndZeroWidthAreShownByCodePoint(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,plan,note,tenure,churn\n")
	plans := []string{"\u202eDEKCAH", "admin\u200b", "基本"}
	for i := range 40 {
		fmt.Fprintf(&b, "C%03d,%s,n%d\u2066x\u2069,%d,%s\n", i, plans[i%3], i%2, i%17, []string{"No", "Yes"}[i%3/2])
	}
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "bidi.csv"}, b.String())
	view := sendKeys(t, m, "right").View().Content
	for _, raw := range []string{"\u202e", "\u200b", "\u2066", "\u2069"} {
		if strings.Contains(view, raw) {
			t.Errorf("the preview sends %U to the terminal", []rune(raw)[0])
		}
	}
	// The preview's header and first rows, as the session draws them
	// (pseudonyms of this salt; each format character is 8 cells wide).
	want := []string{
		"            customerID  churn            plan                 note  tenure",
		"p_02e7dde9fbe2e962ab4d     No   admin<U+200B>  n1<U+2066>x<U+2069>       3",
		"p_07e356cbe54aee79f5d3     No  <U+202E>DEKCAH  n1<U+2066>x<U+2069>       4",
		"p_178efc15ae209338cc81    Yes            基本  n1<U+2066>x<U+2069>       1",
	}
	lines := strings.Split(screen(sendKeys(t, m, "right")), "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "customerID") })
	if head < 0 || head+len(want) > len(lines) {
		t.Fatalf("no preview:\n%s", strings.Join(lines, "\n"))
	}
	for i, w := range want {
		if got := strings.TrimRight(lines[head+i], " "); got != w {
			t.Errorf("preview line %d:\n%q, want\n%q", i, got, w)
		}
	}
}
