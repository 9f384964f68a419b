package anomalyscreen

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

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

// TestPseudonymsShowWhole is review 28's finding 11: at 200x60 the user
// column cut every pseudonym at 14 cells, and to different lengths (a cut
// that backed off to the start of a "number" misfired on hex digits), and
// with the reasons fitting on the row no detail line showed the id whole.
// On a wide screen a pseudonym (22 cells) now shows whole in the list; on a
// narrow one every id is cut to the same width and the selected user's
// detail line shows it whole.
func TestPseudonymsShowWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan\n")
	for i := range 80 {
		fmt.Fprintf(&b, "U%03d,%d,%d,%s\n", i, (i*7)%31, (i*53)%500, []string{"basic", "plus", "pro"}[i%3])
	}
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	for _, size := range [][2]int{{200, 60}, {80, 24}} {
		d, err := experiment.LoadForAnomalies(experiment.Source{Kind: "csv", Path: "users.csv"}, 0, func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(b.String())), nil
		}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		d.Pseudonymise(key)
		c := screentest.Common("en", size[0], size[1])
		c.Pseudonym = key
		s := New(c)
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		press(&s, "s")
		res := s.Result()
		if res == nil {
			t.Fatalf("not scored:\n%s", s.View())
		}
		view := ansi.Strip(s.View())
		first := res.IDs[res.Order[0]]
		if len(first) != 22 {
			t.Fatalf("pseudonym %q is not 22 characters long", first)
		}
		if !strings.Contains(view, first) {
			t.Errorf("%dx%d: the selected user's id %s is nowhere on the screen:\n%s", size[0], size[1], first, view)
		}
		if size[0] == 80 {
			// Every id in the list is cut to the same 14 cells: 13 and "…".
			for _, row := range res.Order[:5] {
				if cut := res.IDs[row][:13] + "…"; !strings.Contains(view, cut+"  ") {
					t.Errorf("80x24: %s not shown as %q:\n%s", res.IDs[row], cut, view)
				}
			}
		}
	}
}

// TestOutOfRangeUsersSaid: a user lifted for a value out of range (review
// 28's finding 1) leads the list with that column as its first reason, and
// the wide screen's state line says how many such users come first. (One
// negative value in 80 is more than 1 %, so the column may be negative:
// −1e9 is out of range by its magnitude.)
func TestOutOfRangeUsersSaid(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,plan\n")
	for i := range 80 {
		spend := fmt.Sprint((i * 53) % 500)
		if i == 7 {
			spend = "-1e9"
		}
		fmt.Fprintf(&b, "U%03d,%d,%s,%s\n", i, (i*7)%31, spend, []string{"basic", "plus", "pro"}[i%3])
	}
	for lang, want := range map[string][2]string{
		"en": {"Users with a value far out of range, listed first: 1.", "spend −1,000,000,000 far out of range (usual"},
		"zh": {"有远超常见范围的值、排在最前的用户：1。", "spend −1,000,000,000 远超常见范围（常见"},
	} {
		d, err := experiment.LoadForAnomalies(experiment.Source{Kind: "csv", Path: "users.csv"}, 0, func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(b.String())), nil
		}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		s := New(screentest.Common(lang, 200, 60))
		s.SetInputs(d, fastConfig())
		s.SetOptions(fastOptions())
		press(&s, "s")
		res := s.Result()
		if res == nil {
			t.Fatalf("not scored:\n%s", s.View())
		}
		if res.IDs[res.Order[0]] != "U007" {
			t.Errorf("%s: first user %s, want U007", lang, res.IDs[res.Order[0]])
		}
		view := ansi.Strip(s.View())
		for _, w := range want {
			if !strings.Contains(view, w) {
				t.Errorf("%s: %q not on the screen:\n%s", lang, w, view)
			}
		}
	}
}
