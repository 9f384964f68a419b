package data

import (
	"fmt"
	"math"
	"strconv"
)

// Kind is the inferred role of a column.
type Kind int

// The column kinds. Numeric and Boolean columns hold Values; Categorical and
// ID columns hold Strings; Constant columns are kept only for reporting.
const (
	// Numeric columns hold real numbers in Values (NaN marks a missing cell).
	Numeric Kind = iota
	// Boolean columns hold 0/1 in Values (NaN marks a missing cell); Levels
	// holds the original spellings as [false, true], e.g. ["No", "Yes"].
	Boolean
	// Categorical columns hold strings with few distinct levels in Strings
	// ("" marks a missing cell); Levels lists the distinct values, sorted.
	Categorical
	// ID columns hold unique identifiers in Strings; they are shown to the
	// user but are never a feature.
	ID
	// Constant columns have a single distinct non-missing value (Levels[0]);
	// they carry no information and are dropped from the features.
	Constant
)

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	switch k {
	case Numeric:
		return "numeric"
	case Boolean:
		return "boolean"
	case Categorical:
		return "categorical"
	case ID:
		return "id"
	case Constant:
		return "constant"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Column is one typed column of a Table. Exactly one of Values (Numeric,
// Boolean) or Strings (Categorical, ID) has one entry per row; a Constant
// column may hold either, or neither.
type Column struct {
	Name string
	Kind Kind
	// Unnamed is set when the header cell was blank: Name is then
	// column_N, N the column's 1-based number.
	Unnamed bool
	// Values holds numbers for Numeric and Boolean columns; NaN is missing.
	Values []float64
	// Strings holds the raw cell text for Categorical and ID columns; "" is
	// missing. Equal strings share storage.
	Strings []string
	// Levels lists the distinct values of a Categorical column (sorted), the
	// [false, true] spellings of a Boolean column, or the value of a Constant.
	Levels []string
	// Missing counts blank or whitespace-only cells.
	Missing int
	// Note says why an inferred kind was chosen when that is not obvious
	// (for example "every value is unique" for an ID).
	Note string
	// Warning flags values the user should look at even though the column
	// was read: a column of mostly numbers read as text says so here.
	Warning string
	// Why is Note in structure, Mixed is Warning in structure (nil when
	// there is none), for programs that word them in another language.
	Why   Reason
	Mixed *MixedText
	// Excluded is set when the user left the column out of the features
	// (ExcludeColumns); it keeps its kind and values.
	Excluded bool
	// Codes is set for a Categorical column of numbers the user declared
	// categorical (DeclareCategorical): its Strings are the numbers as
	// FormatCode writes them and its Levels are in numeric order.
	Codes bool
	// DecimalComma is set for a numeric column of a semicolon file whose
	// points group thousands: the column writes decimal commas, or the file
	// does and every point of the column can group (settleFileMarks).
	DecimalComma bool
	// Stripped is what was removed from the column's cells to read them as
	// numbers (currency and percent signs, accounting parentheses,
	// thousands separators); LoadNotes says so.
	Stripped NumberMarks
	// MissingWords counts, by spelling in the order they first appear, the
	// cells of a numeric column read as missing because they are words
	// such as "unknown" (numericMissingWords; nil for none, a last entry
	// with the empty word for the cells in spellings beyond the first 16);
	// LoadNotes says so.
	MissingWords []MissingWord
	// Date is set for a Numeric column read from dates (datecol.go): Values
	// hold day numbers, the days from 1970-01-01 to each calendar date as
	// written (FormatDay writes one back), and DateOrder is the order of
	// its dates written with the year last (DateAuto when it has none).
	Date      bool
	DateOrder DateOrder
	// DateNumbers is set for a date column read from whole numbers
	// written YYYYMMDD (datecol_lenient.go).
	DateNumbers bool
	// DateInvalid counts the cells of a date column written as dates but
	// no calendar dates (2023-02-30, 0000-00-00), read as missing;
	// dateInvalidAt quotes the first.
	DateInvalid   int
	dateInvalidAt cellAt
}

// Len returns the number of rows the column holds.
func (c *Column) Len() int {
	if c.Values != nil {
		return len(c.Values)
	}
	return len(c.Strings)
}

// IsFeature reports whether the column may feed a model.
func (c *Column) IsFeature() bool {
	return !c.Excluded && (c.Kind == Numeric || c.Kind == Boolean || c.Kind == Categorical)
}

// NewNumericColumn returns a Numeric column over values (not copied) with
// its missing count taken from the NaNs.
func NewNumericColumn(name string, values []float64) *Column {
	c := &Column{Name: name, Kind: Numeric, Values: values}
	for _, v := range values {
		if math.IsNaN(v) {
			c.Missing++
		}
	}
	return c
}

// NamesRows reports whether c can name the rows of its table: an ID
// column, except text kept out of the features only for having too many
// levels to be a category (a state, a surname) and text pseudonymised as
// naming people (ReasonMostlyDistinct, ReasonContact), whose values
// repeat, and text that looks like numbers written with a decimal comma
// (Reason.DecimalComma), which are measures, not names.
func (c *Column) NamesRows() bool {
	return c.Kind == ID && c.Why.DecimalComma[0] == "" && !c.Why.Kind.repeats()
}

// repeats reports whether an identifier given this reason may repeat its
// values, so that it names no rows.
func (k ReasonKind) repeats() bool {
	return k == ReasonTooManyLevels || k.namesPeople()
}

// namesPeople reports whether an identifier given this reason is text
// --pseudonymise replaced as naming people.
func (k ReasonKind) namesPeople() bool {
	return k == ReasonMostlyDistinct || k == ReasonContact || k == ReasonPersonHeader
}

// KindName says what the column was read as, in words a user can act on:
// "an identifier" for an ID that names rows, "text" for text that looks
// like numbers written with a decimal comma, "text that names people" for
// text pseudonymised as such (ReasonMostlyDistinct, ReasonContact), "text
// with too many levels" for other text too varied to be a category (an ID
// that names no rows), else the kind's name.
func (c *Column) KindName() string {
	switch {
	case c.Kind == ID && c.Why.DecimalComma[0] != "":
		return "text"
	case c.Kind == ID && c.Why.Kind.namesPeople():
		return "text that names people"
	case c.Kind == ID && !c.NamesRows():
		return "text with too many levels"
	case c.Kind == ID:
		return "an identifier"
	}
	return c.Kind.String()
}

// NewIDColumn returns an ID column over ids (not copied).
func NewIDColumn(name string, ids []string) *Column {
	c := &Column{Name: name, Kind: ID, Strings: ids}
	for _, s := range ids {
		if s == "" {
			c.Missing++
		}
	}
	return c
}

// Label is the binary target of a Table. Values holds 1 for the Positive
// class and 0 for the Negative class, one per row.
type Label struct {
	Name     string
	Values   []float64
	Positive string
	Negative string
	// Spellings, when set, are the label's values that differ from its two
	// classes only in case or surrounding spaces ("yes", "YES "), read as
	// the class they spell (foldLabel).
	Spellings []string
}

// PositiveRate returns the share of rows whose label is 1 (NaN when empty).
func (l *Label) PositiveRate() float64 {
	if len(l.Values) == 0 {
		return math.NaN()
	}
	var sum float64
	for _, v := range l.Values {
		sum += v
	}
	return sum / float64(len(l.Values))
}

// Table is a typed per-user table: its columns, the row identifier column if
// any, and the label. Columns excludes the label column. Build one with
// ReadCSV or NewTable.
type Table struct {
	// Source names where the table came from (a file name), used in errors.
	Source  string
	Columns []*Column
	// IDColumn is the index in Columns of the first ID column that can
	// name rows (Column.NamesRows), or -1; a column that only numbers the
	// rows gives way to a later one that does not (preferKeys), and
	// RowCounter then names it.
	IDColumn   int
	RowCounter string
	// Label is the target; Label.Name is "" when the table has no label
	// (for example new rows to score).
	Label Label
	Rows  int
	// BlankLabels counts the rows of the file left out for a blank label.
	BlankLabels BlankLabels
	// Workbook says which sheets of an Excel workbook were read (nil when
	// the file is not a workbook); LoadNotes shows it.
	Workbook *WorkbookSheets
	// Titles are the lines above a CSV file's header read as a report's
	// titles and left out (csvTitles); LoadNotes shows them.
	Titles []string
	// Renamed lists the columns of a CSV or Parquet file whose name repeats
	// an earlier column's, read under another name (renameDuplicates);
	// LoadNotes shows them.
	Renamed []RenamedColumn
}

// NewTable assembles a Table from already-typed columns, for code that
// builds features itself (such as a cohort builder). Every column and the
// label (when label.Name is not "") must have the same number of rows, and
// label values must be 0 or 1. IDColumn is set to the first ID column that
// can name rows (Column.NamesRows).
func NewTable(source string, columns []*Column, label Label) (*Table, error) {
	t := &Table{Source: source, Columns: columns, IDColumn: -1, Label: label, Rows: -1}
	if label.Name != "" {
		t.Rows = len(label.Values)
		for i, v := range label.Values {
			if v != 0 && v != 1 {
				return nil, fmt.Errorf("%w: %s: label %q row %d is %v, want 0 or 1", ErrLabelNotBinary, source, label.Name, i, v)
			}
		}
	}
	for i, c := range columns {
		if t.Rows < 0 {
			t.Rows = c.Len()
		}
		if c.Len() != t.Rows {
			return nil, fmt.Errorf("%w: %s: column %q has %d rows, want %d", ErrShape, source, c.Name, c.Len(), t.Rows)
		}
		if c.NamesRows() && t.IDColumn < 0 {
			t.IDColumn = i
		}
	}
	if t.Rows < 0 {
		t.Rows = 0
	}
	t.preferKeys()
	return t, nil
}

// Column returns the column with the given name, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// IDs returns the identifier of every row: the ID column's values, or the
// 1-based row numbers as strings when the table has no ID column.
func (t *Table) IDs() []string {
	if t.IDColumn >= 0 {
		return t.Columns[t.IDColumn].Strings
	}
	ids := make([]string, t.Rows)
	for i := range ids {
		ids[i] = fmt.Sprint(i + 1)
	}
	return ids
}

// ID returns row r's identifier: the ID column's value, or its 1-based row
// number when the table has no ID column (IDs' value at r, without making
// the whole list).
func (t *Table) ID(r int) string {
	if t.IDColumn >= 0 {
		return t.Columns[t.IDColumn].Strings[r]
	}
	return strconv.Itoa(r + 1)
}

// Features returns the columns that may feed a model, in table order.
func (t *Table) Features() []*Column {
	var out []*Column
	for _, c := range t.Columns {
		if c.IsFeature() {
			out = append(out, c)
		}
	}
	return out
}
