package walkthrough

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
		{"cjk anywhere", "这是一个很长的句子", 8, []string{"这是一个", "很长的句", "子"}},
		{"mixed keeps words whole", "用户 U000001 在数据里", 12, []string{"用户 U000001", "在数据里"}},
		// "，" may not start a line: the character before it moves down too.
		{"closing mark never leads", "一二三，四五", 6, []string{"一二", "三，四", "五"}},
		// "（" may not end a line: it moves down with what it opens.
		{"opening mark never trails", "一二（三）", 6, []string{"一二", "（三）"}},
		{"long word is cut", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"empty", "", 10, []string{""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := wrapText(c.in, c.width)
			if !slices.Equal(got, c.want) {
				t.Fatalf("wrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
			}
			for _, l := range got {
				if w := ansi.StringWidth(l); w > c.width {
					t.Errorf("line %q is %d cells, over %d", l, w, c.width)
				}
			}
			// Wrapping only inserts breaks: removing them gives the text back.
			joined := strings.ReplaceAll(strings.Join(got, ""), " ", "")
			if joined != strings.ReplaceAll(c.in, " ", "") {
				t.Errorf("wrapping changed the text: %q", joined)
			}
		})
	}
}
