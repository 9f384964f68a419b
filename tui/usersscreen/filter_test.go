package usersscreen

import (
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/screentest"
)

// syntheticScreen is the screen at w×h showing n synthetic users, judged
// at 0.5.
func syntheticScreen(n, w, h int) Model {
	s := New(screentest.Common("en", w, h))
	s.SetSize(w, h)
	s.list.threshold = 0.5
	s.list.setUsers(syntheticUsers(n))
	s.render()
	return s
}

// press presses one key and returns the Cmd it gives without running it.
func press(s Model, k string) (Model, tea.Cmd) { return s.step(screentest.Press(k)) }

// independentOrder ranks rows by probability, highest first, ties in row
// order: sorted here with a stable sort, apart from newUsersData.
func independentOrder(u *usersData) []int32 {
	rows := make([]int32, u.rows())
	for i := range rows {
		rows[i] = int32(i)
	}
	slices.SortStableFunc(rows, func(a, b int32) int {
		pa, pb := u.prob(int(a)), u.prob(int(b))
		switch {
		case pa > pb:
			return -1
		case pa < pb:
			return 1
		}
		return 0
	})
	return rows
}

// independentFilter keeps the rows of order in band (1-based, 0 for all;
// bands by share end after 5, 10, 20, 50 and 100 % of the ranked users:
// ⌈share·n⌉) and passing truth at threshold 0.5.
func independentFilter(u *usersData, order []int32, band int, truth truthFilter) []int32 {
	n := u.rows()
	shares := []float64{0.05, 0.10, 0.20, 0.50, 1}
	ends := make([]int, len(shares))
	for i, f := range shares {
		ends[i] = int(f*float64(n) + 0.999999)
	}
	rank := make([]int, n)
	for i, r := range independentOrder(u) {
		rank[r] = i
	}
	var out []int32
	for _, r := range order {
		in := band == 0 || (rank[r] < ends[band-1] && (band == 1 || rank[r] >= ends[band-2]))
		right := (u.prob(int(r)) >= 0.5) == u.positive(int(r))
		if in && (truth == truthAll || (truth == truthCorrect) == right) {
			out = append(out, r)
		}
	}
	return out
}

func TestUsersFilterRunsInACmdAndEqualsADirectFilter(t *testing.T) {
	s := syntheticScreen(5000, 80, 24)
	u := s.list.users
	order := independentOrder(u)
	if !slices.Equal(s.list.shown, order) {
		t.Fatal("the unfiltered table is not in descending probability")
	}
	for band := 1; band <= 5; band++ {
		var cmd tea.Cmd
		s, cmd = press(s, "b")
		if cmd == nil || !s.list.filtering {
			t.Fatalf("band %d: the filter ran inside Update", band)
		}
		// Meanwhile the previous rows stay, marked.
		screentest.MustContain(t, view(s), "filtering…")
		if want := independentFilter(u, order, band-1, truthAll); !slices.Equal(s.list.shown, want) {
			t.Fatalf("band %d: the previous rows were not kept while filtering", band)
		}
		s = runCmds(t, s, cmd)
		if want := independentFilter(u, order, band, truthAll); !slices.Equal(s.list.shown, want) {
			t.Fatalf("band %d: %d rows shown, direct filter %d", band, len(s.list.shown), len(want))
		}
		if strings.Contains(view(s), "filtering…") {
			t.Fatal("the filtering mark stayed after the result")
		}
	}
	for _, truth := range []truthFilter{truthCorrect, truthWrong} {
		s = pressAll(t, s, "c")
		if want := independentFilter(u, order, 5, truth); !slices.Equal(s.list.shown, want) {
			t.Fatalf("band 5, truth %d: %d rows shown, direct filter %d", truth, len(s.list.shown), len(want))
		}
	}
	// Sorting under a filter runs in a Cmd too; the order is the filter
	// over the rows in ascending probability.
	s = pressAll(t, s, "s")
	asc := slices.Clone(order)
	slices.Reverse(asc)
	if want := independentFilter(u, asc, 5, truthWrong); !slices.Equal(s.list.shown, want) {
		t.Fatal("ascending order under the filters differs from the direct filter")
	}
}

