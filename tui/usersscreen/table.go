package usersscreen

import (
	"strings"

	"github.com/retainlab/retain/experiment"
)

// sortMode is the order of the Users table.
type sortMode int

const (
	// sortProbDesc puts the users most likely to have the target's outcome
	// first (highest P(positive) first, or lowest when the outcome is the
	// negative class); ties in row order.
	sortProbDesc sortMode = iota
	// sortProbAsc is the other way round: least likely first.
	sortProbAsc
	sortRow // file order
	sortModes
)

// truthFilter keeps all users, the correctly or the wrongly predicted.
type truthFilter int

const (
	truthAll truthFilter = iota
	truthCorrect
	truthWrong
	truthFilters
)

// userList is the Users table's window onto a usersData: the order, the
// filters, the rows passing them, the cursor and the first visible row.
// Only the visible window is ever turned into text.
type userList struct {
	users *usersData
	sort  sortMode
	// band filters one band: 0 shows every band, k band k−1 of bands.
	band  int
	bands experiment.Banding // the users' bands by the target's score
	// chosen is the user's target (common.TargetMsg), if any; target the
	// one in use; scheme how the ranked users are banded.
	chosen *experiment.Target
	target experiment.Target
	scheme experiment.BandScheme
	truth  truthFilter
	// threshold is the decision threshold right and wrong are judged at.
	threshold float64
	shown     []int32 // the rows passing the filters, in order; may alias an order
	cursor    int     // index into shown
	offset    int     // index into shown of the first visible row
	height    int     // visible rows
}

// setUsers replaces the data, keeping the order and filters, and selects
// the row that was selected before if it is still shown.
func (l *userList) setUsers(u *usersData) {
	prev := l.selected()
	l.users = u
	l.rebands()
	l.refilter()
	if prev >= 0 {
		l.selectRow(prev)
	}
}

// refilter rebuilds shown from the chosen order and filters. Without a
// filter it aliases the precomputed order: no copy of a million indices.
func (l *userList) refilter() {
	if l.users == nil {
		l.shown = nil
		return
	}
	// The target's outcome most likely first: P(positive) descending, or
	// ascending when the outcome is the negative class (byProbAscFirst
	// keeps ties in row order); least likely first the other way round.
	likely, unlikely := l.users.byProbDesc, l.users.byProbAsc
	if !l.target.OnPositive {
		likely, unlikely = l.users.byProbAscFirst, l.users.byProbDesc
	}
	order := likely
	switch l.sort {
	case sortProbAsc:
		order = unlikely
	case sortRow:
		order = l.users.byRow
	}
	if l.band == 0 && l.truth == truthAll {
		l.shown = order
	} else {
		kept := make([]int32, 0, len(order)/4)
		for _, r := range order {
			if l.keeps(int(r)) {
				kept = append(kept, r)
			}
		}
		l.shown = kept
	}
	l.cursor = min(l.cursor, max(len(l.shown)-1, 0))
	l.scroll()
}

func (l *userList) keeps(r int) bool {
	u := l.users
	if l.band != 0 && l.bands.Of[r] != l.band-1 {
		return false
	}
	switch l.truth {
	case truthCorrect:
		return u.correct(r, l.threshold)
	case truthWrong:
		return !u.correct(r, l.threshold)
	}
	return true
}

// selected returns the table row under the cursor, or −1.
func (l *userList) selected() int {
	if l.cursor < 0 || l.cursor >= len(l.shown) {
		return -1
	}
	return int(l.shown[l.cursor])
}

// selectRow moves the cursor to a table row if it is shown.
func (l *userList) selectRow(r int) bool {
	for i, s := range l.shown {
		if int(s) == r {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

// move moves the cursor by delta rows, clamped.
func (l *userList) move(delta int) {
	if len(l.shown) == 0 {
		return
	}
	l.cursor = min(max(l.cursor+delta, 0), len(l.shown)-1)
	l.scroll()
}

// setHeight sets the number of visible rows.
func (l *userList) setHeight(h int) {
	l.height = max(h, 1)
	l.scroll()
}

// scroll keeps the cursor inside the visible window.
func (l *userList) scroll() {
	h := max(l.height, 1)
	if l.cursor < l.offset {
		l.offset = l.cursor
	}
	if l.cursor >= l.offset+h {
		l.offset = l.cursor - h + 1
	}
	l.offset = min(max(l.offset, 0), max(len(l.shown)-h, 0))
}

// visible returns the rows in the window.
func (l *userList) visible() []int32 {
	end := min(l.offset+max(l.height, 1), len(l.shown))
	if l.offset >= end {
		return nil
	}
	return l.shown[l.offset:end]
}

// searchExact moves the cursor to the shown user whose id is query
// (ignoring case) and reports whether there is one.
func (l *userList) searchExact(query string) bool {
	for i, r := range l.shown {
		if strings.EqualFold(l.users.id(int(r)), query) {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}

// searchPrefix moves the cursor to the next shown user, from position
// from and wrapping around, whose id starts with query (ignoring case).
// It reports whether one does.
func (l *userList) searchPrefix(query string, from int) bool {
	if query == "" || len(l.shown) == 0 {
		return false
	}
	n := len(l.shown)
	for k := range n {
		i := (from + k) % n
		id := l.users.id(int(l.shown[i]))
		if len(id) >= len(query) && strings.EqualFold(id[:len(query)], query) {
			l.cursor = i
			l.scroll()
			return true
		}
	}
	return false
}
