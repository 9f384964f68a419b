package sqlexport

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// codesShop writes n users with a region read as codes (--categorical:
// 0, 10, 20 or 30, the code 0 included, which SQLite's cast makes of any
// text) and a discount flag of 10 or blank.
func codesShop(t *testing.T, n int) string {
	t.Helper()
	rng := rand.New(rand.NewPCG(11, 3))
	var buf bytes.Buffer
	buf.WriteString("user_id,spend,discount,region,churn\n")
	for i := range n {
		discount := ""
		if rng.IntN(10) < 4 {
			discount = "10"
		}
		region := []string{"0", "10", "20", "30"}[rng.IntN(4)]
		churn := "no"
		if (discount == "10") != (rng.IntN(5) == 0) || region == "30" && rng.IntN(2) == 0 {
			churn = "yes"
		}
		fmt.Fprintf(&buf, "u%03d,%d,%s,%s,%s\n", i, rng.IntN(200), discount, region, churn)
	}
	path := filepath.Join(t.TempDir(), "codes.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// trainCodes trains on codesShop with region read as codes.
func trainCodes(t *testing.T) *experiment.Bundle {
	t.Helper()
	path := codesShop(t, 300)
	return train(t, experiment.Source{Kind: "csv", Path: path, Label: "churn", Categorical: []string{"region"}}, func(c *experiment.Config) {
		c.Hidden = []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}}
	})
}

// A flag whose value is the number 10 and a column of codes take the same
// numbers written otherwise ("10.0", "+10", "1e1", " 10 ", a code with
// marks retain predict reads it without: "$20", "20 %"), in SQL as in
// retain predict; the other cells are the usual ones (a blank, NA, an
// unseen code).
func checkNumbersWrittenOtherwise(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := trainCodes(t)
	recs := [][]string{{"user_id", "spend", "discount", "region"},
		{"a", "50", "10", "10"},
		{"b", "50", "10.0", "10.0"},
		{"c", "50", "+10", "+20"},
		{"e", "50", "1e1", "1e1"},
		{"f", "50", " 10 ", " 0.0 "},
		{"g", "50", "1.0E+1", "3e1"},
		{"h", "50", "", "NA"},
		{"i", "50", "NA", "40"},
		{"j", "$50", "10", "$20"},
		{"k", "50", "10", "20 %"},
	}
	checkRecords(t, b, open, "new.csv", recs, Options{Dialect: d})
}

func TestSQLiteMatchesPredictOnNumbersWrittenOtherwise(t *testing.T) {
	checkNumbersWrittenOtherwise(t, openSQLite, SQLite)
}

// refusedCell is a row retain predict refuses, with its error.
type refusedCell struct {
	row []string
	err string
}