func TestUsersStaleFilterIsDropped(t *testing.T) {
	s := syntheticScreen(5000, 80, 24)
	u := s.list.users
	order := independentOrder(u)
	s, first := press(s, "b")  // band 1
	s, second := press(s, "b") // band 2
	// The second result lands first, then the stale first one.
	s = runCmds(t, s, second)
	s = runCmds(t, s, first)
	if want := independentFilter(u, order, 2, truthAll); !slices.Equal(s.list.shown, want) {
		t.Fatalf("%d rows shown after a stale result, want band 2's %d", len(s.list.shown), len(want))
	}
	// In order, the first result is dropped and the mark stays until the
	// second one.
	s, first = press(s, "c")
	s, second = press(s, "c")
	s, _ = s.step(first())
	if !s.list.filtering {
		t.Fatal("the stale result ended the filtering")
	}
	if want := independentFilter(u, order, 2, truthAll); !slices.Equal(s.list.shown, want) {
		t.Fatal("the stale result was shown")
	}
	s = runCmds(t, s, second)
	if want := independentFilter(u, order, 2, truthWrong); !slices.Equal(s.list.shown, want) {
		t.Fatal("the latest result was not shown")
	}
	// New users make a running filter stale.
	s, first = press(s, "b")
	s.list.setUsers(syntheticUsers(300))
	s, _ = s.step(first())
	for _, r := range s.list.shown {
		if int(r) >= 300 {
			t.Fatalf("row %d of the previous users shown", r)
		}
	}
}

func TestUsersSearchRunsInACmdAndFindsWhatADirectScanFinds(t *testing.T) {
	s := syntheticScreen(5000, 80, 24)
	s = pressAll(t, s, "b", "b") // band 2: users ranked 251–500
	shown := slices.Clone(s.list.shown)
	// The first shown id starting with "u1", by a direct scan.
	want := -1
	for _, r := range shown {
		if strings.HasPrefix(s.list.users.id(int(r)), "u1") {
			want = int(r)
			break
		}
	}
	s = pressAll(t, s, "/")
	s = typeText(t, s, "U1")
	s, cmd := press(s, "enter")
	screentest.MustContain(t, view(s), "searching for U1…")
	s = runCmds(t, s, cmd)
	if s.SelectedRow() != want {
		t.Fatalf("search selected row %d, direct scan %d", s.SelectedRow(), want)
	}
	// n: the next shown match after it, by a direct scan.
	next := -1
	for _, r := range shown[slices.Index(shown, int32(want))+1:] {
		if strings.HasPrefix(s.list.users.id(int(r)), "u1") {
			next = int(r)
			break
		}
	}
	s = pressAll(t, s, "n")
	if s.SelectedRow() != next {
		t.Fatalf("n selected row %d, direct scan %d", s.SelectedRow(), next)
	}
	// A stale search is dropped: the later one wins whatever the order.
	exact := int(shown[7])
	s = pressAll(t, s, "/")
	s = typeText(t, s, "u1")
	s, older := press(s, "enter")
	s = pressAll(t, s, "/")
	s = typeText(t, s, s.list.users.id(exact))
	s, newer := press(s, "enter")
	s = runCmds(t, s, newer)
	s = runCmds(t, s, older)
	if s.SelectedRow() != exact {
		t.Fatalf("selected row %d after a stale search, want %d", s.SelectedRow(), exact)
	}
	screentest.MustContain(t, view(s), "found "+s.list.users.id(exact))
	// A missing id says so and keeps the selection.
	s = pressAll(t, s, "/")
	s = typeText(t, s, "nobody")
	s = pressAll(t, s, "enter")
	screentest.MustContain(t, view(s), "no shown user's id is or starts with nobody")
	if s.SelectedRow() != exact {
		t.Fatal("a failed search moved the selection")
	}
}

// BenchmarkUsersKey1M measures Update for one key on a screen of a million
// users; the Cmds a key returns (filters, searches) run off the update
// path and are not counted.
func BenchmarkUsersKey1M(b *testing.B) {
	base := syntheticScreen(1_000_000, 160, 48)
	searching, _ := base.step(screentest.Press("/"))
	again := base
	again.query = "u1" // n repeats the last search
	for _, k := range []struct {
		name string
		from Model
		key  string
	}{
		{"down", base, "down"}, {"pgdown", base, "pgdown"}, {"end", base, "G"},
		{"sort", base, "s"}, {"band", base, "b"}, {"truth", base, "c"},
		{"type", searching, "u"}, {"search", searching, "enter"}, {"next", again, "n"},
		{"target", base, "p"}, {"bands", base, "B"},
	} {
		b.Run(k.name, func(b *testing.B) {
			msg := screentest.Press(k.key)
			for b.Loop() {
				_, _ = k.from.step(msg)
			}
		})
	}
}
