package usersscreen

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Filtering and searching a million users takes tens of milliseconds, too
// long for Update: both run in Cmds while the table keeps showing the
// previous rows. Each request takes a new generation number and a result
// of an older one is dropped, so only the latest request ever lands.

// FilterMsg carries the rows passing the filters asked for with generation
// gen, in order.
type FilterMsg struct {
	gen  int
	kind orderKind
	rows []int32
	top  bool  // select the first row rather than keep the selected one
	plan *plan // the new target and bands (replan), nil for a filter
}

// plan is the target, the bands by it and the band filter a replan made.
type plan struct {
	target experiment.Target
	bands  experiment.Banding
	band   int
}

// FindMsg carries the result of the search asked for with generation gen:
// the table row found, or −1.
type FindMsg struct {
	gen   int
	query string
	row   int
}

// refilterKeeping applies the current order and filters and keeps the
// selected user (row) selected when it still passes. An order without a
// filter is a precomputed slice and is shown at once; a filter runs in the
// returned Cmd (the table shows "filtering…" meanwhile).
func (s *Model) refilterKeeping(row int) tea.Cmd {
	l := &s.list
	if l.users == nil {
		return nil
	}
	l.gen++
	f := l.spec()
	if !f.filtered() {
		l.filtering = false
		l.shown, l.shownKind = f.rows(), f.kind
		return s.keep(row)
	}
	l.filtering = true
	gen, top := l.gen, row < 0
	return func() tea.Msg { return FilterMsg{gen: gen, kind: f.kind, rows: f.rows(), top: top} }
}

// filtered shows the rows of the latest filter (step drops stale ones),
// keeping the user selected now selected when it passes.
func (s *Model) filtered(msg FilterMsg) tea.Cmd {
	l := &s.list
	row := l.selected()
	if msg.top {
		row = -1
	}
	l.filtering = false
	if p := msg.plan; p != nil {
		l.target, l.bands, l.band = p.target, p.bands, p.band
	}
	l.shown, l.shownKind = msg.rows, msg.kind
	return s.keep(row)
}

// keep selects row when shown (else the first row) after shown changed,
// and returns the Cmd explaining the user when the selection moved.
func (s *Model) keep(row int) tea.Cmd {
	l := &s.list
	if row < 0 || !l.selectRow(row) {
		l.cursor, l.offset = 0, 0
		l.scroll()
	}
	if l.selected() != row {
		return s.selectionChanged()
	}
	return nil
}

// find looks for the last query among the shown users in a Cmd: a fresh
// search selects the user whose id is exactly the query, else the first
// whose id starts with it; n (fresh false) moves to the next such user
// after position from.
func (s *Model) find(from int, fresh bool) tea.Cmd {
	if s.query == "" || s.list.users == nil {
		return nil
	}
	s.findGen++
	gen, u, shown, query := s.findGen, s.list.users, s.list.shown, s.query
	s.status = s.say(func(s Model) string { return s.Tf("searching for %s…", "正在查找 %s…", common.Short(query)) })
	return func() tea.Msg {
		i := -1
		if fresh {
			i = findExact(u, shown, query)
		}
		if i < 0 {
			i = findPrefix(u, shown, query, from)
		}
		row := -1
		if i >= 0 {
			row = int(shown[i])
		}
		return FindMsg{gen: gen, query: query, row: row}
	}
}

// found selects the user the latest search found (step drops stale
// searches), if still shown.
func (s *Model) found(msg FindMsg) tea.Cmd {
	before := s.list.selected()
	if msg.row >= 0 && s.list.selectRow(msg.row) {
		s.status = s.say(func(s Model) string { return s.T("found ", "找到 ") + s.list.users.id(msg.row) })
	} else {
		s.status = s.say(func(s Model) string {
			return s.Tf("no shown user's id is or starts with %s", "没有显示中的用户 id 等于或以 %s 开头", common.Short(msg.query))
		})
	}
	if s.list.selected() != before {
		return s.selectionChanged()
	}
	return nil
}
