package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// lowDaysCSV writes a per-user table whose signup dates never have a day
// above 12, written by layout (day first with the year last cannot show
// its order), and returns its path.
func lowDaysCSV(t *testing.T, name, layout string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("user,visits,signup,churn\n")
	for i := range 240 {
		day := time.Date(2020+i%3, time.Month(1+i/12%12), 1+i%12, 0, 0, 0, 0, time.UTC)
		churn := "no"
		if (i%3 == 0) != (i%7 == 0) {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%d,%d,%s,%s\n", i, i%17, day.Format(layout), churn)
	}
	return writeFile(t, name, b.String())
}

// Dates written day first whose days never exceed 12: without --date-order
// the column is left out with a note that says how to read it; with
// --date-order dmy (refused for --data before) it is a date column read
// day first, and predict reads the file's cells in the model's order,
// scoring as the table loaded with that order does. Year-first dates score
// the same with or without the flag.
func TestDateOrderForTableDates(t *testing.T) {
	path := lowDaysCSV(t, "low.csv", "02/01/2006")
	dir := t.TempDir()
	train := func(out string, extra ...string) string {
		t.Helper()
		c := newCLI(t)
		args := append([]string{"train", "--data", path, "--epochs", "2", "--layers", "4", "--out", out}, extra...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%q: exit %d, stderr %q", args, code, c.stderr.String())
		}
		return c.stderr.String()
	}
	stderr := train(filepath.Join(dir, "auto.json"))
	if want := `column "signup" is not a feature: text with too many levels to be a category (`; !strings.Contains(stderr, want) ||
		!strings.Contains(stderr, `cannot tell day from month: none has a first or second number above 12; give the date order (--date-order dmy or mdy) to read them as dates)`) {
		t.Errorf("without --date-order, stderr %q lacks the note with its fix", stderr)
	}
	model := filepath.Join(dir, "dmy.json")
	stderr = train(model, "--date-order", "dmy")
	// The range, from Python: min and max of date(2020+i%3, 1+i//12%12,
	// 1+i%12) for i in range(240) are 2020-01-01 and 2022-12-12.
	if want := `column "signup": dates from 2020-01-01 to 2022-12-12, used as days before the training rows' latest date; ` +
		`dates written with the year last read day first (day/month/year)`; !strings.Contains(stderr, want) {
		t.Errorf("with --date-order dmy, stderr %q lacks %q", stderr, want)
	}
	f, err := os.Open(model)
	if err != nil {
		t.Fatal(err)
	}
	b, err := experiment.ReadBundle(f, model)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var pc *data.PipelineColumn
	for i := range b.Pipeline.Columns {
		if b.Pipeline.Columns[i].Name == "signup" {
			pc = &b.Pipeline.Columns[i]
		}
	}
	if pc == nil || !pc.Date || pc.DateOrder != data.DateDMY {
		t.Fatalf("signup fitted as %+v, want dates read day first", pc)
	}
	open := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path, DateOrder: "dmy"}, open)
	if err != nil {
		t.Fatal(err)
	}
	fromTable, err := b.ScoreTable(d.Table)
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
	if len(lines) != len(fromTable.Probabilities)+1 {
		t.Fatalf("predict wrote %d rows, want %d", len(lines)-1, len(fromTable.Probabilities))
	}
	for i, line := range lines[1:] {
		if want := fmt.Sprintf("%s,%.6f,", fromTable.IDs[i], fromTable.Probabilities[i]); !strings.HasPrefix(line, want) {
			t.Fatalf("predict line %d %q, want it to start %q", i+2, line, want)
		}
	}

	// Year-first dates: the flag changes nothing.
	path = lowDaysCSV(t, "iso.csv", time.DateOnly)
	scores := func(extra ...string) string {
		out := filepath.Join(t.TempDir(), "m.json")
		train(out, extra...)
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "--model", out, "--data", path); code != exitOK {
			t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
		}
		return c.stdout.String()
	}
	if plain, given := scores(), scores("--date-order", "dmy"); plain != given || strings.Count(plain, "\n") != 241 {
		t.Errorf("ISO dates score differently with --date-order dmy (%d and %d bytes)", len(plain), len(given))
	}
}
