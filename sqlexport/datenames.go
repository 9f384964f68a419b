package sqlexport

import (
	"fmt"
	"strconv"
	"strings"
)

// Dates written with an English month name, as data's parser reads them
// (monthNamed): D-Mon-YYYY, "D Mon YYYY" or D/Mon/YYYY, the month in full
// or by its first three letters ("Sept" too), in any case, then nothing, a
// time of day (H:MM[:SS[.f…]]) or a time with AM or PM; and RFC 1123 with
// a weekday ("Tue, 01 Jan 2019 19:19:32 +0000"), which data reads with Go's
// time.Parse (rfcLayouts). The query reads both by writing the month as
// two digits (namedText): "5-jan-2011" becomes "5-01-2011", whose numbers
// the date CTEs split as they split any date's, and whose form (6 for a
// month name, 7 for RFC 1123: namedForm) says that the day comes first.

// weekdays are the weekdays RFC 1123 writes, lower-case (Go compares them
// ignoring case).
var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// months are the English month names, lower-case, in order.
var months = []string{"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december"}

// monthDigits is lower, a lower-case cell, with every English month name
// written as its two digits: the full names first, then "sept", then the
// three-letter abbreviations, so that no name is cut by a shorter one.
func monthDigits(lower string) string {
	t := lower
	for i, m := range months {
		t = "REPLACE(" + t + ", '" + m + "', '" + fmt.Sprintf("%02d", i+1) + "')"
	}
	t = "REPLACE(" + t + ", 'sept', '09')"
	for i, m := range months {
		t = "REPLACE(" + t + ", '" + m[:3] + "', '" + fmt.Sprintf("%02d", i+1) + "')"
	}
	return t
}

// isRFC1123 is the condition that trimmed text t0 starts as an RFC 1123
// date does: a weekday, a comma and a space.
func (d Dialect) isRFC1123(t0 string) string {
	quoted := make([]string, len(weekdays))
	for i, w := range weekdays {
		quoted[i] = "'" + w + "'"
	}
	return "(SUBSTR(" + t0 + ", 4, 1) = ',' AND LOWER(SUBSTR(" + t0 + ", 1, 3)) IN (" + strings.Join(quoted, ", ") +
		") AND SUBSTR(" + t0 + ", 5, 1) = ' ')"
}

// rfcRest is an RFC 1123 cell without its weekday and comma, each run of
// spaces made one (Go's time.Parse reads a run of spaces where its layout
// has one; up to 32 here), and the day's month written as two digits:
// "Tue,  1 Jan 2019 10:11" is "1 01 2019 10:11". The month is the three
// letters after the day (Go reads no other); one that is no month gives
// NULL.
func (d Dialect) rfcRest(t0 string) string {
	x := "SUBSTR(" + t0 + ", 5)"
	for range 5 {
		x = "REPLACE(" + x + ", '  ', ' ')"
	}
	x = "SUBSTR(" + x + ", 2)"
	p := d.position("' '", x)
	var mm strings.Builder
	mm.WriteString("CASE LOWER(SUBSTR(" + x + ", " + p + " + 1, 3))")
	for i, m := range months {
		fmt.Fprintf(&mm, " WHEN '%s' THEN '%02d'", m[:3], i+1)
	}
	mm.WriteString(" END")
	return d.concat("SUBSTR("+x+", 1, "+p+")", mm.String(), "SUBSTR("+x+", "+p+" + 4)")
}

// namedText is the text the date CTEs read for trimmed cell t0 (its
// lower-case form lower, its month names as digits named): RFC 1123
// rebuilt (rfcRest), a cell with a month name with the name as digits,
// any other as it is. namedKind says which: 2, 1 or 0.
func (d Dialect) namedText(t0, lower, named string) (text, kind string) {
	rfc := d.isRFC1123(t0)
	text = "CASE WHEN " + rfc + " THEN " + d.rfcRest(t0) + " WHEN " + named + " <> " + lower + " THEN " + named + " ELSE " + t0 + " END"
	kind = "CASE WHEN " + rfc + " THEN 2 WHEN " + named + " <> " + lower + " THEN 1 ELSE 0 END"
	return text, kind
}

