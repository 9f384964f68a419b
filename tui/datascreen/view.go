package datascreen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// View returns the Data screen as rendered after the last change.
func (s Model) View() string { return s.view }

// render draws the Data screen in its area.
func (s Model) render() string {
	if s.Width <= 0 || s.Height <= 0 {
		return ""
	}
	if s.data == nil {
		return s.Styles.Muted.Render("Loading data…")
	}
	lines := s.header()
	tabs := s.sectionTabs()
	var foot []string
	if s.prompt.active() {
		foot = strings.Split(s.prompt.view(s.Styles, s.Width), "\n")
	}
	bodyH := s.Height - len(lines) - 2 - len(foot)
	var body []string
	switch {
	case s.picking:
		body = s.pickerLines(bodyH)
	case s.wide():
		body = s.wideLines(bodyH)
	case s.section == sectionSchema:
		body = s.schemaLines(s.Width, bodyH)
	case s.section == sectionPreview:
		body = s.previewLines(s.Width, bodyH)
	default:
		body = s.distLines(s.Width, bodyH)
	}
	for len(body) < bodyH {
		body = append(body, "")
	}
	if bodyH >= 0 && len(body) > bodyH {
		body = body[:bodyH]
	}
	out := append(lines, "", tabs)
	out = append(out, body...)
	out = append(out, foot...)
	return strings.Join(out, "\n")
}

// header says where the data came from, its size, label balance and split.
func (s Model) header() []string {
	st, info := s.Styles, s.info
	key := func(k string) string { return st.Muted.Render(common.Pad(k, 9)) }
	features := 0
	for _, c := range info.Schema.Columns {
		if c.Role == "feature" {
			features++
		}
	}
	lines := []string{
		key("Source") + st.Value.Render(common.Truncate(info.Source, s.Width-9)),
		key("Rows") + common.Truncate(s.sizeLine(features), s.Width-9),
		key("Label") + s.balance(),
		key("Split") + common.Truncate(fmt.Sprintf("seed %d: train %s · validation %s · test %s (stratified)",
			info.Seed, common.Thousands(info.Train), common.Thousands(info.Val), common.Thousands(info.Test)), s.Width-9),
	}
	if c := s.data.Cohort; c != nil {
		// A label window past the log's end is one of the warnings below.
		lines = append(lines, key("Cohort")+common.Truncate(fmt.Sprintf("cutoff %s · horizon %d days · %s customers · log %s → %s · %s cancelled lines left out",
			c.Cutoff.Format(time.DateOnly), c.HorizonDays, common.Thousands(c.Customers), c.First.Format(time.DateOnly),
			c.Last.Format(time.DateOnly), common.Thousands(c.Cancelled)), s.Width-9))
	}
	for _, w := range s.data.Warnings {
		// Wrapped, not cut: the end of a warning says what was done.
		wrapped := strings.Split(lipgloss.NewStyle().Width(max(s.Width-9, 1)).Render(w), "\n")
		for i, l := range wrapped[:min(len(wrapped), 3)] {
			k := key("")
			if i == 0 {
				k = key("Warning")
			}
			lines = append(lines, k+st.Warning.Render(common.Truncate(strings.TrimRight(l, " "), s.Width-9)))
		}
	}
	return lines
}

// sizeLine gives the table's size and what the pipeline made of it.
func (s Model) sizeLine(features int) string {
	t := s.data.Table
	line := fmt.Sprintf("%s rows · %d columns · %d features → %d model inputs",
		common.Thousands(t.Rows), len(t.Columns)+1, features, s.info.Inputs)
	if d := s.info.Schema.Duplicates; d > 0 {
		line += fmt.Sprintf(" · %s duplicate training rows dropped", common.Thousands(d))
	}
	return line
}

// balance shows the label's classes with counts, shares and a bar.
func (s Model) balance() string {
	t := s.data.Table
	rate := s.info.Schema.PositiveRate // computed once at load, not per frame
	pos := int(math.Round(rate * float64(t.Rows)))
	text := fmt.Sprintf("%s  %s %s (%s)  %s %s (%s)", t.Label.Name,
		t.Label.Positive, common.Thousands(pos), common.Percent(rate), t.Label.Negative, common.Thousands(t.Rows-pos), common.Percent(1-rate))
	room := s.Width - 9 - len([]rune(text)) - 2
	if room < 10 || math.IsNaN(rate) {
		return common.Truncate(text, s.Width-9)
	}
	barW := min(room, 30)
	filled := int(math.Round(rate * float64(barW)))
	bar := s.Styles.Widget.ClassB.Render(strings.Repeat("█", filled)) + s.Styles.Widget.ClassA.Render(strings.Repeat("░", barW-filled))
	return text + "  " + bar
}

func (s Model) sectionTabs() string {
	var parts []string
	for i, n := range sectionNames {
		if dataSection(i) == s.section {
			parts = append(parts, s.Styles.TabActive.Render(n))
		} else {
			parts = append(parts, s.Styles.TabInactive.Render(n))
		}
	}
	return common.Truncate(strings.Join(parts, " "), s.Width)
}

