package data

import (
	"fmt"
	"strings"
	"testing"
)

// TestFoldedLevelsCounted: a categorical column's levels seen fewer than
// MinGroup times in training fold into the catch-all level, and the
// treatment says how many (review35: the Data screen said "levels seen <
// 10 times", never how many). The table: city a, b, c 20 rows each, d 3
// rows, e 2 rows: 2 rare levels, by construction.
func TestFoldedLevelsCounted(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,city,visits,churn\n")
	cities := strings.Repeat("a", 20) + strings.Repeat("b", 20) + strings.Repeat("c", 20) + "dddee"
	for i, c := range cities {
		fmt.Fprintf(&b, "u%d,%c,%d,%s\n", i, c, i%7, []string{"no", "yes"}[i%2])
	}
	tab := mustRead(t, b.String(), CSVOptions{Label: "churn"})
	rows := make([]int, tab.Rows)
	for i := range rows {
		rows[i] = i
	}
	p, err := FitPipeline(tab, rows, PipelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range p.Columns {
		if pc.Name != "city" {
			continue
		}
		if pc.Folded != 2 || !pc.Other {
			t.Fatalf("folded %d, other %v; want 2, true", pc.Folded, pc.Other)
		}
		got := treatment(&pc, p.Options).String()
		if want := "one-hot encoded into 4 columns (2 levels seen < 10 times, and unseen ones: (other))"; !strings.Contains(got, want) {
			t.Errorf("treatment %q, want it to say %q", got, want)
		}
		return
	}
	t.Fatal("no city column")
}