// clock12 is the condition that what follows a date (shape r, text rt)
// is a space and a time of day with AM or PM in either case, as data's
// clock12 reads it: H:MM[:SS] with the hour to 12, minutes to 59, seconds
// to 60, then an optional space and AM or PM.
func (d Dialect) clock12(r, rt string) string {
	var forms []string
	for _, h := range []string{"9", "99"} {
		for _, sec := range []string{"", ":99"} {
			for _, sp := range []string{"", " "} {
				for _, ap := range []string{"am", "pm"} {
					forms = append(forms, "'"+h+":99"+sec+sp+ap+"'")
				}
			}
		}
	}
	hl := "(CASE WHEN SUBSTR(" + r + ", 3, 1) = '9' THEN 2 ELSE 1 END)"
	return "(SUBSTR(" + r + ", 1, 1) = ' ' AND LOWER(SUBSTR(" + r + ", 2)) IN (" + strings.Join(forms, ", ") + ")" +
		" AND (" + hl + " = 1 OR SUBSTR(" + rt + ", 2, 2) <= '12') AND SUBSTR(" + rt + ", " + hl + " + 3, 2) <= '59'" +
		" AND (SUBSTR(" + r + ", " + hl + " + 5, 1) <> ':' OR SUBSTR(" + rt + ", " + hl + " + 6, 2) <= '60'))"
}

// rfcTime is the condition that what follows an RFC 1123 date's year
// (shape r, text rt, not empty) is a time and zone one of data's
// rfcLayouts reads: a space, H:MM:SS (an optional fraction after a point
// or a comma) or H:MM, with the hour to 23 and minutes and seconds to 59,
// then a space and a zone: ±HHMM (hour to 24, minutes to 60, as Go takes
// them), or after H:MM:SS a name of three capital letters, or of four or
// five ending in T. Go reads a few other zones (GMT+3, +03, ChST, MeST,
// WITA), which give NULL here: Limits names them.
func (d Dialect) rfcTime(r, rt string) string {
	nr := d.charLength(r)
	at := func(from string, n int) string { return "SUBSTR(" + rt + ", " + from + ", " + strconv.Itoa(n) + ")" }
	back := func(k int) string { return nr + " - " + strconv.Itoa(k) }
	// A length that may come out negative for a short cell, which
	// PostgreSQL's SUBSTR refuses with the whole query.
	length := func(k int) string { return d.greatest(back(k), "0") }
	numeric := "SUBSTR(" + r + ", " + back(5) + ", 6) IN (' +9999', ' -9999') AND " + at(back(3), 2) + " <= '24' AND " +
		at(back(1), 2) + " <= '60' AND " + d.rfcClock("SUBSTR("+r+", 2, "+length(7)+")", "SUBSTR("+rt+", 2, "+length(7)+")", true)
	alts := []string{numeric}
	for _, n := range []int{3, 4, 5} {
		capitals := make([]string, n)
		for i := range n {
			c := at(back(n-1-i), 1)
			capitals[i] = d.position(c, "'ABCDEFGHIJKLMNOPQRSTUVWXYZ'") + " > 0"
		}
		if n > 3 {
			capitals = append(capitals, at(nr, 1)+" = 'T'")
		}
		alts = append(alts, "SUBSTR("+r+", "+back(n)+", 1) = ' ' AND "+strings.Join(capitals, " AND ")+" AND "+
			d.rfcClock("SUBSTR("+r+", 2, "+length(n+2)+")", "SUBSTR("+rt+", 2, "+length(n+2)+")", false))
	}
	return "(SUBSTR(" + r + ", 1, 1) = ' ' AND (" + strings.Join(alts, " OR ") + "))"
}

// rfcClock is the condition that k (a shape) and kt (its text) are a time
// of day as Go's "15:04:05" reads it (a fraction after a point or a comma
// too), or, when short, also as its "15:04" does.
func (d Dialect) rfcClock(k, kt string, short bool) string {
	n := d.charLength
	forms := "'9:99:99', '99:99:99'"
	if short {
		forms += ", '9:99', '99:99'"
	}
	fraction := func(w int) string {
		return "SUBSTR(" + k + ", 1, " + strconv.Itoa(w) + ") IN ('9:99:99', '99:99:99') AND SUBSTR(" + k + ", " + strconv.Itoa(w+1) +
			", 1) IN ('.', ',') AND " + n(k) + " > " + strconv.Itoa(w+1) + " AND " + n("REPLACE(SUBSTR("+k+", "+strconv.Itoa(w+2)+"), '9', '')") + " = 0"
	}
	hl := "(CASE WHEN SUBSTR(" + k + ", 2, 1) = '9' THEN 2 ELSE 1 END)"
	return "((" + k + " IN (" + forms + ") OR " + fraction(7) + " OR " + fraction(8) + ")" +
		" AND (" + hl + " = 1 OR SUBSTR(" + kt + ", 1, 2) <= '23') AND SUBSTR(" + kt + ", " + hl + " + 2, 2) <= '59'" +
		" AND (" + n(k) + " <= " + hl + " + 3 OR SUBSTR(" + kt + ", " + hl + " + 5, 2) <= '59'))"
}
