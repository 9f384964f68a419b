package widget

import (
	"slices"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestPackItems(t *testing.T) {
	figures := []string{"precision 0.685", "recall 0.110", "F1 0.189", "accuracy 0.940"}
	tests := []struct {
		name  string
		items []string
		sep   string
		width int
		want  []string
	}{
		{"all fit", figures, "  ", 80, []string{"precision 0.685  recall 0.110  F1 0.189  accuracy 0.940"}},
		{"exactly", figures, "  ", 55, []string{"precision 0.685  recall 0.110  F1 0.189  accuracy 0.940"}},
		{"breaks between figures", figures, "  ", 40, []string{"precision 0.685  recall 0.110  F1 0.189", "accuracy 0.940"}},
		{"one a line", figures, "  ", 15, []string{"precision 0.685", "recall 0.110", "F1 0.189", "accuracy 0.940"}},
		{"a long item wraps on its own", []string{"best F1 0.402 at threshold 0.210 (f)", "configured 0.50 (r)"}, " · ", 20,
			[]string{"best F1 0.402 at", "threshold 0.210 (f)", "configured 0.50 (r)"}},
		{"the rest of a wrapped item takes the next", []string{"ECE: 10 equal-width bins", "ok"}, " · ", 12,
			[]string{"ECE: 10", "equal-width", "bins · ok"}},
		{"CJK measured in cells", []string{"最佳 F1 0.642，阈值 0.342（f）", "配置值 0.50（r）"}, "· ", 30,
			[]string{"最佳 F1 0.642，阈值 0.342（f）", "配置值 0.50（r）"}},
		{"none", nil, " · ", 10, []string{""}},
	}
	for _, tt := range tests {
		got := PackItems(tt.items, tt.sep, tt.width)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: PackItems = %q, want %q", tt.name, got, tt.want)
		}
		for _, l := range got {
			if ansi.StringWidth(l) > tt.width {
				t.Errorf("%s: line %q is wider than %d", tt.name, l, tt.width)
			}
		}
	}
}

// TestWrapKeepsSizeAndUnit: a size's unit stays on its number's line, with
// punctuation after it too; a unit word after a non-number may move alone.
func TestWrapKeepsSizeAndUnit(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  []string
	}{
		{"training would need about 6.4 GiB of memory", 31, []string{"training would need about", "6.4 GiB of memory"}},
		{"the limit is 256 MiB), not more", 15, []string{"the limit is", "256 MiB), not", "more"}},
		{"訓練內存 256 MiB", 10, []string{"訓練內存", "256 MiB"}},
		{"some MiB here", 5, []string{"some", "MiB", "here"}},
	} {
		if got := WrapUnmarked(c.text, c.width); !slices.Equal(got, c.want) {
			t.Errorf("%q at %d: %q, want %q", c.text, c.width, got, c.want)
		}
	}
}
