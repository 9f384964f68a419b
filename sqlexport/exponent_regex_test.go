package sqlexport

import (
	"regexp"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestMarkedPatternReadsExponents runs the regular-expression dialects'
// reading of a marked cell (cellNumber: markedPattern, then decimalPattern
// on the cell without its marks and commas, and groupedPattern where it
// has commas) with Go's regexp, whose syntax these patterns keep to, on
// cells in scientific notation (review21 #3). The engines with regular
// expressions are run only under build tags (DuckDB, MariaDB); this checks
// the patterns in every build. Whether retain predict reads each cell is
// by hand, from data's cleanNumber: marks around a number with an
// exponent, but no thousands separators with one.
func TestMarkedPatternReadsExponents(t *testing.T) {
	m := data.AllNumberMarks()
	marked := regexp.MustCompile(markedPattern(m))
	decimal := regexp.MustCompile(decimalPattern)
	grouped := regexp.MustCompile(groupedPattern)
	read := func(cell string) bool {
		if decimal.MatchString(cell) {
			return true
		}
		u := cell
		for _, sign := range m.Currencies() {
			for _, form := range []string{" " + sign, sign + " ", sign} {
				u = strings.ReplaceAll(u, form, "")
			}
		}
		for _, mark := range []string{" %", "%", "(", ")"} {
			u = strings.ReplaceAll(u, mark, "")
		}
		s := strings.ReplaceAll(u, ",", "")
		return marked.MatchString(cell) && decimal.MatchString(s) && (!strings.Contains(u, ",") || grouped.MatchString(u))
	}
	for _, c := range []struct {
		cell string
		want bool
	}{
		{"9.83E-05%", true}, {"$1.5e3", true}, {"(1e3)", true}, {"1e3 €", true}, {"-$1e-3", true},
		{"(0e5)", true}, {"$.5e3", true}, {"5e+3 %", true}, {"(€ 2.5E2)", true}, {"1,234.5", true},
		{"$1e", false}, {"1,234.5e3", false}, {"$1,000e3", false}, {"1e3,5", false}, {"(01e3)", false},
		{"%1e3", false}, {"1e3%%", false}, {"$1e3$", false}, {"1e3e3%", false}, {"e3%", false},
	} {
		if got := read(c.cell); got != c.want {
			t.Errorf("%q: read %v, want %v", c.cell, got, c.want)
		}
	}
}
