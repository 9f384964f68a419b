package common

import (
	"slices"
	"testing"

	"github.com/retainlab/retain/recommend"
)

// TestListTextIsReadBack: ListText writes a list that recommend.ItemList
// (the field's reader, and recommend --exclude-items') reads back, even
// for an id with a space that is none of the log's items.
func TestListTextIsReadBack(t *testing.T) {
	for _, c := range []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{"K11", "A10"}, "K11, A10"},
		{[]string{"BANK CHARGES"}, "BANK CHARGES,"},
		{[]string{"BANK CHARGES", "POST"}, "BANK CHARGES, POST"},
	} {
		got := ListText(c.ids)
		if got != c.want {
			t.Errorf("ListText(%q) = %q, want %q", c.ids, got, c.want)
		}
		if back := recommend.ItemList(got, nil); !slices.Equal(back, c.ids) {
			t.Errorf("ItemList(ListText(%q)) = %q", c.ids, back)
		}
	}
}
