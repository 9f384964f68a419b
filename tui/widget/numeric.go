package widget

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// maxMagnitude bounds the values the widgets accept. Anything larger cannot
// be placed on a terminal grid (differences overflow to Inf), so such values
// are treated like NaN and dropped.
const maxMagnitude = 1e300

// finite reports whether v can be charted: not NaN, not ±Inf and not so large
// that differences between values overflow.
func finite(v float64) bool {
	return !math.IsNaN(v) && math.Abs(v) <= maxMagnitude
}

// quantileSorted returns the q-quantile of sorted (linear interpolation
// between closest ranks, the "type 7" definition used by numpy's default).
func quantileSorted(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 0 {
		return math.NaN()
	}
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	if lo >= n-1 {
		return sorted[n-1]
	}
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[lo+1]-sorted[lo])
}

// RobustRange chooses a y range that shows the bulk of values readably.
//
// Training losses often start one or two orders of magnitude above where
// they settle; scaling to the maximum would press the interesting part of
// the curve into a single row. RobustRange keeps every value inside the
// fence [Q10 − 2·(Q90−Q10), Q90 + 2·(Q90−Q10)] and returns the smallest and
// largest such value, so a smooth decline is shown whole while isolated
// spikes (an early loss of 50 among values near 0.3) fall outside the range
// and are drawn clipped at the edge. Non-finite values are ignored. ok is
// false when no finite value exists. The range may be degenerate (lo == hi);
// use PadRange before drawing.
func RobustRange(values []float64) (lo, hi float64, ok bool) {
	sorted := make([]float64, 0, len(values))
	for _, v := range values {
		if finite(v) {
			sorted = append(sorted, v)
		}
	}
	if len(sorted) == 0 {
		return 0, 0, false
	}
	slices.Sort(sorted)
	q10 := quantileSorted(sorted, 0.10)
	q90 := quantileSorted(sorted, 0.90)
	spread := q90 - q10
	lowFence, highFence := q10-2*spread, q90+2*spread
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range sorted {
		if v >= lowFence && v <= highFence {
			lo = math.Min(lo, v)
			hi = math.Max(hi, v)
		}
	}
	return lo, hi, true
}

// fullRange is the smallest and largest finite value (ok false when there
// is none).
func fullRange(values []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if finite(v) {
			lo, hi, ok = math.Min(lo, v), math.Max(hi, v), true
		}
	}
	return lo, hi, ok
}

// PadRange widens [lo, hi] by frac of its span on both sides, gives a
// degenerate range a sensible span, and then keeps it inside [lower, upper]
// (pass ±Inf for no limit), shifting rather than shrinking when it can.
// The result always satisfies lo < hi.
func PadRange(lo, hi, frac, lower, upper float64) (float64, float64) {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	span := hi - lo
	if minSpan := math.Max(1e-9, 0.02*math.Max(math.Abs(lo), math.Abs(hi))); span < minSpan {
		// A flat series (accuracy stuck at 0.5) still needs an axis.
		mid := lo + span/2
		span = minSpan
		lo, hi = mid-span/2, mid+span/2
	}
	lo -= frac * span
	hi += frac * span
	if limit := upper - lower; limit > 0 && hi-lo > limit {
		return lower, upper
	}
	if lo < lower {
		hi += lower - lo
		lo = lower
	}
	if hi > upper {
		lo -= hi - upper
		hi = upper
	}
	return lo, hi
}

// NiceStep returns the smallest "nice" step (1, 2, 2.5 or 5 times a power
// of ten) that is at least raw. Axis ticks at such steps read naturally.
func NiceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 1) {
		return 1
	}
	exp := math.Floor(math.Log10(raw))
	base := math.Pow(10, exp)
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if step := m * base; step >= raw*(1-1e-12) {
			return step
		}
	}
	return 10 * base
}

// Ticks is an axis over a row or column of cells whose tick marks fall
// exactly on cells: every cell spans the same value Delta, and ticks are the
// multiples of Step (a nice number) inside [Lo, Hi].
type Ticks struct {
	Lo, Hi    float64 // the values of the first and the last cell
	Delta     float64 // the value spanned by one cell
	Step      float64 // the value between neighbouring ticks
	First     float64 // the value of the lowest tick
	FirstCell int     // the cell of the lowest tick
	CellsPer  int     // cells between neighbouring ticks
	Count     int     // how many ticks lie within [Lo, Hi]
}

