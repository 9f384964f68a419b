package sqlexport

import (
	"fmt"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// timeForm is how the orders table writes its time column: the form asked
// for (Options.TimeForm), else the training log's (Source.TimeForm), else,
// for a model written before that was recorded, data.TimeISO. A form the
// query cannot read is refused, naming the flag that says otherwise.
func timeForm(b *experiment.Bundle, o Options) (data.TimeForm, error) {
	f := o.TimeForm
	if f == "" {
		f = b.Source.TimeForm
	}
	switch f {
	case "":
		return data.TimeISO, nil
	case data.TimeISO, data.TimeCompact, data.TimeUnix, data.TimeYMD, data.TimeDMY, data.TimeMDY:
		return f, nil
	}
	forms := make([]string, len(data.TimeForms()))
	for i, g := range data.TimeForms() {
		forms[i] = string(g)
	}
	return "", fmt.Errorf("the model was trained on a log whose dates were %s, which the query cannot read; "+
		"if the orders table holds its time column as a DATE or TIMESTAMP, or as text written YYYY-MM-DD…, say so with --time-format iso "+
		"(or %s or %s for another form it is written in), else convert the column first", f.Words(),
		strings.Join(forms[1:len(forms)-1], ", "), forms[len(forms)-1])
}

// logDay is the calendar day (days since 1970-01-01) of the orders table's
// time column col written in form f, as data's date parser reads it: the
// first ten characters of a year-first date (a time or zone after them
// left out, as data reads "2019-10-01 00:28:07 UTC"), eight digits as
// YYYYMMDD, Unix seconds (up to 11 digits) or milliseconds (12 and
// more), the date in UTC, or three numbers apart (dateParts) in the
// order f says.
func (d Dialect) logDay(col string, f data.TimeForm) string {
	text := d.asText(col)
	switch f {
	case data.TimeCompact:
		part := func(from, n int) string { return fmt.Sprintf("SUBSTR(%s, %d, %d)", text, from, n) }
		return d.dayNumber(d.concat(part(1, 4), "'-'", part(5, 2), "'-'", part(7, 2)))
	case data.TimeUnix:
		v := d.asDouble(col)
		return "CASE WHEN LENGTH(" + text + ") >= 12 THEN " + d.floor(v+" / 86400000.0") + " ELSE " + d.floor(v+" / 86400.0") + " END"
	case data.TimeYMD, data.TimeDMY, data.TimeMDY:
		first, second, rest := d.dateParts(text)
		y, m, day := first, second, d.leadingDigits(rest)
		switch f {
		case data.TimeDMY:
			y, m, day = "SUBSTR("+rest+", 1, 4)", second, first
		case data.TimeMDY:
			y, m, day = "SUBSTR("+rest+", 1, 4)", first, second
		}
		return d.dayNumber(d.concat(y, "'-'", d.pad2(m), "'-'", d.pad2(day)))
	}
	return d.dayNumber("SUBSTR(" + text + ", 1, 10)")
}

// concat joins text expressions: CONCAT in MySQL, where || is OR; || in
// the others.
func (d Dialect) concat(parts ...string) string {
	if d == MySQL {
		return "CONCAT(" + strings.Join(parts, ", ") + ")"
	}
	return "(" + strings.Join(parts, " || ") + ")"
}

// floor is the largest whole number not above a non-negative expression:
// SQLite builds may lack FLOOR, and its CAST to INTEGER truncates.
func (d Dialect) floor(expr string) string {
	if d == SQLite {
		return "CAST(" + expr + " AS INTEGER)"
	}
	return "FLOOR(" + expr + ")"
}

// customerID is the orders table's customer id col as data reads it: a
// whole number written with a decimal part of zeros ("13522.0", a column
// of floats) is that number ("13522"); any other id as written (trimmed).
func (d Dialect) customerID(col string) string {
	t := d.asText(col)
	other := withoutDigits(t)
	pos := d.position("'.'", t)
	return "CASE WHEN " + other + " = '.' AND " + pos + " > 1 AND " + pos + " < LENGTH(" + t + ")" +
		" AND LENGTH(REPLACE(SUBSTR(" + t + ", " + pos + " + 1), '0', '')) = 0" +
		" THEN SUBSTR(" + t + ", 1, " + pos + " - 1) ELSE " + t + " END"
}

// withoutDigits is text with its digits removed, in nested REPLACEs that
// every dialect has (empty for a text of digits only).
func withoutDigits(text string) string {
	for digit := '0'; digit <= '9'; digit++ {
		text = fmt.Sprintf("REPLACE(%s, '%c', '')", text, digit)
	}
	return text
}

// position is the 1-based position of the first needle in text (0 when
// there is none).
func (d Dialect) position(needle, text string) string {
	switch d {
	case Postgres, BigQuery, Trino:
		return "STRPOS(" + text + ", " + needle + ")"
	case Snowflake:
		return "CHARINDEX(" + needle + ", " + text + ")"
	}
	return "INSTR(" + text + ", " + needle + ")"
}

// dateParts splits a date written as three numbers separated by one of
// - / . ("12/1/2010 8:26") into the text before the first separator, the
// text between the first two and the text after the second (the third
// number and whatever follows it). The separators are made one (-) first.
func (d Dialect) dateParts(text string) (first, second, rest string) {
	t := "REPLACE(REPLACE(" + text + ", '/', '-'), '.', '-')"
	p1 := d.position("'-'", t)
	first = "SUBSTR(" + t + ", 1, " + p1 + " - 1)"
	after := "SUBSTR(" + t + ", " + p1 + " + 1)"
	p2 := d.position("'-'", after)
	return first, "SUBSTR(" + after + ", 1, " + p2 + " - 1)", "SUBSTR(" + after + ", " + p2 + " + 1)"
}

// leadingDigits is the one or two digits text starts with (a day written
// "1" or "01", then a time or nothing).
func (d Dialect) leadingDigits(text string) string {
	return "CASE WHEN SUBSTR(" + text + ", 2, 1) BETWEEN '0' AND '9' THEN SUBSTR(" + text + ", 1, 2) ELSE SUBSTR(" + text + ", 1, 1) END"
}

// pad2 writes a one- or two-digit number with two digits.
func (d Dialect) pad2(text string) string {
	return "CASE WHEN LENGTH(" + text + ") = 1 THEN " + d.concat("'0'", text) + " ELSE " + text + " END"
}
