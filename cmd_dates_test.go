package main

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/internal/testtables"
)

// telcoDatesCSV writes the shared Telco churn table with tenure (months)
// replaced by a signup date that many 30-day months (and r%30 days) before
// 2024-01-31, written as ISO dates, ISO date-times, Chinese dates and day
// first with the year last (D/M/YYYY, which the days above 12 show), and
// returns its path. It skips when the shared data sets are absent.
func telcoDatesCSV(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "shared", "datasets", "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv")
	f, err := os.Open(src)
	if err != nil {
		shareddata.Missing(t, src, err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	err = testtables.ReplaceTenureBySignup(recs, func(r int, day time.Time) string {
		switch {
		case r%5 == 0:
			return day.Format("2/1/2006")
		case r%7 == 0:
			return day.Format("2006-01-02T15:04:05Z")
		case r%13 == 0:
			return day.Format("2006年1月2日")
		}
		return day.Format(time.DateOnly)
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := csv.NewWriter(&b).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "telco_dates.csv", b.String())
}

// retain predict on the training file gives the probabilities the training
// table's own scoring gives: the raw cells (ReadRows) and the table's day
// numbers (Transform) read the dates alike, day first included.
func TestPredictOnDatesEqualsTrainingScores(t *testing.T) {
	path := telcoDatesCSV(t)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "2", "--layers", "8", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	if want := `column "signup_date": dates from `; !strings.Contains(c.stderr.String(), want) {
		t.Errorf("train's notes %q lack %q", c.stderr.String(), want)
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
	for _, pc := range b.Pipeline.Columns {
		if pc.Name == "signup_date" && (!pc.Date || pc.DateOrder != data.DateDMY) {
			t.Fatalf("signup_date fitted as %+v, want dates read day first", pc)
		}
	}
	d, err := experiment.Load(experiment.Source{Kind: "csv", Path: path}, func(p string) (io.ReadCloser, error) { return os.Open(p) })
	if err != nil {
		t.Fatal(err)
	}
	fromTable, err := b.ScoreTable(d.Table)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fromCells, err := b.ScoreCSV(raw, path)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range fromTable.Probabilities {
		if fromCells.Probabilities[i] != p {
			t.Fatalf("row %d: %v from the cells, %v from the table", i+1, fromCells.Probabilities[i], p)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(fromTable.Probabilities)+1 {
		t.Fatalf("predict wrote %d rows, want %d", len(recs)-1, len(fromTable.Probabilities))
	}
	for i, r := range recs[1:] {
		p, err := strconv.ParseFloat(r[1], 64)
		if err != nil || r[0] != fromTable.IDs[i] || math.Abs(p-fromTable.Probabilities[i]) > 5e-7 {
			t.Fatalf("line %d: %q, want %s with %.6f", i+2, r, fromTable.IDs[i], fromTable.Probabilities[i])
		}
	}
	// inspect names the column a date column (it said "numeric") and
	// gives its bounds as dates and its exact latest day.
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	var pc data.PipelineColumn
	for _, q := range b.Pipeline.Columns {
		if q.Name == "signup_date" {
			pc = q
		}
	}
	for _, want := range []string{"signup_date (date), inputs ",
		"   dates written with the year last are read day first",
		"then days before " + data.FormatDay(pc.Max) + " (day " + strconv.FormatFloat(pc.Max, 'g', 6, 64) + " since 1970-01-01)"} {
		if !strings.Contains(c.stdout.String(), want) {
			t.Errorf("inspect lacks %q:\n%s", want, c.stdout.String())
		}
	}
}
