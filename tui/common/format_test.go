package common

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestStatusLinesWrapInFull wraps an export's failure at 80 cells: every
// word of it is shown, no line is wider than the screen, and the lines
// after the first hang under the text after the mark.
func TestStatusLinesWrapInFull(t *testing.T) {
	text := "✗ export failed: writing /nonexistent/dir/x.csv: open /nonexistent/dir/.x.csv.tmp-123: no such file or directory"
	lines := StatusLines(text, 80)
	want := []string{
		"✗ export failed: writing /nonexistent/dir/x.csv: open",
		"  /nonexistent/dir/.x.csv.tmp-123: no such file or directory",
	}
	if !slices.Equal(lines, want) {
		t.Fatalf("got %q, want %q", lines, want)
	}
	zh := "✗ 导出失败：写入 /nonexistent/dir/x.csv 失败：目录不存在，请先创建该目录或换一个已经存在的文件夹再导出一次"
	lines = StatusLines(zh, 40)
	var joined strings.Builder
	for i, l := range lines {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line %d is %d cells wide: %q", i+1, ansi.StringWidth(l), l)
		}
		if i > 0 && !strings.HasPrefix(l, "  ") {
			t.Errorf("line %d does not hang under the text: %q", i+1, l)
		}
		joined.WriteString(strings.TrimSpace(strings.TrimPrefix(l, "✗ ")))
	}
	if got, whole := joined.String(), strings.ReplaceAll(strings.TrimPrefix(zh, "✗ "), " ", ""); strings.ReplaceAll(got, " ", "") != whole {
		t.Errorf("wrapped text %q lost part of %q", got, whole)
	}
	if got := StatusLines("✓ wrote 5 customers to a.csv", 80); !slices.Equal(got, []string{"✓ wrote 5 customers to a.csv"}) {
		t.Errorf("a short status: %q", got)
	}
}

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"77183.6": "77,183.6", "-1482": "-1,482", "968.68": "968.68", "1234567": "1,234,567", "0.00076": "0.00076",
		"2011-01-01": "2011-01-01", "1e+06": "1e+06", "missing": "missing", "": "", "12.": "12.", "-": "-",
	} {
		if got := GroupDigits(in); got != want {
			t.Errorf("GroupDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSignedSignificantAndMinus: the shared spellings of a signed figure
// (a fixed number of decimals, the minus sign U+2212, as the Users screen
// writes it) and of a live loss (significant digits: "loss 0.00000" read
// as if training had stopped learning).
func TestSignedSignificantAndMinus(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Signed(0.316, 3), "+0.316"},
		{Signed(-0.0039, 3), "−0.004"},
		{Signed(0, 2), "+0.00"},
		{Signed(-0.0004, 3), "+0.000"}, // no negative zero (review 12, finding 13: "−0.000")
		{Signed(-0.0005001, 3), "−0.001"},
		{Significant(0.0000123456, 4), "1.235e-05"},
		{Significant(0.17093, 4), "0.1709"},
		{Significant(-2.5, 3), "−2.5"},
		{WithMinus("-1,482"), "−1,482"},
		{WithMinus("-"), "-"},
		{WithMinus("2024-01-02"), "2024-01-02"},
	} {
		if c.got != c.want {
			t.Errorf("%q, want %q", c.got, c.want)
		}
	}
}

// TestDecimalGroupsAndSignsIt: a BG/NBD log-likelihood read
// "-165790.9" beside "23,570 customers".
func TestDecimalGroupsAndSignsIt(t *testing.T) {
	if got := Decimal(-165790.94, 1); got != "−165,790.9" {
		t.Errorf("%q", got)
	}
}
