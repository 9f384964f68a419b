// Package sqlexport writes a saved model as one SQL SELECT that scores the
// rows of a warehouse table where they live: the pipeline's casts,
// imputation, one-hot encoding, ln(1+v) and scaling, every layer of the
// network as sums of products with the weights as literals, the
// calibration and the decision at the model's threshold. For a model
// trained on an order log the SELECT first builds each customer's
// features from an orders table at a cutoff.
//
// The package only generates text; it reads no files and runs no SQL. Its
// errors reach users as they are, so their text has no "sqlexport: " prefix.
package sqlexport

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Dialect is the SQL engine the text is written for.
type Dialect int

// The dialects.
const (
	SQLite Dialect = iota
	DuckDB
	Postgres
	BigQuery
	Snowflake
	Trino
	Spark
	MySQL
)

var dialectNames = [...]string{"sqlite", "duckdb", "postgres", "bigquery", "snowflake", "trino", "spark", "mysql"}

// dialectAliases are other names of engines that read one of the dialects:
// Presto and Amazon Athena read Trino's SQL, Databricks reads Spark's.
var dialectAliases = map[string]string{
	"postgresql": "postgres", "presto": "trino", "athena": "trino",
	"sparksql": "spark", "spark-sql": "spark", "databricks": "spark", "mariadb": "mysql",
}

// ErrDialect is matched by errors.Is for an unknown dialect name.
var ErrDialect = errors.New("unknown dialect")

