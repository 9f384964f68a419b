package common

import (
	"slices"
	"testing"
)

// TestListItemsSplitsOnSpacesOnlyWithoutCommas: ids pasted or typed
// with spaces between them ("K11 A10") were one id; they are a list when
// the text has no comma or line break, while a list with a comma keeps an
// id with a space whole (online_retail's "BANK CHARGES"). ListText writes
// a list that ListItems reads back.
func TestListItemsSplitsOnSpacesOnlyWithoutCommas(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"K11", []string{"K11"}},
		{"K11 A10", []string{"K11", "A10"}},
		{" K11\tA10   B20 ", []string{"K11", "A10", "B20"}},
		{"K11,A10", []string{"K11", "A10"}},
		{"BANK CHARGES, POST", []string{"BANK CHARGES", "POST"}},
		{"BANK CHARGES,", []string{"BANK CHARGES"}},
		{"BANK CHARGES\nPOST", []string{"BANK CHARGES", "POST"}},
		{"BANK CHARGES\r\nPOST\r", []string{"BANK CHARGES", "POST"}},
		{" , K11,, A10 ,", []string{"K11", "A10"}},
		{"BANK CHARGES", []string{"BANK", "CHARGES"}}, // no comma: two ids
	} {
		if got := ListItems(c.text); !slices.Equal(got, c.want) {
			t.Errorf("ListItems(%q) = %q, want %q", c.text, got, c.want)
		}
	}
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
		if back := ListItems(got); !slices.Equal(back, c.ids) {
			t.Errorf("ListItems(ListText(%q)) = %q", c.ids, back)
		}
	}
}
