package datascreen

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// nameWidth fits the longest column name (within reason) plus a gap.
func (s Model) nameWidth() int {
	w := 8
	for _, c := range s.info.Schema.Columns {
		w = max(w, ansi.StringWidth(c.Name))
	}
	return min(w, 28) + 2
}

// kindName is a column kind in the interface's language.
func (s Model) kindName(k data.Kind) string {
	switch k {
	case data.Numeric:
		return s.T("numeric", "数值")
	case data.Boolean:
		return s.T("boolean", "布尔")
	case data.Categorical:
		return s.T("categorical", "类别")
	case data.ID:
		return s.T("id", "标识")
	case data.Constant:
		return s.T("constant", "常量")
	}
	return k.String()
}

// kindOf is a column's kind as the schema shows it: text with too many
// levels to be a category, or that looks like numbers written with a
// decimal comma, is "text", not an identifier.
func (s Model) kindOf(c data.ColumnReport) string {
	if c.Kind == data.ID && (c.Why.Kind == data.ReasonTooManyLevels || c.Why.DecimalComma[0] != "") {
		return s.T("text", "文本")
	}
	if c.Date && c.Kind == data.Numeric {
		return s.T("date", "日期")
	}
	return s.kindName(c.Kind)
}

// roleName is a column's role in the interface's language.
func (s Model) roleName(role string) string {
	switch role {
	case "feature":
		return s.T("feature", "特征")
	case "label":
		return s.T("label", "标签")
	case "id":
		return s.T("id", "标识")
	case "dropped":
		return s.T("dropped", "未使用")
	case "excluded":
		return s.T("excluded", "已排除")
	}
	return role
}

// selected returns the index of the selected schema column.
func (s Model) selected() int {
	return min(s.scroll[sectionSchema], len(s.info.Schema.Columns)-1)
}

// schemaLines is the schema report as a table with a fixed header; with
// details, the selected column is described in full under it, since its
// cells may be cut.
func (s Model) schemaLines(w, h int, details bool) []string {
	sw := s.schemaWidths(w)
	nameW, kindW, roleW, missW, levW, actW := sw.name, sw.kind, sw.role, sw.miss, sw.lev, sw.act
	row := func(name, kind, role, miss, lev, act string) string {
		out := common.Pad(name, nameW-1) + " " + common.Pad(kind, kindW-1) + " "
		if roleW > 0 {
			out += common.Pad(role, roleW-1) + " "
		}
		return out + common.PadLeft(miss, missW-2) + "  " + common.Pad(lev, levW-1) + " " + common.Truncate(act, actW)
	}
	head := s.Styles.Header.Render(common.Pad(row(s.T("column", "列"), s.T("kind", "类型"), s.T("role", "角色"),
		s.T("missing", "缺失"), s.T("levels / range", "取值 / 范围"), s.T("preprocessing", "预处理")), w))
	cols := s.info.Schema.Columns
	if len(cols) == 0 {
		return []string{head}
	}
	sel := s.selected()
	var detail []string
	if details {
		// In full where the window has room: below the table's rows, or
		// taken from them down to schemaRows (the table scrolls); cut
		// (with …) only past that, and never to fewer than two lines.
		room := max(h-1-min(len(cols), schemaRows), 2)
		detail = wrap(s.columnDetail(cols[sel]), w, room)
	}
	rowsH := max(h-1-len(detail), 1)
	var body []string
	for i, c := range cols {
		line := row(c.Name, s.kindOf(c), s.roleName(c.Role), common.Thousands(c.Missing), s.levelsCell(c, levW-1), s.action(c))
		if i == sel {
			line = s.Styles.Selected.Render(common.Pad(line, w))
		}
		body = append(body, line)
	}
	out := append([]string{head}, s.schemaWindow(body, sel, rowsH, w)...)
	for len(out) < 1+rowsH && len(out) < h-len(detail) {
		out = append(out, "")
	}
	for _, d := range detail {
		out = append(out, s.Styles.Muted.Render(d))
	}
	return out
}

// schemaColumns are the widths of the schema table's columns.
type schemaColumns struct {
	name, kind, role, miss, lev, act int
}

