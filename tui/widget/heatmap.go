package widget

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Matrix is the read-only matrix a Heatmap draws. gonum's mat.Matrix
// satisfies it, so weight matrices can be passed as they are.
type Matrix interface {
	Dims() (r, c int)
	At(i, j int) float64
}

// maxRowLabel bounds the row label column so labels never crowd out cells.
const maxRowLabel = 14

// Heatmap shows a matrix of signed values (weights, gradients) on a scale
// symmetric around zero: colour for sign and strength, and text that says
// the same without colour — the value itself when cells are wide enough,
// otherwise a +/− sign and a shade (░▒▓█). One row and one cell can be
// highlighted; a matrix larger than the view scrolls to keep them visible.
type Heatmap struct {
	styles    Styles
	title     string
	values    [][]float64
	cols      int
	rowLabels []string
	colLabels []string
	hiRow     int
	hiCol     int
	scale     float64
	width     int
	height    int
	text      HeatmapText
	first     int    // the number the note gives the first row and column
	view      string // rendered by every setter, so View costs nothing
}

// HeatmapText is the wording a Heatmap writes by itself, in the caller's
// language (there is no default, so that no caller inherits English).
type HeatmapText struct {
	// Rows and Cols format the title's note of the rows and columns a
	// scrolled matrix shows: first, last and count ("rows %d–%d/%d").
	Rows, Cols string
	// NoValues and TooSmall format, with the title, what is written
	// across a matrix without values or too small to draw
	// ("%s: no values", "%s: enlarge to see the matrix").
	NoValues, TooSmall string
}

// NewHeatmap returns an empty heatmap titled title that writes text.
func NewHeatmap(styles Styles, title string, text HeatmapText) Heatmap {
	return Heatmap{styles: styles, title: title, hiRow: -1, hiCol: -1, text: text}
}

// SetFirst sets the number the scroll note gives the first row and column
// (0 by default; 1 when the labels count from 1).
func (m *Heatmap) SetFirst(first int) {
	m.first = first
	m.view = m.render()
}

// SetStyles replaces the styles.
func (m *Heatmap) SetStyles(styles Styles) {
	m.styles = styles
	m.view = m.render()
}

// SetMatrix copies x into the heatmap (later changes to x do not show).
// A nil matrix empties it.
func (m *Heatmap) SetMatrix(x Matrix) {
	m.values, m.cols = nil, 0
	if x == nil {
		m.view = m.render()
		return
	}
	r, c := x.Dims()
	for i := range max(r, 0) {
		row := make([]float64, max(c, 0))
		for j := range row {
			row[j] = x.At(i, j)
		}
		m.values = append(m.values, row)
	}
	m.cols = max(c, 0)
	m.view = m.render()
}

// SetRows copies rows into the heatmap; shorter rows are padded with NaN,
// which shows as "?".
func (m *Heatmap) SetRows(rows [][]float64) {
	m.cols = 0
	for _, r := range rows {
		m.cols = max(m.cols, len(r))
	}
	m.values = make([][]float64, len(rows))
	for i, r := range rows {
		m.values[i] = make([]float64, m.cols)
		for j := range m.values[i] {
			m.values[i][j] = math.NaN()
		}
		copy(m.values[i], r)
	}
	m.view = m.render()
}

// SetLabels names the rows and columns; missing names show the index.
func (m *Heatmap) SetLabels(rows, cols []string) {
	m.rowLabels, m.colLabels = slices.Clone(rows), slices.Clone(cols)
	m.view = m.render()
}

// SetHighlight marks row and col (a negative index marks none).
func (m *Heatmap) SetHighlight(row, col int) {
	m.hiRow, m.hiCol = row, col
	m.view = m.render()
}

// SetScale fixes the magnitude shown at full strength, so successive
// matrices (weights before and after a step) compare; 0 or a non-finite
// value means the largest finite |value| of the matrix.
func (m *Heatmap) SetScale(s float64) {
	if !finite(s) || s < 0 {
		s = 0
	}
	m.scale = s
	m.view = m.render()
}

// Scale returns the magnitude shown at full strength.
func (m Heatmap) Scale() float64 {
	if m.scale > 0 {
		return m.scale
	}
	biggest := 0.0
	for _, row := range m.values {
		for _, v := range row {
			if finite(v) {
				biggest = math.Max(biggest, math.Abs(v))
			}
		}
	}
	if biggest == 0 {
		return 1
	}
	return biggest
}

// SetSize sets the size of the view in cells.
func (m *Heatmap) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.view = m.render()
}

// level returns 0 (about zero) to 4 (full strength) for |v| on scale s.
func level(v, s float64) int {
	return min(int(math.Abs(v)/s*4+0.5), 4)
}

