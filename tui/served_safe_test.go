package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestServedDataCannotDriveTheTerminal: a cell holding ESC]0;…BEL (set the
// window title) and ESC[31m (red) reached the client's terminal as they
// were, in the preview and wherever the value was shown; a column name too.
// Every data text is made safe as the data loads.
func TestServedDataCannotDriveTheTerminal(t *testing.T) {
	const evil = "Fe\x1b]0;PWNED-TITLE\x07male\x1b[31mRED"
	var b strings.Builder
	b.WriteString("customerID,gender,plan\x1b[5m,tenure,churn\n")
	for i := range 40 {
		gender := []string{"Male", evil}[i%2]
		fmt.Fprintf(&b, "C%03d,%s,%s,%d,%s\n", i, gender, []string{"a", "b", "c"}[i%3], i%17, []string{"No", "Yes"}[i%3/2])
	}
	m := servedPseudonymised(t, experiment.Source{Kind: "csv", Path: "evil.csv"}, b.String())
	for _, keys := range [][]string{nil, {"right"}, {"right", "right"}} {
		view := sendKeys(t, m, keys...).View().Content
		for _, raw := range []string{"\x1b]0;PWNED", "\x07", "\x1b[31mRED", "\x1b[5m"} {
			if strings.Contains(view, raw) {
				t.Errorf("after %q the view sends %q to the terminal", keys, raw)
			}
		}
	}
	preview := screen(sendKeys(t, m, "right"))
	if !strings.Contains(preview, "Fe\uFFFD]0;PWNED") {
		t.Errorf("the preview does not show the cell with placeholders:\n%s", preview)
	}
	if !strings.Contains(preview, "plan\uFFFD[5m") {
		t.Errorf("the preview does not show the column name with a placeholder:\n%s", preview)
	}
}