// schemaWidths lays the schema table's columns out on w cells.
func (s Model) schemaWidths(w int) schemaColumns {
	kindW := max(ansi.StringWidth(s.kindName(data.Categorical)), 6) + 1
	const missW = 9
	// The role is spelled out in the preprocessing text too, so a narrow
	// window drops its column first.
	roleW := 0
	if w >= 100 {
		// As wide as the longest role and a space: "excluded" whole.
		roleW = 8
		for _, r := range []string{"feature", "label", "id", "dropped", "excluded"} {
			roleW = max(roleW, ansi.StringWidth(s.roleName(r))+1)
		}
	}
	nameW := min(s.nameWidth(), max(w*3/10, 12)) // names stay whole at 80 columns where they can
	fixed := nameW + kindW + roleW + missW
	levW := min(max((w-fixed)/3, 16), 30)
	// No wider than its widest cell: the rest goes to the preprocessing.
	levW = min(levW, max(s.levelsWidth(), ansi.StringWidth(s.T("levels / range", "取值 / 范围")))+2)
	// A range is never cut inside a number: its column widens for the
	// widest range, taking from the preprocessing text (which the detail
	// line gives in full) down to minActW, and a range still too wide is
	// written shorter (rangeCell).
	const minActW = 16
	if need := s.rangeWidth() + 1; need > levW {
		levW = max(levW, min(need, w-fixed-minActW))
	}
	return schemaColumns{name: nameW, kind: kindW, role: roleW, miss: missW, lev: levW, act: max(w-fixed-levW, 8)}
}

// actionWidth is the width of the widest preprocessing text.
func (s Model) actionWidth() int {
	w := 0
	for _, c := range s.info.Schema.Columns {
		w = max(w, ansi.StringWidth(s.action(c)))
	}
	return w
}

// Widths of the wide layout's column panel: it narrows from its widest to
// its narrowest while the schema's preprocessing texts are cut.
const (
	minPanelW = 44
	maxPanelW = 72
)

// panelWidth is the width of the selected column's panel beside the
// schema: two fifths of the screen within [minPanelW, maxPanelW], less
// (down to minPanelW) while the table's preprocessing column cuts its
// texts. At 200 columns the panel kept 72 cells, mostly empty, while the
// texts beside it were cut at 45.
func (s Model) panelWidth() int {
	panelW := min(max(s.Width*2/5, minPanelW), maxPanelW)
	if short := s.actionWidth() - s.schemaWidths(s.Width-panelW-3).act; short > 0 {
		panelW = max(panelW-short, min(minPanelW, panelW))
	}
	return panelW
}

// wideSchemaLines sets the schema and the selected column's panel (its
// description in full and its distribution by label) side by side.
func (s Model) wideSchemaLines(h int) []string {
	panelW := s.panelWidth()
	leftW := s.Width - panelW - 3
	left := s.schemaLines(leftW, h, false)
	var right []string
	if cols := s.info.Schema.Columns; len(cols) > 0 {
		right = s.panelLines(cols[s.selected()], panelW, h)
	}
	return common.BesideRule(left, right, leftW, h, s.Styles)
}

// panelLines describes one column in full: its kind, role and missing
// cells, its levels or range, its preprocessing, then its distribution in
// each label class.
func (s Model) panelLines(c data.ColumnReport, w, h int) []string {
	st := s.Styles
	out := []string{st.Title.Render(common.TruncateCell(c.Name, w))}
	what := s.kindOf(c)
	if c.Role != c.Kind.String() {
		what += " · " + s.roleName(c.Role)
	}
	out = append(out, wrap(s.Tf("%s · %s missing", "%s · 缺失 %s", what, common.Thousands(c.Missing)), w, 1)...)
	if l := s.levelsOrRange(c, false); l != "" {
		out = append(out, wrap(l, w, 3)...)
	}
	// The preprocessing in full where the pane has room, keeping three
	// lines for the distribution under it (a blank, its title, a line),
	// and cut (with …) only past that: its advice (--date-order for
	// ambiguous dates, say) is at its end.
	room := h - len(out)
	if s.hasDist(c.Name) {
		room -= 3
	}
	for _, l := range wrap(s.action(c), w, max(room, 4)) {
		out = append(out, st.Muted.Render(l))
	}
	for _, d := range s.info.Dists {
		if d.Name != c.Name {
			continue
		}
		out = append(out, "", st.Title.Render(s.T("By label", "按标签")))
		if d.Levels != nil {
			out = append(out, s.levelLines(d, w, 0, 0)...)
		} else {
			out = append(out, s.numericBlock(d, w, min(4, max(h-len(out)-2, 1)))...)
		}
	}
	return out
}

// hasDist reports whether the column named name has a distribution by
// label to show.
func (s Model) hasDist(name string) bool {
	return slices.ContainsFunc(s.info.Dists, func(d data.FeatureDistribution) bool { return d.Name == name })
}

