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
func decimate(pts []point, xlo, xhi float64, buckets int) []point {
	var out []point
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
			if len(s.points) > 0 {
				lo, hi = math.Min(lo, s.xMin), math.Max(hi, s.xMax)
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

// cellGrid is the plot's character grid: a rune and the index (1-based) of
// the layer that drew it last, per cell. ntcharts' canvas keeps a whole
// lipgloss.Style per cell, which made a 300×100 redraw allocate 12 MB; the
// grid keeps the drawing on ntcharts' line and braille primitives instead.
type cellGrid struct {
	w, h  int
	runes []rune
	owner []uint8
}

func newCellGrid(w, h int) cellGrid {
	return cellGrid{w: w, h: h, runes: make([]rune, w*h), owner: make([]uint8, w*h)}
}

func (g cellGrid) index(p canvas.Point) (int, bool) {
	if p.X < 0 || p.Y < 0 || p.X >= g.w || p.Y >= g.h {
		return 0, false
	}
	return p.Y*g.w + p.X, true
}

func (g cellGrid) set(p canvas.Point, r rune, owner uint8) {
	if i, ok := g.index(p); ok {
		g.runes[i], g.owner[i] = r, owner
	}
}

func (g cellGrid) at(p canvas.Point) rune {
	if i, ok := g.index(p); ok {
		return g.runes[i]
	}
	return runes.Null
}

// drawPath draws a path of adjacent or diagonal cells as a rounded line.
// Segments are collected for the whole path first so a cell the path
// passes twice (down and back up a noisy column) gets one joined rune;
// lines of earlier layers are joined too (ntcharts' CombineLines).
func (g cellGrid) drawPath(path []canvas.Point, owner uint8) {
	segs := map[int]runes.LineSegments{}
	mark := func(p canvas.Point, f func(*runes.LineSegments)) {
		if i, ok := g.index(p); ok {
			s := segs[i]
			f(&s)
			segs[i] = s
		}
	}
	horizontal := func(from, to canvas.Point) {
		if to.X > from.X {
			mark(from, func(s *runes.LineSegments) { s.Right = true })
			mark(to, func(s *runes.LineSegments) { s.Left = true })
		} else {
			mark(from, func(s *runes.LineSegments) { s.Left = true })
			mark(to, func(s *runes.LineSegments) { s.Right = true })
		}
	}
	vertical := func(from, to canvas.Point) {
		if to.Y > from.Y {
			mark(from, func(s *runes.LineSegments) { s.Down = true })
			mark(to, func(s *runes.LineSegments) { s.Up = true })
		} else {
			mark(from, func(s *runes.LineSegments) { s.Up = true })
			mark(to, func(s *runes.LineSegments) { s.Down = true })
		}
	}
	for k := 1; k < len(path); k++ {
		p, q := path[k-1], path[k]
		switch {
		case p.Y == q.Y && p.X != q.X:
			horizontal(p, q)
		case p.X == q.X && p.Y != q.Y:
			vertical(p, q)
		case p.X != q.X:
			// A diagonal step turns at the corner beside it, as ntcharts does.
			corner := canvas.Point{X: q.X, Y: p.Y}
			horizontal(p, corner)
			vertical(corner, q)
		}
	}
	for i, s := range segs {
		r := runes.CombineLines(g.runes[i], runes.ArcLineFromLineSegments(s), runes.ArcLineStyle)
		g.runes[i], g.owner[i] = r, owner
	}
}

// setDot sets braille dot (dx, dy) of the grid, 2×4 dots per cell, merging
// with braille already in the cell.
func (g cellGrid) setDot(dx, dy int, owner uint8) {
	if dx < 0 || dy < 0 {
		return
	}
	i, ok := g.index(canvas.Point{X: dx / 2, Y: dy / 4})
	if !ok {
		return
	}
	// Unicode numbers the dots down the left column, then the right one,
	// with the bottom row (dots 7 and 8) added last.
	bits := [4][2]rune{{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}}
	r := g.runes[i]
	if !runes.IsBraillePattern(r) {
		r = runes.BrailleBlockOffset
	}
	g.runes[i], g.owner[i] = r|bits[dy%4][dx%2], owner
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

// drawLayer draws one series onto the grid as the given owner.
func (a plotArea) drawLayer(g cellGrid, l layer, owner uint8) {
	switch l.marker {
	case MarkerBraille:
		// Dot coordinates are offset so a value sits in the middle of the
		// same cell the axis labels point at.
		dot := func(c, r float64) canvas.Point { return roundPoint(2*c+0.5, 4*r+1.5) }
		a.clippedSegments(l.pts, func(c1, r1, c2, r2 float64) {
			for _, p := range graph.GetLinePoints(dot(c1, r1), dot(c2, r2)) {
				g.setDot(p.X, p.Y, owner)
			}
		})
		if len(l.pts) == 1 && a.inside(l.pts[0]) {
			d := dot(a.col(l.pts[0].x), a.row(l.pts[0].y))
			g.setDot(d.X, d.Y, owner)
		}
	case MarkerPoint:
		for _, p := range l.pts {
			if a.inside(p) {
				g.set(roundPoint(a.col(p.x), a.row(p.y)), '+', owner)
			}
		}
	case MarkerDots:
		a.clippedSegments(l.pts, func(c1, r1, c2, r2 float64) {
			for _, p := range graph.GetLinePoints(roundPoint(c1, r1), roundPoint(c2, r2)) {
				if g.at(p) == runes.Null {
					g.set(p, '·', owner)
				}
			}
		})
		for _, p := range l.pts {
			if a.inside(p) {
				g.set(roundPoint(a.col(p.x), a.row(p.y)), '•', owner)
			}
		}
	default:
		var path []canvas.Point
		flush := func() {
			if len(path) == 1 {
				g.set(path[0], runes.LineHorizontal, owner)
			}
			g.drawPath(path, owner)
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
		if len(l.pts) == 1 && a.inside(l.pts[0]) {
			g.set(roundPoint(a.col(l.pts[0].x), a.row(l.pts[0].y)), runes.LineHorizontal, owner)
		}
	}
}

// plotRows draws the layers in order (later ones on top) and returns the
// plot as styled rows, each rendered as a few runs of one layer's style
// rather than one Render per cell.
func (a plotArea) plotRows(layers []layer) []string {
	g := newCellGrid(a.gw, a.gh)
	for li, l := range layers {
		a.drawLayer(g, l, uint8(min(li+1, 255)))
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
			r, o := g.runes[y*a.gw+x], int(g.owner[y*a.gw+x])
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
