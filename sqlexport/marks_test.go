package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// markedShop writes a generated per-user file of n rows whose numbers are
// written as spreadsheets export them: spend with a dollar sign and
// thousands separators ("$1,404.11"), total with thousands separators
// only ("2,565.12"), discount as a percentage ("12%"), balance with
// a euro sign and accounting parentheses for a negative ("(€1,234.50)"), and a satisfaction score with "--" and "—" for missing values.
func markedShop(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 21))
	var buf bytes.Buffer
	buf.WriteString("user_id,spend,total,discount,balance,score,plan,churn\n")
	group := func(v float64) string { // 1404.11 → 1,404.11
		s := fmt.Sprintf("%.2f", v)
		intPart, frac := s[:len(s)-3], s[len(s)-3:]
		for i := len(intPart) - 3; i > 0; i -= 3 {
			intPart = intPart[:i] + "," + intPart[i:]
		}
		return intPart + frac
	}
	for i := range n {
		spend := "$" + group(float64(rng.IntN(500000))/100)
		total := group(float64(rng.IntN(900000)) / 100)
		discount := fmt.Sprintf("%d%%", rng.IntN(40))
		bal := float64(rng.IntN(400000)-100000) / 100
		balance := "€" + group(bal)
		if bal < 0 {
			balance = "(€" + group(-bal) + ")"
		}
		score := fmt.Sprintf("%.1f", 1+4*rng.Float64())
		switch {
		case i%29 == 3:
			score = "--"
		case i%31 == 5:
			score = "—"
		}
		plan := []string{"basic", "plus", "pro"}[rng.IntN(3)]
		churn := []string{"no", "yes"}[rng.IntN(2)]
		fmt.Fprintf(&buf, "u%03d,%q,%q,%s,%q,%s,%s,%s\n", i, spend, total, discount, balance, score, plan, churn)
	}
	path := filepath.Join(t.TempDir(), "marked.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// trainMarked trains on markedShop and checks that the model records what
// each numeric column was read without.
func trainMarked(t *testing.T) (*experiment.Bundle, string) {
	t.Helper()
	path := markedShop(t, 300)
	b := train(t, experiment.Source{Kind: "csv", Path: path, Label: "churn"}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 6, Activation: engine.ReLU}}
		c.Pipeline = data.PipelineOptions{Scale: data.ScaleZScore, Log1p: true, MissingIndicators: true}
	})
	// The marks, as markedShop writes them.
	want := map[string]string{"spend": `["$","thousands"]`, "total": `["thousands"]`, "discount": `["%"]`,
		"balance": `["€","thousands","()"]`, "score": `[]`}
	for _, pc := range b.Pipeline.Columns {
		w, ok := want[pc.Name]
		if !ok {
			continue
		}
		got, err := pc.Marks.MarshalJSON()
		if err != nil || string(got) != w {
			t.Fatalf("column %s: marks %s (%v), want %s", pc.Name, got, err, w)
		}
		delete(want, pc.Name)
	}
	if len(want) > 0 {
		t.Fatalf("columns %v are not in the pipeline: %+v", want, b.Pipeline.Columns)
	}
	return b, path
}

// A model trained on numbers written with currency signs, thousands
// separators, percent signs and accounting parentheses, and with "--" for
// missing, scores the same in SQL as in retain predict: on its training
// file, and on new cells written with and without the marks, with a space
// between sign and number, negative, blank and dashes.
func checkMarkedNumbers(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b, path := trainMarked(t)
	recs := readCSV(t, path)
	recs = append(recs,
		[]string{"n1", "1404.11", "2565.12", "12", "-1234.5", "3.5", "plus", "no"},
		[]string{"n2", "$ 1,404.11", "2,565.12", "12 %", "(€ 1,234.50)", "---", "pro", "yes"},
		[]string{"n3", "-$5.00", "1,000,000", "0%", "5 €", "–", "basic", "no"},
		[]string{"n4", "", "", "", "", "", "basic", "yes"},
		[]string{"n5", " $12 ", "7", "39%", "(€0.01)", "−−", "plus", "no"},
	)
	checkRecords(t, b, open, path, recs, Options{Dialect: d})
}