// checkNullWhereRefused scores the good rows with retain predict, checks
// that it refuses each of the refused ones with its error, loads all of
// them as the table users in a new database of d and checks that the
// SELECT gives each refused row a NULL probability and class and the good
// ones retain predict's probabilities.
func checkNullWhereRefused(t *testing.T, b *experiment.Bundle, open func(t *testing.T) *sql.DB, d Dialect, header []string, good [][]string, refused []refusedCell) {
	t.Helper()
	var buf bytes.Buffer
	if err := csv.NewWriter(&buf).WriteAll(append([][]string{header}, good...)); err != nil {
		t.Fatal(err)
	}
	want, err := b.ScoreCSV(&buf, "good.csv")
	if err != nil {
		t.Fatal(err)
	}
	rows := append([][]string{}, good...)
	for _, r := range refused {
		buf.Reset()
		if err := csv.NewWriter(&buf).WriteAll([][]string{header, r.row}); err != nil {
			t.Fatal(err)
		}
		if _, err := b.ScoreCSV(&buf, "bad.csv"); err == nil || err.Error() != r.err {
			t.Errorf("retain predict on %q: error %v, want %s", r.row, err, r.err)
		}
		rows = append(rows, r.row)
	}
	db := open(t)
	loadTable(t, db, d, "users", header, rows)
	text, err := Build(b, Options{Dialect: d})
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Query(text)
	if err != nil {
		t.Fatalf("running the exported SELECT: %v", err)
	}
	defer res.Close()
	got, class := map[string]sql.NullFloat64{}, map[string]sql.NullString{}
	for res.Next() {
		var id string
		var p sql.NullFloat64
		var predicted sql.NullString
		if err := res.Scan(&id, &p, &predicted); err != nil {
			t.Fatal(err)
		}
		got[id], class[id] = p, predicted
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	for _, r := range refused {
		if p, ok := got[r.row[0]]; !ok || p.Valid || class[r.row[0]].Valid {
			t.Errorf("row %q: probability %v, class %v; want NULL and NULL", r.row, p, class[r.row[0]])
		}
	}
	for i, id := range want.IDs {
		if p := got[id]; !p.Valid || math.Abs(p.Float64-want.Probabilities[i]) > tolerance {
			t.Errorf("row %s: probability %v, retain predict %v", id, p, want.Probabilities[i])
		}
	}
}

// A code or a flag's cell that is no plain number gives the row a NULL
// probability, as retain predict refuses it: "abc" is no code 0 (SQLite's
// cast reads it as 0), "10x" no code 10 (SQLite reads the number it
// starts with), and "10.5" or "x10" is no flag 10.
func checkNullForCellsThatAreNoNumber(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b := trainCodes(t)
	header := []string{"user_id", "spend", "discount", "region"}
	good := [][]string{{"a", "50", "10", "0"}, {"b", "80", "", "20.0"}}
	refused := []refusedCell{
		{[]string{"c", "50", "10", "abc"}, `bad.csv:2:4: column "region": expected a code (a number), got "abc"`},
		{[]string{"e", "50", "", "10x"}, `bad.csv:2:4: column "region": expected a code (a number), got "10x"`},
		{[]string{"f", "50", "", "1.0.0"}, `bad.csv:2:4: column "region": expected a code (a number), got "1.0.0"`},
		{[]string{"g", "50", "10.5", "0"}, `bad.csv:2:3: column "discount": expected "10" or a blank, got "10.5"`},
		{[]string{"h", "50", "x10", "0"}, `bad.csv:2:3: column "discount": expected "10" or a blank, got "x10"`},
	}
	checkNullWhereRefused(t, b, open, d, header, good, refused)
}

func TestSQLiteGivesNullForCellsThatAreNoNumber(t *testing.T) {
	checkNullForCellsThatAreNoNumber(t, openSQLite, SQLite)
}

// In a column read without its marks, a cell retain predict refuses once
// they are removed gives the row a NULL probability: commas that group no
// thousands ("1,2", "12,34.5", "1,234,5"), a second point ("1.2.3"), text
// ("$abc"), a sign after the number ("5-"), an exponent with thousands
// separators ("$1,000e3"; "$1e3" is a number).
func checkNullForMarkedCellsRefused(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b, path := trainMarked(t)
	header := readCSV(t, path)[0]
	good := [][]string{
		{"a", "$1,404.11", "2,565.12", "12%", "5 €", "3.5", "plus", "no"},
		{"c", "$9.99", "12", "1%", "(€5.00)", "2", "basic", "no"},
		{"d", "-$1,000", "+1,000.5", "1e1", "€1,234,567.", "2", "basic", "no"},
		{"e", "$1e3", "7", "9.83E-05%", "(5E-1 €)", "2", "basic", "no"},
	}
	refused := []refusedCell{
		{[]string{"b1", "$abc", "2,565.12", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$abc"`},
		{[]string{"b2", "$1.0", "1,2", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:3: column "total": expected a finite number, got "1,2"`},
		{[]string{"b3", "$1.0", "1.2.3", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:3: column "total": expected a finite number, got "1.2.3"`},
		{[]string{"b4", "$12,34.5", "7", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$12,34.5"`},
		{[]string{"b5", "$1", "1,234,5", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:3: column "total": expected a finite number, got "1,234,5"`},
		{[]string{"b6", "$1", "0,123", "12%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:3: column "total": expected a finite number, got "0,123"`},
		{[]string{"b7", "$1", "7", "5-%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:4: column "discount": expected a finite number, got "5-%"`},
		{[]string{"b9", "$1,000e3", "7", "5%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$1,000e3"`},
		{[]string{"b8", "$1", "1,234.5,6", "5%", "5 €", "3.5", "plus", "no"}, `bad.csv:2:3: column "total": expected a finite number, got "1,234.5,6"`},
	}
	checkNullWhereRefused(t, b, open, d, header, good, refused)
}

func TestSQLiteGivesNullForMarkedCellsRetainRefuses(t *testing.T) {
	checkNullForMarkedCellsRefused(t, openSQLite, SQLite)
}