// AlignTicks builds an axis of cells cells (cell 0 shows the low end) that
// covers [lo, hi] with ticks on multiples of a nice step, about gap cells
// apart (between 2/3 and twice that). Among nice steps and whole numbers of
// cells per step it keeps those whose value per cell is within slack (0.25
// = 25 %) of the finest that fits, then picks the spacing closest to gap:
// a larger slack trades unused room for evenly spaced labels. Every label
// sits exactly on its cell, at least two ticks are placed when cells allow,
// and Lo and Hi end at or just beyond lo and hi.
func AlignTicks(lo, hi float64, cells, gap int, slack float64) Ticks {
	return alignTicks(lo, hi, cells, gap, slack, false)
}

// AlignWholeTicks is AlignTicks for an axis that counts whole units
// (epochs, months, weeks): every tick is a whole number and steps are whole
// (1, 2, 5, 10, 20, 25, …), so no label reads 2.5 and none repeats. A range
// holding few whole numbers gets its ticks further apart than twice gap
// rather than an axis stretched far beyond hi. It may place fewer than two
// ticks (none at all) when fewer whole numbers fit.
func AlignWholeTicks(lo, hi float64, cells, gap int, slack float64) Ticks {
	return alignTicks(lo, hi, cells, gap, slack, true)
}

// isWhole reports whether v is a whole number, allowing for rounding.
func isWhole(v float64) bool { return math.Abs(v-math.Round(v)) <= 1e-9*math.Max(1, math.Abs(v)) }

func alignTicks(lo, hi float64, cells, gap int, slack float64, whole bool) Ticks {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		lo, hi = PadRange(lo, hi, 0, math.Inf(-1), math.Inf(1))
	}
	if cells < 2 {
		t := Ticks{Lo: lo, Hi: hi, Delta: hi - lo, Step: hi - lo, First: lo, CellsPer: 1, Count: 1}
		if whole && !isWhole(lo) {
			t.Step, t.Count = 1, 0
		}
		return t
	}
	gap = min(max(gap, 1), cells-1)
	minGap, maxGap := max(1, gap*2/3), min(2*gap, cells-1)
	span := hi - lo
	near := 1 + max(slack, 0) // how much longer than the finest an axis may be
	first := NiceStep(span / float64(cells))
	if whole {
		first = max(first, 1)
		if 1/float64(maxGap) > near*span/float64(cells-1) {
			// Even a step of 1 at the widest spacing would stretch the axis
			// beyond slack: space the few whole numbers out instead.
			maxGap = cells - 1
		}
	}
	var candidates []Ticks
	for step := first; step <= 100*span+NiceStep(span); step = NiceStep(step * 1.01) {
		if whole && !isWhole(step) {
			continue // 2.5 is not whole (25 is)
		}
		for per := minGap; per <= maxGap; per++ {
			delta := step / float64(per)
			axisLo := math.Floor(lo/delta+1e-9) * delta
			axisHi := axisLo + float64(cells-1)*delta
			if axisHi < hi-1e-9*span {
				break // a larger per gives a finer cell that fits even less
			}
			first := math.Ceil(axisLo/step-1e-9) * step
			firstCell := int(math.Round((first - axisLo) / delta))
			count := max((cells-1-firstCell)/per+1, 0)
			if firstCell > cells-1 {
				count = 0
			}
			candidates = append(candidates, Ticks{Lo: axisLo, Hi: axisHi, Delta: delta, Step: step, First: first, FirstCell: firstCell, CellsPer: per, Count: count})
		}
	}
	// spread is the fallback: two ticks, at the ends of lo…hi.
	spread := Ticks{Lo: lo, Hi: hi, Delta: span / float64(cells-1), Step: span, First: lo, CellsPer: cells - 1, Count: 2}
	if len(candidates) == 0 {
		return spread
	}
	// keepNear keeps the candidates whose cell is at most factor times the
	// finest one's.
	keepNear := func(factor float64) {
		finest := slices.MinFunc(candidates, func(a, b Ticks) int { return cmp.Compare(a.Delta, b.Delta) }).Delta
		candidates = slices.DeleteFunc(candidates, func(t Ticks) bool { return t.Delta > factor*finest })
	}
	switch {
	case whole:
		// As many ticks as whole numbers allow, on an axis at most half
		// again as long as the finest that fits: a range between two whole
		// numbers keeps a short axis with the one tick it holds (or none)
		// rather than one stretched to reach a second.
		keepNear(1.5)
		for _, fewest := range []int{2, 1, 0} {
			if slices.ContainsFunc(candidates, func(t Ticks) bool { return t.Count >= fewest }) {
				candidates = slices.DeleteFunc(candidates, func(t Ticks) bool { return t.Count < fewest })
				break
			}
		}
		keepNear(near)
	case !slices.ContainsFunc(candidates, func(t Ticks) bool { return t.Count >= 2 }):
		return spread
	default:
		candidates = slices.DeleteFunc(candidates, func(t Ticks) bool { return t.Count < 2 })
		keepNear(near)
	}
	// Closeness to gap is a ratio: 7 and 14 cells are equally far from 10.
	distance := func(t Ticks) float64 { return math.Abs(math.Log(float64(t.CellsPer) / float64(gap))) }
	return slices.MinFunc(candidates, func(a, b Ticks) int {
		if c := cmp.Compare(distance(a), distance(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.Delta, b.Delta)
	})
}

