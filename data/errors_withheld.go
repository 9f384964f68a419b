package data

import "fmt"

// ValuesWithheld are the facts of a ParseError whose message quoted cell
// values and no longer does (WithholdValues, used by
// experiment.WithholdCells under --pseudonymise): the kind of Problem, the
// Column (a table's) or Role (a log's: "amount", "price", "quantity",
// "date") it was found in, and counts, never a value.
type ValuesWithheld struct {
	Problem      WithheldProblem
	Column, Role string
	// Classes is the number of a label column's distinct values
	// (WithheldLabelClasses), more than MoreThan when that is set;
	// TwoWays says its only two are one value written two ways.
	Classes, MoreThan int
	TwoWays           bool
	// Numbers of the Present values of the column's first rows were
	// numbers (WithheldNotANumber; both 0 when not counted).
	Numbers, Present int
	// Date says what is wrong with a date cell (WithheldBadDate).
	Date DateProblem
	// Expected says what a model's column takes (WithheldBadCell).
	Expected string
}

// WithheldProblem is what a ParseError whose values are withheld was
// about (ValuesWithheld).
type WithheldProblem int

const (
	// WithheldOther is any other problem: the message's detail is
	// withheld whole, its cause (ParseError.Err) kept.
	WithheldOther WithheldProblem = iota
	// WithheldLabelClasses: a label column without exactly two classes.
	WithheldLabelClasses
	// WithheldNotANumber: a cell of a numeric column that is not a number.
	WithheldNotANumber
	// WithheldBadDate: a date cell that cannot be read.
	WithheldBadDate
	// WithheldDateOrder: a date whose order of day and month cannot be told.
	WithheldDateOrder
	// WithheldMixedDecimals: a column with decimal commas and points.
	WithheldMixedDecimals
	// WithheldTooLarge: a log's number beyond ±MaxLogNumber.
	WithheldTooLarge
	// WithheldBadCell: a cell a model's column cannot take (Expected
	// says what it takes).
	WithheldBadCell
)

func (ValuesWithheld) parseFacts() {}

// BadCell is a cell a model's column cannot take (a CellError, whose
// Column, Expected and Got it holds; ErrNotNumeric).
type BadCell struct{ Column, Expected, Got string }

func (BadCell) parseFacts() {}

// cellParseErr makes pe the error of the cell ce: its message and facts.
func cellParseErr(pe *ParseError, ce *CellError) *ParseError {
	pe.Msg, pe.Facts = ce.Error(), BadCell{Column: ce.Column, Expected: ce.Expected, Got: ce.Got}
	return pe
}

// WithholdValues rewrites pe so that it quotes no cell value: unless its
// facts are known to quote none (a field count, a file that is not text, a
// column's name, …), its message is replaced by one that says the kind of
// problem, the column and the counts, and its facts by ValuesWithheld. An
// error without facts, whose message may quote anything, keeps only its
// cause. Values are withheld unless known safe: a cell that failed to
// parse as a number or date may be an e-mail address or an id, and the
// classes of a label column a user chose may be ids. pe's file, line,
// column and Where stay. It reports whether pe changed.
func WithholdValues(pe *ParseError) bool {
	if pe == nil || pe.Withheld != "" || quotesNoValue(pe.Facts) {
		return false
	}
	w := ValuesWithheld{}
	switch f := pe.Facts.(type) {
	case LabelClasses:
		w = ValuesWithheld{Problem: WithheldLabelClasses, Column: f.Column, Classes: len(f.Classes), MoreThan: f.MoreThan, TwoWays: f.TwoWays}
	case NotANumber:
		w = ValuesWithheld{Problem: WithheldNotANumber, Column: f.Column, Role: f.Role, Numbers: f.Numbers, Present: f.Present}
	case BadDate:
		w = ValuesWithheld{Problem: WithheldBadDate, Role: "date", Date: f.Problem}
	case DateOrderUnknown:
		w = ValuesWithheld{Problem: WithheldDateOrder, Role: "date"}
	case MixedDecimals:
		w = ValuesWithheld{Problem: WithheldMixedDecimals, Column: f.Column, Role: f.Role}
	case TooLarge:
		w = ValuesWithheld{Problem: WithheldTooLarge, Role: f.Role}
	case BadCell:
		w = ValuesWithheld{Problem: WithheldBadCell, Column: f.Column, Expected: f.Expected}
	}
	pe.Msg, pe.Facts = w.English(pe.Err), w
	return true
}

