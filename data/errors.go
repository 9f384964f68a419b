package data

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors of the data package. Errors returned by readers wrap one of
// these (usually inside a *ParseError), so callers can test the cause with
// errors.Is while users still see the file, line and column. Their text,
// like that of every error this package returns, has no "data: " prefix:
// users read it as it is. Only panics (programming errors) name the package.
var (
	// ErrEmpty reports an input with no bytes or no header.
	ErrEmpty = errors.New("empty file")
	// ErrHeaderOnly reports an input with a header but no data rows.
	ErrHeaderOnly = errors.New("no data rows after the header")
	// ErrRagged reports a row whose field count differs from the header's.
	ErrRagged = errors.New("wrong number of fields")
	// ErrSyntax reports malformed CSV quoting or an unusable header.
	ErrSyntax = errors.New("malformed CSV")
	// ErrNotNumeric reports a non-numeric value in a column inferred as numeric.
	ErrNotNumeric = errors.New("value does not match the column's kind")
	// ErrNumberTooLarge reports an order log's amount, price or quantity
	// beyond ±MaxLogNumber.
	ErrNumberTooLarge = errors.New("number too large")
	// ErrNoLabel reports that no label column was given or detected, or that
	// the named one does not exist.
	ErrNoLabel = errors.New("no label column")
	// ErrLabelNotBinary reports a label column with one class or more than two.
	ErrLabelNotBinary = errors.New("label is not binary")
	// ErrLabelMissing reports a blank cell in the label column.
	ErrLabelMissing = errors.New("missing label value")
	// ErrNoFeatures reports a table with no usable feature column.
	ErrNoFeatures = errors.New("no usable feature column")
	// ErrMissingColumn reports that a column the pipeline was fitted on is
	// absent from new data.
	ErrMissingColumn = errors.New("missing column")
	// ErrTooLarge reports a numeric column whose values are too large for
	// the chosen scaling to map to finite model inputs.
	ErrTooLarge = errors.New("values too large to scale")
	// ErrShape reports inconsistent lengths or indices passed by the caller.
	ErrShape = errors.New("inconsistent shape")
)

// ParseError locates a problem in an input file. Line is the 1-based physical
// line (the header is line 1); Column is the 1-based field index, or 0 when
// the problem is not tied to one field. Err is the sentinel cause, if any.
type ParseError struct {
	File   string
	Line   int
	Column int
	// Where locates the problem in an input without lines, such as a row of
	// a Parquet file (`row group 1, row 1234, column "Quantity"`, rows
	// counted from 1 at the start of the file); Line and Column are then 0.
	Where string
	// At is Where as values, for a program that words it in another
	// language; nil when Where is "".
	At  *Place
	Msg string
	// Withheld is Msg with the cell it quotes left out, saying its value
	// is withheld, for a message that must not show a value that may name
	// someone (--pseudonymise: experiment.WithholdCells); "" when Msg
	// quotes no such cell.
	Withheld string
	Err      error
	// Facts holds what Msg says as values, for a program that words the
	// error in another language (FieldCount, LabelClasses, NoFeatures,
	// BadDate, NoOrders, EmptySheets, MixedDecimals, NotANumber, Binary,
	// BinaryWorkbook, Restated, Quoting, and those of errors_facts.go:
	// NotTextFile, NotUTF8, NULCell, LongCell, SharedName and the
	// Parquet ones); nil when Msg is all there is. Msg stays the English.
	Facts Facts
}

// Facts is the typed content of a ParseError's message (see
// ParseError.Facts).
type Facts interface{ parseFacts() }

// FieldCount is a row with Got fields where the header has Want
// (ErrRagged); Headerless says the file has no header, so that Want is the
// first line's count.
type FieldCount struct {
	Got, Want  int
	Headerless bool
}

// LabelClasses is a label column without exactly two classes
// (ErrLabelNotBinary): Classes are its distinct values, sorted; when
// MoreThan is set there are more than MoreThan of them and Classes holds
// only the first found.
type LabelClasses struct {
	// TwoWays marks two classes that are one written two ways ("Yes",
	// "yes").
	TwoWays  bool
	Column   string
	Classes  []string
	MoreThan int
}

// NoFeatures is a table without a usable feature column (ErrNoFeatures):
// its columns, at most the first 20, and how many More there are.
type NoFeatures struct {
	Columns []Unusable
	More    int
	// Withheld says that no cell of Columns is to be quoted (the error's
	// Withheld text is shown: experiment.WithholdCells).
	Withheld bool
}

// Unusable is a column that is not a feature: its Kind, whether an ID
// names rows (else it is text with too many levels, Column.NamesRows), for
// a column of mostly numbers the cells that are not (Column.Mixed), and for
// text that looks like numbers written with a decimal comma the first cells
// that show it (Reason.DecimalComma).
type Unusable struct {
	Name         string
	Kind         Kind
	NamesRows    bool
	Mixed        *MixedText
	DecimalComma [2]string
}

// BadDate is an order log's date cell that cannot be read (ErrBadDate).
type BadDate struct {
	Cell    string
	Problem DateProblem
}

