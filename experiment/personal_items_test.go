package experiment

import (
	"slices"
	"testing"

	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/recommend"
)

// TestPseudonymiseItems: recommendations whose items or descriptions are
// written like e-mail addresses show their pseudonyms; a catalogue of
// ordinary items and descriptions is left as it is.
func TestPseudonymiseItems(t *testing.T) {
	key, _ := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	for _, c := range []struct {
		items, descriptions []string
		want                []string
	}{
		{[]string{"A1", "B2"}, []string{"+44 20 7946 0958", "ann@example.com"}, []string{"desc"}},
		{[]string{"ann@example.com", "bob@example.com"}, []string{"mug", "cup"}, []string{"item"}},
		{[]string{"A1", "B2"}, []string{"mug", "cup"}, nil},
	} {
		l := &recommend.Log{Items: c.items, Descriptions: c.descriptions, ItemColumn: "item", DescriptionColumn: "desc"}
		res := &recommend.Result{Customers: []recommend.CustomerRecs{{ID: "c1", Items: []recommend.Recommendation{
			{Item: 0, ItemID: c.items[0], Description: c.descriptions[0]},
			{Item: 1, ItemID: c.items[1], Description: c.descriptions[1]},
		}}}}
		got := PseudonymiseItems(res, l, key)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q %q: pseudonymised %q, want %q", c.items, c.descriptions, got, c.want)
		}
		for k, r := range res.Customers[0].Items {
			item, desc := c.items[k], c.descriptions[k]
			if slices.Contains(c.want, "item") {
				item = key.ID(item)
			}
			if slices.Contains(c.want, "desc") {
				desc = key.ID(desc)
			}
			if r.ItemID != item || r.Description != desc {
				t.Errorf("%q %q: item %d shows %q, %q; want %q, %q", c.items, c.descriptions, k, r.ItemID, r.Description, item, desc)
			}
		}
	}
}
