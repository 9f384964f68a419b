package usersscreen

import (
	"sort"
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
	shownKind orderKind
	// gen counts the filters asked for; a FilterMsg of an older one is
	// dropped. filtering is set while the latest one runs.
	gen       int
	filtering bool
	cursor    int // index into shown
	offset    int // index into shown of the first visible row
	height    int // visible rows
}

// setUsers replaces the data, keeping the order and filters, and selects
// the row that was selected before if it is still shown.
func (l *userList) setUsers(u *usersData) {
	prev := l.selected()
	l.users = u
	l.gen++ // a filter still running was over the previous users
	l.filtering = false
	l.rebands()
	l.refilter()
	if prev >= 0 {
		l.selectRow(prev)
	}
}

// refilter rebuilds shown from the chosen order and filters, in the
// caller's goroutine (Model.refilterKeeping does it in a Cmd).
func (l *userList) refilter() {
	if l.users == nil {
		l.shown = nil
		return
	}
	f := l.spec()
	l.shown, l.shownKind = f.rows(), f.kind
	l.cursor = min(l.cursor, max(len(l.shown)-1, 0))
	l.scroll()
}

// spec captures the order and filters in use, to be applied now or in a Cmd.
func (l *userList) spec() filterSpec {
	// The target's outcome most likely first: P(positive) descending, or
	// ascending when the outcome is the negative class (byProbAscFirst
	// keeps ties in row order); least likely first the other way round.
	likely, unlikely := orderDesc, orderAsc
	if !l.target.OnPositive {
		likely, unlikely = orderAscFirst, orderDesc
	}
	kind := likely
	switch l.sort {
	case sortProbAsc:
		kind = unlikely
	case sortRow:
		kind = orderRow
	}
	return filterSpec{users: l.users, kind: kind, band: l.band, bandOf: l.bands.Of, truth: l.truth, threshold: l.threshold}
}

// filterSpec is an order and the filters over it: all a filter needs, so
// that it can run in a Cmd while the list changes.
type filterSpec struct {
	users     *usersData
	kind      orderKind
	band      int   // 0: every band, k: band k−1
	bandOf    []int // each row's band
	truth     truthFilter
	threshold float64
}

// filtered reports whether the spec drops any row.
func (f filterSpec) filtered() bool { return f.band != 0 || f.truth != truthAll }

// rows returns the rows passing the filters, in order. Without a filter it
// aliases the precomputed order: no copy of a million indices.
func (f filterSpec) rows() []int32 {
	order := f.users.order(f.kind)
	if !f.filtered() {
		return order
	}
	kept := make([]int32, 0, len(order)/4)
	for _, r := range order {
		if f.keeps(int(r)) {
			kept = append(kept, r)
		}
	}
	return kept
}

func (f filterSpec) keeps(r int) bool {
	u := f.users
	if f.band != 0 && f.bandOf[r] != f.band-1 {
		return false
	}
	switch f.truth {
	case truthCorrect:
		return u.correct(r, f.threshold)
	case truthWrong:
		return !u.correct(r, f.threshold)
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

// selectRow moves the cursor to a table row if it is shown. shown is a
// subsequence of the order it was filtered from, so the row is found by
// binary search on its rank in that order.
func (l *userList) selectRow(r int) bool {
	if l.users == nil || r < 0 || r >= l.users.rows() {
		return false
	}
	u, k := l.users, l.shownKind
	want := u.rank(k, int32(r))
	i := sort.Search(len(l.shown), func(i int) bool { return u.rank(k, l.shown[i]) >= want })
	if i < len(l.shown) && int(l.shown[i]) == r {
		l.cursor = i
		l.scroll()
		return true
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

// findExact returns the position in shown of the user whose id is query
// (ignoring case), or −1.
func findExact(u *usersData, shown []int32, query string) int {
	for i, r := range shown {
		if strings.EqualFold(u.id(int(r)), query) {
			return i
		}
	}
	return -1
}

// findPrefix returns the position in shown of the next user, from position
// from and wrapping around, whose id starts with query (ignoring case), or −1.
func findPrefix(u *usersData, shown []int32, query string, from int) int {
	if query == "" || len(shown) == 0 {
		return -1
	}
	n := len(shown)
	for k := range n {
		i := (from + k) % n
		id := u.id(int(shown[i]))
		if len(id) >= len(query) && strings.EqualFold(id[:len(query)], query) {
			return i
		}
	}
	return -1
}
