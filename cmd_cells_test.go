package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// readModel reads a model file written by train.
func readModel(t *testing.T, path string) *experiment.Bundle {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := experiment.ReadBundle(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pipelineColumn returns the model's pipeline column named name.
func pipelineColumn(t *testing.T, b *experiment.Bundle, name string) *data.PipelineColumn {
	t.Helper()
	for i := range b.Pipeline.Columns {
		if b.Pipeline.Columns[i].Name == name {
			return &b.Pipeline.Columns[i]
		}
	}
	t.Fatalf("no pipeline column %q", name)
	return nil
}

// Missing cells are filled and said so, one note per column, by train,
// eval --cv and predict; values beyond the training range are scored as
// its bound and said so, and a reason on one reads "≥ bound", while a
// value that is the bound itself reads "=".
func TestMissingAndClippedCellsAreSaid(t *testing.T) {
	// usersCSV's table with spend written as six spellings of missing
	// (rows 10, 20, …, 60: counted here, 6 cells), and visits (0 to 19)
	// held to [2, 15]: some 45 users of 300 have each bound, more than the
	// 20 the k-anonymous bounds average, so the bounds are exactly 2 and 15.
	lines := usersLinesVisitsHeld(t, 300, 2, 15)
	for k, missing := range []string{"", "NA", "?", "NULL", "-", "n/a"} {
		f := strings.Split(lines[10*(k+1)], ",")
		f[2] = missing
		lines[10*(k+1)] = strings.Join(f, ",")
	}
	users := writeFile(t, "users.csv", strings.Join(lines, "\n")+"\n")
	model := t.TempDir() + "/model.json"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--label", "churn", "--epochs", "2", "--layers", "8",
		"--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	b := readModel(t, model)
	spend, visits := pipelineColumn(t, b, "spend"), pipelineColumn(t, b, "visits")
	// The fill and the bounds are the model's own statistics (their
	// fitting is tested in package data); the counts are this test's.
	marks := "; a was-missing input marks each"
	if !spend.Indicator {
		// Indicators are on by default, but 6 missing cells are too few
		// for one (data.MinGroup).
		marks = "; no was-missing input (fewer than 10 training cells were missing: it would single out so few customers)"
	}
	want := fmt.Sprintf("note: %s: column \"spend\": 6 missing cells of 300, filled with the training mean %s%s\n",
		users, data.FormatStatistic(spend.Fill), marks)
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("train's stderr %q\nlacks %q", c.stderr.String(), want)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "3", "--data", users, "--label", "churn", "--epochs", "1",
		"--layers", "8"); code != exitOK {
		t.Fatalf("eval --cv: exit %d, stderr %q", code, c.stderr.String())
	}
	want = fmt.Sprintf("note: %s: column \"spend\": 6 missing cells of 300, filled with the mean of each fold's training rows; "+
		"no was-missing input (fewer than 10 cells are missing: it would single out so few customers)\n", users)
	if !strings.Contains(c.stderr.String(), want) {
		t.Errorf("eval --cv's stderr %q\nlacks %q", c.stderr.String(), want)
	}

	if visits.Max != 15 || visits.Min != 2 {
		t.Fatalf("visits range [%v, %v]: the case below wants the whole-number bounds [2, 15]", visits.Min, visits.Max)
	}
	next := writeFile(t, "next.csv", "user_id,visits,spend,plan\n"+
		"a,1000,50,basic\n"+ // line 2: beyond the top
		"b,15,50,basic\n"+ // line 3: the top itself
		"c,-5,n/a,plus\n"+ // line 4: beyond the bottom, spend missing
		"d,3,,pro\n") // line 5: spend missing
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", next, "--explain", "3"); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	wantNotes := fmt.Sprintf("note: %[1]s: column \"spend\": 2 missing cells, the first at line 4, column 3, filled with the training mean %[2]s%[3]s\n"+
		"note: %[1]s: column \"visits\": outside the range the model keeps [2, 15] (its ends are means of the 10th–19th most extreme training values, for privacy): 1 value above it scored as 15 and 1 value below it scored as 2; "+
		"the first is 1000 at line 2, column 2\n", next, data.FormatStatistic(spend.Fill), marks)
	if c.stderr.String() != wantNotes {
		t.Errorf("predict's stderr %q\nwant %q", c.stderr.String(), wantNotes)
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	visitsReason := func(rec []string) string {
		for _, r := range rec[3:] {
			if strings.HasPrefix(r, "visits") {
				return r[:strings.IndexByte(r, ' ')]
			}
		}
		return ""
	}
	for i, want := range []string{"visits≥15", "visits=15", "visits≤2", "visits=3"} {
		if got := visitsReason(recs[i+1]); got != want {
			t.Errorf("row %d: visits reason %q, want %q (%v)", i+1, got, want, recs[i+1])
		}
	}
}

// readText returns a file's contents.
func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// usersLinesVisitsHeld is usersCSV's table of n users, as lines with the
// header first, with every visits value held to [lo, hi].
func usersLinesVisitsHeld(t *testing.T, n, lo, hi int) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(readText(t, usersCSV(t, n)), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		v, err := strconv.Atoi(f[1])
		if err != nil {
			t.Fatal(err)
		}
		f[1] = strconv.Itoa(min(max(v, lo), hi))
		lines[i] = strings.Join(f, ",")
	}
	return lines
}
