package data

import (
	"fmt"
	"strings"
)

// ReasonKind names why a column was given a kind that is not obvious.
type ReasonKind int

const (
	// ReasonNone is an ordinary column: nothing to explain.
	ReasonNone ReasonKind = iota
	// ReasonAllMissing is a constant column with no value at all.
	ReasonAllMissing
	// ReasonSingleValue is a constant column holding one value.
	ReasonSingleValue
	// ReasonUnique is an identifier whose every value is unique.
	ReasonUnique
	// ReasonIDName is an identifier named like one with mostly distinct
	// values (Distinct of Rows).
	ReasonIDName
	// ReasonTooManyLevels is text with more distinct values (Distinct)
	// than a categorical column may have (MaxLevels).
	ReasonTooManyLevels
	// ReasonUniqueIntegers is an identifier of unique integers.
	ReasonUniqueIntegers
	// ReasonLongIntegers is an identifier of Rows unique whole numbers of
	// Digits digits or more, the largest under ten times the smallest
	// (account numbers: longIdentifier).
	ReasonLongIntegers
	// ReasonMostlyDistinct is text that --pseudonymise treats as naming
	// people (an identifier that names no rows): Distinct distinct values
	// in Rows present ones, at least 3 in 4 but not all.
	ReasonMostlyDistinct
	// ReasonContact is text that --pseudonymise treats as naming people
	// for being written like e-mail addresses or phone numbers (an
	// identifier that names no rows: its values repeat).
	ReasonContact
	// ReasonPresence is a boolean column read from one value (Levels[1])
	// and Blanks blank cells: present or blank (Column.Presence).
	ReasonPresence
	// ReasonPersonHeader is text that --pseudonymise treats as naming
	// people for its header, which names a person or their contact details
	// (full_name, surname, address, phone, 姓名, 地址…), however few values
	// it has (an identifier that names no rows: its values repeat).
	ReasonPersonHeader
)

// Reason explains an inferred kind in structure, so that programs can word
// it in any language; String gives the English of Column.Note.
type Reason struct {
	Kind ReasonKind
	// Distinct and Rows count the distinct and present values
	// (ReasonIDName, ReasonTooManyLevels, ReasonMostlyDistinct).
	Distinct, Rows int
	// MaxLevels is the categorical limit (ReasonTooManyLevels).
	MaxLevels int
	// Digits is the number of digits of the smallest value
	// (ReasonLongIntegers).
	Digits int
	// Blanks counts the blank cells of an identifier (ReasonUnique,
	// ReasonUniqueIntegers, ReasonLongIntegers, ReasonIDName: its rules
	// judge the present values) or of a presence flag (ReasonPresence).
	Blanks int
	// Value is the one value of a presence flag (ReasonPresence).
	Value string
	// Dates says why a column of dates was left as text (any Kind, even
	// ReasonNone for a categorical column); DateFirst quotes its first
	// ambiguous date (DateDoubtOrder) or a day-first one and DateSecond a
	// month-first one (DateDoubtMixed).
	Dates                 DateDoubt
	DateFirst, DateSecond string
	// DateGiven is the date order given that a year-last date did not
	// read in (DateDoubtAgainst).
	DateGiven DateOrder
	// DateUnread quotes, by form (DateUnreadTwoDigitYear …), the first
	// value of a column that looks like dates written in a form the date
	// reader does not read ("" for a form it does not hold); Dates may
	// then say why the column's other dates were not read either.
	DateUnread [DateUnreadForms]string
	// DecimalComma quotes the first one or two cells, in file order, of a
	// text column left out (ReasonUnique, ReasonTooManyLevels) or read as
	// a category (ReasonNone) whose every value reads as a number written
	// with a decimal comma ("3,14"), as a semicolon-separated file would
	// read it: a column of numbers, most likely, in a file that is not
	// separated by semicolons. Unused cells are "" (an array keeps Reason
	// comparable); DecimalCommaCells lists the others.
	DecimalComma [2]string
	// DecimalCommaHidden keeps the cells of DecimalComma out of every text
	// that says the column looks like numbers written with a decimal
	// comma: they are cells of a column pseudonymised under --pseudonymise
	// (experiment.Data.Pseudonymise, which also replaces them with their
	// pseudonyms), so the reason is told without examples.
	DecimalCommaHidden bool
}

// DecimalCommaCells returns the cells of r.DecimalComma to quote: none
// unless the column looks like numbers written with a decimal comma, and
// none when they are hidden (DecimalCommaHidden).
func (r Reason) DecimalCommaCells() []string {
	if r.DecimalCommaHidden {
		return nil
	}
	var cells []string
	for _, c := range r.DecimalComma {
		if c != "" {
			cells = append(cells, c)
		}
	}
	return cells
}

