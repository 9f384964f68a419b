package data

import "errors"

// More of the typed facts a ParseError carries (ParseError.Facts and
// ParseError.At), so that a program can word in another language the
// refusals of files that are not text, of shared column names and of
// unreadable Parquet files. Msg stays the English.

// Place is ParseError.Where as values. RowGroup (from 1) and Row (from 1,
// counted from the start of the file) locate a row of a Parquet file;
// Row and Column a cell of a table's column; Sheet and Cell (A1) or Row a
// place in an Excel workbook.
type Place struct {
	Sheet, Cell, Column string
	RowGroup            int
	Row                 int64
}

// FileKind is what a file that is not UTF-8 text is (NotTextFile).
type FileKind int

const (
	// KindGzip is a gzip file whose content is gzip again.
	KindGzip FileKind = iota + 1
	// KindZip is a zip archive that is not a workbook.
	KindZip
	// KindBrokenWorkbookZip is a zip that looks like a workbook but
	// cannot be read as one.
	KindBrokenWorkbookZip
	// KindOldExcel is an old Excel workbook (xls).
	KindOldExcel
	// KindUTF16 is text in UTF-16.
	KindUTF16
	// KindNotWorkbook is a binary file named as a workbook that is no zip.
	KindNotWorkbook
	// KindGzipParquet is a Parquet file compressed with gzip.
	KindGzipParquet
	// KindGzipZip is a zip archive (a workbook?) compressed with gzip.
	KindGzipZip
)

// NotTextFile is a file that its first bytes show is not UTF-8 text
// (ErrNotText): its Kind, for UTF-16 its byte Order ("LE", "BE") and
// whether it starts with a byte-order mark (BOM), for KindNotWorkbook the
// extension it is named with (Ext), and the Command that makes a readable
// file of it ("" when it must be saved again from Excel); Stream says the
// Command converts it on its way in, as the file is a pipe.
type NotTextFile struct {
	Kind    FileKind
	Order   string
	BOM     bool
	Ext     string
	Command string
	Stream  bool
}

// NotUTF8 is a cell that is not UTF-8 (ErrNotText): Cell (quoted as the
// message quotes it), its first invalid Byte at its byte At (from 1), the
// encoding its bytes most likely are (GB18030 when Chinese, else
// Latin-1 / Windows-1252) and the Command that converts the file (Stream:
// on its way in). Withheld says the cell is not to be quoted
// (experiment.WithholdCells).
type NotUTF8 struct {
	Cell     string
	Byte     byte
	At       int
	GB18030  bool
	Command  string
	Stream   bool
	Withheld bool
}

// NULCell is a cell with a NUL byte (ErrNotText): Cell is quoted as the
// message quotes it, or, when Binary (it holds other binary bytes too),
// only its Size in bytes is given. Withheld says the cell is not to be
// quoted (experiment.WithholdCells).
type NULCell struct {
	Cell     string
	Size     int
	Binary   bool
	Withheld bool
}

// LongCell is a cell of Size bytes, over MaxCellBytes (ErrNotText).
type LongCell struct{ Size int }

// SharedName is a column named (or found) by a name several columns
// share (ErrSyntax), as RenamedColumn says; Who names it.
type SharedName struct {
	RenamedColumn
	Who NameUse
}

// NameUse says how a shared name was used (SharedName).
type NameUse int

const (
	// LabelNamed: the label was named so.
	LabelNamed NameUse = iota + 1
	// ExcludeNamed: a column to leave out was named so.
	ExcludeNamed
	// LabelFound: the label was found by that name.
	LabelFound
)

// ParquetTruncated is a Parquet file cut short (ErrParquet): of Size
// bytes, fewer than the smallest has (Tiny), or starting with the magic
// PAR1 but not ending with it.
type ParquetTruncated struct {
	Size int64
	Tiny bool
}

// ParquetReader is a Parquet file the reader failed on (ErrParquet) while
// Doing one of "reading the schema", "decoding the footer", "opening",
// "opening a row group", "decoding" or "closing"; Detail is the reader's
// own words (a panic when Panicked), and Fault, when set, all they say.
type ParquetReader struct {
	Doing, Detail string
	Panicked      bool
	Fault         ParquetFault
}

// ParquetFault is a fault of a Parquet page that the reader's own decoder
// names (ParquetReader.Fault).
type ParquetFault int

const (
	// FaultSnappy: a snappy-compressed block is corrupt.
	FaultSnappy ParquetFault = iota + 1
	// FaultLevelsShort: a page's levels or dictionary indices end early.
	FaultLevelsShort
	// FaultValuesShort: a page's values end early.
	FaultValuesShort
)

// faultOf is the ParquetFault that err is and says no more than, 0 for
// another error.
func faultOf(err error) ParquetFault {
	for _, f := range []struct {
		err   error
		fault ParquetFault
	}{{errSnappy, FaultSnappy}, {errHybridShort, FaultLevelsShort}, {errPlainShort, FaultValuesShort}} {
		if errors.Is(err, f.err) && err.Error() == f.err.Error() {
			return f.fault
		}
	}
	return 0
}

// ParquetShortColumn is a Parquet column whose values end after Got of
// its row group's Rows rows (ErrParquet).
type ParquetShortColumn struct {
	Column    string
	Got, Rows int64
}

// BlankLabel is a blank cell of the label column Column
// (ErrLabelMissing); Every says every row's is, Rows of them.
type BlankLabel struct {
	Column string
	Every  bool
	Rows   int
}

// DateOrderUnknown is a date of an order log whose order of day and
// month cannot be told (ErrBadDate): Cell, a date no number of which is
// above 12, when Other is "" (no date in the log tells); else Cell cannot
// be read in the order DayFirst (day/month/year when set) that Other, on
// OtherLine, is written in: the log mixes both orders.
type DateOrderUnknown struct {
	Cell, Other string
	OtherLine   int
	DayFirst    bool
}

func (BlankLabel) parseFacts()         {}
func (DateOrderUnknown) parseFacts()   {}
func (NotTextFile) parseFacts()        {}
func (NotUTF8) parseFacts()            {}
func (NULCell) parseFacts()            {}
func (LongCell) parseFacts()           {}
func (SharedName) parseFacts()         {}
func (ParquetTruncated) parseFacts()   {}
func (ParquetReader) parseFacts()      {}
func (ParquetShortColumn) parseFacts() {}
