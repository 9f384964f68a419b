package sqlexport

import (
	"github.com/retainlab/retain/data"
)

// number is a numeric column's present cell as a 64-bit float. A column
// whose training file wrote its numbers with marks that retain read them
// without (PipelineColumn.Marks: "$1,404.11", "(5.00)", "9%") has the same
// marks removed first, as retain predict removes them: each recorded
// currency sign with one space before or after it, percent signs (9% is
// 9), the commas that group thousands, and accounting parentheses, which
// make the number negative. The removal is of every such mark anywhere in
// the cell, so a cell that retain refuses because a mark is misplaced
// ("1,2", "5$5") is read too; what is still no number is NULL in SQLite
// and MySQL, whose casts read it as 0 (retain predict refuses the cell,
// PostgreSQL, DuckDB, BigQuery, Snowflake and Trino fail the query, Spark
// reads NULL). A column without marks, as every column of a model file
// written before they were recorded, is cast as it is.
func (d Dialect) number(pc *data.PipelineColumn, col string) string {
	m := pc.Marks
	if m == 0 {
		return d.asDouble(col)
	}
	t := d.asText(col)
	s := t
	for _, sign := range m.Currencies() {
		for _, form := range []string{" " + sign, sign + " ", sign} {
			s = d.remove(s, form)
		}
	}
	if m.Percent() {
		s = d.remove(d.remove(s, " %"), "%")
	}
	if m.Groups() {
		s = d.remove(s, ",")
	}
	if m.Parens() {
		s = d.remove(d.remove(s, "("), ")")
	}
	v := d.asDouble(s)
	switch d {
	case SQLite:
		// Digits, points, exponents and signs only, and a digit among
		// them: SQLite has no regular expressions by default.
		v = "(CASE WHEN " + s + " GLOB '*[0-9]*' AND NOT " + s + " GLOB '*[^0-9.eE+-]*' THEN " + v + " ELSE NULL END)"
	case MySQL:
		v = "(CASE WHEN REGEXP_LIKE(" + s + ", " + d.str(`^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$`) + ") THEN " + v + " ELSE NULL END)"
	}
	if m.Parens() {
		v = "(CASE WHEN " + t + " LIKE '(%)' THEN -1.0 ELSE 1.0 END * " + v + ")"
	}
	return v
}

// remove is text with every occurrence of s removed.
func (d Dialect) remove(text, s string) string {
	return "REPLACE(" + text + ", " + d.str(s) + ", '')"
}