// columnDetail describes one column in a sentence.
func (s Model) columnDetail(c data.ColumnReport) string {
	parts := []string{s.kindOf(c)}
	if c.Role != c.Kind.String() {
		parts = append(parts, s.roleName(c.Role))
	}
	parts = append(parts, s.Tf("%s missing", "缺失 %s", common.Thousands(c.Missing)))
	if l := s.levelsOrRange(c, true); l != "" {
		parts = append(parts, l)
	}
	text := c.Name + s.T(": ", "：") + strings.Join(parts, s.T(", ", "，"))
	if h := s.codeHint(c.Name); h != "" {
		// Before the preprocessing, which the row shows in part already.
		text += " — " + h
	}
	if a := s.action(c); a != "" {
		text += " — " + a
	}
	return text
}

// hasRange reports whether a column's levels-or-range cell is its range.
func hasRange(c data.ColumnReport) bool {
	return c.Role != "label" && c.Kind == data.Numeric && !math.IsNaN(c.Min)
}

// constantFeature reports a numeric feature with one value in every row
// (an order log's frequency when no customer bought twice): its range
// reads "1 (constant)", not "1 – 1".
func constantFeature(c data.ColumnReport) bool {
	return c.Role == "feature" && hasRange(c) && c.Min == c.Max && c.Missing == 0
}

// rangeWidth is the width of the widest range as levelsOrRange writes it.
func (s Model) rangeWidth() int {
	w := 0
	for _, c := range s.info.Schema.Columns {
		if hasRange(c) {
			w = max(w, ansi.StringWidth(s.levelsOrRange(c, true)))
		}
	}
	return w
}

// levelsWidth is the width of the widest levels-or-range text.
func (s Model) levelsWidth() int {
	w := 0
	for _, c := range s.info.Schema.Columns {
		w = max(w, ansi.StringWidth(s.levelsOrRange(c, true)))
	}
	return w
}

// levelsCell is levelsOrRange for a table cell w wide: a range too wide
// is written shorter (rangeCell), never cut inside a number.
func (s Model) levelsCell(c data.ColumnReport, w int) string {
	if hasRange(c) && !constantFeature(c) {
		if cell, ok := rangeCell(c.Min, c.Max, c.Date, w); ok {
			return cell
		}
	}
	return s.levelsOrRange(c, true)
}

// showsReason reports whether levelsOrRange gives the column's reason
// (it has neither levels nor a range to show).
func (s Model) showsReason(c data.ColumnReport) bool {
	return c.Role != "label" && !hasRange(c) && len(c.Levels) == 0 && c.Why.Kind != data.ReasonTooManyLevels &&
		s.reason(c.Why) != ""
}

// levelsOrRange lists a column's levels (the first four when short) or
// its range; without either, why the column has its kind.
func (s Model) levelsOrRange(c data.ColumnReport, short bool) string {
	switch {
	case c.Role == "label":
		return strings.Join(c.Levels, " / ")
	case constantFeature(c) && c.Date:
		return s.Tf("%s (constant)", "%s（常量）", data.FormatDay(c.Min))
	case constantFeature(c):
		return s.Tf("%s (constant)", "%s（常量）", num(c.Min))
	case c.Kind == data.Numeric && c.Date && !math.IsNaN(c.Min):
		return data.FormatDay(c.Min) + " – " + data.FormatDay(c.Max)
	case c.Kind == data.Numeric && !math.IsNaN(c.Min):
		return num(c.Min) + " – " + num(c.Max)
	case c.Why.Kind == data.ReasonPresence && short:
		return s.Tf("blank, %s", "空白、%s", c.Levels[1])
	case c.Why.Kind == data.ReasonPresence:
		return s.reason(c.Why)
	case len(c.Levels) > 4 && short:
		return strings.Join(c.Levels[:4], ", ") + s.Tf(" (+%d)", "（另 %d 个）", len(c.Levels)-4)
	case len(c.Levels) > 0:
		return strings.Join(c.Levels, ", ")
	case c.Why.Kind == data.ReasonTooManyLevels:
		// The limit it passed is in the action beside it.
		return s.Tf("%d levels", "%d 个取值", c.Why.Distinct)
	}
	return s.reason(c.Why)
}

// schemaWindow is the rows of the schema table that fit h lines, following
// the selected row sel; when columns are left below, the last line counts
// them ("↓ 3 more columns"), so the label at the end is known to be there.
func (s Model) schemaWindow(body []string, sel, h, w int) []string {
	top := min(max(sel-h+1, 0), max(len(body)-h, 0))
	if top+h >= len(body) || h < 3 {
		return window(body, top, h)
	}
	n := h - 1
	top = min(max(sel-n+1, 0), len(body)-n)
	below := len(body) - top - n
	more := s.Styles.Muted.Render(common.Truncate(s.T("↓ "+common.Plural(below, "more column", "more columns"),
		"↓ 下面还有 "+common.Thousands(below)+" 列"), w))
	return append(slices.Clone(body[top:top+n]), more)
}
