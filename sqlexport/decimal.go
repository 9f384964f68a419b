package sqlexport

import "strings"

// decimalPattern is data.DecimalNumber's form as a regular expression: an
// optional sign, digits with at most one point (a digit on either side),
// an optional exponent.
const decimalPattern = `^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$`

// groupedPattern is a number whose commas group thousands as retain reads
// them (data's groupedThousands): an optional sign, 1–3 digits not
// starting with 0, groups of exactly 3, then an optional point and digits.
const groupedPattern = `^[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+([.][0-9]*)?$`

// matches is the condition that text matches the regular expression
// pattern, anchored at both ends, in the engines that have them; Trino
// and Snowflake are given REGEXP_REPLACE, which their texts share with
// DuckDB, on which the tests run them.
func (d Dialect) matches(text, pattern string) string {
	switch d {
	case DuckDB:
		return "regexp_matches(" + text + ", " + d.str(pattern) + ")"
	case Trino, Snowflake:
		return "(REGEXP_REPLACE(" + text + ", " + d.str(pattern) + ", '') = '')"
	case Postgres:
		return "(" + text + " ~ " + d.str(pattern) + ")"
	case BigQuery:
		return "REGEXP_CONTAINS(" + text + ", " + d.str(pattern) + ")"
	case Spark:
		return "(" + text + " RLIKE " + d.str(pattern) + ")"
	case MySQL:
		return "REGEXP_LIKE(" + text + ", " + d.str(pattern) + ")"
	}
	panic("sqlexport: no regular expressions in " + d.String())
}

// isDecimal is the condition that text, trimmed, is a number as
// data.DecimalNumber reads one, so that casting it gives the number
// retain reads (SQLite's cast reads a text that is no number as 0, or as
// the number it starts with; other engines fail the query); also what is
// left of a number written with marks ("$1,404.11", "9.83E-05%"). SQLite
// has no regular expressions: there the text without its digits must be
// one of the forms a number leaves ("", "-.", "e+", "E", …), no sign may
// follow a digit or a point (so a sign is first, or right after the e),
// and there must be a digit, before the e and at the end when there is
// an e.
func (d Dialect) isDecimal(text string) string {
	if d != SQLite {
		return d.matches(text, decimalPattern)
	}
	var forms []string
	for _, sign := range []string{"", "+", "-"} {
		for _, point := range []string{"", "."} {
			for _, exp := range []string{"", "e", "e+", "e-", "E", "E+", "E-"} {
				forms = append(forms, "'"+sign+point+exp+"'")
			}
		}
	}
	digits := "(" + text + " GLOB '*[0-9]*' AND " + text + " NOT GLOB '*[eE]*' OR " + text + " GLOB '*[0-9]*[eE]*[0-9]')"
	return "(" + withoutDigits(text) + " IN (" + strings.Join(forms, ", ") + ")" +
		" AND " + text + " NOT GLOB '*[0-9.][+-]*' AND " + digits + ")"
}

// shape is text with every digit written 9.
func shape(text string) string {
	for c := '0'; c <= '8'; c++ {
		text = "REPLACE(" + text + ", '" + string(c) + "', '9')"
	}
	return text
}

// isGrouped is the condition that text, a number's cell once its currency
// signs, percent signs and parentheses are removed, has no comma, or
// commas that group thousands as retain reads them (groupedPattern): "1,2"
// and "12,34.5" are no number to retain, nor is a number with both
// commas and an exponent ("1,234.5e3"). In SQLite, the integer part
// without its sign must start with a digit other than 0 and, its digits
// written 9 and each ",999" written #, be 1–3 nines then #s only.
func (d Dialect) isGrouped(text string) string {
	if d != SQLite {
		return "(" + text + " NOT LIKE '%,%' OR " + d.matches(text, groupedPattern) + ")"
	}
	v := "LTRIM(" + text + ", '+-')"
	ip := "(CASE WHEN INSTR(" + v + ", '.') > 0 THEN SUBSTR(" + v + ", 1, INSTR(" + v + ", '.') - 1) ELSE " + v + " END)"
	w := "REPLACE(" + shape(ip) + ", ',999', '#')"
	return "(" + text + " NOT LIKE '%,%' OR " + v + " GLOB '[1-9]*' AND REPLACE(" + w + ", '#', '') IN ('9', '99', '999')" +
		" AND " + w + " NOT GLOB '*#9*' AND " + text + " NOT GLOB '*.*,*' AND " + text + " NOT GLOB '*[eE]*')"
}
