package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestServedPreviewShowsNoFilePosition: with pseudonyms forced, the Data
// preview numbered its rows in file order (#), so in a file sorted by id
// row 7 was customer C007 under its pseudonym. The preview now has no row
// numbers and lists the rows by pseudonym.
func TestServedPreviewShowsNoFilePosition(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,plan,tenure,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "C%03d,%s,%d,%s\n", i, []string{"a", "b", "c"}[i%3], i%17, []string{"No", "Yes"}[i%3/2])
	}
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "ids.csv"}, b.String())
	lines := strings.Split(screen(sendKeys(t, m, "right")), "\n")
	head := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "customerID") && strings.Contains(l, "tenure") })
	if head < 0 {
		t.Fatalf("no preview header:\n%s", strings.Join(lines, "\n"))
	}
	if strings.Contains(lines[head], "#") {
		t.Errorf("the preview numbers its rows: %q", lines[head])
	}
	pseudonymAt := regexp.MustCompile(`^\s*(p_[0-9a-f]{20})\s`)
	var shown []string
	for _, l := range lines[head+1:] {
		mm := pseudonymAt.FindStringSubmatch(l)
		if mm == nil {
			break
		}
		shown = append(shown, mm[1])
	}
	if len(shown) < 10 || !slices.IsSorted(shown) {
		t.Errorf("the preview's rows are not by pseudonym: %q", shown)
	}
}
