package data

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestLogColumnsRefusalNamesTheHeader: a refusal for columns that cannot
// be resolved carries the log's columns and the role not found, for an
// interface to offer them (the TUI's column chooser), and every role
// not found: a header whose names name neither a customer id nor a
// date; a header with a date but no customer id; a headerless log of six
// columns, numbered, which has neither.
func TestLogColumnsRefusalNamesTheHeader(t *testing.T) {
	cases := []struct {
		text string
		want LogColumnsUnknown
	}{
		{"person,when,spent\np1,2024-01-02,3.5\n", LogColumnsUnknown{Header: []string{"person", "when", "spent"}, Missing: []string{"customer id", "date"}}},
		{"person,date,spent\np1,2024-01-02,3.5\n", LogColumnsUnknown{Header: []string{"person", "date", "spent"}, Missing: []string{"customer id"}}},
		{"1 2 3 4 5 6\n7 8 9 10 11 12\n", LogColumnsUnknown{Header: []string{"1", "2", "3", "4", "5", "6"}, Headerless: true, Missing: []string{"customer id", "date"}}},
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

// TestLogColumnsRefusalNamesEveryMissingRole: a log whose headers a, b, c
// name no role is refused once for both roles, with one --log-columns
// advice for both (review 9, finding 4: it was refused for the customer
// id, then for the date); one role missing keeps its own wording.
func TestLogColumnsRefusalNamesEveryMissingRole(t *testing.T) {
	cases := []struct{ text, want string }{
		{"a,b,c\np1,2024-01-02,3.5\n",
			"abc.csv:1: no customer id or date column found (columns: a, b, c); name them with --log-columns customer=COLUMN,time=COLUMN"},
		{"a,b,c\np1,2024-01-02,3.5\n",
			"abc.csv:1: no date column found (columns: a, b, c); name it with --log-columns time=COLUMN"},
	}
	for i, c := range cases {
		opts := LogOptions{}
		if i == 1 {
			opts.Columns = LogColumns{Customer: "a"}
		}
		_, err := ReadOrderLog(strings.NewReader(c.text), "abc.csv", opts)
		if !errors.Is(err, ErrLogColumns) || err.Error() != c.want {
			t.Errorf("case %d: %v, want %q", i, err, c.want)
		}
	}
}
