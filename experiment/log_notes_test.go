package experiment

import (
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestLogNotesSayRenamedColumns: the load summary of a log whose "note"
// names two columns says under which name the second is read, before the
// columns read for the roles.
func TestLogNotesSayRenamedColumns(t *testing.T) {
	text := "customer,date,amount,note,note\nA,2020-01-05,5,x,y\nA,2020-03-05,6,x,z\n"
	log, err := data.ReadOrderLog(strings.NewReader(text), "o.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`o.csv: columns 4 and 5 are both named "note": column 5 is read as "note (2)"`,
		"o.csv: " + log.RolesNote(),
	}
	if got := LogNotes("o.csv", log); !slices.Equal(got[:min(2, len(got))], want) {
		t.Errorf("notes %q\nwant them to start %q", got, want)
	}
}
