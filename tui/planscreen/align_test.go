package planscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/screentest"
)

// TestNegativeFiguresRightAligned: a figure written with the minus sign
// (common.WithMinus, "−38.20") is right-aligned like the others; it was
// taken for text and left-aligned (review 14, M2). Widths by hand: the
// share column 9 ("★ < 0.1 %"), net 8 ("1,234.00"), ROI 7 ("−26.3 %").
func TestNegativeFiguresRightAligned(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := New(screentest.Common(lang, 80, 24))
		lines := s.table([]string{"share", "net", "ROI"}, [][]string{
			{"★ < 0.1 %", "1,234.00", "2.0 %"},
			{"5.0 %", "−38.20", "−26.3 %"},
			{"10 %", "−557", "−3.9 %"},
		})
		var got []string
		for _, l := range lines {
			got = append(got, strings.TrimRight(ansi.Strip(l), " "))
		}
		want := []string{
			"share      net       ROI",
			"★ < 0.1 %  1,234.00    2.0 %",
			"5.0 %        −38.20  −26.3 %",
			"10 %           −557   −3.9 %",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", lang, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
