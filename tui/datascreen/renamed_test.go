package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestRenamedLineSaysWhichColumnWasRenamed: a table whose header names
// "visits" twice loads, and the Data screen says under which name the
// second is read, in both languages, at 80×24 and larger.
func TestRenamedLineSaysWhichColumnWasRenamed(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,visits,spend,visits,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "u%d,%d,%d,%d,%s\n", i, i%7, 10+i, i%5, []string{"yes", "no"}[i%2])
	}
	for _, tc := range []struct{ lang, want string }{
		{"en", `Renamed  column 4 "visits" (also column 2's name) read as "visits (2)"`},
		{"zh", `重命名   第 4 列 "visits"（与第 2 列同名）读作 "visits (2)"`},
	} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			c := screentest.Common(tc.lang, size[0], size[1])
			got := screentest.Render(loaded(t, c, experiment.Source{Kind: "csv", Path: "u.csv"}, b.String()), size[0], size[1])
			mustContain(t, got, tc.want)
		}
	}
}

// TestRenamedLineOfALog: an order log whose "note" names two columns
// (no role is read from it) says the same of its second column.
func TestRenamedLineOfALog(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount,note,note\n")
	for i := range 60 {
		fmt.Fprintf(&b, "c%d,1998-%02d-%02d,%d,x,y\n", i%20, 1+i%9, 1+i%27, 5+i)
	}
	for _, tc := range []struct{ lang, want string }{
		{"en", `Renamed  column 5 "note" (also column 4's name) read as "note (2)"`},
		{"zh", `重命名   第 5 列 "note"（与第 4 列同名）读作 "note (2)"`},
	} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			c := screentest.Common(tc.lang, size[0], size[1])
			got := screentest.Render(loaded(t, c, experiment.Source{Kind: "log", Path: "o.csv"}, b.String()), size[0], size[1])
			mustContain(t, got, tc.want)
		}
	}
}
