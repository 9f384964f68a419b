package widget

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func TestHistogramHandComputed(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		lo, hi float64
		n      int
		want   []int
	}{
		// Bins of width 2: [0,2) [2,4) [4,6) [6,8) [8,10]; 10 joins the last bin.
		{"integers 0..10", []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10, 5, []int{2, 2, 2, 2, 3}},
		// Bins [-1,-0.75) [-0.75,-0.5) [-0.5,-0.25) [-0.25,0]: -1 and -0.8 in the
		// first, -0.5 and -0.3 in the third, 0 in the last.
		{"negative range", []float64{-1, -0.8, -0.5, -0.3, 0}, -1, 0, 4, []int{2, 0, 2, 1}},
		{"non-finite and outside are ignored", []float64{math.NaN(), math.Inf(1), math.Inf(-1), -0.1, 1.1, 0.5}, 0, 1, 2, []int{0, 1}},
		{"constant values land in the middle bin", []float64{3, 3, 3}, 3, 3, 5, []int{0, 0, 3, 0, 0}},
		{"no bins", []float64{1}, 0, 1, 0, nil},
		{"reversed range", []float64{1}, 1, 0, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Histogram(tt.values, tt.lo, tt.hi, tt.n); !slices.Equal(got, tt.want) {
				t.Fatalf("Histogram = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSplitHistogramSharesOneRange(t *testing.T) {
	// Pooled range [1, 9], 4 bins of width 2: [1,3) [3,5) [5,7) [7,9].
	a := []float64{1, 2, 4, math.NaN()}
	b := []float64{5, 9, 8.5, 3}
	lo, hi, ca, cb, ok := SplitHistogram(a, b, 4)
	if !ok || lo != 1 || hi != 9 {
		t.Fatalf("range = [%v, %v] ok=%v, want [1, 9] ok=true", lo, hi, ok)
	}
	if !slices.Equal(ca, []int{2, 1, 0, 0}) || !slices.Equal(cb, []int{0, 1, 1, 2}) {
		t.Fatalf("counts = %v and %v, want [2 1 0 0] and [0 1 1 2]", ca, cb)
	}
	if _, _, _, _, ok := SplitHistogram([]float64{math.NaN()}, nil, 4); ok {
		t.Fatal("no finite value must give ok=false")
	}
}

func TestShares(t *testing.T) {
	if got := Shares([]int{1, 3, 0, 4}); !slices.Equal(got, []float64{0.125, 0.375, 0, 0.5}) {
		t.Fatalf("Shares = %v, want [0.125 0.375 0 0.5]", got)
	}
	if got := Shares([]int{0, 0}); !slices.Equal(got, []float64{0, 0}) {
		t.Fatalf("Shares of zeros = %v, want zeros", got)
	}
}

// twoClasses returns values of a feature that is low for class A and high
// for class B, with a single rare class-A value at the top.
func twoClasses() (a, b []float64) {
	for i := range 400 {
		a = append(a, float64(i%10))
	}
	a = append(a, 30)
	for i := range 40 {
		b = append(b, 15+float64(i%10))
	}
	return a, b
}

func TestDistributionLayouts(t *testing.T) {
	a, b := twoClasses()
	d := NewDistribution(DefaultStyles(), "stay", "churn")
	d.SetValues(a, b)
	for w := 0; w <= 80; w++ {
		for h := 0; h <= 4; h++ {
			d.SetSize(w, h)
			checkBlock(t, d.View(), w, h)
		}
	}
	d.SetSize(60, 1)
	view := ansi.Strip(d.View())
	if !strings.HasPrefix(view, "stay ") || !strings.Contains(view, "churn ") || !strings.HasSuffix(strings.TrimRight(view, " "), "0…30") {
		t.Fatalf("side-by-side view lacks names or range: %q", view)
	}
	// The single value at 30 is 1/401 of class A: it must still show.
	stay := view[:strings.Index(view, "churn")]
	if !strings.HasSuffix(strings.TrimRight(stay, " "), "▁") {
		t.Fatalf("the rare top bin of stay vanished: %q", stay)
	}
	d.SetSize(16, 1)
	if got := ansi.Strip(d.View()); got != "stay mean 4.564…" {
		t.Fatalf("narrow view = %q, want the text summary", got)
	}
}

func TestDistributionCounts(t *testing.T) {
	d := NewDistribution(DefaultStyles(), "A", "B")
	d.SetCounts([]int{10, 0, 5}, []int{0, 0, 0, 8})
	d.SetSize(40, 1)
	// Shares A: 2/3, 0, 1/3, 0; B: 0, 0, 0, 1. Peak 1 → A's bins are ▅ (5/8 ≈ 0.667),
	// blank, ▃ (3/8 ≈ 0.333), blank; B's last bin is a full block.
	if got := ansi.Strip(d.View()); !strings.HasPrefix(got, "A ▅ ▃   B    █") {
		t.Fatalf("view = %q", got)
	}
	if got := d.Summary(); got != "A n=15 · B n=8" {
		t.Fatalf("Summary = %q", got)
	}
}

func TestDistributionGolden(t *testing.T) {
	a, b := twoClasses()
	for _, size := range [][2]int{{60, 1}, {40, 4}} {
		t.Run(itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
			d := NewDistribution(DefaultStyles(), "stay", "churn")
			d.SetValues(a, b)
			d.SetSize(size[0], size[1])
			golden.RequireEqual(t, ansi.Strip(d.View()))
		})
	}
}

func BenchmarkDistribution100k(b *testing.B) {
	a := make([]float64, 90000)
	c := make([]float64, 10000)
	for i := range a {
		a[i] = float64(i%97) / 7
	}
	for i := range c {
		c[i] = float64(i%89)/5 + 3
	}
	d := NewDistribution(DefaultStyles(), "stay", "churn")
	d.SetSize(60, 1)
	for b.Loop() {
		d.SetValues(a, c)
	}
}
