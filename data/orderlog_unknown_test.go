package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestLogColumnsRefusalNamesTheHeader: a refusal for columns that cannot
// be resolved carries the log's columns and the role not found, for an
// interface to offer them (the TUI's column chooser): a header whose
// names name no customer id; a headerless log of six columns, numbered.
func TestLogColumnsRefusalNamesTheHeader(t *testing.T) {
	cases := []struct {
		text string
		want LogColumnsUnknown
	}{
		{"person,when,spent\np1,2024-01-02,3.5\n", LogColumnsUnknown{Header: []string{"person", "when", "spent"}, Missing: "customer id"}},
		{"1 2 3 4 5 6\n7 8 9 10 11 12\n", LogColumnsUnknown{Header: []string{"1", "2", "3", "4", "5", "6"}, Headerless: true, Missing: "customer id"}},
	}
	for _, c := range cases {
		_, err := ReadOrderLog(strings.NewReader(c.text), "x.txt", LogOptions{})
		var pe *ParseError
		if !errors.Is(err, ErrLogColumns) || !errors.As(err, &pe) {
			t.Fatalf("%q: %v, want a columns refusal", c.text, err)
		}
		if !reflect.DeepEqual(pe.Facts, c.want) {
			t.Errorf("%q: facts %+v, want %+v", c.text, pe.Facts, c.want)
		}
	}
}
