package widget

import (
	"math"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/NimbleMarkets/ntcharts/v2/canvas"
	"github.com/NimbleMarkets/ntcharts/v2/canvas/graph"
	"github.com/NimbleMarkets/ntcharts/v2/canvas/runes"
)

// decimate reduces pts to at most two points (the lowest and the highest)
// per bucket of buckets equal-width x buckets over [xlo, xhi], in x order,
// plus the nearest point on either side of the range so that lines entering
// or leaving the view are still drawn. Drawing more points than there are
// cells only costs time; the min/max pair keeps the visible envelope.
func decimate(pts []point, xlo, xhi float64, buckets int, out []point) []point {
	out = out[:0]
	var before, after point
	hasBefore, hasAfter := false, false
	cur := -1
	var lo, hi point
	flush := func() {
		if cur < 0 {
			return
		}
		if lo == hi {
			out = append(out, lo)
		} else if lo.x <= hi.x {
			out = append(out, lo, hi)
		} else {
			out = append(out, hi, lo)
		}
	}
	scale := float64(buckets) / (xhi - xlo)
	for _, p := range pts {
		switch {
		case p.x < xlo:
			if !hasBefore || p.x >= before.x {
				before, hasBefore = p, true
			}
			continue
		case p.x > xhi:
			if !hasAfter || p.x < after.x {
				after, hasAfter = p, true
			}
			continue
		}
		b := min(int((p.x-xlo)*scale), buckets-1)
		if b != cur {
			flush()
			cur, lo, hi = b, p, p
			continue
		}
		if p.y < lo.y {
			lo = p
		}
		if p.y > hi.y {
			hi = p
		}
	}
	flush()
	if hasBefore {
		out = append([]point{before}, out...)
	}
	if hasAfter {
		out = append(out, after)
	}
	return out
}

// xExtent returns the x range to show: the data of the current run (or of
// the previous run when the current one is empty), widened to the hint.
func (c SeriesChart) xExtent() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	grow := func(set []series) {
		for _, s := range set {
			for _, p := range s.points {
				lo, hi = math.Min(lo, p.x), math.Max(hi, p.x)
			}
		}
	}
	grow(c.series)
	if lo > hi {
		grow(c.previous)
	}
	if !math.IsNaN(c.xMin) {
		lo, hi = math.Min(lo, c.xMin), math.Max(hi, c.xMax)
	}
	if lo > hi {
		return 0, 1
	}
	if hi-lo < 1e-9 {
		return lo, lo + 1
	}
	return lo, hi
}

// layer is one drawn series: its points already decimated, its marker and
// the style its cells get.
type layer struct {
	pts    []point
	marker Marker
	style  lipgloss.Style
}

// plotArea maps data coordinates onto a gw×gh grid of cells.
type plotArea struct {
	gw, gh int
	x, y   Ticks
}

func (a plotArea) col(x float64) float64 {
	return (x - a.x.Lo) / (a.x.Hi - a.x.Lo) * float64(a.gw-1)
}

func (a plotArea) row(y float64) float64 {
	return float64(a.gh-1) - (y-a.y.Lo)/(a.y.Hi-a.y.Lo)*float64(a.gh-1)
}

// clippedSegments calls draw for each segment of pts that is visible,
// clipped to the plot box, in cell coordinates (column, row).
func (a plotArea) clippedSegments(pts []point, draw func(c1, r1, c2, r2 float64)) {
	for i := 1; i < len(pts); i++ {
		p, q := pts[i-1], pts[i]
		ex, ey := 1e-9*(a.x.Hi-a.x.Lo), 1e-9*(a.y.Hi-a.y.Lo)
		x1, y1, x2, y2, ok := clipSegment(p.x, p.y, q.x, q.y, a.x.Lo-ex, a.x.Hi+ex, a.y.Lo-ey, a.y.Hi+ey)
		if ok {
			draw(a.col(x1), a.row(y1), a.col(x2), a.row(y2))
		}
	}
}

// inside reports whether p lies in the plot box, allowing for rounding in
// the axis arithmetic.
func (a plotArea) inside(p point) bool {
	ex, ey := 1e-9*(a.x.Hi-a.x.Lo), 1e-9*(a.y.Hi-a.y.Lo)
	return p.x >= a.x.Lo-ex && p.x <= a.x.Hi+ex && p.y >= a.y.Lo-ey && p.y <= a.y.Hi+ey
}

func roundPoint(c, r float64) canvas.Point {
	return canvas.Point{X: int(math.Round(c)), Y: int(math.Round(r))}
}

