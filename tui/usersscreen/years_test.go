package usersscreen

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// yearsRun trains one epoch on a customer table whose first feature is a
// year (birth_year, 1950 to 2004) beside an amount in the thousands
// (spend, 1,000 to 7,999), which stays grouped.
func yearsRun(t *testing.T) common.Run {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,birth_year,spend,churn\n")
	for i := range 120 {
		churn := "no"
		if (i*31)%7 < 3 {
			churn = "yes"
		}
		fmt.Fprintf(&b, "C%04d,%d,%d,%s\n", i+1, 1950+(i*17)%55, 1000+(i*7919)%7000, churn)
	}
	path := filepath.Join(t.TempDir(), "years.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, Label: "churn"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 1
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return common.Run{Number: 1, Exp: e, History: e.Trainer.History()}
}

// TestGoldenUsersYears: a year read "1,985" everywhere the screen writes
// a user's value (the features, the typical value, the reasons, the
// what-if's status and its sweep's axis); it reads 1985, while spend keeps
// its separators (3,357).
func TestGoldenUsersYears(t *testing.T) {
	run := yearsRun(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := shopScreen(t, run, c.Lang, c.Width, c.Height)
		s = selectID(t, s, "C0003")
		s = pressAll(t, s, "w") // the first feature: birth_year
		view := screentest.Render(s, c.Width, c.Height)
		if strings.Contains(view, "1,9") || strings.Contains(view, "2,00") {
			t.Errorf("a year is grouped:\n%s", view)
		}
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
