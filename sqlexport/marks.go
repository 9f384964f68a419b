package sqlexport

import (
	"strings"

	"github.com/retainlab/retain/data"
)

// number is how a numeric column's present cell is read: raw, its value as
// a 64-bit float, and read, the condition under which retain predict reads
// the cell as that number (a cell it refuses must give the row a NULL
// probability, which value makes of it; "" when every cell is read). raw
// is only correct, and in engines whose cast fails on text that is no
// number only safe to evaluate, where read holds.
//
// A feature the SELECT computed from an orders table (table unset) is a
// number already: it is cast as it is. A table's cell, trimmed, is read
// where it is a plain decimal number (isDecimal: "5", " 5 ", "5.0", "+.5",
// "1e3"), as retain reads it: "abc", "12abc", "1,2", "inf", "0x10" are
// refused there, where SQLite's cast reads them as 0 or the number they
// start with and other engines fail the query. It is also read with the
// marks retain predict reads a number without in any numeric column
// (data.AllNumberMarks, data's parseCell), whatever marks the training
// file wrote: "$1,404.11", "(5.00)", "9%", "1,234.50", "5 €" (markedForms,
// markedPattern): one currency sign ($ € £ ¥ ￥) before or after the
// number, with at most one space between them and the number's sign on
// either side of a leading one; a percent sign after it (9% is 9) where
// there is no currency sign; accounting parentheses around it all, without
// a sign, which make it negative. What is left must be digits and at most
// one point, perhaps with an exponent ("$1e3", "9.83E-05%"), within the
// float64 range (finiteWhere), with commas grouping thousands where there
// is no exponent (isGrouped). A mark elsewhere ("5$5", "5%5", "5(5)",
// "$5%") makes the cell refused, as retain refuses it. (retain refuses a
// number beyond the float64 range, "1e400", which engines cast to infinity
// or refuse, and Go's hexadecimal floats and digits joined by underscores,
// "0x1p4" and "1_000", which no cast here reads either.)
func (d Dialect) number(pc *data.PipelineColumn, col string, table bool) (raw, read string) {
	if !table {
		return d.asDouble(col), ""
	}
	return d.cellNumber(col)
}

// cellNumber is number for a cell written by people: a table's, or an
// orders table's amount, price or quantity, which data's log reader reads
// as its table reader does (parseNumber, then without marks).
func (d Dialect) cellNumber(col string) (raw, read string) {
	t := d.asText(col)
	m := data.AllNumberMarks()
	if d == SQLite {
		return d.markedSQLite(m, t)
	}
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
	s, ok := u, d.isDecimal(u)
	if m.Groups() {
		s = d.remove(u, ",")
		ok = d.isDecimal(s) + " AND " + d.isGrouped(u)
	}
	raw = d.asDouble(s)
	if m.Parens() {
		raw = "(CASE WHEN " + t + " LIKE '(%)' THEN -1.0 ELSE 1.0 END * " + raw + ")"
	}
	return raw, "(" + d.finiteDecimal(t) + " OR " + d.finiteWhere(d.matches(t, markedPattern(m))+" AND "+ok, s) + ")"
}

// markedSQLite is number's marked cell in SQLite, which has no regular
// expressions: the core is the cell without the signs, spaces and marks
// at either end (TRIM with their characters), and the cell with its core
// written # must be one of markedForms ("$#", "-$ #", "(#)"). The core
// must then be a finite number, with an exponent or with commas grouping
// thousands; its sign is the form's, and parentheses make it negative.
func (d Dialect) markedSQLite(m data.NumberMarks, t string) (raw, read string) {
	set := "+- " + strings.Join(m.Currencies(), "")
	if m.Percent() {
		set += "%"
	}
	if m.Parens() {
		set += "()"
	}
	core := "TRIM(" + t + ", " + d.str(set) + ")"
	form := "REPLACE(" + t + ", " + core + ", '#')"
	forms := markedForms(m)
	quoted := make([]string, len(forms))
	for i, f := range forms {
		quoted[i] = d.str(f)
	}
	s, ok := core, form+" IN ("+strings.Join(quoted, ", ")+") AND "+d.isDecimal(core)
	if m.Groups() {
		s = d.remove(core, ",")
		ok = form + " IN (" + strings.Join(quoted, ", ") + ") AND " + d.isDecimal(s) + " AND " + d.isGrouped(core)
	}
	if m.Parens() {
		// retain reads "(01)" as a code, not as an accounting negative.
		ok += " AND (" + form + " NOT GLOB '(#*' OR " + core + " NOT GLOB '0[0-9]*')"
	}
	raw = "(CASE WHEN " + form + " GLOB '*[-(]*' THEN -1.0 ELSE 1.0 END * " + d.asDouble(s) + ")"
	return raw, "(" + d.finiteDecimal(t) + " OR " + d.finiteWhere(ok, s) + ")"
}

