package recommend

import (
	"slices"
	"testing"
)

// TestItemList: ids pasted or typed with spaces between them ("K11 A10")
// are a list when the text has no comma or line break, while a list with
// a comma keeps an id with a space whole (online_retail's "BANK
// CHARGES"), and so does text that is as a whole one of the log's items.
// The command line and the Recommend screen both read lists so.
func TestItemList(t *testing.T) {
	items := []string{"K11", "A10", "BANK CHARGES", "POST"}
	for _, c := range []struct {
		text        string
		split, read []string // SplitItemList; ItemList with items
	}{
		{"", nil, nil},
		{"K11", []string{"K11"}, []string{"K11"}},
		{"K11 A10", []string{"K11", "A10"}, []string{"K11", "A10"}},
		{" K11\tA10   B20 ", []string{"K11", "A10", "B20"}, []string{"K11", "A10", "B20"}},
		{"K11,A10", []string{"K11", "A10"}, []string{"K11", "A10"}},
		{"BANK CHARGES, POST", []string{"BANK CHARGES", "POST"}, []string{"BANK CHARGES", "POST"}},
		{"BANK CHARGES,", []string{"BANK CHARGES"}, []string{"BANK CHARGES"}},
		{"BANK CHARGES\nPOST", []string{"BANK CHARGES", "POST"}, []string{"BANK CHARGES", "POST"}},
		{"BANK CHARGES\r\nPOST\r", []string{"BANK CHARGES", "POST"}, []string{"BANK CHARGES", "POST"}},
		{" , K11,, A10 ,", []string{"K11", "A10"}, []string{"K11", "A10"}},
		// Without a comma: two ids, unless the whole is one of the items.
		{"BANK CHARGES", []string{"BANK", "CHARGES"}, []string{"BANK CHARGES"}},
		{"  BANK CHARGES ", []string{"BANK", "CHARGES"}, []string{"BANK CHARGES"}},
		{"BANK FEES", []string{"BANK", "FEES"}, []string{"BANK", "FEES"}},
	} {
		if got := SplitItemList(c.text); !slices.Equal(got, c.split) {
			t.Errorf("SplitItemList(%q) = %q, want %q", c.text, got, c.split)
		}
		if got := ItemList(c.text, items); !slices.Equal(got, c.read) {
			t.Errorf("ItemList(%q) = %q, want %q", c.text, got, c.read)
		}
	}
	// The log is read looking out for every id the list may turn out to
	// be, the whole text among them when it is split in several.
	if got, want := ItemListWatch(" BANK CHARGES "), []string{"BANK", "CHARGES", "BANK CHARGES"}; !slices.Equal(got, want) {
		t.Errorf("ItemListWatch = %q, want %q", got, want)
	}
	if got, want := ItemListWatch("K11"), []string{"K11"}; !slices.Equal(got, want) {
		t.Errorf("ItemListWatch = %q, want %q", got, want)
	}
}