// Cell returns the cell of tick i.
func (t Ticks) Cell(i int) int { return t.FirstCell + i*t.CellsPer }

// Value returns the value of tick i.
func (t Ticks) Value(i int) float64 { return t.First + float64(i)*t.Step }

// Decimals returns how many decimals show every tick of t distinctly.
func (t Ticks) Decimals() int {
	d := 0
	for step := t.Step; d < 12 && math.Abs(step-math.Round(step)) > 1e-9*math.Max(1, step); step *= 10 {
		d++
	}
	return d
}

// FormatTick formats an axis label with the given decimals, thousands
// separators and the minus sign ("1,000", "−10,000", as the tables beside
// the charts write amounts), falling back to %.3g when the value is too
// large or too small for fixed notation.
func FormatTick(v float64, decimals int) string {
	if v == 0 || math.Abs(v) < 1e-12 {
		v = 0 // never print "-0.00"
	}
	if a := math.Abs(v); a != 0 && (a >= 1e6 || decimals > 5) {
		return WithMinus(strconv.FormatFloat(v, 'g', 3, 64))
	}
	return WithMinus(groupThousands(strconv.FormatFloat(v, 'f', decimals, 64)))
}

// Minus is the minus sign the interface writes (axis labels, tables),
// U+2212, which is as wide as "+" and does not read as a hyphen.
const Minus = "−"

// WithMinus writes a number already formatted with an ASCII hyphen-minus
// ("-0.08", "-1,482") with the minus sign instead; other text is returned
// unchanged.
func WithMinus(text string) string {
	if rest, ok := strings.CutPrefix(text, "-"); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
		return Minus + rest
	}
	return text
}

// groupThousands puts commas into the whole part of a number written in
// fixed notation: "-12345.5" reads "-12,345.5".
func groupThousands(text string) string {
	sign, digits := "", text
	if rest, ok := strings.CutPrefix(text, "-"); ok {
		sign, digits = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		whole += "." + frac
	}
	return sign + whole
}

// FormatValue formats a single reading (the latest loss, an attribution)
// with four significant digits, the precision the eye can compare.
func FormatValue(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// clipSegment clips the segment (x1,y1)–(x2,y2) to the box [xlo,xhi]×[ylo,yhi]
// (Liang–Barsky). It reports false when nothing of the segment is inside.
// Clipping in data space keeps every coordinate handed to ntcharts small:
// its Bresenham loops walk every cell between two points.
func clipSegment(x1, y1, x2, y2, xlo, xhi, ylo, yhi float64) (float64, float64, float64, float64, bool) {
	dx, dy := x2-x1, y2-y1
	edges := [4][2]float64{{-dx, x1 - xlo}, {dx, xhi - x1}, {-dy, y1 - ylo}, {dy, yhi - y1}}
	edgeValue := [4]float64{xlo, xhi, ylo, yhi}
	t0, t1 := 0.0, 1.0
	in, out := -1, -1 // the edges where the segment enters and leaves
	for e, edge := range edges {
		p, q := edge[0], edge[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, 0, 0, false
			}
			if r > t0 {
				t0, in = r, e
			}
		} else {
			if r < t0 {
				return 0, 0, 0, 0, false
			}
			if r < t1 {
				t1, out = r, e
			}
		}
	}
	// Interpolate from the nearer end and snap to the crossed edge: with a
	// far-away endpoint (1e300) the far end's arithmetic loses every digit.
	at := func(t float64, edge int) (float64, float64) {
		var x, y float64
		if t <= 0.5 {
			x, y = x1+t*dx, y1+t*dy
		} else {
			x, y = x2-(1-t)*dx, y2-(1-t)*dy
		}
		switch edge {
		case 0, 1:
			x = edgeValue[edge]
		case 2, 3:
			y = edgeValue[edge]
		}
		return math.Min(math.Max(x, xlo), xhi), math.Min(math.Max(y, ylo), yhi)
	}
	ax, ay := at(t0, in)
	bx, by := at(t1, out)
	return ax, ay, bx, by, true
}
