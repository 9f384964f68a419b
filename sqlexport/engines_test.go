package sqlexport

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
)

// The engine tests train a small model on a shared data set, score the
// file with the experiment package (retain predict's code: the reference),
// load the same raw cells into a SQL engine, run the exported SELECT and
// compare every customer's probability within 1e-9.

const tolerance = 1e-9

func osOpen(p string) (io.ReadCloser, error) { return os.Open(p) }

// datasetPath returns a file under ../shared/datasets, skipping when absent.
func datasetPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "datasets", rel)
	shareddata.Need(t, p)
	return p
}

// train fits a small model on src with cfg changed by tweak.
func train(t *testing.T, src experiment.Source, tweak func(*experiment.Config)) *experiment.Bundle {
	t.Helper()
	d, err := experiment.Load(src, osOpen)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Train.Epochs = 3
	tweak(&cfg)
	e, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// perUserCase is a shared per-user file and the model settings to try on it.
type perUserCase struct {
	name, file string
	tweak      func(*experiment.Config)
}

var perUserCases = []perUserCase{
	{"telco_churn", "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv", func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.Tanh}, {Units: 4, Activation: engine.LeakyReLU}}
		c.Pipeline = data.PipelineOptions{Scale: data.ScaleZScore, Log1p: true, MissingIndicators: true}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibIsotonic
	}},
	// min-max scaling clips to the 10th smallest and largest training
	// values: the top customers' charges lie beyond them.
	{"telco_churn_minmax", "telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv", func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}}
		c.Pipeline = data.PipelineOptions{Scale: data.ScaleMinMax, Log1p: true, MissingIndicators: true}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibPlatt
	}},
	{"online_shoppers", "online_shoppers/online_shoppers_intention.csv", func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 16, Activation: engine.ReLU}, {Units: 4, Activation: engine.Sigmoid}}
		c.Pipeline = data.PipelineOptions{Scale: data.ScaleRobust, Log1p: true}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibPlatt
	}},
}

// readCSV reads a whole CSV file.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// damage blanks, marks NA and replaces with unseen categories a few cells
// of the columns the pipeline uses, so that imputation and unseen levels
// are exercised.
func damage(recs [][]string, p *data.Pipeline) {
	index := map[string]int{}
	for i, h := range recs[0] {
		index[h] = i
	}
	var cat, nums, bools []int
	for _, pc := range p.Columns {
		switch pc.Kind {
		case data.Categorical:
			cat = append(cat, index[pc.Name])
		case data.Boolean:
			bools = append(bools, index[pc.Name])
		default:
			nums = append(nums, index[pc.Name])
		}
	}
	for r := 1; r < len(recs); r++ {
		row := recs[r]
		if len(cat) > 0 && r%97 == 0 {
			row[cat[0]] = "never seen in training"
		}
		if len(nums) > 0 && r%89 == 0 {
			row[nums[0]] = ""
		}
		if len(nums) > 1 && r%83 == 0 {
			row[nums[len(nums)-1]] = "NA"
		}
		if len(bools) > 0 && r%101 == 0 {
			row[bools[0]] = ""
		}
	}
}

