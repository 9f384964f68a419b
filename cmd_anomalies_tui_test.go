package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui"
	"github.com/retainlab/retain/tui/screentest"
)

// TestTUIAnomaliesRankAsTheCLI: `retain --data FILE` on a table without a
// label asks for the label, and its entry "no label — anomaly detection
// only" ranks the users on the Anomalies screen as `retain anomalies
// --data FILE` ranks them, with the same defaults: the same users in the
// same order with the same scores (to the 3 decimals the screen shows),
// and the same count above the cut-off. The CLI's numbers are its own
// --json output on the same file, not computed here. Before, the TUI
// could not load such a table without a label at all.
func TestTUIAnomaliesRankAsTheCLI(t *testing.T) {
	const users = 300
	var b strings.Builder
	b.WriteString("user_id,visits,spend,pages,plan\n")
	for i := range users {
		visits, spend, pages := 1+i*7%23, 10+i*13%97, 2+i*5%17
		if i%15 == 4 { // a group unlike the others, so that some users are above the cut-off
			visits, spend, pages = 80+i%3, 900, 1
		}
		fmt.Fprintf(&b, "U%03d,%d,%d.%d,%d,%s\n", i, visits, spend, i%10, pages, []string{"basic", "pro"}[i*3%7/4])
	}
	path := filepath.Join(t.TempDir(), "nolabel.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}

	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--data", path, "--json", "--top", fmt.Sprint(users)); code != 0 {
		t.Fatalf("anomalies: exit %d: %s", code, c.stderr)
	}
	var doc struct {
		Above int `json:"above_score_cutoff"`
		Top   []struct {
			Rank  int     `json:"rank"`
			ID    string  `json:"id"`
			Score float64 `json:"score"`
		} `json:"top"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil || len(doc.Top) != users || doc.Above == 0 {
		t.Fatalf("anomalies --json: %v, %d users, %d above the cut-off", err, len(doc.Top), doc.Above)
	}
	var want []string
	for _, u := range doc.Top {
		want = append(want, fmt.Sprintf("%d %s %.3f", u.Rank, u.ID, u.Score))
	}

	tc := newCLI(t)
	if code := tc.run(context.Background(), "--data", path); code != 0 || tc.tuiOpts == nil {
		t.Fatalf("retain --data: exit %d, TUI opened %v: %s", code, tc.tuiOpts != nil, tc.stderr)
	}
	var m tea.Model = tui.NewModel(*tc.tuiOpts)
	feed := func(msg tea.Msg) {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
			var next tea.Cmd
			m, next = m.Update(msg)
			return next, true
		})
	}
	feed(tea.WindowSizeMsg{Width: 200, Height: users + 40}) // every user listed
	feed(m.Init()())
	for _, k := range []string{"up", "enter"} { // the entry above the columns
		feed(screentest.Press(k))
	}
	view := ansi.Strip(m.View().Content)
	row := regexp.MustCompile(`^[ ▸]*(\d+)  (U\d+) +(\d+\.\d{3})  `)
	var got []string
	for _, l := range strings.Split(view, "\n") {
		if r := row.FindStringSubmatch(l); r != nil {
			got = append(got, r[1]+" "+r[2]+" "+r[3])
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the Anomalies screen ranks\n%s\nthe CLI\n%s\nscreen:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), view)
	}
	if above := fmt.Sprintf(": %d users above", doc.Above); !strings.Contains(view, above) {
		t.Errorf("the screen does not say %q (the CLI's count):\n%s", above, view)
	}
}
