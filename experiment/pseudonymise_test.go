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
