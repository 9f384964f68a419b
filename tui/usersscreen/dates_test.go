package usersscreen

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestAverageDateIsADate: the feature table's typical value of a date
// column was its day number ("18,871"); so would the average user's be. 60
// users signed up on consecutive days from 2024-01-01 (day 19723): the
// average user's signup is a date of that span.
func TestAverageDateIsADate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.csv")
	b := []byte("id,signup,visits,churn\n")
	for i := range 60 {
		b = fmt.Appendf(b, "u%d,2024-%02d-%02d,%d,%s\n", i, 1+i/28, 1+i%28, i%7, []string{"no", "yes"}[i%2])
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	e, err := experiment.New(d, experiment.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if !e.Pipeline.Columns[0].Date {
		t.Fatalf("signup is not a date column: %+v", e.Pipeline.Columns[0])
	}
	x, err := e.Row(0)
	if err != nil {
		t.Fatal(err)
	}
	got := baselineText(e.Explainer().BaselineValue(x, 0), displayValue)
	if len(got) != 10 || got < "2024-01-01" || got > "2024-03-04" {
		t.Errorf("average signup %q, want a date from 2024-01-01 to 2024-03-04", got)
	}
}
