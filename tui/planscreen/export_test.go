package planscreen

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// TestExportTargetList writes the contacted customers of a plan within a
// budget of 25 %: one line per contact in the plan's order, with band,
// segment, action and three reasons.
func TestExportTargetList(t *testing.T) {
	s := planned(t, screentest.Common("en", 160, 48), screentest.TextbookRun(t))
	s = typeIn(t, s, "b", "25%")
	rep := s.Report()
	path := filepath.Join(t.TempDir(), "targets.csv")
	s = typeIn(t, s, "x", path)
	screentest.MustContain(t, screentest.Render(s, 160, 48), "✓ wrote the 5 customers to contact to "+path)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "id,probability_purchases_next_30d = yes,band,segment,risk,action,reason_1,reason_2,reason_3"
	if got := strings.Join(recs[0], ","); got != want {
		t.Errorf("header %q, want %q", got, want)
	}
	if len(recs) != 1+rep.Best.Contacted || rep.Best.Contacted != 5 {
		t.Fatalf("%d lines for %d contacts, want 5 contacts", len(recs), rep.Best.Contacted)
	}
	for k, c := range rep.Contacts[:5] {
		r := recs[k+1]
		if r[0] != c.ID || r[3] != c.Segment.String() || r[5] != c.Action.String() || r[6] == "" || !strings.Contains(r[6], "=") {
			t.Errorf("line %d: %q, want contact %+v with a reason", k+1, r, c)
		}
	}
	if recs[1][2] != "top 5 %" {
		t.Errorf("first contact's band %q, want top 5 %%", recs[1][2])
	}
}

// TestExportServedRefuses never asks a served session for a path.
func TestExportServedRefuses(t *testing.T) {
	s := New(screentest.Common("en", 80, 24))
	s.SetServed(true)
	s = feed(t, s, s.SetRun(screentest.TextbookRun(t))())
	s = feed(t, s, screentest.Press("x"))
	if s.Editing() {
		t.Fatal("x asked a served session for a path")
	}
	screentest.MustContain(t, screentest.Render(s, 80, 24), "export is not available in a served session")
}
