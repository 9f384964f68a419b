package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// sortedByID is a table sorted by its customer ids (C0000, C0001, …), as
// exports of a database often are: file order gives the ids back. Its
// features take few values, so many customers score exactly alike.
func sortedByID(rows int) string {
	var b strings.Builder
	b.WriteString("customerID,plan,tenure,churn\n")
	for i := range rows {
		fmt.Fprintf(&b, "C%04d,%s,%d,%s\n", i, []string{"a", "b", "c"}[i%3], i%2, []string{"No", "Yes"}[(i/3)%2])
	}
	return b.String()
}

// pseudonymRow matches a table row that starts with a number and then a
// pseudonym: "  3 p_0123456789abcdef0123 …".
var pseudonymRow = regexp.MustCompile(`^\s*(\d+)\s+(p_[0-9a-f]{20})\b(.*)$`)

// TestServedWalkthroughBatchIsNotInFileOrder: the walkthrough's mini-batch
// tables numbered the other users (#) in the training set's order, the
// file's, beside their pseudonyms: in a file sorted by id their order and
// places gave the ids back. With pseudonyms forced they are listed by
// pseudonym.
func TestServedWalkthroughBatchIsNotInFileOrder(t *testing.T) {
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "sorted.csv"}, sortedByID(300))
	run := trainRun(t, m, 2)
	m.trainScr.AddFinished(run)
	m = runCmds(t, m, m.analyse(run))
	m = pressAll(t, m, "6")
	var view string
	for range 40 {
		if view = screen(m); strings.Contains(view, "the loss of a mini-batch") {
			break
		}
		m = pressAll(t, m, "right")
	}
	if !strings.Contains(view, "the loss of a mini-batch") {
		t.Fatalf("no loss page:\n%s", view)
	}
	var others []string
	for _, l := range strings.Split(view, "\n") {
		if mm := pseudonymRow.FindStringSubmatch(l); mm != nil && mm[1] != "1" {
			others = append(others, mm[2])
		}
	}
	if len(others) < 3 {
		t.Fatalf("the batch table shows %d other users:\n%s", len(others), view)
	}
	if !slices.IsSorted(others) {
		t.Errorf("the batch's other users are not in pseudonym order: %q", others)
	}
}

// TestServedPlanTiesAreNotInFileOrder: the Plan screen ranked customers of
// equal worth in file order, so among the many who score alike the
// contacts' numbers (#) followed the file beside their pseudonyms. With
// pseudonyms forced, ties are ranked by pseudonym.
func TestServedPlanTiesAreNotInFileOrder(t *testing.T) {
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "sorted.csv"}, sortedByID(600))
	run := trainRun(t, m, 2)
	m.trainScr.AddFinished(run)
	m = runCmds(t, m, m.analyse(run))
	// G: the page's end, where the contacts table is once the notes above
	// it (every-customer commands, break-even) fill the first screen.
	view := screen(pressAll(t, m, "0", "G"))
	lines := strings.Split(view, "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "First contacts") })
	if start < 0 {
		t.Fatalf("no contacts table:\n%s", view)
	}
	type contact struct{ id, p string }
	var shown []contact
	for _, l := range lines[start+1:] {
		if mm := pseudonymRow.FindStringSubmatch(l); mm != nil {
			shown = append(shown, contact{mm[2], strings.Fields(mm[3])[0]})
		}
	}
	ties := 0
	for k := 1; k < len(shown); k++ {
		if shown[k].p != shown[k-1].p {
			continue
		}
		ties++
		if shown[k].id < shown[k-1].id {
			t.Errorf("contacts %d and %d score alike (%s) but are not in pseudonym order: %s, %s",
				k, k+1, shown[k].p, shown[k-1].id, shown[k].id)
		}
	}
	if ties == 0 {
		t.Fatalf("no two contacts score alike, the test tests nothing:\n%s", view)
	}
}
