package planscreen

import (
	"fmt"
	"maps"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Levers are the feature columns the platform can influence (coupons, time
// in the app…), marked on a checklist the l key opens. They are the run's:
// each run keeps its own while the session lasts, whichever screen or run
// is looked at in between. The TUI writes no model file, so they are not
// saved with the model (`retain train --levers` does that).

// leverKeys are the checklist's keys.
type leverKeys struct {
	Open         key.Binding
	Up, Down     key.Binding
	Toggle       key.Binding
	Apply, Close key.Binding
}

func defaultLeverKeys(c common.Common) leverKeys {
	return leverKeys{
		Open:   key.NewBinding(key.WithKeys("l"), key.WithHelp("l", c.T("levers", "可调因素"))),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("move", "移动"))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", c.T("down", "下移"))),
		Toggle: key.NewBinding(key.WithKeys("space"), key.WithHelp(c.T("space", "空格"), c.T("mark, ↑, ↓, unmark", "勾选、↑、↓、取消"))),
		Apply:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("apply", "应用"))),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("cancel", "取消"))),
	}
}

// checklist is the open list of the run's feature columns, marks as they
// are being edited: each column's mark is one of the leverMark values.
type checklist struct {
	marks  []leverMark
	cursor int
}

// leverMark is how a column is marked: not a lever, a lever tried both
// ways, or (numeric columns) only up or only down, as --levers COLUMN:up
// and COLUMN:down say.
type leverMark int

const (
	unmarked leverMark = iota
	bothWays
	upOnly
	downOnly
)

// dir is the mark's direction as experiment.LeverSpec takes it.
func (m leverMark) dir() int {
	switch m {
	case upOnly:
		return 1
	case downOnly:
		return -1
	}
	return 0
}

// spec writes the lever as --levers takes it ("" for unmarked).
func (m leverMark) spec(column string) string {
	if m == unmarked {
		return ""
	}
	return experiment.LeverSpec(column, m.dir())
}

// box is the mark as the checklist draws it.
func (m leverMark) box() string {
	switch m {
	case bothWays:
		return "[x] "
	case upOnly:
		return "[↑] "
	case downOnly:
		return "[↓] "
	}
	return "[ ] "
}

// markOf reads the run's lever for column, if it has one, back into its
// mark; columns are the run's feature columns.
func markOf(levers []string, column string, columns []string) leverMark {
	for _, l := range levers {
		if name, dir := experiment.ParseLever(l, columns); name == column {
			switch {
			case dir > 0:
				return upOnly
			case dir < 0:
				return downOnly
			}
			return bothWays
		}
	}
	return unmarked
}

// levers are the analysed run's levers (nil: none marked).
func (s Model) levers() []string { return s.leversOf[s.run.Number] }

// openLevers opens the checklist with the run's levers marked.
func (s *Model) openLevers() {
	cols := s.base.columns
	c := &checklist{marks: make([]leverMark, len(cols))}
	for i, name := range cols {
		c.marks[i] = markOf(s.levers(), name, cols)
	}
	s.picking = c
}

// leverKey handles a key while the checklist is open: enter applies the
// marks and returns the Cmd planning with them.
func (s Model) leverKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	c := s.picking
	switch {
	case key.Matches(k, s.leverKeys.Close):
		s.picking = nil
	case key.Matches(k, s.leverKeys.Up):
		c.cursor = max(c.cursor-1, 0)
	case key.Matches(k, s.leverKeys.Down):
		c.cursor = min(c.cursor+1, len(c.marks)-1)
	case key.Matches(k, s.leverKeys.Toggle) && len(c.marks) > 0:
		// Marked, then (a numeric column) up only, down only, unmarked.
		m := c.marks[c.cursor] + 1
		if _, numeric := s.base.fills[s.base.columns[c.cursor]]; m > downOnly || (m > bothWays && !numeric) {
			m = unmarked
		}
		c.marks[c.cursor] = m
	case key.Matches(k, s.leverKeys.Apply):
		var chosen []string
		for i, m := range c.marks {
			if m != unmarked {
				chosen = append(chosen, m.spec(s.base.columns[i]))
			}
		}
		// The map is shared by copies of the screen: it is replaced, never
		// written to.
		next := maps.Clone(s.leversOf)
		if next == nil {
			next = map[int][]string{}
		}
		next[s.run.Number] = chosen
		s.leversOf, s.picking = next, nil
		cmd := s.request(-1)
		s.render()
		return s, cmd
	}
	s.render()
	return s, nil
}

