package experiment

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// A date column explains, sets and sweeps as dates: a user's value reads
// as the date in the file, what-if takes a date, the sweep's values are
// dates.
func TestExplainerSpeaksDates(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,last_order,spend,churn\n")
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		day := start.AddDate(0, 0, (i*37)%365)
		fmt.Fprintf(&b, "u%d,%s,%d,%s\n", i, day.Format(time.DateOnly), i%50, []string{"no", "yes"}[(i*37)%365/200])
	}
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(b.String())), nil }
	d, err := Load(Source{Kind: "csv", Path: "orders.csv", Label: "churn"}, open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 2
	e := trainedOnData(t, d, cfg)
	x := e.Explainer()
	r := e.Split.Validation[0]
	row, err := e.Row(r)
	if err != nil {
		t.Fatal(err)
	}
	ci := colIndex(t, x, "last_order")
	pc := &x.Pipeline.Columns[ci]
	// Within the clipped range the date comes back as written.
	want := data.FormatDay(min(max(d.Table.Column("last_order").Values[r], pc.Min), pc.Max))
	if got := x.Value(row, ci); got != want {
		t.Errorf("value %q, want %q", got, want)
	}
	set, err := x.Set(row, "last_order", "2023-06-15")
	if err != nil || x.Value(set, ci) != "2023-06-15" {
		t.Errorf("set 2023-06-15: %v, value %q", err, x.Value(set, ci))
	}
	if _, err := x.Set(row, "last_order", "soon"); err == nil || !strings.Contains(err.Error(), `expected a date (YYYY-MM-DD), got "soon"`) {
		t.Errorf("set soon: %v", err)
	}
	points, err := x.Sweep(row, "last_order", 5)
	if err != nil || points[0].Value != data.FormatDay(pc.Min) || points[4].Value != data.FormatDay(pc.Max) {
		t.Errorf("sweep %v, %v", points, err)
	}
}
