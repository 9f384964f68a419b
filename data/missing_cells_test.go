package data

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// TestMissingCells checks that MissingCells lists exactly the cells
// isMissing accepts: every string of up to 4 characters drawn from the
// markers' letters (and "?", "-"), in either case, is missing exactly when its lower-case
// form is listed.
func TestMissingCells(t *testing.T) {
	listed := MissingCells()
	const alphabet = "naNA/uUlL#?-oOeE"
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

func TestExcelMissingCells(t *testing.T) {
	// Every new marker, in a numeric column past the sample and in it.
	markers := []string{"?", "-", "None", "NONE", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!"}
	for _, m := range markers {
		set := map[int]string{3: m, 1150: m}
		tab := mustRead(t, ages(1200, set), CSVOptions{})
		c := tab.Column("age")
		if c.Kind != Numeric || c.Missing != 2 || !math.IsNaN(c.Values[2]) || !math.IsNaN(c.Values[1149]) {
			t.Errorf("%q: kind %v, missing %d", m, c.Kind, c.Missing)
		}
	}
	// Near misses are not missing.
	for _, s := range []string{"--", "??", "-1", "#DIV/0", "nones", "#"} {
		if isMissing([]byte(s)) {
			t.Errorf("isMissing(%q) = true", s)
		}
	}
}