// checklistLines draws the checklist in the screen's height.
func (s Model) checklistLines() []string {
	st := s.Styles
	c := s.picking
	out := []string{
		st.Title.Render(common.Truncate(s.T("Levers: the columns the platform can influence", "可调因素：平台能够影响的列"), s.Width)),
		st.Muted.Render(common.Truncate(s.T("space: mark, again ↑ up only, ↓ down only · enter applies · esc cancels",
			"空格：勾选，再按 ↑ 只升、↓ 只降 · enter 应用 · esc 取消"), s.Width)),
		"",
	}
	rows := max(s.Height-len(out), 1)
	scrolls := len(c.marks) > rows
	if scrolls {
		rows = max(rows-2, 1) // a line above and one below say what is out of view
	}
	top := max(min(c.cursor-rows/2, len(c.marks)-rows), 0)
	end := min(top+rows, len(c.marks))
	if scrolls {
		out = append(out, s.outOfView(c.marks[:top], true))
	}
	for i := top; i < end; i++ {
		line := c.marks[i].box() + s.base.columns[i]
		if i == c.cursor {
			line = st.Value.Render("› " + line)
		} else {
			line = "  " + line
		}
		out = append(out, common.Truncate(line, s.Width))
	}
	if scrolls {
		out = append(out, s.outOfView(c.marks[end:], false))
	}
	return out
}

// outOfView counts the checklist's columns above (or below) the window,
// and how many of them are marked: "↓ 3 more below (1 marked)"; "" when
// there are none.
func (s Model) outOfView(marks []leverMark, above bool) string {
	if len(marks) == 0 {
		return ""
	}
	marked := 0
	for _, m := range marks {
		if m != unmarked {
			marked++
		}
	}
	text := s.Tf("↓ %d more below", "↓ 下面还有 %d 列", len(marks))
	if above {
		text = s.Tf("↑ %d more above", "↑ 上面还有 %d 列", len(marks))
	}
	if marked > 0 {
		text += s.Tf(" (%d marked)", "（其中 %d 列已勾选）", marked)
	}
	return s.Styles.Muted.Render(common.Truncate(text, s.Width))
}

// leverLine says which levers the plan tries, its label padded to labelW
// as the inputs' are.
func (s Model) leverLine(labelW int) string {
	label := common.Pad(s.T("l levers", "l 可调因素"), labelW) + "  "
	l := s.levers()
	if len(l) == 0 {
		return common.Truncate(label+s.Styles.Muted.Render(s.T("none: mark what the platform can influence",
			"无：请勾选平台能影响的列")), s.Width)
	}
	shown := make([]string, len(l))
	for i, spec := range l {
		shown[i] = s.leverName(spec)
	}
	return common.Truncate(label+s.Styles.Value.Render(strings.Join(shown, s.T(", ", "，"))), s.Width)
}

// leverName shows a lever as the checklist marks it: "tenure ↑" for
// "tenure:up", "tenure ↓" for "tenure:down", a column alone for both ways.
func (s Model) leverName(spec string) string {
	column, dir := experiment.ParseLever(spec, s.base.columns)
	switch {
	case dir > 0:
		return column + " ↑"
	case dir < 0:
		return column + " ↓"
	}
	return column
}

// leverText writes a lever move as "CouponUsed 0 → 2: P 0.41 → 0.28", or
// on a narrow screen "CouponUsed 0 → 2: 0.41 → 0.28" ("" for none); a value
// the model clipped shows, when there is room, the bound it counts it as
// ("9 (model: 6.2) → 4").
func (s Model) leverText(m *experiment.LeverMove, narrow bool) string {
	if m == nil {
		return ""
	}
	// The values grouped by thousands, as every other figure is.
	fromV, to, model := common.GroupDigits(m.From), common.GroupDigits(m.To), common.GroupDigits(m.Model)
	if narrow { // the probability's change must stay on screen
		// The user's own value: the model counts it as its bound, which
		// moves P the same.
		return fmt.Sprintf("%s %s → %s: %.2f → %.2f", m.Column, fromV, to, m.Before, m.After)
	}
	from := fromV
	if m.Model != "" {
		from = s.Tf("%s (model: %s)", "%s（模型按 %s）", fromV, model)
	}
	return fmt.Sprintf("%s %s → %s: P %.2f → %.2f", m.Column, from, to, m.Before, m.After)
}
