package anomalyscreen

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTiesByPseudonym: users of equal score (identical rows) were listed
// in file order, which beside their pseudonyms gives the ids back in a
// file sorted by id. With pseudonyms on they are listed by pseudonym, as
// the Plan screen and the Walkthrough list ties; without, by row as before.
func TestTiesByPseudonym(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan,churn\n")
	var idle []int // the identical rows
	for i := range 80 {
		if i%4 == 0 {
			idle = append(idle, i)
			fmt.Fprintf(&b, "U%03d,0,0,basic,0\n", i)
			continue
		}
		fmt.Fprintf(&b, "U%03d,%d,%d,%s,%d\n", i, (i*7)%31, (i*53)%500, []string{"basic", "plus", "pro"}[i%3], i%2)
	}
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	for _, on := range []bool{false, true} {
		d, err := experiment.Load(experiment.Source{Kind: "csv", Path: "users.csv"}, func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(b.String())), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		c := screentest.Common("en", 120, 40)
		want := slices.Clone(idle) // by row
		if on {
			d.Pseudonymise(key)
			c.Pseudonym = key
			// By the pseudonym of each row's id, computed here.
			slices.SortFunc(want, func(a, b int) int {
				return strings.Compare(key.ID(fmt.Sprintf("U%03d", a)), key.ID(fmt.Sprintf("U%03d", b)))
			})
			if slices.Equal(want, idle) {
				t.Fatal("the pseudonyms in row order are sorted already: the test cannot tell the orders apart")
			}
		}
		s := New(c)
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		press(&s, "s")
		res := s.Result()
		if res == nil {
			t.Fatalf("not scored:\n%s", s.View())
		}
		first := slices.IndexFunc(res.Order, func(row int) bool { return slices.Contains(idle, row) })
		tied := res.Order[first:min(first+len(idle), len(res.Order))]
		for _, row := range tied {
			if res.Score[row] != res.Score[tied[0]] {
				t.Fatalf("pseudonyms %v: row %d scores %v, unlike row %d (%v)", on, row, res.Score[row], tied[0], res.Score[tied[0]])
			}
		}
		if !slices.Equal(tied, want) {
			t.Errorf("pseudonyms %v: the tied rows are listed as %v, want %v", on, tied, want)
		}
	}
}

// TestPlantedShopKeepsPseudonyms: the screen loads the built-in shop again
// to plant abusers in it, and that copy's ids were shown in clear in a
// session with pseudonyms on. They are pseudonymised as the loaded data's.
func TestPlantedShopKeepsPseudonyms(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	d := shop(t)
	d.Pseudonymise(key)
	c := screentest.Common("en", 120, 40)
	c.Pseudonym = key
	s := New(c)
	s.SetInputs(d, fastConfig())
	s.SetOptions(fastOptions())
	s.SetPlant(0.05)
	press(&s, "s")
	res := s.Result()
	if res == nil {
		t.Fatalf("not scored:\n%s", s.View())
	}
	for i, id := range res.IDs {
		if !strings.HasPrefix(id, "p_") {
			t.Fatalf("row %d's id %q is no pseudonym", i, id)
		}
	}
}
