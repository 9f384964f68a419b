package experiment

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// TestPersonalValuesColumns: a model column names people by its levels
// (e-mail addresses, though a pseudonymised table would have made it an
// identifier) or by the scored rows' cells (a city column whose every
// value is distinct there, as Pseudonymise reads it); a category of
// repeated values, a numeric column and the catch-all level do not.
func TestPersonalValuesColumns(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	p := &data.Pipeline{Columns: []data.PipelineColumn{
		{Name: "email", Kind: data.Categorical, Levels: []string{"ann@example.com", "bob@example.com", data.OtherLevel}, Other: true},
		{Name: "plan", Kind: data.Categorical, Levels: []string{"basic", "pro"}},
		{Name: "city", Kind: data.Categorical, Levels: []string{"Leeds", "York"}},
		{Name: "spend", Kind: data.Numeric},
	}}
	cols := TextColumns(map[string][]string{
		"plan": {"basic", "pro", "basic", "", "pro", "basic"},
		"city": {"Leeds", "York", "Hull", "", "Bath", "Ely"},
	})
	v := NewPersonalValues(key, p, cols)
	var personal []string
	for i := range p.Columns {
		if v.Personal(i) {
			personal = append(personal, p.Columns[i].Name)
		}
	}
	if want := []string{"email", "city"}; !slices.Equal(personal, want) {
		t.Fatalf("personal columns %q, want %q", personal, want)
	}
	wantNotes := []string{
		`--pseudonymise: column "email" names people (written like e-mail addresses or phone numbers): its values are shown as pseudonyms`,
		`--pseudonymise: column "city" names people (every value is unique): its values are shown as pseudonyms`,
	}
	if got := v.Notes(); !slices.Equal(got, wantNotes) {
		t.Errorf("notes\n%q\nwant\n%q", got, wantNotes)
	}
	for _, c := range []struct {
		ci         int
		value, got string
	}{
		{0, "ann@example.com", v.Show(0, "ann@example.com")},
		{0, data.OtherLevel, v.Show(0, data.OtherLevel)},
		{0, "", v.Show(0, "")},
		{1, "basic", v.Show(1, "basic")},
		{2, "Leeds", v.Show(2, "Leeds")},
	} {
		want := c.value
		if c.ci != 1 && c.value != "" && c.value != data.OtherLevel {
			want = key.ID(c.value)
		}
		if c.got != want {
			t.Errorf("column %d shows %q as %q, want %q", c.ci, c.value, c.got, want)
		}
	}
	// A cell sent alone: the contact rule is read from the cell itself.
	if got := v.Cell(1, "carl@example.com"); got != key.ID("carl@example.com") {
		t.Errorf("an e-mail sent as a plan shows as %q", got)
	}
	if got := v.Cell(1, "gold"); got != "gold" {
		t.Errorf("an unknown plan shows as %q", got)
	}
	var off *PersonalValues
	if NewPersonalValues(nil, p, cols) != nil || off.Show(0, "ann@example.com") != "ann@example.com" ||
		off.Cell(0, "ann@example.com") != "ann@example.com" || off.Notes() != nil {
		t.Error("without a key a value is not shown as it is")
	}
}

// TestExplainerShowsPersonalValues: with Personal set, a reason on a
// column of e-mail addresses and a lever move on it show the addresses'
// pseudonyms; the attributions and probabilities are those of the
// explainer without it. The model is leverExplainer's with the plan's two
// levels replaced by addresses: moving ann to bob lowers P(churn) from
// σ(0.5) to σ(−1.5).
func TestExplainerShowsPersonalValues(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	x := leverExplainer(t)
	x.Pipeline.Columns[1] = data.PipelineColumn{Name: "email", Kind: data.Categorical,
		Levels: []string{"ann@example.com", "bob@example.com"}, First: 1, Width: 2}
	row := []float64{0.25, 1, 0}
	clear, err := x.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	clearMoves, err := x.BestLevers([][]float64{row}, []string{"email"}, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	x.Personal = NewPersonalValues(key, x.Pipeline, nil)
	ex, err := x.Explain(row)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range ex.Reasons {
		want := clear.Reasons[i]
		if r.Column == "email" {
			want.Value = key.ID("ann@example.com")
		}
		if r != want {
			t.Errorf("reason %d: %+v, want %+v", i, r, want)
		}
	}
	moves, err := x.BestLevers([][]float64{row}, []string{"email"}, true, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := LeverMove{"email", key.ID("ann@example.com"), "", key.ID("bob@example.com"), sigmoid(0.5), sigmoid(-1.5)}
	if m := moves[0]; m == nil || m.Column != want.Column || m.From != want.From || m.To != want.To ||
		!near(m.Before, want.Before) || !near(m.After, want.After) || clearMoves[0].To != "bob@example.com" {
		t.Errorf("move %+v, want %+v (without pseudonyms %+v)", m, want, clearMoves[0])
	}
	if s := moves[0].String("churn"); strings.Contains(s, "@") {
		t.Errorf("the move reads %q", s)
	}
}

// TestUnseenNotesOfPersonalColumns: a level the model has no input for
// was quoted with its line; in a column that names people it is quoted as
// its pseudonym, without the line or the model level it differs from
// only in case, and other columns' notes are as ReadRows wrote them.
func TestUnseenNotesOfPersonalColumns(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	// Fitted on 40 distinct rows: each address and each plan on 20, so
	// each is a level and there is no catch-all.
	var b strings.Builder
	b.WriteString("email,plan,visits,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "%s,%s,%d,%s\n", []string{"ann@example.com", "bob@example.com"}[i%2], []string{"basic", "pro"}[i/20], i, []string{"no", "yes"}[i%3%2])
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "train.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	p, err := data.FitPipeline(tab, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
		29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39}, data.PipelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := p.ReadRows(strings.NewReader("email,plan,visits\nann@example.com,basic,1\nANN@example.com,gold,2\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	s := &Scored{Notes: rows.Notes, Unseen: rows.Unseen}
	v := NewPersonalValues(key, p, nil)
	want := []string{
		`new.csv: column "email": 1 cell holds a level the model has no input for (unseen or rare in training), ` +
			`scored as no level (all its inputs 0); the first is "` + key.ID("ANN@example.com") + `"`,
		`new.csv: column "plan": 1 cell holds a level the model has no input for (unseen or rare in training), ` +
			`scored as no level (all its inputs 0); the first is "gold" at line 3, column 2`,
	}
	if got := v.UnseenNotes(s, p, "new.csv"); !slices.Equal(got, want) {
		t.Errorf("notes\n%q\nwant\n%q", got, want)
	}
	clear := `new.csv: column "email": 1 cell holds a level the model has no input for (unseen or rare in training), ` +
		`scored as no level (all its inputs 0); the first is "ANN@example.com" at line 3, column 1, which differs from the model's "ann@example.com" only in case`
	var off *PersonalValues
	if got := off.UnseenNotes(s, p, "new.csv"); len(got) != 2 || got[0] != clear || got[1] != want[1] {
		t.Errorf("notes without pseudonyms %q", got)
	}
}
