package widget

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/sparkline"
	"github.com/charmbracelet/x/ansi"
)

// Histogram counts the finite values into n equal-width bins over
// [lo, hi]: bin i holds lo+i·w ≤ v < lo+(i+1)·w, the last bin also holds
// hi. Values outside the range and non-finite values are not counted. When
// lo == hi every value equal to lo lands in the middle bin. n < 1 or a
// reversed or non-finite range gives nil.
func Histogram(values []float64, lo, hi float64, n int) []int {
	if n < 1 || !finite(lo) || !finite(hi) || lo > hi {
		return nil
	}
	counts := make([]int, n)
	for _, v := range values {
		if !finite(v) || v < lo || v > hi {
			continue
		}
		if hi == lo {
			counts[n/2]++
			continue
		}
		counts[min(int((v-lo)/(hi-lo)*float64(n)), n-1)]++
	}
	return counts
}

// SplitHistogram bins two groups of values (for example one feature's
// values among users who stayed and among users who churned) into n bins
// over their common finite range, so the two histograms line up. ok is
// false when neither group has a finite value.
func SplitHistogram(a, b []float64, n int) (lo, hi float64, countsA, countsB []int, ok bool) {
	lo, hi, ok = commonRange(a, b)
	if !ok {
		return 0, 0, nil, nil, false
	}
	return lo, hi, Histogram(a, lo, hi, n), Histogram(b, lo, hi, n), true
}