func (m Heatmap) rowLabel(i int) string {
	if i < len(m.rowLabels) && m.rowLabels[i] != "" {
		return ansi.Truncate(m.rowLabels[i], maxRowLabel, "…")
	}
	return strconv.Itoa(i)
}

func (m Heatmap) colLabel(j int) string {
	if j < len(m.colLabels) && m.colLabels[j] != "" {
		return m.colLabels[j]
	}
	return strconv.Itoa(j)
}

// window returns the first index and count of n items shown in room slots,
// keeping focus (if any) in view, roughly centred.
func window(n, room, focus int) (start, count int) {
	if n <= room {
		return 0, n
	}
	if focus < 0 {
		return 0, room
	}
	start = min(max(focus-room/2, 0), n-room)
	return start, room
}

// View returns the heatmap as rendered by the last setter call.
func (m Heatmap) View() string { return m.view }

// render draws the heatmap at its size.
func (m Heatmap) render() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	rows, cols := len(m.values), m.cols
	if rows == 0 || cols == 0 {
		return placeholder(w, h, fmt.Sprintf(m.text.NoValues, m.title), m.styles.Placeholder)
	}
	scale := m.Scale()
	labelW := 0
	for i := range rows {
		labelW = max(labelW, ansi.StringWidth(m.rowLabel(i)))
	}
	numeric := scale < 99.995 // values then print as ±d.dd in five cells
	cellW := 6
	if !numeric || labelW+2+cols*cellW > w {
		numeric, cellW = false, 2
	}
	room := (w - labelW - 2) / cellW
	if room < 1 || h < 3 {
		return placeholder(w, h, fmt.Sprintf(m.text.TooSmall, m.title), m.styles.Placeholder)
	}
	levels := m.levelStyles(numeric)
	r0, nr := window(rows, h-2, m.hiRow)
	c0, nc := window(cols, room, m.hiCol)

	var out strings.Builder
	var scroll []string
	if nr < rows {
		scroll = append(scroll, fmt.Sprintf(m.text.Rows, r0+m.first, r0+nr-1+m.first, rows))
	}
	if nc < cols {
		scroll = append(scroll, fmt.Sprintf(m.text.Cols, c0+m.first, c0+nc-1+m.first, cols))
	}
	title := m.styles.Title.Render(m.title)
	if len(scroll) > 0 {
		title += "  " + m.styles.Muted.Render(strings.Join(scroll, " "))
	}
	// The legend goes last and only when it fits whole.
	if withLegend := title + "  " + m.legend(scale); ansi.StringWidth(withLegend) <= w {
		title = withLegend
	}
	out.WriteString(fitLine(title, w))
	out.WriteByte('\n')

	header, ok := m.numberedHeader(c0, nc, cellW, w-labelW-2)
	if !ok {
		header = m.cellHeader(c0, nc, cellW)
	}
	out.WriteString(fitLine(strings.Repeat(" ", labelW+2)+header, w))

	for i := r0; i < r0+nr; i++ {
		out.WriteByte('\n')
		label := m.rowLabel(i)
		marker := " "
		if i == m.hiRow {
			marker = "▸"
		}
		line := m.styles.Label.Render(strings.Repeat(" ", labelW-ansi.StringWidth(label))+label) + marker + " "
		for j := c0; j < c0+nc; j++ {
			line += m.cell(m.values[i][j], scale, numeric, cellW, i == m.hiRow && j == m.hiCol, &levels)
		}
		out.WriteString(fitLine(line, w))
	}
	return Fit(out.String(), w, h)
}

// cellHeader labels every column in view over its cell, right-aligned and
// cut to the cell.
func (m Heatmap) cellHeader(c0, nc, cellW int) string {
	var header strings.Builder
	for j := c0; j < c0+nc; j++ {
		label := m.colLabel(j)
		if j == m.hiCol {
			label = "▾" + label
		}
		label = ansi.Truncate(label, cellW-1, "")
		text := strings.Repeat(" ", cellW-ansi.StringWidth(label)) + label
		if j == m.hiCol {
			text = m.styles.Highlight.Render(text)
		} else {
			text = m.styles.Label.Render(text)
		}
		header.WriteString(text)
	}
	return header.String()
}

// labelSteps are the steps between numbered columns' labels, the first
// that leaves room for every label used.
var labelSteps = []int{1, 5, 10, 25, 50, 100, 250, 500, 1000}

