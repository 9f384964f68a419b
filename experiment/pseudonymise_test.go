package experiment

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

func TestDataPseudonymise(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	ids := &data.Column{Name: "id", Kind: data.ID, Strings: []string{"a", "b"}}
	tab := &data.Table{Columns: []*data.Column{ids}, IDColumn: 0, Rows: 2}
	log := &data.OrderLog{Customers: []string{"a", "b"}}
	d := &Data{Table: tab, Log: log}
	d.Pseudonymise(key)
	want := []string{key.ID("a"), key.ID("b")}
	if !slices.Equal(d.Table.IDs(), want) || !slices.Equal(d.Log.Customers, want) {
		t.Errorf("ids %q, customers %q; want %q", d.Table.IDs(), d.Log.Customers, want)
	}
	if ids.Strings[0] != "a" || log.Customers[0] != "a" {
		t.Error("the original slices were written")
	}
	var none *pseudonym.Key
	d2 := &Data{Table: tab}
	d2.Pseudonymise(none)
	if d2.Table != tab {
		t.Error("a nil key changed the data")
	}
}

// TestPseudonymiseEveryIDColumn: a second identifier (a unique e-mail) and
// text with too many levels (an id the loader did not recognise, read from
// a CSV) were shown in clear; every such column is pseudonymised, blanks
// kept blank, features left alone.
func TestPseudonymiseEveryIDColumn(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("customerID,email,subscriber,plan,churn\n")
	for i := range 60 {
		sub := fmt.Sprintf("S%03d", i)
		if i == 1 {
			sub = "S000" // a duplicate: not unique, so not recognised as an id
		}
		email := fmt.Sprintf("u%d@example.com", i)
		if i == 2 {
			email = ""
		}
		fmt.Fprintf(&b, "C%03d,%s,%s,%s,%d\n", i, email, sub, []string{"a", "b"}[i%2], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "ids.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := PseudonymisedColumns(tab), []string{"customerID", "email", "subscriber"}; !slices.Equal(got, want) {
		t.Fatalf("PseudonymisedColumns = %q, want %q", got, want)
	}
	d := &Data{Table: tab}
	d.Pseudonymise(key)
	for _, name := range []string{"customerID", "email", "subscriber"} {
		orig, got := tab.Column(name).Strings, d.Table.Column(name).Strings
		for r := range orig {
			want := key.ID(orig[r])
			if orig[r] == "" {
				want = ""
			}
			if got[r] != want {
				t.Fatalf("%s row %d = %q, want %q", name, r, got[r], want)
			}
		}
	}
	if got := d.Table.Column("email").Strings[2]; got != "" {
		t.Errorf("a blank e-mail became %q", got)
	}
	if d.Table.Column("plan") != tab.Column("plan") {
		t.Error("a feature column was replaced")
	}
	if tab.Column("email").Strings[0] != "u0@example.com" {
		t.Error("the original column was written")
	}
}

// TestPseudonymiseUniqueText: text whose every value is distinct, read as
// a category from a file of under 20 rows (e-mail addresses under a name
// not an id's), or as a constant of one cell, was left in clear. It is now
// an identifier, pseudonymised and no longer a feature, naming the rows
// when nothing else does; a category whose levels repeat is left alone.
func TestPseudonymiseUniqueText(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("contact,plan,remark,churn\n")
	for i := range 12 {
		remark := ""
		if i == 4 {
			remark = "call back on 555-0199"
		}
		fmt.Fprintf(&b, "person%d@example.com,%s,%s,%d\n", i, []string{"a", "b", "c"}[i%3], remark, i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "small.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Column("contact").Kind != data.Categorical || tab.Column("remark").Kind != data.Constant || tab.IDColumn != -1 {
		t.Fatalf("the loader read contact as %v, remark as %v, id column %d: the test no longer tests what it says",
			tab.Column("contact").Kind, tab.Column("remark").Kind, tab.IDColumn)
	}
	if got, want := PseudonymisedColumns(tab), []string{"contact", "remark"}; !slices.Equal(got, want) {
		t.Fatalf("PseudonymisedColumns = %q, want %q", got, want)
	}
	d := &Data{Table: tab}
	d.Pseudonymise(key)
	for _, name := range []string{"contact", "remark"} {
		c := d.Table.Column(name)
		if c.Kind != data.ID || c.Levels != nil || c.Note != "every value is unique" {
			t.Errorf("%s: kind %v, levels %q, note %q; want an identifier, no levels, every value is unique", name, c.Kind, c.Levels, c.Note)
		}
		for r, orig := range tab.Column(name).Strings {
			want := ""
			if orig != "" {
				want = key.ID(orig)
			}
			if c.Strings[r] != want {
				t.Fatalf("%s row %d = %q, want %q", name, r, c.Strings[r], want)
			}
		}
	}
	if d.Table.IDColumn != 0 {
		t.Errorf("id column %d, want 0 (contact) in a table that had none", d.Table.IDColumn)
	}
	if d.Table.Column("plan") != tab.Column("plan") {
		t.Error("a category whose levels repeat was replaced")
	}
	if tab.Column("contact").Kind != data.Categorical || tab.Column("contact").Strings[0] != "person0@example.com" {
		t.Error("the original column was written")
	}
}

// TestPseudonymiseNotesQuoteNoID: a pseudonymised column's warning quoted
// its cells that are not numbers ("X0") in clear, with the line of the
// first; it now quotes their pseudonyms and no line.
func TestPseudonymiseNotesQuoteNoID(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("customer_id,visits,churn\n")
	for i := range 30 {
		id := fmt.Sprint(1000 + i)
		if i < 3 {
			id = fmt.Sprintf("X%d", i)
		}
		fmt.Fprintf(&b, "%s,%d,%d\n", id, i%5, i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "mixed.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if m := tab.Column("customer_id").Mixed; m == nil || m.Line == 0 {
		t.Fatalf("customer_id has no warning with a line (%+v): the test no longer tests what it says", m)
	}
	d := &Data{Table: tab}
	d.Pseudonymise(key)
	c := d.Table.Column("customer_id")
	want := fmt.Sprintf("read as text although 27 of its 30 values in the first rows are numbers: 3 are not (%q, %q, %q)",
		key.ID("X0"), key.ID("X1"), key.ID("X2"))
	if c.Warning != want {
		t.Errorf("warning\n%q, want\n%q", c.Warning, want)
	}
	if c.Mixed.Line != 0 || c.Mixed.Column != 0 {
		t.Errorf("the warning keeps the first one's line %d, column %d", c.Mixed.Line, c.Mixed.Column)
	}
	if tab.Column("customer_id").Mixed.Examples[0] != `"X0"` {
		t.Error("the original warning was written")
	}
}

// A column of one e-mail address and blanks, which the loader reads as a
// presence flag, is text that names people under --pseudonymise: an
// identifier of pseudonyms, its blanks blank, so that the address is
// never a flag's value in a model file.
func TestPseudonymiseContactFlag(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	var b strings.Builder
	b.WriteString("id,owner,plan,churn\n")
	for i := range 12 {
		owner := ""
		if i%3 == 0 {
			owner = "sales@example.com"
		}
		fmt.Fprintf(&b, "u%d,%s,%s,%d\n", i, owner, []string{"a", "b"}[i%2], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "small.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if !tab.Column("owner").Presence() {
		t.Fatalf("owner read as %v: the test no longer tests what it says", tab.Column("owner").Kind)
	}
	d := &Data{Table: tab}
	d.Pseudonymise(key)
	c := d.Table.Column("owner")
	if c.Kind != data.ID || c.Values != nil || c.Levels != nil || c.Note != "written like e-mail addresses or phone numbers" {
		t.Fatalf("owner: kind %v, levels %q, note %q", c.Kind, c.Levels, c.Note)
	}
	if c.Strings[0] != key.ID("sales@example.com") || c.Strings[1] != "" {
		t.Errorf("owner cells %q", c.Strings[:2])
	}
}