// ParseDialect returns the dialect named s (case-insensitive; the names
// of dialectAliases are accepted too).
func ParseDialect(s string) (Dialect, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if alias, ok := dialectAliases[name]; ok {
		name = alias
	}
	for i, n := range dialectNames {
		if n == name {
			return Dialect(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q: want sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql", ErrDialect, s)
}

// String returns the dialect's lower-case name.
func (d Dialect) String() string {
	if d < 0 || int(d) >= len(dialectNames) {
		return fmt.Sprintf("dialect(%d)", int(d))
	}
	return dialectNames[d]
}

// ident quotes a column or table name. A dotted table name
// (schema.table, project.dataset.table) is quoted part by part.
// Snowflake keeps a name that is a plain identifier unquoted (see
// snowflakePlain), so that it matches a column created without quotes,
// which Snowflake stores in upper case.
func (d Dialect) ident(name string) string {
	switch d {
	case BigQuery:
		return "`" + strings.ReplaceAll(name, "`", "\\`") + "`"
	case Spark, MySQL:
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	case Snowflake:
		if snowflakePlain(name) {
			return name
		}
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// src is the alias of the table the query reads (the users or orders
// table, or the CTE a model's inputs are computed in).
const src = "src"

// column is a column of the table aliased as alias, qualified. Qualified,
// a column the table lacks is an error in every engine: SQLite reads an
// unqualified "name" that matches no column as the string 'name' (its
// double-quoted string literals), which would score every row without one.
func (d Dialect) column(alias, name string) string {
	return alias + "." + d.ident(name)
}

// snowflakePlain reports whether Snowflake reads name unquoted as the same
// column, ignoring case: letters, digits and underscores, not starting with
// a digit, and not one of its reserved words.
func snowflakePlain(name string) bool {
	if name == "" || snowflakeReserved[strings.ToUpper(name)] {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// snowflakeReserved are the words Snowflake reserves (its "Reserved &
// limited keywords"), which cannot name a column unquoted.
var snowflakeReserved = func() map[string]bool {
	words := strings.Fields(`ACCOUNT ALL ALTER AND ANY AS BETWEEN BY CASE CAST CHECK COLUMN CONNECT CONNECTION
		CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DATABASE DELETE
		DISTINCT DROP ELSE EXISTS FALSE FOLLOWING FOR FROM FULL GRANT GROUP GSCLUSTER HAVING ILIKE IN INCREMENT
		INNER INSERT INTERSECT INTO IS ISSUE JOIN LATERAL LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP MINUS NATURAL
		NOT NULL OF ON OR ORDER ORGANIZATION QUALIFY REGEXP REVOKE RIGHT RLIKE ROW ROWS SAMPLE SCHEMA SELECT SET
		SOME START TABLE TABLESAMPLE THEN TO TRIGGER TRUE TRY_CAST UNION UNIQUE UPDATE USING VALUES VIEW WHEN
		WHENEVER WHERE WINDOW WITH`)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}()

// table quotes a table name, each dot-separated part on its own.
func (d Dialect) table(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = d.ident(p)
	}
	return strings.Join(parts, ".")
}

// str quotes a string literal. BigQuery, Snowflake and Spark read a
// backslash in a literal as an escape, so it is doubled there; BigQuery
// and Spark do not read a doubled quote as a quote (they join adjacent
// literals, or refuse them), so a quote is escaped with a backslash there.
func (d Dialect) str(s string) string {
	switch d {
	case Snowflake, MySQL:
		s = strings.ReplaceAll(s, `\`, `\\`)
	case BigQuery, Spark:
		s = strings.ReplaceAll(s, `\`, `\\`)
		return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// skipsNulls reports whether the engine's GREATEST and LEAST skip NULL
// arguments (PostgreSQL, DuckDB, Spark) instead of returning NULL: there a
// NULL must be kept apart from them, or it would become the other
// argument (a bound, 0 for ReLU).
func (d Dialect) skipsNulls() bool {
	switch d {
	case Postgres, DuckDB, Spark:
		return true
	}
	return false
}

// text is the type a value is cast to for comparing it as text.
func (d Dialect) text() string {
	switch d {
	case MySQL:
		return "CHAR CHARACTER SET utf8mb4"
	case DuckDB, Snowflake, Trino:
		return "VARCHAR"
	case BigQuery, Spark:
		return "STRING"
	}
	return "TEXT"
}

// integer is the type of a 64-bit integer in a CAST.
func (d Dialect) integer() string {
	if d == MySQL {
		return "SIGNED"
	}
	return "BIGINT"
}

// double is the type of a 64-bit float.
func (d Dialect) double() string {
	switch d {
	case SQLite:
		return "REAL"
	case Postgres:
		return "DOUBLE PRECISION"
	case BigQuery:
		return "FLOAT64"
	}
	return "DOUBLE"
}

// asText is expr cast to text, trimmed as retain trims a cell: of every
// white space character at either end (trim). MySQL compares text ignoring
// case (and groups "C1" with "c1") under its default collations: there the
// text is compared byte by byte (utf8mb4_bin), as retain compares it.
func (d Dialect) asText(expr string) string {
	if d == MySQL {
		return d.trim("CAST("+expr+" AS "+d.text()+")") + " COLLATE utf8mb4_bin"
	}
	return d.trim("CAST(" + expr + " AS " + d.text() + ")")
}

// spaces are the characters retain trims from both ends of a cell, those
// of unicode.IsSpace (bytes.TrimSpace): tab, line feed, vertical tab, form
// feed, carriage return, space, NEL, no-break space and Unicode's other
// spaces (U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
// They are read from unicode.White_Space's ranges, the table IsSpace
// consults (a loop over every code point cost each start of the program
// about a million IsSpace calls); TestSpacesAreIsSpace ties the two.
var spaces = func() []rune {
	var rs []rune
	for _, r16 := range unicode.White_Space.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			rs = append(rs, r)
		}
	}
	for _, r32 := range unicode.White_Space.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			rs = append(rs, r)
		}
	}
	return rs
}()

// trim is text without the white space (spaces) at either end. SQL's
// one-argument TRIM takes off spaces only (a tab-padded id or level kept
// its tab): each engine is given the characters, as a set to trim where
// it has one (SQLite's char of code points, chr of each elsewhere, or an
// escaped literal), and MySQL, whose TRIM takes off a whole string
// instead, a regular expression of them.
func (d Dialect) trim(text string) string {
	switch d {
	case SQLite:
		codes := make([]string, len(spaces))
		for i, r := range spaces {
			codes[i] = strconv.Itoa(int(r))
		}
		return "TRIM(" + text + ", char(" + strings.Join(codes, ", ") + "))"
	case DuckDB, Snowflake, Trino:
		// Snowflake's and Trino's texts run on DuckDB in the tests: chr of
		// a code point is the one form the three share.
		chars := make([]string, len(spaces))
		for i, r := range spaces {
			chars[i] = "chr(" + strconv.Itoa(int(r)) + ")"
		}
		return "TRIM(" + text + ", " + strings.Join(chars, " || ") + ")"
	case MySQL:
		var class strings.Builder
		for _, r := range spaces {
			fmt.Fprintf(&class, `\x{%X}`, r)
		}
		set := "[" + class.String() + "]+"
		return "REGEXP_REPLACE(" + text + ", " + d.str("^"+set+"|"+set+"$") + ", '')"
	}
	var set strings.Builder
	for _, r := range spaces {
		fmt.Fprintf(&set, `\u%04X`, r)
	}
	switch d {
	case Postgres:
		return "BTRIM(" + text + ", E'" + set.String() + "')"
	case Spark:
		return "TRIM(BOTH '" + set.String() + "' FROM " + text + ")"
	}
	return "TRIM(" + text + ", '" + set.String() + "')" // BigQuery
}

// asDouble is expr cast to a 64-bit float.
func (d Dialect) asDouble(expr string) string {
	return "CAST(" + expr + " AS " + d.double() + ")"
}

// dayNumber is the calendar date of a DATE or TIMESTAMP expression (in
// SQLite an ISO-8601 text or a Julian day) as days since 1970-01-01. Trino
// reads a text as a DATE only without a time, so there the date is the
// first ten characters of the value as text (Trino writes a DATE or
// TIMESTAMP year first).
func (d Dialect) dayNumber(expr string) string {
	switch d {
	case SQLite:
		return "(julianday(date(" + expr + ")) - 2440587.5)"
	case DuckDB:
		return "date_diff('day', DATE '1970-01-01', CAST(" + expr + " AS DATE))"
	case Postgres:
		return "(CAST(" + expr + " AS DATE) - DATE '1970-01-01')"
	case Snowflake:
		return "DATEDIFF(day, DATE '1970-01-01', CAST(" + expr + " AS DATE))"
	case Trino:
		return "date_diff('day', DATE '1970-01-01', CAST(SUBSTR(CAST(" + expr + " AS VARCHAR), 1, 10) AS DATE))"
	case Spark, MySQL:
		return "DATEDIFF(CAST(" + expr + " AS DATE), DATE '1970-01-01')"
	}
	return "UNIX_DATE(CAST(" + expr + " AS DATE))"
}

// netInput is a network input as the layers read it. Snowflake, Trino and
// Spark read a literal such as 1.0 as an exact decimal, so an input built
// only of literals (a one-hot level, a boolean) would carry the layers'
// sums of products in decimal arithmetic, whose precision and scale those
// engines bound (Trino refuses, Spark rounds): there every input is cast to
// a 64-bit float, and each product of a literal weight with it is a float.
func (d Dialect) netInput(expr string) string {
	switch d {
	case Snowflake, Trino, Spark, MySQL:
		return d.asDouble(expr)
	}
	return expr
}

// num writes a float literal in Go's shortest round-trip form, always with
// a point or an exponent so that no engine reads it as an integer.
func num(v float64) (string, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", fmt.Errorf("the model holds a non-finite number %v", v)
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s, nil
}

// mustNum is num for values already checked finite.
func mustNum(v float64) string {
	s, err := num(v)
	if err != nil {
		panic(err)
	}
	return s
}

// greatest is the larger of two values.
func (d Dialect) greatest(a, b string) string {
	if d == SQLite {
		return "MAX(" + a + ", " + b + ")"
	}
	return "GREATEST(" + a + ", " + b + ")"
}

// least is the smaller of two values.
func (d Dialect) least(a, b string) string {
	if d == SQLite {
		return "MIN(" + a + ", " + b + ")"
	}
	return "LEAST(" + a + ", " + b + ")"
}

// unmerged ends each CTE's body where the engine would otherwise merge a
// CTE into the query that reads it (MySQL and MariaDB merge derived tables
// and CTEs, which would repeat each layer's expression in every unit of the
// next): a LIMIT no table reaches, which keeps a CTE from being merged.
func (d Dialect) unmerged() string {
	if d == MySQL {
		return "\n  LIMIT 18446744073709551615"
	}
	return ""
}

// materialized is the hint that evaluates a CTE once instead of inlining
// it into every reference ("" where the engine has none): inlined, each
// layer would repeat the whole expression of the layer before it.
func (d Dialect) materialized() string {
	switch d {
	case SQLite, DuckDB, Postgres:
		return "MATERIALIZED "
	}
	return ""
}
