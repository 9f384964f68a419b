package experiment

import (
	"errors"
	"reflect"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestDropRows keeps the rows not marked, in order, with their labels and
// true probabilities, and refuses flags of the wrong length.
func TestDropRows(t *testing.T) {
	d, err := Load(Source{Kind: "builtin", Users: 50, DataSeed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	drop := make([]bool, 50)
	drop[0], drop[7], drop[49] = true, true, true
	out, err := DropRows(d, drop)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var labels, probs []float64
	for i, id := range d.Table.IDs() {
		if !drop[i] {
			ids, labels, probs = append(ids, id), append(labels, d.Table.Label.Values[i]), append(probs, d.TrueProb[i])
		}
	}
	if out.Table.Rows != 47 || !reflect.DeepEqual(out.Table.IDs(), ids) || !reflect.DeepEqual(out.Table.Label.Values, labels) ||
		!reflect.DeepEqual(out.TrueProb, probs) {
		t.Errorf("rows %d, ids %v", out.Table.Rows, out.Table.IDs())
	}
	if d.Table.Rows != 50 {
		t.Errorf("the original lost rows: %d", d.Table.Rows)
	}
	if _, err := DropRows(d, drop[:10]); !errors.Is(err, ErrSource) {
		t.Errorf("10 flags for 50 rows: %v", err)
	}
}

// TestLoadShopWithAbusersExcludesTruth: the planted truth columns are there
// for scoring but never features of the churn model.
func TestLoadShopWithAbusersExcludesTruth(t *testing.T) {
	d, err := LoadShopWithAbusers(Source{Kind: "builtin", Users: 200, DataSeed: 1}, 0.05)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{data.AbuserColumnName, data.ArchetypeColumnName} {
		c := d.Table.Column(name)
		if c == nil || c.IsFeature() {
			t.Errorf("column %s: %v", name, c)
		}
	}
}
