package datascreen

import (
	"math"
	"strconv"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// previewLines shows the first rows in the table's own units: the id and
// the label, then the features from the sideways offset. It returns the
// lines and the offset shown: no further than the smallest at which the
// last feature shows, so that a window widened after ] shows the first
// features again rather than the same ones with room to spare.
func (s Model) previewLines(width, h int) ([]string, int) {
	t := s.data.Table
	cols := append([]*data.Column(nil), t.Columns...)
	// The id first, then the label, then the features from the offset.
	label := &data.Column{Name: t.Label.Name}
	var fixedCols []*data.Column
	if t.IDColumn >= 0 {
		fixedCols = append(fixedCols, t.Columns[t.IDColumn])
		cols = append(cols[:t.IDColumn:t.IDColumn], cols[t.IDColumn+1:]...)
	}
	fixedCols = append(fixedCols, label)
	rowW := s.rowNumberWidth(t.Rows)
	first := min(s.scroll[sectionPreview], max(t.Rows-(h-2), 0))
	last := min(first+max(h-2, 0), t.Rows)
	colW := func(c *data.Column) int {
		w := ansi.StringWidth(c.Name)
		for r := first; r < last; r++ {
			w = max(w, ansi.StringWidth(s.cell(c, r)))
		}
		return min(w, colCap(width)) + 2
	}
	// The largest useful offset: from it on, every feature left fits.
	used := rowW
	for _, c := range fixedCols {
		used += colW(c)
	}
	most := len(cols)
	for most > 0 && used+colW(cols[most-1]) <= width {
		used += colW(cols[most-1])
		most--
	}
	off := min(s.colOff, most, max(len(cols)-1, 0))
	shown := append(fixedCols, cols[off:]...)
	fixed := len(fixedCols)
	var widths []int
	used = rowW
	fits := 0
	for _, c := range shown {
		w := colW(c)
		if used+w > width {
			break
		}
		widths = append(widths, w)
		used += w
		fits++
	}
	head := s.rowNumberCell("#", rowW)
	for i := range fits {
		head += common.PadLeft(shown[i].Name, widths[i]-2) + "  "
	}
	lines := []string{s.Styles.Header.Render(common.Pad(head, width))}
	for r := first; r < last; r++ {
		line := s.Styles.Muted.Render(s.rowNumberCell(strconv.Itoa(r+1), rowW))
		for i := range fits {
			line += common.PadLeft(s.cell(shown[i], r), widths[i]-2) + "  "
		}
		lines = append(lines, line)
	}
	hidden := len(shown) - fits
	note := s.Tf("rows %s–%s of %s", "第 %s–%s 行，共 %s 行",
		common.Thousands(first+1), common.Thousands(last), common.Thousands(t.Rows))
	if hidden > 0 || off > 0 {
		note += s.Tf(" · features %d–%d of %d ([ and ] scroll)", " · 特征 %d–%d，共 %d 个（[ 和 ] 左右翻看）",
			off+1, off+max(fits-fixed, 0), len(cols))
	}
	return append(lines, s.Styles.Muted.Render(common.Truncate(note, width))), off
}

// cell formats one value of the preview, at position r of its order
// (previewRow); a column without values or strings stands for the label.
func (s Model) cell(c *data.Column, r int) string {
	t, r := s.data.Table, s.previewRow(r)
	switch {
	case c.Values == nil && c.Strings == nil && c.Name == t.Label.Name:
		if t.Label.Values[r] == 1 {
			return t.Label.Positive
		}
		return t.Label.Negative
	case c.Kind == data.Boolean && r < len(c.Values):
		v := c.Values[r]
		if (v == 0 || v == 1) && len(c.Levels) == 2 {
			return c.Levels[int(v)]
		}
		return "–"
	case c.Date && r < len(c.Values) && !math.IsNaN(c.Values[r]):
		return data.FormatDay(c.Values[r])
	case r < len(c.Values):
		return num(c.Values[r])
	case r < len(c.Strings):
		if c.Strings[r] == "" {
			return "–"
		}
		return c.Strings[r]
	case len(c.Levels) > 0:
		return c.Levels[0]
	}
	return ""
}

// colCap is the widest a preview column may be: names are cut sooner in
// a narrow window so more columns fit.
func colCap(width int) int {
	if width >= 140 {
		return 24
	}
	return 16
}
