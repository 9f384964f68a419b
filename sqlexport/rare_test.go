package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// rareShop writes a generated per-user file of n rows: spend with a long
// tail, visits with NA cells, a plan with three common levels and two seen
// fewer than data.MinGroup times, and a churn label.
func rareShop(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(18, 3))
	var buf bytes.Buffer
	buf.WriteString("user_id,spend,visits,plan,churn\n")
	for i := range n {
		plan := []string{"basic", "plus", "pro"}[rng.IntN(3)]
		switch {
		case i%60 == 7:
			plan = "gold" // 5 of 300 rows
		case i%100 == 11:
			plan = "legacy" // 3 of 300 rows
		}
		spend := fmt.Sprint(float64(rng.IntN(20000)) / 100)
		if i%37 == 0 {
			spend = fmt.Sprint(5000 + rng.IntN(100000)) // far beyond the 10th largest
		}
		visits := fmt.Sprint(rng.IntN(30))
		if i%13 == 0 {
			visits = "NA"
		}
		churn := []string{"no", "yes"}[rng.IntN(2)]
		fmt.Fprintf(&buf, "u%03d,%s,%s,%s,%s\n", i, spend, visits, plan, churn)
	}
	path := filepath.Join(t.TempDir(), "rare.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A model fitted by the privacy pipeline (min-max bounds at the 10th
// smallest and largest values with clipping, rare plans folded into
// "(other)") scores the same in SQL as in retain predict, on its training
// file and on new cells: beyond and below the bounds, a folded level, a
// level never seen, blanks.
func checkRareAndClipped(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := rareShop(t, 300)
	b := train(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 6, Activation: engine.ReLU}}
		c.Pipeline = data.PipelineOptions{Scale: data.ScaleMinMax, Log1p: true, MissingIndicators: true}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibPlatt
	})
	var clipped, other bool
	for _, pc := range b.Pipeline.Columns {
		clipped = clipped || pc.Clip
		other = other || (pc.Name == "plan" && pc.Other && len(pc.Levels) == 4)
	}
	if !clipped || !other {
		t.Fatalf("the pipeline does not clip (%v) or fold the rare plans (%v): %+v", clipped, other, b.Pipeline.Columns)
	}
	recs := readCSV(t, path)
	recs = append(recs,
		[]string{"n1", "1e7", "500", "gold", "no"},
		[]string{"n2", "-4", "-1", "legacy", "yes"},
		[]string{"n3", "", "", "platinum", "no"},
		[]string{"n4", "NA", "NA", "", "yes"},
		[]string{"n5", " 12.5 ", "3", " plus ", "no"},
	)
	checkRecords(t, b, open, path, recs, Options{Dialect: d})
}

// checkRecords scores recs (a header, then rows) as retain predict reads
// them as path, loads them as the table "users" of a new database, runs
// the SELECT Build writes with opts and compares the two.
func checkRecords(t *testing.T, b *experiment.Bundle, open func(t *testing.T) *sql.DB, path string, recs [][]string, opts Options) {
	t.Helper()
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(recs); err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(&buf, path)
	if err != nil {
		t.Fatal(err)
	}
	db := open(t)
	loadTable(t, db, opts.Dialect, "users", recs[0], recs[1:])
	text, err := Build(b, opts)
	if err != nil {
		t.Fatal(err)
	}
	compare(t, runSelect(t, db, text), want, nil)
}