// wide reports whether the window has room for every section at once.
func (s Model) wide() bool { return s.Width >= 170 && s.Height >= 34 }

// wideLines shows the schema and the distributions side by side and the
// preview under them; the arrow keys scroll the highlighted section.
func (s Model) wideLines(h int) []string {
	rows := len(s.info.Schema.Columns) + 1
	topH := min(max(rows, len(s.info.Dists)+2), max(h/2, 8))
	leftW := s.Width * 11 / 20
	rightW := s.Width - leftW - 3
	left := s.schemaLines(leftW, topH)
	right := s.distLines(rightW, topH)
	out := common.BesideRule(left, right, leftW, topH, s.Styles)
	out = append(out, "", s.Styles.Title.Render("Preview"))
	return append(out, s.previewLines(s.Width, h-topH-2)...)
}

// nameWidth fits the longest column name (within reason) plus a gap.
func (s Model) nameWidth() int {
	w := 8
	for _, c := range s.info.Schema.Columns {
		w = max(w, len([]rune(c.Name)))
	}
	return min(w, 28) + 2
}

// window returns the lines from the section's scroll offset that fit h,
// clamping the offset so the last page stays full.
func window(lines []string, offset, h int) []string {
	if h <= 0 {
		return nil
	}
	offset = min(offset, max(len(lines)-h, 0))
	return lines[offset:min(offset+h, len(lines))]
}

// schemaLines is the schema report as a table with a fixed header.
func (s Model) schemaLines(w, h int) []string {
	const kindW, missW = 12, 9
	// The role is spelled out in the preprocessing text too, so a narrow
	// window drops its column first.
	roleW := 0
	if w >= 100 {
		roleW = 8
	}
	nameW := min(s.nameWidth(), max(w/4, 12))
	fixed := nameW + kindW + roleW + missW
	levW := min(max((w-fixed)/3, 12), 28)
	actW := max(w-fixed-levW, 8)
	row := func(name, kind, role, miss, lev, act string) string {
		out := common.Pad(name, nameW-1) + " " + common.Pad(kind, kindW-1) + " "
		if roleW > 0 {
			out += common.Pad(role, roleW-1) + " "
		}
		return out + common.PadLeft(miss, missW-2) + "  " + common.Pad(lev, levW-1) + " " + common.Truncate(act, actW)
	}
	head := s.Styles.Header.Render(common.Pad(row("column", "kind", "role", "missing", "levels / range", "preprocessing"), w))
	cols := s.info.Schema.Columns
	if len(cols) == 0 {
		return []string{head}
	}
	sel := min(s.scroll[sectionSchema], len(cols)-1)
	// The selected column is described in full under the table, since its
	// cells may be cut.
	detail := strings.Split(lipgloss.NewStyle().Width(max(w, 1)).Render(columnDetail(cols[sel])), "\n")
	if len(detail) > 2 {
		detail = detail[:2]
	}
	rowsH := max(h-1-len(detail), 1)
	var body []string
	for i, c := range cols {
		line := row(c.Name, c.Kind.String(), c.Role, common.Thousands(c.Missing), levelsOrRange(c), c.Action)
		if i == sel {
			line = s.Styles.Selected.Render(common.Pad(line, w))
		}
		body = append(body, line)
	}
	out := append([]string{head}, window(body, max(sel-rowsH+1, 0), rowsH)...)
	for len(out) < 1+rowsH && len(out) < h-len(detail) {
		out = append(out, "")
	}
	for _, d := range detail {
		out = append(out, s.Styles.Muted.Render(d))
	}
	return out
}

// columnDetail describes one column in a sentence.
func columnDetail(c data.ColumnReport) string {
	parts := []string{c.Kind.String()}
	if c.Role != c.Kind.String() {
		parts = append(parts, c.Role)
	}
	parts = append(parts, common.Thousands(c.Missing)+" missing")
	if l := levelsOrRange(c); l != "" {
		parts = append(parts, l)
	}
	text := c.Name + ": " + strings.Join(parts, ", ")
	if c.Action != "" {
		text += " — " + c.Action
	}
	return text
}

func levelsOrRange(c data.ColumnReport) string {
	switch {
	case c.Role == "label":
		return strings.Join(c.Levels, " / ")
	case c.Kind == data.Numeric && !math.IsNaN(c.Min):
		return common.Number(c.Min) + " – " + common.Number(c.Max)
	case len(c.Levels) > 0:
		s := strings.Join(c.Levels, ", ")
		if len(c.Levels) > 4 {
			s = strings.Join(c.Levels[:4], ", ") + fmt.Sprintf(" (+%d)", len(c.Levels)-4)
		}
		return s
	}
	return c.Note
}

