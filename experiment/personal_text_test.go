package experiment

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// personalFile is a CSV of rows rows with a column "text" whose row i is
// cell(i), a feature and a label.
func personalFile(t *testing.T, rows int, cell func(i int) string) *data.Table {
	t.Helper()
	var b strings.Builder
	b.WriteString("customerID,text,tenure,churn\n")
	for i := range rows {
		fmt.Fprintf(&b, "C%05d,%s,%d,%d\n", i, cell(i), i%13, i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "people.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestPersonalText: text that repeats even once (40 rows, 39 distinct
// e-mail addresses) stayed a category under --pseudonymise and was shown
// in clear; nearly all values distinct, or values written like e-mail
// addresses or phone numbers, now name people. Real categories, small or
// wide, are not caught.
func TestPersonalText(t *testing.T) {
	cities := []string{"Aberdeen", "Bath", "Bristol", "Cambridge", "Cardiff", "Carlisle", "Chester", "Derby", "Dover",
		"Dundee", "Durham", "Ely", "Exeter", "Glasgow", "Gloucester", "Hereford", "Hull", "Inverness", "Lancaster",
		"Leeds", "Leicester", "Lincoln", "Liverpool", "London", "Manchester", "Newcastle", "Newport", "Norwich",
		"Nottingham", "Oxford", "Perth", "Plymouth", "Preston", "Ripon", "Salford", "Salisbury", "Sheffield",
		"Southampton", "Stirling", "Sunderland", "Swansea", "Truro", "Wakefield", "Wells", "Worcester"}
	cases := []struct {
		name string
		rows int
		cell func(i int) string
		want data.Reason
		ok   bool
	}{
		// 39 distinct in 40: 4·39 = 156 ≥ 3·40 = 120.
		{"39 addresses in 40 rows", 40, func(i int) string { return fmt.Sprintf("person%d@example.com", min(i, 38)) },
			data.Reason{Kind: data.ReasonMostlyDistinct, Distinct: 39, Rows: 40}, true},
		// 30 of 40 distinct, just 3 in 4, and not written like addresses.
		{"30 codes in 40 rows", 40, func(i int) string { return fmt.Sprintf("K%d", min(i, 29)) },
			data.Reason{Kind: data.ReasonMostlyDistinct, Distinct: 30, Rows: 40}, true},
		// 29 of 40 is under 3 in 4.
		{"29 codes in 40 rows", 40, func(i int) string { return fmt.Sprintf("K%d", min(i, 28)) }, data.Reason{}, false},
		{"30 addresses, each on 10 orders", 300, func(i int) string { return fmt.Sprintf("Person.%d@mail.example.co.uk", i%30) },
			data.Reason{Kind: data.ReasonContact}, true},
		{"20 phone numbers over 400 rows", 400, func(i int) string { return fmt.Sprintf("(555) %03d-%04d", 100+i%20, 7*(i%20)) },
			data.Reason{Kind: data.ReasonContact}, true},
		// 19 of the 20 distinct values (≥ 9 in 10) are addresses.
		{"addresses and one word", 400, func(i int) string {
			if i%20 == 0 {
				return "none"
			}
			return fmt.Sprintf("u%d@example.org", i%20)
		}, data.Reason{Kind: data.ReasonContact}, true},
		{"12 levels over 1,000 rows", 1000, func(i int) string { return fmt.Sprintf("plan-%c", 'a'+i%12) }, data.Reason{}, false},
		{"45 cities over 5,000 rows", 5000, func(i int) string { return cities[(i*7)%len(cities)] }, data.Reason{}, false},
		{"income ranges", 600, func(i int) string { return fmt.Sprintf("%d-%d", 10000*(1+i%6), 10000*(2+i%6)) }, data.Reason{}, false},
		{"versions", 600, func(i int) string { return fmt.Sprintf("v1.%d.%d", i%5, i%3) }, data.Reason{}, false},
	}
	for _, tc := range cases {
		tab := personalFile(t, tc.rows, tc.cell)
		c := tab.Column("text")
		if c.Kind != data.Categorical {
			t.Fatalf("%s: the loader read the column as %v: the case no longer tests what it says", tc.name, c.Kind)
		}
		if why, ok := PersonalText(c); why != tc.want || ok != tc.ok {
			t.Errorf("%s: PersonalText = %+v, %v; want %+v, %v", tc.name, why, ok, tc.want, tc.ok)
		}
	}
}

// TestPseudonymisePersonalText: a column of 39 addresses in 40 rows and
// one of addresses that repeat are pseudonymised identifiers saying why,
// neither naming the rows (their values repeat); a category is left
// alone.
func TestPseudonymisePersonalText(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("contact,email,plan,tenure,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "person%d@example.com,u%d@example.org,%s,%d,%d\n", min(i, 38), i%4, []string{"a", "b", "c"}[i%3], i%7, i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "people.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	d := &Data{Table: tab}
	d.Pseudonymise(key)
	notes := map[string]string{
		"contact": "nearly every value distinct, 39 in 40 rows",
		"email":   "written like e-mail addresses or phone numbers",
	}
	for name, note := range notes {
		c := d.Table.Column(name)
		if c.Kind != data.ID || c.Levels != nil || c.Note != note || c.NamesRows() {
			t.Errorf("%s: kind %v, levels %q, note %q, names rows %v; want an identifier naming no rows, no levels, %q",
				name, c.Kind, c.Levels, c.Note, c.NamesRows(), note)
		}
		for r, orig := range tab.Column(name).Strings {
			if c.Strings[r] != key.ID(orig) {
				t.Fatalf("%s row %d = %q, want %q", name, r, c.Strings[r], key.ID(orig))
			}
		}
	}
	if d.Table.IDColumn != -1 {
		t.Errorf("id column %d, want none: no column names the rows", d.Table.IDColumn)
	}
	if d.Table.Column("plan") != tab.Column("plan") {
		t.Error("a category was replaced")
	}
	want := []string{
		`people.csv: column "contact" is not a feature: text that names people, pseudonymised (nearly every value distinct, 39 in 40 rows)`,
		`people.csv: column "email" is not a feature: text that names people, pseudonymised (written like e-mail addresses or phone numbers)`,
	}
	if got := data.LoadNotes(d.Table); !slices.Equal(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