// commonRange returns the smallest and largest finite value of a and b
// together; ok is false when neither holds a finite value.
func commonRange(a, b []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, group := range [][]float64{a, b} {
		for _, v := range group {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		return 0, 0, false
	}
	return lo, hi, true
}

// Shares turns counts into fractions of their total (all zero when the
// total is zero), so groups of different sizes compare by shape.
func Shares(counts []int) []float64 {
	total := 0
	for _, c := range counts {
		total += max(c, 0)
	}
	shares := make([]float64, len(counts))
	if total == 0 {
		return shares
	}
	for i, c := range counts {
		shares[i] = float64(max(c, 0)) / float64(total)
	}
	return shares
}

// Distribution shows one feature's distribution in two label classes as
// two sparkline histograms on a shared scale, side by side (or stacked when
// narrow), with a one-line text summary when even that does not fit.
// Each class is normalised to its own total, so a rare class is as visible
// as a common one.
type Distribution struct {
	styles       Styles
	nameA, nameB string
	a, b         []float64
	countsA      []int // pre-binned counts, when set by SetCounts
	countsB      []int
	lo, hi       float64 // the common range of a and b, found once per SetValues
	hasRange     bool    // whether a or b holds a finite value
	width        int
	height       int
	view         string // rendered by every setter, so View costs nothing
}

// NewDistribution returns an empty distribution for classes named nameA
// and nameB (for example "stay" and "churn").
func NewDistribution(styles Styles, nameA, nameB string) Distribution {
	return Distribution{styles: styles, nameA: nameA, nameB: nameB}
}

// SetStyles replaces the styles.
func (d *Distribution) SetStyles(styles Styles) {
	d.styles = styles
	d.view = d.render()
}

// SetValues sets the raw values of each class; bins follow the width. The
// slices are kept, not copied: do not modify them afterwards.
func (d *Distribution) SetValues(a, b []float64) {
	d.a, d.b, d.countsA, d.countsB = a, b, nil, nil
	d.lo, d.hi, d.hasRange = commonRange(a, b)
	d.view = d.render()
}

// SetCounts sets already binned counts (for example per level of a
// categorical feature); both classes must use the same bins. The shorter
// slice is padded with zeros.
func (d *Distribution) SetCounts(a, b []int) {
	n := max(len(a), len(b))
	d.countsA, d.countsB = make([]int, n), make([]int, n)
	copy(d.countsA, a)
	copy(d.countsB, b)
	d.a, d.b, d.hasRange = nil, nil, false
	d.view = d.render()
}

// SetSize sets the size of the view in cells.
func (d *Distribution) SetSize(w, h int) {
	d.width, d.height = max(w, 0), max(h, 0)
	d.view = d.render()
}

// View returns the distribution as rendered by the last setter call.
func (d Distribution) View() string { return d.view }

// render draws the distribution at its size.
func (d Distribution) render() string {
	w, h := d.width, d.height
	if w <= 0 || h <= 0 {
		return ""
	}
	nameW := max(ansi.StringWidth(d.nameA), ansi.StringWidth(d.nameB))
	// The value range is printed after the bars when that leaves them room.
	rangeText := ""
	if d.hasRange {
		rangeText = FormatValue(d.lo) + "…" + FormatValue(d.hi)
	}
	sideRoom := w - 2*(nameW+1) - 2
	if rangeText != "" && (sideRoom-len(rangeText)-2)/2 >= 8 {
		sideRoom -= ansi.StringWidth(rangeText) + 2
	} else {
		rangeText = ""
	}
	sideBins := sideRoom / 2
	if d.countsA != nil {
		sideBins = min(sideBins, len(d.countsA))
	}
	if sideBins >= 4 {
		a, b := d.bins(sideBins)
		left := d.half(d.nameA, d.styles.ClassA, nameW, a, b, h)
		right := d.half(d.nameB, d.styles.ClassB, nameW, b, a, h)
		view := joinColumns(left, right, "  ")
		if rangeText != "" {
			view = joinColumns(view, strings.Repeat("\n", h-1)+d.styles.Muted.Render(rangeText), "  ")
		}
		return Fit(view, w, h)
	}
	stackBins := w - nameW - 1
	if d.countsA != nil {
		stackBins = min(stackBins, len(d.countsA))
	}
	if h >= 2 && stackBins >= 4 {
		a, b := d.bins(stackBins)
		top := d.half(d.nameA, d.styles.ClassA, nameW, a, b, h/2)
		bottom := d.half(d.nameB, d.styles.ClassB, nameW, b, a, h-h/2)
		return Fit(top+"\n"+bottom, w, h)
	}
	return Fit(d.Summary(), w, h)
}

// bins returns both classes' shares in n bins (or the set counts).
func (d Distribution) bins(n int) (a, b []float64) {
	if d.countsA != nil {
		return Shares(d.countsA), Shares(d.countsB)
	}
	if !d.hasRange {
		return make([]float64, n), make([]float64, n)
	}
	return Shares(Histogram(d.a, d.lo, d.hi, n)), Shares(Histogram(d.b, d.lo, d.hi, n))
}

// half renders one class: its name, then an ntcharts sparkline of height h
// scaled to the larger peak of both classes. A non-empty bin always shows
// at least the lowest block, so rare values do not vanish.
func (d Distribution) half(name string, style lipgloss.Style, nameW int, shares, other []float64, h int) string {
	peak := 0.0
	for _, group := range [][]float64{shares, other} {
		for _, s := range group {
			peak = math.Max(peak, s)
		}
	}
	if peak == 0 {
		peak = 1
	}
	floor := peak / float64(8*h)
	sl := sparkline.New(len(shares), h, sparkline.WithMaxValue(peak), sparkline.WithNoAutoMaxValue(), sparkline.WithStyle(style))
	for _, s := range shares {
		if s > 0 {
			s = math.Max(s, floor)
		}
		sl.Push(s)
	}
	sl.Draw()
	rows := strings.Split(sl.View(), "\n")
	pad := strings.Repeat(" ", nameW+1)
	for i := range rows {
		if i == len(rows)-1 {
			rows[i] = style.Render(fitLine(name, nameW)) + " " + rows[i]
		} else {
			rows[i] = pad + rows[i]
		}
	}
	return strings.Join(rows, "\n")
}

// Summary returns a plain-text description: each class's count and mean
// (for raw values) or count (for binned counts).
func (d Distribution) Summary() string {
	describe := func(name string, values []float64, counts []int) string {
		if counts != nil {
			n := 0
			for _, c := range counts {
				n += c
			}
			return name + " n=" + FormatTick(float64(n), 0)
		}
		n, sum := 0, 0.0
		for _, v := range values {
			if finite(v) {
				n++
				sum += v
			}
		}
		if n == 0 {
			return name + " n=0"
		}
		return name + " mean " + FormatValue(sum/float64(n))
	}
	return describe(d.nameA, d.a, d.countsA) + " · " + describe(d.nameB, d.b, d.countsB)
}

// joinColumns puts two blocks of lines side by side with sep between them,
// padding the left block to its widest line.
func joinColumns(left, right, sep string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	lw := 0
	for _, s := range l {
		lw = max(lw, ansi.StringWidth(s))
	}
	n := max(len(l), len(r))
	out := make([]string, n)
	for i := range n {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = fitLine(a, lw) + sep + b
	}
	return strings.Join(out, "\n")
}
