package data

import "strings"

// TimeForm is how an order log writes its dates, as far as code outside Go
// (the SQL export) needs to know to read them the same way. A log whose
// cells take several forms has the combined form TimeMixed.
type TimeForm string

// The forms of a log's date column.
const (
	// TimeISO is a date written year first with dashes and two-digit
	// month and day, "2019-10-01", with anything after the tenth
	// character (a time of day, "T", a zone such as " UTC") left out.
	TimeISO TimeForm = "iso"
	// TimeCompact is eight digits, "19970101".
	TimeCompact TimeForm = "yyyymmdd"
	// TimeUnix is Unix time in seconds (9–10 digits) or milliseconds
	// (12–13), the date in UTC.
	TimeUnix TimeForm = "unix"
	// TimeYMD is a date written year first with one- or two-digit month
	// and day, separated by one of - / . ("2010/12/1", "2019-1-5 8:26"),
	// anything after the day left out. A column of ISO dates and such
	// dates has this form.
	TimeYMD TimeForm = "ymd"
	// TimeDMY is a date written day, month, year with one- or two-digit
	// day and month, separated by one of - / . ("1/12/2010 8:26",
	// "01.12.2010"), anything after the year left out.
	TimeDMY TimeForm = "dmy"
	// TimeMDY is TimeDMY with the month first ("12/1/2010 8:26").
	TimeMDY TimeForm = "mdy"
	// TimeOther is any other form retain reads (month names, Chinese,
	// RFC 1123, a layout given by the caller).
	TimeOther TimeForm = "other"
	// TimeMixed is a column whose cells take more than one of the forms.
	TimeMixed TimeForm = "mixed"
)

// TimeForms lists the forms a reader outside Go can be told a time column
// is written in: all but TimeOther and TimeMixed.
func TimeForms() []TimeForm {
	return []TimeForm{TimeISO, TimeCompact, TimeUnix, TimeYMD, TimeDMY, TimeMDY}
}

// ParseTimeForm reads a form's name (any case); ok is false for a name
// that is none of TimeForms.
func ParseTimeForm(s string) (TimeForm, bool) {
	f := TimeForm(strings.ToLower(strings.TrimSpace(s)))
	for _, g := range TimeForms() {
		if f == g {
			return f, true
		}
	}
	return "", false
}

// Words describes the form for people: `written year first
// ("2019-10-01 …")`.
func (f TimeForm) Words() string {
	switch f {
	case TimeISO:
		return `written year first ("2019-10-01", maybe with a time after it)`
	case TimeCompact:
		return `written as eight digits ("19970101")`
	case TimeUnix:
		return "written as Unix time (seconds or milliseconds)"
	case TimeYMD:
		return `written year first with one- or two-digit month and day ("2010/12/1", maybe with a time after it)`
	case TimeDMY:
		return `written day first, with the year last ("1/12/2010", maybe with a time after it)`
	case TimeMDY:
		return `written month first, with the year last ("12/1/2010", maybe with a time after it)`
	case TimeMixed:
		return "written in more than one form (such as 2019-10-15 on some lines and 20191015 or 1 Dec 2019 on others)"
	}
	return "written with month names or in another form than numbers (such as 1 Dec 2010, 2010年12月1日 or Wed, 01 Dec 2010)"
}

// TimeForm is the form of the log's date column, "" for a log without
// dates (day numbers) or without lines.
func (l *OrderLog) TimeForm() TimeForm {
	if l.dayNumbers {
		return ""
	}
	return l.timeForm
}

// noteForm records the form of one date cell read.
func (p *dateParser) noteForm(f TimeForm) {
	switch {
	case p.form == "":
		p.form = f
	case p.form == f, p.form == TimeMixed:
	case p.form == TimeISO && f == TimeYMD, p.form == TimeYMD && f == TimeISO:
		// ISO dates are year-first dates with two-digit parts.
		p.form = TimeYMD
	default:
		p.form = TimeMixed
	}
}

// isISODate reports whether b starts with a date written YYYY-MM-DD.
func isISODate(b []byte) bool {
	if len(b) < 10 || b[4] != '-' || b[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if b[i] < '0' || b[i] > '9' {
			return false
		}
	}
	return len(b) == 10 || b[10] == ' ' || b[10] == 'T' || b[10] == 't'
}