// DecimalCommaText says that a column looks like numbers written with a
// decimal comma, quoting cells when there are any, and what to do.
func DecimalCommaText(cells []string) string {
	quoted := ""
	if len(cells) > 0 {
		quoted = " (" + quoteList(cells, 2) + ")"
	}
	return "it looks like numbers written with a decimal comma" + quoted +
		", which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point"
}

// String is the reason in English ("" for ReasonNone without Dates).
func (r Reason) String() string {
	kind, dates := r.kindString(), r.datesString()
	if kind != "" && dates != "" {
		return kind + "; " + dates
	}
	return kind + dates
}

// datesString says why dates were left as text ("" when they were not),
// and how to have them read.
func (r Reason) datesString() string {
	var parts []string
	if s := r.unreadDatesString(); s != "" {
		parts = append(parts, s)
	}
	switch r.Dates {
	case DateDoubtOrder:
		parts = append(parts, fmt.Sprintf("dates written with the year last (%q) that cannot tell day from month: none has a first or second number above 12; "+
			"give the date order (--date-order dmy or mdy) to read them as dates", r.DateFirst))
	case DateDoubtMixed:
		parts = append(parts, fmt.Sprintf("dates written with the year last that mix day first (%q) and month first (%q); "+
			"write them all one way (YYYY-MM-DD) to read them as dates", r.DateFirst, r.DateSecond))
	case DateDoubtAgainst:
		parts = append(parts, fmt.Sprintf("dates written with the year last that the date order given (--date-order %s, %s) does not read: %q is %s",
			r.DateGiven, r.DateGiven.Words(), r.DateFirst, r.DateGiven.Other().Words()))
	}
	return strings.Join(parts, "; ")
}

func (r Reason) kindString() string {
	if r.DecimalComma[0] != "" {
		return DecimalCommaText(r.DecimalCommaCells())
	}
	s := r.kindWords()
	if r.Blanks > 0 && r.Kind != ReasonPresence {
		s += "; " + cellCount(r.Blanks, "blank id")
	}
	return s
}

// kindWords is kindString without the blank ids.
func (r Reason) kindWords() string {
	switch r.Kind {
	case ReasonPresence:
		return fmt.Sprintf("one value (%q) and %s: read as yes/no, present or blank", r.Value, cellCount(r.Blanks, "blank"))
	case ReasonAllMissing:
		return "every value is missing"
	case ReasonSingleValue:
		return "a single value"
	case ReasonUnique:
		return "every value is unique"
	case ReasonIDName:
		return fmt.Sprintf("named like an identifier, %d distinct values in %d rows", r.Distinct, r.Rows)
	case ReasonTooManyLevels:
		return fmt.Sprintf("%d distinct values, more than the %d a categorical column may have", r.Distinct, r.MaxLevels)
	case ReasonUniqueIntegers:
		return "unique integers"
	case ReasonLongIntegers:
		return fmt.Sprintf("%d unique whole numbers of %d digits or more within a factor of ten, as account numbers are", r.Rows, r.Digits)
	case ReasonMostlyDistinct:
		return fmt.Sprintf("nearly every value distinct, %d in %d rows", r.Distinct, r.Rows)
	case ReasonContact:
		return "written like e-mail addresses or phone numbers"
	case ReasonPersonHeader:
		return "its header names a person or their contact details"
	}
	return ""
}

// explain records why c has its kind, in structure and in English.
func (c *Column) explain(r Reason) {
	c.Why, c.Note = r, r.String()
}

// MixedText describes a column of mostly numbers read as text: of the
// Present values in the first rows, Numbers are numbers and NotNumbers are
// not; Examples quotes a few of those, and More says there are others.
type MixedText struct {
	Numbers, Present, NotNumbers int
	Examples                     []string
	More                         bool
	// Line and Column locate the first cell that is not a number (0 when
	// unknown).
	Line, Column int
}

// String is the warning in English (Column.Warning).
func (m *MixedText) String() string {
	if m == nil {
		return ""
	}
	more := ""
	if m.More {
		more = ", …"
	}
	verb := "are"
	if m.NotNumbers == 1 {
		verb = "is"
	}
	return fmt.Sprintf("read as text although %d of its %d values in the first rows are numbers: %d %s not (%s%s)",
		m.Numbers, m.Present, m.NotNumbers, verb, strings.Join(m.Examples, ", "), more)
}