// numberedHeader labels columns numbered by their labels whose numbers
// are wider than a cell: every step-th number (5, 10, 15 …), the first
// column in view and the highlighted one (▾12), each starting at its
// column's cell and kept one cell from the next, in w cells. It reports
// false when some column in view is not labelled by a whole number, or
// every label fits its cell (cellHeader then labels each one).
func (m Heatmap) numberedHeader(c0, nc, cellW, w int) (string, bool) {
	widest := 0
	numbers := make([]int, nc)
	for j := c0; j < c0+nc; j++ {
		n, err := strconv.Atoi(m.colLabel(j))
		if err != nil {
			return "", false
		}
		numbers[j-c0] = n
		widest = max(widest, ansi.StringWidth(m.colLabel(j)))
	}
	if widest < cellW || w <= 0 {
		return "", false
	}
	step := labelSteps[len(labelSteps)-1]
	for _, s := range labelSteps {
		if s*cellW >= widest+1 {
			step = s
			break
		}
	}
	line := []rune(strings.Repeat(" ", w))
	taken := make([]bool, w)
	highlight := [2]int{-1, -1} // the highlighted label's first and end cell
	place := func(j int, label string) bool {
		start := (j - c0) * cellW
		end := start + ansi.StringWidth(label)
		if end > w {
			return false
		}
		for x := max(start-1, 0); x < min(end+1, w); x++ {
			if taken[x] {
				return false
			}
		}
		for i, r := range []rune(label) {
			line[start+i] = r
			taken[start+i] = true
		}
		if j == m.hiCol {
			highlight = [2]int{start, end}
		}
		return true
	}
	if m.hiCol >= c0 && m.hiCol < c0+nc {
		place(m.hiCol, "▾"+m.colLabel(m.hiCol))
	}
	for j := c0; j < c0+nc; j++ {
		if numbers[j-c0]%step == 0 {
			place(j, m.colLabel(j))
		}
	}
	place(c0, m.colLabel(c0))
	if highlight[0] < 0 {
		return m.styles.Label.Render(string(line)), true
	}
	return m.styles.Label.Render(string(line[:highlight[0]])) +
		m.styles.Highlight.Render(string(line[highlight[0]:highlight[1]])) +
		m.styles.Label.Render(string(line[highlight[1]:])), true
}

// levelStyles returns the style of each sign (0 positive, 1 negative) and
// level 1–4, built once per render rather than once per cell.
func (m Heatmap) levelStyles(numeric bool) [2][4]lipgloss.Style {
	var styles [2][4]lipgloss.Style
	for sign, ramp := range [2][]color.Color{m.styles.HeatPositive, m.styles.HeatNegative} {
		for lvl := 1; lvl <= 4; lvl++ {
			st := lipgloss.NewStyle()
			if len(ramp) > 0 {
				c := ramp[min((lvl-1)*len(ramp)/4, len(ramp)-1)]
				if numeric {
					st = st.Background(c).Foreground(lipgloss.Color("0"))
				} else {
					st = st.Foreground(c)
				}
			}
			styles[sign][lvl-1] = st
		}
	}
	return styles
}

// cell renders one value: its text says sign and size without colour, its
// colour (by sign, stronger for larger values) says the same at a glance.
func (m Heatmap) cell(v, scale float64, numeric bool, cellW int, highlighted bool, levels *[2][4]lipgloss.Style) string {
	var text string
	lvl := 0
	switch {
	case !finite(v):
		text = "?"
	case numeric:
		lvl = level(v, scale)
		switch {
		case math.Abs(v) < 0.005: // would print as ±0.00
			text = "0"
		case v > 0:
			text = "+" + strconv.FormatFloat(v, 'f', 2, 64)
		default:
			text = "−" + strconv.FormatFloat(-v, 'f', 2, 64)
		}
	default:
		lvl = level(v, scale)
		switch {
		case lvl == 0:
			text = "·"
		case v > 0:
			text = "+" + string([]rune("░▒▓█")[lvl-1])
		default:
			text = "−" + string([]rune("░▒▓█")[lvl-1])
		}
	}
	text = strings.Repeat(" ", max(cellW-ansi.StringWidth(text), 0)) + text
	switch {
	case highlighted:
		return m.styles.Highlight.Render(text)
	case !finite(v) || lvl == 0:
		return m.styles.Muted.Render(text)
	case v < 0:
		return levels[1][lvl-1].Render(text)
	default:
		return levels[0][lvl-1].Render(text)
	}
}

// legend returns the scale: strongest negative to strongest positive.
func (m Heatmap) legend(scale float64) string {
	shades := []rune("░▒▓█")
	levels := m.levelStyles(false)
	var b strings.Builder
	b.WriteString(m.styles.Muted.Render("−" + FormatValue(scale) + " "))
	for lvl := 4; lvl >= 1; lvl-- {
		b.WriteString(levels[1][lvl-1].Render(string(shades[lvl-1])))
	}
	b.WriteString(m.styles.Muted.Render("·"))
	for lvl := 1; lvl <= 4; lvl++ {
		b.WriteString(levels[0][lvl-1].Render(string(shades[lvl-1])))
	}
	b.WriteString(m.styles.Muted.Render(" +" + FormatValue(scale)))
	return b.String()
}
