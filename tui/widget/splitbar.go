package widget

import (
	"math"
	"strings"
)

// SplitBar draws a count of a+b rows as one bar on a shared scale, for
// example one level of a categorical feature among its other levels: the
// bar is (a+b)/scale of w cells, its b part first in █ (Styles.ClassB),
// then its a part in ░ (Styles.ClassA), padded with spaces to w cells. The
// two glyphs keep the classes apart without colour. A non-empty count
// shows at least one cell, and each non-empty class at least one cell
// when the bar has two.
func SplitBar(st Styles, a, b, scale, w int) string {
	a, b = max(a, 0), max(b, 0)
	if w <= 0 {
		return ""
	}
	total := a + b
	if total == 0 || scale <= 0 {
		return strings.Repeat(" ", w)
	}
	cells := min(int(math.Round(float64(w)*float64(total)/float64(scale))), w)
	cells = max(cells, 1)
	bCells := int(math.Round(float64(cells) * float64(b) / float64(total)))
	if cells >= 2 {
		if b > 0 {
			bCells = max(bCells, 1)
		}
		if a > 0 {
			bCells = min(bCells, cells-1)
		}
	}
	return st.ClassB.Render(strings.Repeat("█", bCells)) + st.ClassA.Render(strings.Repeat("░", cells-bCells)) +
		strings.Repeat(" ", w-cells)
}