func TestSQLiteMatchesPredictWithMarkedNumbers(t *testing.T) {
	checkMarkedNumbers(t, openSQLite, SQLite)
}

// In SQLite, whose cast reads a text that is no number as 0, a cell of a
// marked column that is still no number once the marks are removed gives
// the row a NULL probability (retain predict refuses such a cell) instead
// of scoring it as the smallest value; the other rows score as retain
// predict scores them.
func TestSQLiteGivesNullForAMarkedCellThatIsNoNumber(t *testing.T) {
	b, path := trainMarked(t)
	header := readCSV(t, path)[0]
	good := [][]string{header,
		{"a", "$1,404.11", "2,565.12", "12%", "5 €", "3.5", "plus", "no"},
		{"c", "$9.99", "12", "1%", "(€5.00)", "2", "basic", "no"}}
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(good); err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(&buf, "good.csv")
	if err != nil {
		t.Fatal(err)
	}
	bad := []string{"b", "$abc", "2,565.12", "12%", "5 €", "3.5", "plus", "no"}
	if _, err := b.ScoreCSV(strings.NewReader(strings.Join(header, ",")+"\n"+strings.Join(bad, ",")+"\n"), "bad.csv"); err == nil {
		t.Fatal("retain predict reads $abc")
	}
	db := openSQLite(t)
	loadTable(t, db, SQLite, "users", header, [][]string{good[1], bad, good[2]})
	text, err := Build(b, Options{Dialect: SQLite})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(text)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]sql.NullFloat64{}
	for rows.Next() {
		var id string
		var p sql.NullFloat64
		var predicted sql.NullString
		if err := rows.Scan(&id, &p, &predicted); err != nil {
			t.Fatal(err)
		}
		got[id] = p
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if got["b"].Valid {
		t.Errorf("row b ($abc): probability %v, want NULL", got["b"].Float64)
	}
	for i, id := range want.IDs {
		if !got[id].Valid || got[id].Float64 != want.Probabilities[i] && abs(got[id].Float64-want.Probabilities[i]) > tolerance {
			t.Errorf("row %s: SQL %v, retain predict %v", id, got[id], want.Probabilities[i])
		}
	}
}

func abs(v float64) float64 { return max(v, -v) }

// A feature the SELECT computed from an orders table is cast as it is; a
// table's column is read with every mark retain predict reads, whether or
// not its training file wrote them: a column without marks as one with all
// of them. The marks read back from JSON.
func TestUnmarkedColumnIsReadAsADecimal(t *testing.T) {
	pc := &data.PipelineColumn{Name: "spend", Kind: data.Numeric}
	all := &data.PipelineColumn{Name: "spend", Kind: data.Numeric, Marks: data.AllNumberMarks()}
	for _, d := range []Dialect{SQLite, DuckDB, Postgres, BigQuery, Snowflake, Trino, Spark, MySQL} {
		if raw, read := d.number(pc, `"spend"`, false); raw != d.asDouble(`"spend"`) || read != "" {
			t.Errorf("%v, a computed feature: %s where %s, want %s always", d, raw, read, d.asDouble(`"spend"`))
		}
		raw, read := d.number(pc, `"spend"`, true)
		if wantRaw, wantRead := d.number(all, `"spend"`, true); raw != wantRaw || read != wantRead {
			t.Errorf("%v, a table's column without marks: read otherwise than one with every mark", d)
		}
		if !strings.Contains(read, d.isDecimal(d.asText(`"spend"`))) {
			t.Errorf("%v, a table's column: %s does not read a plain decimal number", d, read)
		}
	}
	var m data.NumberMarks
	if err := m.UnmarshalJSON([]byte(`["$","thousands","%","()","￥"]`)); err != nil {
		t.Fatal(err)
	}
	if !m.Groups() || !m.Percent() || !m.Parens() || !slices.Equal(m.Currencies(), []string{"$", "￥"}) {
		t.Errorf("marks read back as %v", m)
	}
	if err := m.UnmarshalJSON([]byte(`["$","spaces"]`)); err == nil || err.Error() != `unknown number mark "spaces"` {
		t.Errorf("unknown mark: error %v", err)
	}
}