// quotesNoValue reports whether an error with facts f is known to quote no
// cell value (or to withhold those it would quote by itself).
func quotesNoValue(f Facts) bool {
	switch f := f.(type) {
	case FieldCount, Restated, EmptySheets, Binary, BinaryWorkbook, BrokenGzip,
		NotTextFile, LongCell, SharedName, ParquetTruncated, ParquetShortColumn,
		ParquetReader, BlankLabel, Quoting, LogColumnsUnknown, NoOrders,
		ValuesWithheld:
		return true
	case NoFeatures:
		// Its cells are withheld by its Withheld text; without one it
		// quotes none.
		return true
	case NULCell:
		return f.Binary || f.Withheld
	case NotUTF8:
		return f.Withheld
	}
	return false
}

// English is the message of an error with these facts whose cause is
// cause (nil when unknown).
func (w ValuesWithheld) English(cause error) string {
	switch w.Problem {
	case WithheldLabelClasses:
		switch {
		case w.TwoWays:
			return fmt.Sprintf("label column %q has only one class, written two ways (%s); it needs exactly two", w.Column, withheldValues)
		case w.Classes == 1:
			return fmt.Sprintf("label column %q has only one class (%s); it needs exactly two", w.Column, withheldValue)
		case w.MoreThan > 0:
			return fmt.Sprintf("label column %q has more than %d classes (%s); it needs exactly two", w.Column, w.MoreThan, withheldValues)
		}
		return fmt.Sprintf("label column %q has %d classes (%s); it needs exactly two", w.Column, w.Classes, withheldValues)
	case WithheldNotANumber:
		if w.Column == "" {
			return fmt.Sprintf("%s is not a number (%s)", w.Role, withheldValue)
		}
		counts := "the column's first rows are numeric"
		if w.Present > 0 {
			counts = fmt.Sprintf("%d of its %d values in the first rows are numbers", w.Numbers, w.Present)
		}
		return fmt.Sprintf("column %q: expected a finite number (%s), got a cell that is not one (%s); correct such cells (missing values may be left blank) or leave the column out", w.Column, counts, withheldValue)
	case WithheldBadDate:
		return withheldDateEnglish[w.Date] + " (" + withheldValue + ")"
	case WithheldDateOrder:
		return "a date whose order of day and month cannot be told, or written in the other order than the log's other dates (" + withheldValue + "); give the date order (--date-order dmy or mdy)"
	case WithheldMixedDecimals:
		return fmt.Sprintf("%s mixes numbers written with a decimal comma and with a decimal point (%s): write the numbers of a column one way", w.subject(), withheldValues)
	case WithheldBadCell:
		return fmt.Sprintf("column %q: expected %s, got a cell that is not (%s)", w.Column, w.Expected, withheldValue)
	case WithheldTooLarge:
		return fmt.Sprintf("%s is too large (%s): numbers beyond ±%s (2^53) cannot be added up exactly", w.Role, withheldValue, Thousands(MaxLogNumber))
	}
	what := "the file cannot be read"
	if cause != nil {
		what = cause.Error()
	}
	return what + " (the detail is withheld, as it may quote a value that names someone)"
}

// subject names the column of w: `column "price"`, or a log's role.
func (w ValuesWithheld) subject() string {
	if w.Column != "" {
		return fmt.Sprintf("column %q", w.Column)
	}
	return "the " + w.Role + " column"
}

// withheldDateEnglish says what is wrong with a date cell, without it.
var withheldDateEnglish = map[DateProblem]string{
	0:                       "a date that cannot be read",
	DateMissing:             "a blank date",
	DateNotCalendar:         "a date that is no calendar date",
	DateUnparseable:         "a date in none of the forms dates are read in",
	DateDayNumberAmongDates: "a day number in a column of dates: a date column holds dates or day numbers, not both",
	DateAmongDayNumbers:     "a date in a column of day numbers: a date column holds dates or day numbers, not both",
}