// loadTable creates table with text columns named by header and inserts
// rows; a blank cell of an even row goes in as NULL, of an odd one as an
// empty string. The table is created as the engine that runs d's text
// reads it (tablesFor).
func loadTable(t *testing.T, db *sql.DB, d Dialect, table string, header []string, rows [][]string) {
	t.Helper()
	d = tablesFor(d)
	cols := make([]string, len(header))
	marks := make([]string, len(header))
	typ := d.text()
	if d == MySQL {
		typ = "TEXT" // a CAST's CHAR is one character as a column type
	}
	for i, h := range header {
		cols[i] = d.ident(h) + " " + typ
		marks[i] = "?"
	}
	if _, err := db.Exec("CREATE TABLE " + d.table(table) + " (" + strings.Join(cols, ", ") + ")"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	stmt, err := tx.Prepare("INSERT INTO " + d.table(table) + " VALUES (" + strings.Join(marks, ", ") + ")")
	if err != nil {
		t.Fatal(err)
	}
	args := make([]any, len(header))
	for r, row := range rows {
		for i, cell := range row {
			args[i] = cell
			if strings.TrimSpace(cell) == "" && r%2 == 0 {
				args[i] = nil
			}
		}
		if _, err := stmt.Exec(args...); err != nil {
			t.Fatalf("row %d: %v", r+1, err)
		}
	}
	if err := stmt.Close(); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// tablesFor is the dialect of the engine a test runs d's text on: DuckDB
// for the Trino text, which it reads as written (double-quoted names,
// date_diff with a quoted part, VARCHAR and DOUBLE casts), and for
// Snowflake's, whose unquoted plain names DuckDB matches ignoring case.
func tablesFor(d Dialect) Dialect {
	switch d {
	case Trino, Snowflake:
		return DuckDB
	}
	return d
}

// sqlScore is one row of the SELECT.
type sqlScore struct {
	prob      float64
	predicted string
	// short is short_history as the SELECT gives it: text, as predict
	// --log writes it.
	short string
}

// runSelect runs text and returns its rows by id (the first column).
func runSelect(t *testing.T, db *sql.DB, text string) map[string]sqlScore {
	t.Helper()
	rows, err := db.Query(text)
	if err != nil {
		t.Fatalf("running the exported SELECT: %v", err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]sqlScore{}
	for rows.Next() {
		var id string
		var s sqlScore
		var prob sql.NullFloat64
		dst := []any{&id, &prob, &s.predicted}
		if len(cols) == 4 {
			dst = append(dst, &s.short)
		}
		if err := rows.Scan(dst...); err != nil {
			t.Fatal(err)
		}
		if !prob.Valid {
			t.Fatalf("id %s: NULL probability", id)
		}
		s.prob = prob.Float64
		out[id] = s
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// compare checks the SELECT's rows against the reference scores.
func compare(t *testing.T, got map[string]sqlScore, want *experiment.Scored, short []bool) {
	t.Helper()
	if len(got) != len(want.IDs) {
		t.Errorf("the SELECT returned %d rows, retain predict scores %d", len(got), len(want.IDs))
	}
	worst := 0.0
	for i, id := range want.IDs {
		g, ok := got[id]
		if !ok {
			t.Fatalf("id %s missing from the SELECT", id)
		}
		p := want.Probabilities[i]
		diff := math.Abs(g.prob - p)
		worst = max(worst, diff)
		if diff > tolerance {
			t.Errorf("id %s: SQL probability %.17g, retain predict %.17g (off by %.3g)", id, g.prob, p, diff)
		}
		if g.predicted != want.Predicted[i] && math.Abs(p-want.Threshold) > tolerance {
			t.Errorf("id %s: SQL predicts %q, retain predict %q", id, g.predicted, want.Predicted[i])
		}
		// retain predict --log writes strconv.FormatBool of the mark
		// (experiment's scores CSV).
		if short != nil && g.short != strconv.FormatBool(short[i]) {
			t.Errorf("id %s: short_history %q, retain predict %q", id, g.short, strconv.FormatBool(short[i]))
		}
	}
	t.Logf("%d customers, largest difference %.3g", len(want.IDs), worst)
}

// checkPerUser runs every per-user case on db.
func checkPerUser(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	for _, c := range perUserCases {
		t.Run(c.name, func(t *testing.T) {
			path := datasetPath(t, c.file)
			b := train(t, experiment.Source{Kind: "csv", Path: path}, c.tweak)
			recs := readCSV(t, path)
			damage(recs, b.Pipeline)
			idName := b.Pipeline.IDName
			if idName == "" { // no id column: retain predict numbers the rows
				idName = "row_id"
				recs[0] = append(recs[0], idName)
				for r := 1; r < len(recs); r++ {
					recs[r] = append(recs[r], fmt.Sprint(r))
				}
			}
			var buf bytes.Buffer
			if err := csv.NewWriter(&buf).WriteAll(recs); err != nil {
				t.Fatal(err)
			}
			if b.Calibration == nil {
				t.Fatal("the model was not calibrated: the test would not cover calibration")
			}
			want, err := b.ScoreCSV(&buf, path)
			if err != nil {
				t.Fatal(err)
			}
			db := open(t)
			loadTable(t, db, d, "users", recs[0], recs[1:])
			text, err := Build(b, Options{Dialect: d, ID: idName})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runSelect(t, db, text), want, nil)
		})
	}
}

// checkOrderLog trains on the CDNOW log and scores its customers at two
// cutoffs, the second the default (the log's last date).
func checkOrderLog(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
	b := train(t, experiment.Source{Kind: "log", Path: path, Cutoff: cut, HorizonDays: 90}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}}
		c.CalibFrac, c.Calibration = 0.2, experiment.CalibPlatt
	})
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, path, data.LogOptions{Columns: b.Source.LogColumns})
	if err != nil {
		t.Fatal(err)
	}
	if b.Calibration == nil || b.Calibration.Platt == nil {
		t.Fatal("the model was not Platt-calibrated: the test would not cover calibration")
	}
	t.Logf("features: %v", b.Features)
	db := open(t)
	// The table as the file writes its dates (YYYYMMDD, the form the
	// model records), and as a DATE column reads (ISO, --time-format iso).
	header, rows := cdnowRows(t, path)
	loadTable(t, db, d, "orders_iso", header, rows)
	compact := make([][]string, len(rows))
	for i, r := range rows {
		compact[i] = append([]string{r[0], strings.ReplaceAll(r[1], "-", "")}, r[2:]...)
	}
	loadTable(t, db, d, "orders", header, compact)
	if b.Source.TimeForm != data.TimeCompact {
		t.Fatalf("the model records the time form %q, want %q", b.Source.TimeForm, data.TimeCompact)
	}
	for _, at := range []time.Time{time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), {}} {
		name := "cutoff " + at.Format(time.DateOnly)
		if at.IsZero() {
			name = "default cutoff"
		}
		t.Run(name, func(t *testing.T) {
			src := b.Source
			src.Cutoff = at
			cur, err := experiment.CurrentOf(log, src)
			if err != nil {
				t.Fatal(err)
			}
			want, err := b.ScoreCurrent(cur)
			if err != nil {
				t.Fatal(err)
			}
			text, err := Build(b, Options{Dialect: d, Cutoff: at, Columns: log.Columns})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runSelect(t, db, text), want.Scored, want.Short)
			text, err = Build(b, Options{Dialect: d, Cutoff: at, Columns: log.Columns, OrdersTable: "orders_iso", TimeForm: data.TimeISO})
			if err != nil {
				t.Fatal(err)
			}
			compare(t, runSelect(t, db, text), want.Scored, want.Short)
		})
	}
}

// cdnowRows reads the whitespace-aligned CDNOW log into text cells, its
// YYYYMMDD dates rewritten as ISO dates (what a DATE column reads as).
func cdnowRows(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var header []string
	var rows [][]string
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if header == nil {
			header = fields
			continue
		}
		day, err := time.Parse("20060102", fields[1])
		if err != nil {
			t.Fatal(err)
		}
		fields[1] = day.Format(time.DateOnly)
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return header, rows
}

// someCustomers keeps the orders of every nth customer, in order of first
// appearance: the tests of one reading form (time forms, order ids, item
// lines) need CDNOW's shape, not all 23,570 customers, and each would
// otherwise train a model and run the query on all of them
// (checkOrderLog keeps them all).
func someCustomers(orders [][]string, n int) [][]string {
	index := map[string]int{}
	var kept [][]string
	for _, o := range orders {
		i, ok := index[o[0]]
		if !ok {
			i = len(index)
			index[o[0]] = i
		}
		if i%n == 0 {
			kept = append(kept, o)
		}
	}
	return kept
}
