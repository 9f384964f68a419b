package experiment

import (
	"slices"
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