// DateProblem says why a date cell cannot be read.
type DateProblem int

const (
	// DateMissing is a blank cell.
	DateMissing DateProblem = iota + 1
	// DateNotCalendar is a cell written as a date that is no calendar
	// date ("2023-02-30").
	DateNotCalendar
	// DateUnparseable is a cell in none of the forms dates are read in.
	DateUnparseable
	// DateDayNumberAmongDates is a day number in a column of dates.
	DateDayNumberAmongDates
	// DateAmongDayNumbers is a date in a column of day numbers.
	DateAmongDayNumbers
)

// Restated marks a message that says no more than its cause (Err) does:
// "empty file", "only a header, no data rows".
type Restated struct{}

// restated marks pe's message as Restated.
func restated(pe *ParseError) *ParseError {
	pe.Facts = Restated{}
	return pe
}

// EmptySheets is a workbook whose sheets are all empty (ErrEmpty).
type EmptySheets struct{}

// NoOrders is an order log with lines but no usable order
// (ErrHeaderOnly): its Lines, those Cancelled, those without a customer
// id, its stock Adjustments, and the lines of OtherEvents, events that are
// not purchases (Events by type, most first) in the event type column
// EventColumn, whose Purchases words mark a purchase.
type NoOrders struct {
	Lines, Cancelled, MissingCustomer, Adjustments, OtherEvents int
	// Rules and Negative say by which rules the Cancelled lines were
	// left out (the English message's parentheses).
	Rules       CancelRules
	Negative    NegativeAmounts
	Events      []EventCount
	EventColumn string
	Purchases   []string
	// Withheld says that the Events are not to be named: they name people
	// (experiment.WithholdCells).
	Withheld bool
}

// MixedDecimals is a numeric column that writes Here with one decimal mark
// (a comma when CommaHere) and Other, on line OtherLine, with the other
// (ErrMixedDecimals); with ModelComma, Here has a decimal point while the
// model's training data wrote the column with a comma (Other is unset).
// Column names a table's column, Role a log's ("price") when Column is "".
type MixedDecimals struct {
	Column, Role, Here, Other string
	OtherLine                 int
	CommaHere, ModelComma     bool
}

// NotANumber is a cell of a numeric column that is not a finite number
// (ErrNotNumeric): Column names a table's column, Role a log's ("amount")
// when Column is "". Numbers of the Present values of the column's first
// rows were numbers (both 0 when the cell came after them), and Others
// are the lines of the other such cells among them; Sampled is the number
// of those first rows when the file has more (Others then counts only
// them), 0 when they were the whole file.
type NotANumber struct {
	Column, Role, Cell string
	Numbers, Present   int
	Others             []int
	Sampled            int
	// Spelling says how Cell writes a number retain does not read ("0,2"
	// in a file not separated by semicolons, "1 234").
	Spelling Spelling
}

// TooLarge is an order log's number beyond ±MaxLogNumber
// (ErrNumberTooLarge): Cell of the column of Role ("amount", "price",
// "quantity"), or, when Times is set, the price Cell times the quantity
// Times.
type TooLarge struct{ Role, Cell, Times string }

// LogColumnsUnknown is an order log whose roles cannot be resolved
// (ErrLogColumns): no customer id or date column found, its columns not
// told apart, or a column named for a role that is none of them. Header
// is its columns, numbered "1", "2", … when Headerless, so that a program
// can offer them to choose from; Missing is every role no column was
// found for, in this order: "customer id", "date" (in a headerless log,
// whose columns cannot be told apart, those not given); nil when a column
// was named wrongly (Msg says which). DayGaps, when the date is missing,
// names a column of the days since each customer's previous order
// (days_since_prior_order), which is no date ("" when none is).
type LogColumnsUnknown struct {
	Header     []string
	Headerless bool
	Missing    []string
	DayGaps    string
}

// Binary is a file whose first Head bytes hold the control bytes of a
// binary file, not text (ErrNotText).
type Binary struct{ Head int }

func (Binary) parseFacts()            {}
func (LogColumnsUnknown) parseFacts() {}
func (MixedDecimals) parseFacts()     {}
func (NotANumber) parseFacts()        {}
func (TooLarge) parseFacts()          {}
func (Restated) parseFacts()          {}
func (EmptySheets) parseFacts()       {}
func (NoOrders) parseFacts()          {}
func (FieldCount) parseFacts()        {}
func (BadDate) parseFacts()           {}
func (LabelClasses) parseFacts()      {}
func (NoFeatures) parseFacts()        {}

// Error formats the error as "FILE:LINE:COL: MSG", omitting COL when it is 0
// and LINE when it is 0 as well, or as "FILE: WHERE: MSG" when Where is set.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Where != "" {
		b.WriteString(": ")
		b.WriteString(e.Where)
	} else if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the sentinel cause so errors.Is works through a ParseError.
func (e *ParseError) Unwrap() error { return e.Err }

// parseErr builds a *ParseError; it keeps call sites short.
func parseErr(file string, line, col int, cause error, msg string) *ParseError {
	return &ParseError{File: file, Line: line, Column: col, Msg: msg, Err: cause}
}