// linePath returns the cells of the straight line a→b in order from a.
// ntcharts' GetLinePoints may return them from either end.
func linePath(a, b canvas.Point) []canvas.Point {
	pts := graph.GetLinePoints(a, b)
	if len(pts) > 0 && pts[0] != a {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	return pts
}

// drawLayer draws one series onto cv with ntcharts' line, rune and braille
// primitives.
func (a plotArea) drawLayer(cv *canvas.Model, l layer) {
	switch l.marker {
	case MarkerBraille:
		grid := runes.NewPatternDotsGrid(2*a.gw, 4*a.gh)
		// Dot coordinates are offset so a value sits in the middle of the
		// same cell the axis labels point at.
		a.clippedSegments(l.pts, func(c1, r1, c2, r2 float64) {
			p1 := roundPoint(2*c1+0.5, 4*r1+1.5)
			p2 := roundPoint(2*c2+0.5, 4*r2+1.5)
			for _, p := range graph.GetLinePoints(p1, p2) {
				grid.Set(p.X, p.Y)
			}
		})
		if len(l.pts) == 1 {
			p := l.pts[0]
			if a.inside(p) {
				d := roundPoint(2*a.col(p.x)+0.5, 4*a.row(p.y)+1.5)
				grid.Set(d.X, d.Y)
			}
		}
		graph.DrawBraillePatterns(cv, canvas.Point{}, grid.BraillePatterns(), l.style)
	case MarkerDots:
		dot := canvas.NewCellWithStyle('·', l.style)
		a.clippedSegments(l.pts, func(c1, r1, c2, r2 float64) {
			for _, p := range graph.GetLinePoints(roundPoint(c1, r1), roundPoint(c2, r2)) {
				if cv.Cell(p).Rune == runes.Null {
					cv.SetCell(p, dot)
				}
			}
		})
		bullet := canvas.NewCellWithStyle('•', l.style)
		for _, p := range l.pts {
			if a.inside(p) {
				cv.SetCell(roundPoint(a.col(p.x), a.row(p.y)), bullet)
			}
		}
	default:
		var path []canvas.Point
		flush := func() {
			if len(path) == 1 {
				cv.SetCell(path[0], canvas.NewCellWithStyle(runes.LineHorizontal, l.style))
			}
			graph.DrawLinePoints(cv, path, runes.ArcLineStyle, l.style)
			path = path[:0]
		}
		a.clippedSegments(l.pts, func(c1, r1, c2, r2 float64) {
			p1, p2 := roundPoint(c1, r1), roundPoint(c2, r2)
			seg := linePath(p1, p2)
			if n := len(path); n > 0 && path[n-1] == p1 {
				seg = seg[1:]
			} else {
				flush()
			}
			path = append(path, seg...)
		})
		flush()
		if len(l.pts) == 1 {
			p := l.pts[0]
			if a.inside(p) {
				cv.SetCell(roundPoint(a.col(p.x), a.row(p.y)), canvas.NewCellWithStyle(runes.LineHorizontal, l.style))
			}
		}
	}
}

// plotRows draws the layers in order (later ones on top) and returns the
// plot as styled rows. Cells remember which layer drew them last, so each
// row is rendered as a few styled runs rather than one Render per cell.
func (a plotArea) plotRows(layers []layer) []string {
	cv := canvas.New(a.gw, a.gh)
	owner := make([]int, a.gw*a.gh)
	before := make([]rune, a.gw*a.gh)
	for li, l := range layers {
		for i := range before {
			before[i] = cv.Cell(canvas.Point{X: i % a.gw, Y: i / a.gw}).Rune
		}
		a.drawLayer(&cv, l)
		for i := range before {
			if cv.Cell(canvas.Point{X: i % a.gw, Y: i / a.gw}).Rune != before[i] {
				owner[i] = li + 1
			}
		}
	}
	rows := make([]string, a.gh)
	var sb, run strings.Builder
	for y := range a.gh {
		sb.Reset()
		runOwner := -1
		emit := func() {
			if run.Len() == 0 {
				return
			}
			if runOwner > 0 {
				sb.WriteString(layers[runOwner-1].style.Render(run.String()))
			} else {
				sb.WriteString(run.String())
			}
			run.Reset()
		}
		for x := range a.gw {
			r := cv.Cell(canvas.Point{X: x, Y: y}).Rune
			o := owner[y*a.gw+x]
			if r == runes.Null {
				r, o = ' ', 0
			}
			if o != runOwner {
				emit()
				runOwner = o
			}
			run.WriteRune(r)
		}
		emit()
		rows[y] = sb.String()
	}
	return rows
}
