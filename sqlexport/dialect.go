// Package sqlexport writes a saved model as one SQL SELECT that scores the
// rows of a warehouse table where they live: the pipeline's casts,
// imputation, one-hot encoding, ln(1+v) and scaling, every layer of the
// network as sums of products with the weights as literals, the
// calibration and the decision at the model's threshold. For a model
// trained on an order log the SELECT first builds each customer's
// features from an orders table at a cutoff.
//
// The package only generates text; it reads no files and runs no SQL.
package sqlexport

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Dialect is the SQL engine the text is written for.
type Dialect int

// The dialects.
const (
	SQLite Dialect = iota
	DuckDB
	Postgres
	BigQuery
)

var dialectNames = [...]string{"sqlite", "duckdb", "postgres", "bigquery"}

// ErrDialect is matched by errors.Is for an unknown dialect name.
var ErrDialect = errors.New("sqlexport: unknown dialect")

// ParseDialect returns the dialect named s (case-insensitive; "postgresql"
// is accepted for postgres).
func ParseDialect(s string) (Dialect, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "postgresql" {
		name = "postgres"
	}
	for i, n := range dialectNames {
		if n == name {
			return Dialect(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q: want sqlite, duckdb, postgres or bigquery", ErrDialect, s)
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
func (d Dialect) ident(name string) string {
	if d == BigQuery {
		return "`" + strings.ReplaceAll(name, "`", "\\`") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// table quotes a table name, each dot-separated part on its own.
func (d Dialect) table(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = d.ident(p)
	}
	return strings.Join(parts, ".")
}

// str quotes a string literal.
func (d Dialect) str(s string) string {
	if d == BigQuery {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// text is the type a value is cast to for comparing it as text.
func (d Dialect) text() string {
	switch d {
	case DuckDB:
		return "VARCHAR"
	case BigQuery:
		return "STRING"
	}
	return "TEXT"
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

// asText is expr cast to text, trimmed.
func (d Dialect) asText(expr string) string {
	return "TRIM(CAST(" + expr + " AS " + d.text() + "))"
}

// asDouble is expr cast to a 64-bit float.
func (d Dialect) asDouble(expr string) string {
	return "CAST(" + expr + " AS " + d.double() + ")"
}

// dayNumber is the calendar date of a DATE or TIMESTAMP expression (in
// SQLite an ISO-8601 text or a Julian day) as days since 1970-01-01.
func (d Dialect) dayNumber(expr string) string {
	switch d {
	case SQLite:
		return "(julianday(date(" + expr + ")) - 2440587.5)"
	case DuckDB:
		return "date_diff('day', DATE '1970-01-01', CAST(" + expr + " AS DATE))"
	case Postgres:
		return "(CAST(" + expr + " AS DATE) - DATE '1970-01-01')"
	}
	return "UNIX_DATE(CAST(" + expr + " AS DATE))"
}

// num writes a float literal in Go's shortest round-trip form, always with
// a point or an exponent so that no engine reads it as an integer.
func num(v float64) (string, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", fmt.Errorf("sqlexport: the model holds a non-finite number %v", v)
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

// materialized is the hint that evaluates a CTE once instead of inlining
// it into every reference ("" where the engine has none): inlined, each
// layer would repeat the whole expression of the layer before it.
func (d Dialect) materialized() string {
	if d == BigQuery {
		return ""
	}
	return "MATERIALIZED "
}
