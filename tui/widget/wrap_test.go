package widget

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapText(t *testing.T) {
	cases := []struct {
		name  string
		in    string
		width int
		want  []string
	}{
		{"latin at spaces", "one two three four", 9, []string{"one two", "three", "four"}},
		{"cjk anywhere", "这是一个很长的句子", 8, []string{"这是一个", "很长的", "句子"}},
		{"mixed keeps words whole", "用户 U000001 在数据里", 12, []string{"用户 U000001", "在数据里"}},
		// "，" may not start a line: the character before it moves down too.
		{"closing mark never leads", "一二三，四五", 6, []string{"一二", "三，", "四五"}},
		// "（" may not end a line: it moves down with what it opens.
		{"opening mark never trails", "一二（三）", 6, []string{"一二", "（三）"}},
		// A word wider than the line is cut, and every cut is marked.
		{"long word is cut and marked", "abcdefghij", 4, []string{"abc…", "def…", "ghij"}},
		{"words stay whole", "the value is Computer or Mobile phone", 15, []string{"the value is", "Computer or", "Mobile phone"}},
		// A column=level name may break after "=", never inside a word.
		{"name breaks after =", "1 if PaymentMethod=Bank transfer (automatic)", 20, []string{"1 if PaymentMethod=", "Bank transfer", "(automatic)"}},
		{"cjk counts two cells", "支付方式=银行转账（自动）", 9, []string{"支付方式=", "银行转账", "（自动）"}},
		{"wide character wider than the line", "中", 1, []string{"中"}},
		{"empty", "", 10, []string{""}},
		// "reaches 52" / "% of those" split the number from its sign.
		{"percent stays with its number", "it reaches 52 % of them", 13, []string{"it reaches", "52 % of them"}},
		// A last line of one CJK character takes the one before it along.
		{"no lone last character", "去掉了 108 条重复的训练行", 23, []string{"去掉了 108 条重复的训", "练行"}},
		{"no lone character before a closing mark", "计划（猜测：促成）", 12, []string{"计划（猜测：", "促成）"}},
		{"lone character after a space stays", "一二三四 五", 8, []string{"一二三四", "五"}},
		{"latin orphan untouched", "one two three x", 13, []string{"one two three", "x"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := WrapText(c.in, c.width)
			if !slices.Equal(got, c.want) {
				t.Fatalf("WrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
			}
			for _, l := range got {
				if w := ansi.StringWidth(l); w > c.width && c.width > 1 {
					t.Errorf("line %q is %d cells, over %d", l, w, c.width)
				}
			}
			// Wrapping only inserts breaks: removing them gives the text back.
			joined := strings.ReplaceAll(strings.ReplaceAll(strings.Join(got, ""), " ", ""), hardBreak, "")
			if joined != strings.ReplaceAll(c.in, " ", "") {
				t.Errorf("wrapping changed the text: %q", joined)
			}
		})
	}
}

// A table cell wraps at word boundaries and shortens a word wider than the
// cell with an ellipsis, so no name is split across two lines.
func TestWrapCell(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"1 if the value is Computer", 12, []string{"1 if the", "value is", "Computer"}},
		{"VisitorType=Returning_Visitor", 14, []string{"VisitorType=", "Returning_Vis…"}},
		{"ProductRelated_Duration", 10, []string{"ProductRe…"}},
		{"用户类型=回访用户", 8, []string{"用户类", "型=回访", "用户"}},
		{"", 5, []string{""}},
	}
	for _, c := range cases {
		got := WrapCell(c.in, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("WrapCell(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		for _, l := range got {
			if w := ansi.StringWidth(l); w > c.width {
				t.Errorf("WrapCell(%q, %d): line %q is %d cells", c.in, c.width, l, w)
			}
		}
	}
}

