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
// make the number negative. A cell that is a plain number (isDecimal) is
// read as it is; else what is left must be digits and at most one point
// (no exponent: "$1e3" is no number to retain) and the commas must have
// grouped thousands (isGrouped), or the cell is NULL, as retain predict
// refuses it ("1,2", "1.2.3", "$abc"): the row's probability is NULL. The removal is of every such mark
// anywhere in the cell, so a cell whose sign, percent sign or parenthesis
// is misplaced ("5$5", "5%5") is still read, where retain refuses it. A
// column without marks, as every column of a model file written before
// they were recorded, is cast as it is.
func (d Dialect) number(pc *data.PipelineColumn, col string) string {
	m := pc.Marks
	if m == 0 {
		return d.asDouble(col)
	}
	t := d.asText(col)
	u := t
	for _, sign := range m.Currencies() {
		for _, form := range []string{" " + sign, sign + " ", sign} {
			u = d.remove(u, form)
		}
	}
	if m.Percent() {
		u = d.remove(d.remove(u, " %"), "%")
	}
	if m.Parens() {
		u = d.remove(d.remove(u, "("), ")")
	}
	s, ok := u, d.isNumber(u, false)
	if m.Groups() {
		s = d.remove(u, ",")
		ok = d.isNumber(s, false) + " AND " + d.isGrouped(u)
	}
	// A plain number (an exponent allowed) is read as it is; once marks
	// are removed, digits and a point only, as retain reads them.
	v := "(CASE WHEN " + d.isDecimal(t) + " OR " + ok + " THEN " + d.asDouble(s) + " ELSE NULL END)"
	if m.Parens() {
		v = "(CASE WHEN " + t + " LIKE '(%)' THEN -1.0 ELSE 1.0 END * " + v + ")"
	}
	return v
}

// remove is text with every occurrence of s removed.
func (d Dialect) remove(text, s string) string {
	return "REPLACE(" + text + ", " + d.str(s) + ", '')"
}