// previewLines shows the first rows in the table's own units.
func (s Model) previewLines(width, h int) []string {
	t := s.data.Table
	cols := append([]*data.Column(nil), t.Columns...)
	off := min(s.colOff, max(len(cols)-1, 0))
	// The id first, then the label, then the features from the offset.
	label := &data.Column{Name: t.Label.Name}
	var shown []*data.Column
	if t.IDColumn >= 0 {
		shown = append(shown, t.Columns[t.IDColumn])
		cols = append(cols[:t.IDColumn:t.IDColumn], cols[t.IDColumn+1:]...)
		off = min(off, max(len(cols)-1, 0))
	}
	shown = append(shown, label)
	shown = append(shown, cols[off:]...)
	fixed := len(shown) - len(cols[off:])
	rowW := len(strconv.Itoa(t.Rows)) + 1
	first := min(s.scroll[sectionPreview], max(t.Rows-(h-2), 0))
	last := min(first+max(h-2, 0), t.Rows)
	var widths []int
	used := rowW
	fits := 0
	for _, c := range shown {
		colW := len([]rune(c.Name))
		for r := first; r < last; r++ {
			colW = max(colW, len([]rune(s.cell(c, r))))
		}
		colW = min(colW, colCap(width)) + 2
		if used+colW > width {
			break
		}
		widths = append(widths, colW)
		used += colW
		fits++
	}
	head := common.PadLeft("#", rowW-1) + " "
	for i := range fits {
		head += common.PadLeft(shown[i].Name, widths[i]-2) + "  "
	}
	lines := []string{s.Styles.Header.Render(common.Pad(head, width))}
	for r := first; r < last; r++ {
		line := s.Styles.Muted.Render(common.PadLeft(strconv.Itoa(r+1), rowW-1)) + " "
		for i := range fits {
			line += common.PadLeft(s.cell(shown[i], r), widths[i]-2) + "  "
		}
		lines = append(lines, line)
	}
	hidden := len(shown) - fits
	note := fmt.Sprintf("rows %s–%s of %s", common.Thousands(first+1), common.Thousands(last), common.Thousands(t.Rows))
	if hidden > 0 || off > 0 {
		note += fmt.Sprintf(" · features %d–%d of %d ([ and ] scroll)", off+1, off+max(fits-fixed, 0), len(cols))
	}
	return append(lines, s.Styles.Muted.Render(common.Truncate(note, width)))
}

// cell formats one value of the preview; a column without values or
// strings stands for the label.
func (s Model) cell(c *data.Column, r int) string {
	t := s.data.Table
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
	case r < len(c.Values):
		return common.Number(c.Values[r])
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

// distLines shows every feature's distribution in each class on one line
// (the widget scales both classes as shares of their own rows, so the rare
// class is as visible as the common one).
func (s Model) distLines(w, h int) []string {
	t := s.data.Table
	st := s.Styles
	nameW := s.nameWidth()
	// Both halves: class name, a space, the bins; two cells between them.
	classW := max(len([]rune(t.Label.Negative)), len([]rune(t.Label.Positive)))
	barsW := min(2*(data.DistributionBins+classW+1)+2, max(w-nameW-12, 12))
	head := common.Pad("feature", nameW) + common.Pad("distribution by label", barsW+2) + "binned range"
	lines := []string{st.Header.Render(common.Pad(head, w))}
	var body []string
	for _, d := range s.info.Dists {
		rng := common.Number(d.Lo) + " … " + common.Number(d.Hi)
		if d.Levels != nil {
			rng = strings.Join(d.Levels, " · ")
		}
		dist := widget.NewDistribution(st.Widget, t.Label.Negative, t.Label.Positive)
		dist.SetSize(barsW, 1)
		dist.SetCounts(d.Neg, d.Pos)
		body = append(body, common.Pad(d.Name, nameW)+common.Pad(dist.View(), barsW)+"  "+
			st.Muted.Render(common.Truncate(rng, w-nameW-barsW-2)))
	}
	lines = append(lines, window(body, s.scroll[sectionDists], h-2)...)
	note := "bars are each class's share of its rows; numeric ranges are the 1st–99th percentiles, tails in the end bins"
	return append(lines, st.Muted.Render(common.Truncate(note, w)))
}

// pickerLines lists the columns that could be the label.
func (s Model) pickerLines(h int) []string {
	lines := []string{s.Styles.Title.Render("Choose the label column (two-valued columns of the file)")}
	for i, c := range s.info.Candidates {
		line := "  " + c
		if i == 0 {
			line += s.Styles.Muted.Render("  (current)")
		}
		if i == s.pick {
			line = s.Styles.Selected.Render(common.Pad("▸ "+c, s.Width/2))
		}
		lines = append(lines, line)
	}
	return window(lines, max(s.pick+2-h, 0), h)
}

// colCap is the widest a preview column may be: names are cut sooner in
// a narrow window so more columns fit.
func colCap(width int) int {
	if width >= 150 {
		return 24
	}
	return 16
}
