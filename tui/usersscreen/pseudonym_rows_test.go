package usersscreen

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/screentest"
)

// TestPseudonymsShowNoFilePosition: with pseudonyms on, a user's title
// said "Customer p_… · row 14,048", and the row order listed the users in
// file order; in a file sorted by id both give every id back. The title
// now leaves the row out and that order is by id.
func TestPseudonymsShowNoFilePosition(t *testing.T) {
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	plain := analysed(t, "en", 140, 40)
	if !regexp.MustCompile(`User \S+ · row \d+ · `).MatchString(view(plain)) {
		t.Fatalf("without pseudonyms the title has no row:\n%s", view(plain))
	}
	c := screentest.Common("en", 140, 40)
	c.Pseudonym = key
	s := analysedWith(t, c)
	got := view(s)
	if strings.Contains(got, "· row ") {
		t.Errorf("with pseudonyms a row number is shown:\n%s", got)
	}
	if !regexp.MustCompile(`User \S+ · (train|valid|test|calib)\S* part`).MatchString(got) {
		t.Errorf("the title lost its part:\n%s", got)
	}
	s = pressAll(t, s, "s", "s")
	if !strings.Contains(view(s), "id order") {
		t.Errorf("the third order is not named the id order:\n%s", view(s))
	}
	u := s.list.users
	ids := make([]string, len(s.list.shown))
	for i, r := range s.list.shown {
		ids[i] = u.id(int(r))
	}
	if !slices.IsSorted(ids) {
		t.Errorf("the id order lists rows %v (ids %q)", s.list.shown[:5], ids[:5])
	}
	if got := u.rank(orderRow, s.list.shown[3]); got != 3 {
		t.Errorf("the fourth row of the id order ranks %d", got)
	}
}

// TestOrderByID: ids that sort otherwise than the rows ("u10" before
// "u2") are listed by id, their ranks follow, and ties of probability are
// broken by id, not by file position.
func TestOrderByID(t *testing.T) {
	u := syntheticUsers(50)
	u.scores.Probabilities[2], u.scores.Probabilities[10] = 0.5, 0.5
	u.sortByProb()
	u.orderByID()
	ids := make([]string, len(u.byRow))
	for i, r := range u.byRow {
		ids[i] = u.id(int(r))
		if u.rank(orderRow, r) != int32(i) {
			t.Fatalf("row %d at position %d ranks %d", r, i, u.rank(orderRow, r))
		}
	}
	if !slices.IsSorted(ids) || ids[2] != "u10" {
		t.Errorf("id order %q", ids[:5])
	}
	at := slices.Index(u.byProbDesc, 10)
	if u.byProbDesc[at+1] != 2 {
		t.Errorf("the tie of u10 and u2 is in file order: %v", u.byProbDesc[at-1:at+2])
	}
}