// markedForms are the forms, the number written #, in which retain reads a
// cell with the marks m (data's cleanNumber, restricted to m): a sign, a
// currency sign before the number (the sign before or after it, one space
// between sign and number or none), a currency sign after it, a percent
// sign after it, each in accounting parentheses without a sign.
func markedForms(m data.NumberMarks) []string {
	signs := []string{"", "+", "-"}
	spaces := []string{"", " "}
	var inner []string // the forms without a sign, for the parentheses
	forms := []string{"#", "+#", "-#"}
	for _, c := range m.Currencies() {
		for _, sp := range spaces {
			inner = append(inner, c+sp+"#", "#"+sp+c)
			for _, sign := range signs {
				forms = append(forms, sign+c+sp+"#", sign+"#"+sp+c)
			}
			forms = append(forms, c+sp+"+#", c+sp+"-#")
		}
	}
	if m.Percent() {
		for _, sp := range spaces {
			inner = append(inner, "#"+sp+"%")
			for _, sign := range signs {
				forms = append(forms, sign+"#"+sp+"%")
			}
		}
	}
	if m.Parens() {
		forms = append(forms, "(#)")
		for _, f := range inner {
			forms = append(forms, "("+f+")")
		}
	}
	return forms
}

// markedPattern is markedForms as a regular expression (for the engines
// that have them; POSIX groups, as Snowflake reads them), the number
// digits, points and commas starting with a digit or a point, then
// perhaps an exponent; in parentheses it does not start with 0 and
// another digit ("(01)" is a code to retain).
func markedPattern(m data.NumberMarks) string {
	const exp = `([eE][+-]?[0-9]+)?`
	const body = `[0-9.][0-9.,]*` + exp
	const paren = `(0([.,][0-9.,]*)?|[.1-9][0-9.,]*)` + exp
	cur := ""
	if signs := m.Currencies(); len(signs) > 0 {
		cur = "[" + strings.Join(signs, "") + "]"
	}
	var after []string // what may follow the number
	if cur != "" {
		after = append(after, " ?"+cur)
	}
	if m.Percent() {
		after = append(after, " ?%")
	}
	suffix := ""
	if len(after) > 0 {
		suffix = "(" + strings.Join(after, "|") + ")?"
	}
	alts := []string{"[+-]?" + body + suffix}
	if cur != "" {
		alts = append(alts, "[+-]?"+cur+" ?[+-]?"+body)
	}
	if m.Parens() {
		p := paren + suffix
		if cur != "" {
			p += "|" + cur + " ?" + body
		}
		alts = append(alts, "[(]("+p+")[)]")
	}
	return "^(" + strings.Join(alts, "|") + ")$"
}

// remove is text with every occurrence of s removed.
func (d Dialect) remove(text, s string) string {
	return "REPLACE(" + text + ", " + d.str(s) + ", '')"
}

// maxFloat is the largest finite 64-bit float, as a literal.
const maxFloat = "1.7976931348623157e308"

// finiteWhere is the condition that cond holds and that the number
// text, which cond makes a decimal number, is within the float64 range:
// a marked number may have an exponent ("$1e400", which retain refuses).
// The cast is reached only where cond holds.
func (d Dialect) finiteWhere(cond, text string) string {
	return "(CASE WHEN " + cond + " THEN ABS(" + d.asDouble(text) + ") <= " + maxFloat + " ELSE 1 = 0 END)"
}

// finiteDecimal is the condition that text is a plain decimal number
// (isDecimal) within the float64 range: retain refuses "1e400", which
// SQLite's and Spark's casts read as infinity (and others refuse with the
// query). The cast is reached only for a decimal number.
func (d Dialect) finiteDecimal(text string) string {
	return "(CASE WHEN " + d.isDecimal(text) + " THEN ABS(" + d.asDouble(text) + ") <= " + maxFloat + " ELSE 1 = 0 END)"
}
