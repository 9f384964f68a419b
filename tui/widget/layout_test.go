package widget

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		total  int
		gap    int
		parts  []Part
		want   []int
		wantOK bool
	}{
		{"weights share the rest", 100, 2, []Part{{Min: 20, Weight: 3}, {Min: 10, Weight: 1}},
			// free = 100−2−30 = 68: 68·3/4 = 51, 68·1/4 = 17.
			[]int{71, 27}, true},
		{"largest remainder gets the odd cell", 10, 0, []Part{{Weight: 1}, {Weight: 1}, {Weight: 1}},
			// 10/3 = 3 each, remainders equal: the first part wins the tie.
			[]int{4, 3, 3}, true},
		{"zero weights share equally", 7, 1, []Part{{Min: 2}, {Min: 2}},
			// free = 7−1−4 = 2 → one each.
			[]int{3, 3}, true},
		{"exact fit", 21, 1, []Part{{Min: 10, Weight: 1}, {Min: 10, Weight: 5}}, []int{10, 10}, true},
		{"optional part dropped", 50, 2, []Part{{Min: 40, Weight: 1}, {Min: 20, Optional: true}},
			[]int{50, 0}, true},
		{"last optional dropped first", 60, 0, []Part{{Min: 30, Weight: 1}, {Min: 20, Optional: true}, {Min: 20, Optional: true}},
			// 30+20+20 > 60: drop the third; 30+20 fits with 10 free, all to the weighted part.
			[]int{40, 20, 0}, true},
		{"minimums do not fit", 30, 1, []Part{{Min: 20}, {Min: 20}}, []int{0, 0}, false},
		{"no parts", 10, 1, nil, []int{}, true},
		{"negative total", -5, 0, []Part{{Min: 0, Weight: 1}}, []int{0}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Split(tt.total, tt.gap, tt.parts...)
			if ok != tt.wantOK || !slices.Equal(got, tt.want) {
				t.Fatalf("Split = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestSplitAlwaysAddsUp(t *testing.T) {
	parts := []Part{{Min: 12, Weight: 2}, {Min: 20, Weight: 3}, {Min: 8, Weight: 0, Optional: true}}
	for total := 0; total <= 300; total++ {
		sizes, ok := Split(total, 1, parts...)
		if !ok {
			if total >= 12+20+1 {
				t.Fatalf("total %d: refused although the required parts fit", total)
			}
			continue
		}
		sum, shown := 0, 0
		for i, s := range sizes {
			sum += s
			if s > 0 {
				shown++
				if s < parts[i].Min {
					t.Fatalf("total %d: part %d got %d < min %d", total, i, s, parts[i].Min)
				}
			}
		}
		if sum+(shown-1) != total {
			t.Fatalf("total %d: sizes %v and gaps add up to %d", total, sizes, sum+shown-1)
		}
	}
}

func TestFit(t *testing.T) {
	styled := DefaultStyles().Title.Render("héllo wörld")
	got := Fit(styled+"\nsecond line\nthird", 8, 2)
	lines := strings.Split(got, "\n")
	if len(lines) != 2 {
		t.Fatalf("Fit gave %d lines, want 2", len(lines))
	}
	if plain := ansi.Strip(lines[0]); plain != "héllo w…" {
		t.Fatalf("first line = %q, want %q", plain, "héllo w…")
	}
	if lines[1] != "second …" {
		t.Fatalf("second line = %q", lines[1])
	}
	if got := Fit("a", 3, 2); got != "a  \n   " {
		t.Fatalf("padding: got %q", got)
	}
	if Fit("a", 0, 5) != "" || Fit("a", 5, 0) != "" {
		t.Fatal("an empty area must give an empty string")
	}
}

func TestTooSmall(t *testing.T) {
	tests := []struct {
		w, h int
		want string
	}{
		{79, 30, "Window 79×30 is too small: enlarge it to at least 80×24."},
		{20, 5, "Enlarge to 80×24"},
		{10, 1, "Enlarge t…"},
		{0, 0, ""},
		{-3, -1, ""},
	}
	for _, tt := range tests {
		if got := TooSmall(tt.w, tt.h, false); got != tt.want {
			t.Errorf("TooSmall(%d, %d) = %q, want %q", tt.w, tt.h, got, tt.want)
		}
	}
	if Fits(79, 24) || Fits(80, 23) || !Fits(80, 24) {
		t.Error("Fits disagrees with MinWidth×MinHeight = 80×24")
	}
}