// WrapUnmarked breaks like WrapText but cuts a word too long for the line
// without the mark.
func TestWrapUnmarked(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"一二三，四五", 6, []string{"一二", "三，", "四五"}},
		{"one two three", 7, []string{"one two", "three"}},
	}
	for _, c := range cases {
		if got := WrapUnmarked(c.in, c.width); !slices.Equal(got, c.want) {
			t.Errorf("WrapUnmarked(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}

// TestWrapKeepsLatinRunsWhole: the Chinese panels broke "--log" and
// "--log-columns" after their hyphens, and left "（" at the end of a line
// before a date. A run of Latin characters (a word, flag, path or number)
// stays whole on a line where it fits, and is cut only when wider than
// the line; an opening mark moves down with the run it opens.
func TestWrapKeepsLatinRunsWhole(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"可以试试重新打开日志（retain tui --log）并用更短的观察期，例如", 34,
			[]string{"可以试试重新打开日志（retain tui", "--log）并用更短的观察期，例如"}},
		{"CouponUsed, OrderCount, DaySinceLastOrder, CashbackAmount); name it with --log-columns time=COLUMN）", 74,
			[]string{"CouponUsed, OrderCount, DaySinceLastOrder, CashbackAmount); name it with", "--log-columns time=COLUMN）"}},
		{"行的日期晚于今天（2026-12-05）；日志的日期范围", 18, []string{"行的日期晚于今天", "（2026-12-05）；日", "志的日期范围"}},
		{"路径 /tmp/h1/ec/bad_truncated.csv.gz 不完整", 20, []string{"路径", "/tmp/h1/ec/bad_trunc", "ated.csv.gz 不完整"}},
		// “ is narrow, read as Latin: it ended a line before 数 ("可在“" /
		// "数据”页").
		{"要换一列，可在“数据”页（按 1）按 l", 15, []string{"要换一列，可在", "“数据”页（按", "1）按 l"}},
	}
	for _, c := range cases {
		got := WrapUnmarked(c.in, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("WrapUnmarked(%q, %d) =\n%q\nwant\n%q", c.in, c.width, got, c.want)
		}
		for _, l := range got {
			if w := ansi.StringWidth(l); w > c.width {
				t.Errorf("line %q is %d cells, over %d", l, w, c.width)
			}
		}
	}
}

// TestWrapParagraphs keeps each paragraph's lines apart and its
// indentation on each of its lines.
func TestWrapParagraphs(t *testing.T) {
	got := WrapParagraphs("可以试试重新打开日志（retain tui --log）并用更短的观察期，例如\n  --horizon 7d", 30)
	want := []string{"可以试试重新打开日志（retain", "tui --log）并用更短的观察期，", "例如", "  --horizon 7d"}
	if !slices.Equal(got, want) {
		t.Errorf("WrapParagraphs = %q, want %q", got, want)
	}
}

// TestFootnoteMarkStaysWithItsText: the Cohorts screen's notes ended a
// line with a stray "*", its footnote on the next line.
func TestFootnoteMarkStaysWithItsText(t *testing.T) {
	for _, text := range []string{"Average: customer-weighted, cohorts. * partly observed (the log ends).", "平均：按客户加权的同期群。* 只观察到一部分（日志止于）。"} {
		for w := 10; w <= 60; w++ {
			for _, line := range WrapUnmarked(text, w) {
				if strings.HasSuffix(line, "*") {
					t.Errorf("width %d: %q ends with the mark", w, line)
				}
			}
		}
	}
}

// TestWrapKeepsAFlagWithItsValue: "--log-columns item=COLUMN" broke after
// "item=" (a BreakAfter character) and a line ended "--log-columns item=".
// A flag is never split at its "=", and its value stays on its line; a
// word of the sentence after a flag does not.
func TestWrapKeepsAFlagWithItsValue(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		// The old wrap: "serve the log with --log-columns item=" / "COLUMN".
		{"serve the log with --log-columns item=COLUMN", 40,
			[]string{"serve the log with", "--log-columns item=COLUMN"}},
		{"open it with --log FILE now", 16, []string{"open it with", "--log FILE now"}},
		{"name it with --log-columns=item=2 here", 30, []string{"name it with", "--log-columns=item=2 here"}},
		// "and" is not the flag's value: the line may end at the flag.
		{"use --pseudonymise and more", 18, []string{"use --pseudonymise", "and more"}},
		// The old wrap: "服务器可以用 --log-columns item=" / "列名 提供该日志".
		{"服务器可以用 --log-columns item=列名 提供该日志", 32,
			[]string{"服务器可以用", "--log-columns item=列名 提供该", "日志"}},
		// A level after "=" outside a flag still breaks there.
		{"PaymentMethod=Bank transfer", 16, []string{"PaymentMethod=", "Bank transfer"}},
	}
	for _, c := range cases {
		if got := WrapText(c.text, c.width); !slices.Equal(got, c.want) {
			t.Errorf("WrapText(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
