package data

import (
	"slices"
	"strings"
	"testing"
)

// TestMissingCells checks that MissingCells lists exactly the cells
// isMissing accepts: every string of up to 4 characters drawn from the
// markers' letters, in either case, is missing exactly when its lower-case
// form is listed.
func TestMissingCells(t *testing.T) {
	listed := MissingCells()
	const alphabet = "naNA/uUlL#"
	var walk func(prefix string)
	walk = func(prefix string) {
		want := slices.Contains(listed, strings.ToLower(prefix))
		if got := isMissing([]byte(prefix)); got != want {
			t.Errorf("isMissing(%q) = %v, MissingCells lists it: %v", prefix, got, want)
		}
		if len(prefix) == 4 {
			return
		}
		for _, c := range alphabet {
			walk(prefix + string(c))
		}
	}
	walk("")
	listed[0] = "changed"
	if MissingCells()[0] != "" {
		t.Error("MissingCells returns the package's own slice")
	}
}
