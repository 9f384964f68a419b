package sqlexport

import (
	"database/sql"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// numericCellsHeader is the hand-made model's header (handUsers).
var numericCellsHeader = []string{"user_id", "age", "visits", "plan", "member"}

// numericCells are cells of the hand-made model's numeric columns, which
// its file wrote without marks: each row is read by retain predict (good)
// or refused with the error given (refused). age goes through a clip and
// ln(1+v); visits has a missing indicator.
var numericCells = struct {
	good    [][]string
	refused []refusedCell
}{
	good: [][]string{
		{"a", "34", "3", "basic", "yes"},
		{"b", "34.0", "+3", "basic", "yes"},
		{"c", " 34 ", "3.", "basic", "yes"},
		{"d", "3.4e1", ".3e1", "basic", "yes"},
		{"e", "3.4E+1", "30e-1", "basic", "yes"},
		{"f", "\u00a034\t", "\u30003", "basic", "yes"},
		{"g", "-5", "-0.5", "basic", "no"},
		{"h", "", "NaN", "basic", "no"},
		{"i", "Unknown", "--", "basic", "no"},
		{"j", "1e3", "1E1", "basic", "no"},
	},
	refused: []refusedCell{
		{[]string{"k", "abc", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "abc"`},
		{[]string{"l", "12abc", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "12abc"`},
		{[]string{"m", "34", "1,2", "basic", "yes"}, `bad.csv:2:3: column "visits": expected a finite number, got "1,2"`},
		{[]string{"n", "1.2.3", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "1.2.3"`},
		{[]string{"o", "inf", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "inf"`},
		{[]string{"p", "34", "Infinity", "basic", "yes"}, `bad.csv:2:3: column "visits": expected a finite number, got "Infinity"`},
		{[]string{"q", "1e", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "1e"`},
		{[]string{"r", "e5", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "e5"`},
		{[]string{"s", "34", "5-", "basic", "yes"}, `bad.csv:2:3: column "visits": expected a finite number, got "5-"`},
		{[]string{"t", "+-5", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "+-5"`},
		{[]string{"u", "3 4", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "3 4"`},
		{[]string{"v", "34", "3e+", "basic", "yes"}, `bad.csv:2:3: column "visits": expected a finite number, got "3e+"`},
		{[]string{"w", ".", "3", "basic", "yes"}, `bad.csv:2:2: column "age": expected a finite number, got "."`},
		{[]string{"x", "34", "1.5.", "basic", "yes"}, `bad.csv:2:3: column "visits": expected a finite number, got "1.5."`},
	},
}

// A numeric column written without marks is read as retain predict reads
// it: a plain decimal number in any of its forms (padded, signed, with a
// point at either end, with an exponent), a missing marker as the fill,
// and a cell retain predict refuses ("abc", "12abc", "1,2", "inf", …)
// gives the row a NULL probability. SQLite's cast read such a cell as 0 or
// as the number it starts with; DuckDB's failed the whole query.
func checkNumericCells(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	check := checkNullWhereRefused
	if d == Trino || d == Snowflake {
		check = checkReadWhereRead
	}
	check(t, handUsers(), open, d, numericCellsHeader, numericCells.good, numericCells.refused)
}

func TestSQLiteReadsNumericCellsAsPredict(t *testing.T) {
	checkNumericCells(t, openSQLite, SQLite)
}

// markedCells are cells of markedShop's columns (trainMarked): spend with
// "$" and thousands separators, discount with "%", balance with "€",
// thousands separators and accounting parentheses. The good rows have
// their marks where retain predict reads them; each refused row has a
// mark misplaced or repeated, which retain predict refuses.
var markedCells = struct {
	good    [][]string
	refused []refusedCell
}{
	good: [][]string{
		{"a", "5 $", "7", "5 %", "(€0.5)", "3", "plus", "no"},
		{"b", "$ -5", "7", "-5%", "1,234.50 €", "3", "plus", "no"},
		{"c", "-$ 1,000", "7", "+5 %", "(1,234.50 €)", "3", "plus", "no"},
		{"d", "+$5", "7", "12", "(€ 1,234.50)", "3", "plus", "no"},
		{"e", "1e1", "7", "0%", "-€5", "3", "plus", "no"},
	},
	refused: []refusedCell{
		{[]string{"f", "5$5", "7", "5%", "€5", "3", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "5$5"`},
		{[]string{"g", "$5$", "7", "5%", "€5", "3", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$5$"`},
		{[]string{"h", "$$5", "7", "5%", "€5", "3", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$$5"`},
		{[]string{"i", "- $5", "7", "5%", "€5", "3", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "- $5"`},
		{[]string{"j", "$  5", "7", "5%", "€5", "3", "plus", "no"}, `bad.csv:2:2: column "spend": expected a finite number, got "$  5"`},
		{[]string{"k", "$1", "7", "5%5", "€5", "3", "plus", "no"}, `bad.csv:2:4: column "discount": expected a finite number, got "5%5"`},
		{[]string{"l", "$1", "7", "%5", "€5", "3", "plus", "no"}, `bad.csv:2:4: column "discount": expected a finite number, got "%5"`},
		{[]string{"m", "$1", "7", "5%%", "€5", "3", "plus", "no"}, `bad.csv:2:4: column "discount": expected a finite number, got "5%%"`},
		{[]string{"n", "$1", "7", "5", "(5)5", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "(5)5"`},
		{[]string{"o", "$1", "7", "5", "€(5)", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "€(5)"`},
		{[]string{"p", "$1", "7", "5", "(-€5)", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "(-€5)"`},
		{[]string{"q", "$1", "7", "5", "-(€5)", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "-(€5)"`},
		{[]string{"r", "$1", "7", "5", "(01)", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "(01)"`},
		{[]string{"s", "$1", "7", "5", "(5)€", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "(5)€"`},
		{[]string{"t", "$1", "7", "5", "((5))", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "((5))"`},
		{[]string{"u", "$1", "7", "5", "€5€", "3", "plus", "no"}, `bad.csv:2:5: column "balance": expected a finite number, got "€5€"`},
	},
}

// A mark retain predict reads only where it stands in a number (a
// currency sign before or after it, a percent sign after it, parentheses
// around it) makes the row's probability NULL when it is misplaced or
// repeated ("5$5", "$$5", "5%5", "€(5)", "(-€5)"): the SELECT removed
// marks wherever they stood and scored "5$5" as 55.
func checkMisplacedMarks(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	b, path := trainMarked(t)
	header := readCSV(t, path)[0]
	check := checkNullWhereRefused
	if d == Trino || d == Snowflake {
		check = checkReadWhereRead
	}
	check(t, b, open, d, header, markedCells.good, markedCells.refused)
}

func TestSQLiteGivesNullForMisplacedMarks(t *testing.T) {
	checkMisplacedMarks(t, openSQLite, SQLite)
}

// In SQLite a column declared REAL holds a text that looks like a number
// as a REAL (34, '34', '34.0', ' 34 ', '1e3') and any other text as text
// ('inf', 'NaN', 'abc'): the SELECT reads each as retain predict reads
// the cell written in a CSV file. The reference of each row is retain
// predict on that row alone: a probability, or a refusal (NULL).
func TestSQLiteReadsARealColumnAsPredict(t *testing.T) {
	b := handUsers()
	ages := []any{34, "34", "34.0", " 34 ", "1e3", 5.5, "inf", "NaN", "abc", "12abc", nil}
	db := openSQLite(t)
	if _, err := db.Exec(`CREATE TABLE users (user_id TEXT, age REAL, visits REAL, plan TEXT, member TEXT)`); err != nil {
		t.Fatal(err)
	}
	want := map[string]sql.NullFloat64{}
	for i, age := range ages {
		id := string(rune('a' + i))
		if _, err := db.Exec(`INSERT INTO users VALUES (?, ?, ?, 'basic', 'yes')`, id, age, "3"); err != nil {
			t.Fatal(err)
		}
		cell := ""
		if age != nil {
			cell = fmt.Sprint(age) // 34, 5.5 or the text as it is
		}
		s, err := b.ScoreCSV(strings.NewReader("user_id,age,visits,plan,member\n"+id+",\""+cell+"\",3,basic,yes\n"), "row.csv")
		if err == nil {
			want[id] = sql.NullFloat64{Float64: s.Probabilities[0], Valid: true}
		} else {
			want[id] = sql.NullFloat64{}
		}
	}
	// The rows retain predict refuses, as its tests name them.
	for _, id := range []string{"g", "i", "j"} {
		if want[id].Valid {
			t.Fatalf("retain predict reads row %s (age %v)", id, ages[id[0]-'a'])
		}
	}
	text, err := Build(b, Options{Dialect: SQLite})
	if err != nil {
		t.Fatal(err)
	}
	got := nullableScores(t, db, text)
	// SQLite's REAL affinity, as its documentation describes it: a text
	// that is a well-formed number, spaces around it allowed, becomes a
	// REAL; other text stays text.
	stored := []string{"real", "real", "real", "real", "real", "real", "text", "text", "text", "text", "null"}
	for i := range ages {
		if typ := storedType(t, db, string(rune('a'+i))); typ != stored[i] {
			t.Errorf("age %#v is stored as %s, want %s", ages[i], typ, stored[i])
		}
	}
	for i := range ages {
		id := string(rune('a' + i))
		g, w := got[id], want[id]
		if g.Valid != w.Valid || g.Valid && math.Abs(g.Float64-w.Float64) > tolerance {
			t.Errorf("age %#v (stored as %s): SQL probability %v, retain predict %v", ages[i], stored[i], g, w)
		}
	}
}

// nullableScores runs the exported SELECT and returns each id's
// probability, NULL included.
func nullableScores(t *testing.T, db *sql.DB, text string) map[string]sql.NullFloat64 {
	t.Helper()
	rows, err := db.Query(text)
	if err != nil {
		t.Fatalf("running the exported SELECT: %v", err)
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
	return got
}

// storedType is SQLite's type of the age of user id.
func storedType(t *testing.T, db *sql.DB, id string) string {
	t.Helper()
	var typ string
	if err := db.QueryRow(`SELECT typeof(age) FROM users WHERE user_id = ?`, id).Scan(&typ); err != nil {
		t.Fatal(err)
	}
	return typ
}

// checkReadWhereRead loads the good and the refused rows as the table
// users in a new database of d and checks, for every row, that the
// SELECT's conditions on the numeric cells (a cell is missing, or read:
// number) refuse the row exactly where retain predict refuses it. It is
// for the Trino and Snowflake texts, which the tests run on DuckDB: there
// GREATEST skips the NULL of a refused cell (Trino's and Snowflake's
// return NULL), so the row's probability cannot show it.
func checkReadWhereRead(t *testing.T, b *experiment.Bundle, open func(t *testing.T) *sql.DB, d Dialect, header []string, good [][]string, refused []refusedCell) {
	t.Helper()
	var conds []string
	for i := range b.Pipeline.Columns {
		pc := &b.Pipeline.Columns[i]
		if pc.Kind != data.Numeric || pc.Date {
			continue
		}
		col := d.ident(pc.Name)
		_, read := d.number(pc, col, true)
		conds = append(conds, "NOT "+d.isMissingCell(pc, col, true)+" AND NOT "+read)
	}
	rows := append([][]string{}, good...)
	want := map[string]bool{}
	for _, r := range refused {
		rows = append(rows, r.row)
		want[r.row[0]] = true
	}
	db := open(t)
	loadTable(t, db, d, "users", header, rows)
	res, err := db.Query("SELECT " + d.ident(header[0]) + ", (" + strings.Join(conds, ") OR (") + ") FROM users")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Close()
	n := 0
	for res.Next() {
		var id string
		var refuses bool
		if err := res.Scan(&id, &refuses); err != nil {
			t.Fatal(err)
		}
		if n++; refuses != want[id] {
			t.Errorf("row %s: the SELECT refuses it: %v; retain predict: %v", id, refuses, want[id])
		}
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(rows) {
		t.Errorf("%d rows, want %d", n, len(rows))
	}
}
