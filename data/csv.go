package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSVOptions controls ReadCSV. The zero value sniffs the delimiter, detects
// the label from common names and infers kinds from the first 1,000 rows.
type CSVOptions struct {
	// Label names the label column; "" detects it from common names such as
	// churn, label, target, revenue, exited or purchased (case-insensitive).
	Label string
	// NoLabel reads a table without a label (for example rows to score);
	// Label is then ignored.
	NoLabel bool
	// LabelOptional reads a table without a label when Label is "" and no
	// column is detected as one, instead of refusing it (ErrNoLabel): for
	// work that needs no label, such as anomaly scoring. A detected label
	// is still read as the label, and a blank label cell is then an error
	// (ErrLabelMissing); without LabelOptional, rows with a blank label are
	// left out and counted in Table.BlankLabels.
	LabelOptional bool
	// PositiveClass names the label value that counts as 1; "" detects it
	// (Yes, TRUE, true, 1, …; otherwise the minority class).
	PositiveClass string
	// Delimiter is ',', ';', '\t' or '|'; 0 sniffs it from the first lines.
	Delimiter rune
	// InferRows is how many leading rows decide whether a column is numeric
	// (default 1,000). A later non-numeric value in such a column is an error.
	InferRows int
	// MaxLevels is the most distinct values a text column may have to be
	// categorical (default 50); with more it is treated as an identifier.
	MaxLevels int
	// Exclude names columns the caller will leave out of the features
	// (ExcludeColumns; matched as it matches them): they are read as text
	// (numeric still when every cell is a number), so a cell that is not a
	// number is never refused in them.
	Exclude []string
	// DateOrder is the order of the dates written with the year last
	// ("1/12/2010") in the table's date columns, as --date-order gives it;
	// DateAuto reads each column in the order its own dates show (a
	// number above 12 first or second), and leaves a column whose dates
	// cannot show it as text.
	DateOrder DateOrder
}

func (o CSVOptions) withDefaults() CSVOptions {
	if o.InferRows <= 0 {
		o.InferRows = 1000
	}
	if o.MaxLevels <= 0 {
		o.MaxLevels = 50
	}
	return o
}

// delimiterOf sniffs the CSV delimiter from the start of the input.
func delimiterOf(br *bufio.Reader) byte {
	sample, _ := br.Peek(readBufferSize)
	return sniffDelimiter(sample)
}

// openCSV strips a UTF-8 BOM, picks the delimiter and reads the header.
func openCSV(r io.Reader, name string, delimiter rune) (*recordReader, []string, error) {
	br, err := newInputReader(r, name)
	if err != nil {
		return nil, nil, err
	}
	var delim byte
	named, sepLine := excelSepLine(br)
	switch {
	case delimiter == 0 && sepLine:
		delim = named
	case delimiter == 0:
		delim = delimiterOf(br)
	case delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|':
		delim = byte(delimiter)
	default:
		return nil, nil, fmt.Errorf("%w: %s: delimiter %q is not comma, semicolon, tab or pipe", ErrSyntax, name, delimiter)
	}
	rr := newRecordReader(br, name, delim)
	err = skipSepLine(rr, br)
	if err == nil {
		err = skipTitles(rr, br)
	}
	if err == nil {
		err = rr.read()
	}
	if err != nil {
		if err == io.EOF {
			return nil, nil, restated(parseErr(name, 0, 0, ErrEmpty, "empty file (no header)"))
		}
		return nil, nil, wrapReadErr(name, err)
	}
	header := make([]string, rr.fields())
	for i := range header {
		h := strings.TrimSpace(string(rr.field(i)))
		if h == "" {
			h = fmt.Sprintf("column_%d", i+1)
			rr.unnamed = append(rr.unnamed, i)
		}
		header[i] = h
	}
	rr.renamed = renameDuplicates(header)
	return rr, header, nil
}

func wrapReadErr(name string, err error) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("reading %s: %w", name, err)
}

// ReadCSV reads a CSV table with a header row and infers a typed Table. name
// is used in errors (usually the file name). See CSVOptions for the
// inference rules; every malformed input yields a *ParseError naming the
// line and, where one applies, the 1-based field. An input that starts with
// the Parquet magic "PAR1" is read as a Parquet file by the same rules (see
// readParquetTable); its errors name the row group, the row and the column.
func ReadCSV(r io.Reader, name string, opts CSVOptions) (*Table, error) {
	t, _, err := ReadCSVAgain(r, name, opts)
	return t, err
}

// ReadCSVAgain is ReadCSV that also returns how to read the same input
// again from its start without opening it again, for a second look at it
// (LookLikeOrderLog): a Parquet file and a text file through their
// io.ReaderAt, a workbook as the CSV text it was converted to (not
// converted twice). It is nil for a text stream, which cannot be read
// again. The input must stay open while again is used.
func ReadCSVAgain(r io.Reader, name string, opts CSVOptions) (t *Table, again func() io.Reader, err error) {
	in, rest, err := sniffParquet(r, name)
	if err != nil {
		return nil, nil, err
	}
	if in != nil {
		t, err := readParquetTable(in, name, opts)
		return t, func() io.Reader { return io.NewSectionReader(in.ra, 0, in.size) }, err
	}
	if wb, ok := rest.(*workbookText); ok {
		t, err := readCSVText(wb, name, opts)
		if t != nil {
			t.Workbook = wb.sheets
		}
		return t, func() io.Reader { return io.NewSectionReader(wb, 0, wb.Size()) }, wb.locate(name, err)
	}
	if ra, ok := r.(io.ReaderAt); ok {
		if size, ok := sizeOf(r); ok {
			again = func() io.Reader { return io.NewSectionReader(ra, 0, size) }
		}
	}
	t, err = readCSVText(rest, name, opts)
	return t, again, err
}

// readCSVText is ReadCSV on text.
func readCSVText(r io.Reader, name string, opts CSVOptions) (*Table, error) {
	opts = opts.withDefaults()
	rr, header, err := openCSV(r, name, opts.Delimiter)
	if err != nil {
		return nil, err
	}
	headerLine := rr.line
	if err := ambiguousNames(name, headerLine, rr.renamed, opts); err != nil {
		return nil, err
	}
	labelCol, err := labelColumn(name, header, opts)
	if err == nil && labelCol >= 0 && opts.Label == "" {
		err = ambiguousLabel(name, headerLine, rr.renamed, labelCol)
		if err != nil {
			return nil, err
		}
	}
	if err != nil && opts.Label == "" {
		return nil, atHeader(suggestLabels(err, rr, header, opts.InferRows), headerLine)
	} else if err != nil {
		return nil, atHeader(likeliestLabels(err, rr, header, opts.InferRows), headerLine)
	}
	p := &tableParser{rr: rr, name: name, header: header, labelCol: labelCol, dropBlank: !opts.LabelOptional,
		excluded: excludedColumns(header, opts.Exclude)}
	if err := p.readSample(opts.InferRows); err != nil {
		return nil, err
	}
	if len(p.sample) == 0 && p.blank.n > 0 {
		return nil, p.allBlankError()
	}
	if len(p.sample) == 0 {
		return nil, restated(parseErr(name, 0, 0, ErrHeaderOnly, "only a header, no data rows"))
	}
	if err := p.decideStorage(); err != nil {
		return nil, err
	}
	if err := p.readBlocks(); err != nil {
		return nil, err
	}
	t, err := p.finish(opts)
	if t != nil {
		t.Titles, t.Renamed = rr.titles, rr.renamed
	}
	return t, err
}

// tableParser holds the state of one ReadCSV call.
type tableParser struct {
	rr       *recordReader
	name     string
	header   []string
	labelCol int
	sample   [][]string // the first rows, kept as text until kinds are decided
	lines    []int      // the line each sample row starts on
	// sampledAll is set when the sample holds every row of the file.
	sampledAll bool
	builders   []columnBuilder
	// dropBlank leaves out rows whose label is blank, counted in blank,
	// instead of refusing the file; parquet numbers them as rows.
	dropBlank, parquet bool
	blank              blankLabelRows
	// excluded marks the columns CSVOptions.Exclude names.
	excluded []bool
}

// checkRecord rejects ragged rows and blank labels, or answers
// errBlankLabel for a blank label when such rows are left out (dropBlank).
func (p *tableParser) checkRecord(rr *recordReader) error {
	if err := checkFields(rr, len(p.header)); err != nil {
		return err
	}
	if p.labelCol >= 0 && isMissing(trimSpace(rr.field(p.labelCol))) {
		if p.dropBlank {
			return errBlankLabel
		}
		pe := parseErr(p.name, rr.line, p.labelCol+1, ErrLabelMissing,
			fmt.Sprintf("label column %q is blank", p.header[p.labelCol]))
		pe.Facts = BlankLabel{Column: p.header[p.labelCol]}
		return pe
	}
	return nil
}

// checkFields rejects a record whose field count differs from the
// header's, pointing at the first missing or surplus field.
func checkFields(rr *recordReader, want int) error {
	if n := rr.fields(); n != want {
		pe := parseErr(rr.file, rr.line, min(n, want)+1, ErrRagged,
			fmt.Sprintf("row has %s, header has %d", fieldCount(n), want))
		pe.Facts = FieldCount{Got: n, Want: want}
		return pe
	}
	return nil
}

func fieldCount(n int) string {
	if n == 1 {
		return "1 field"
	}
	return fmt.Sprintf("%d fields", n)
}

func (p *tableParser) readSample(rows int) error {
	for len(p.sample) < rows {
		if err := p.rr.read(); err != nil {
			if err == io.EOF {
				p.sampledAll = true
				return nil
			}
			return wrapReadErr(p.name, err)
		}
		if err := p.checkRecord(p.rr); err == errBlankLabel {
			p.blank.add(p.rr.line)
			continue
		} else if err != nil {
			return err
		}
		row := make([]string, len(p.header))
		for i := range row {
			row[i] = string(p.rr.field(i))
		}
		p.sample = append(p.sample, row)
		p.lines = append(p.lines, p.rr.line)
	}
	return nil
}

// decideStorage types each column from the sample (see sampleKind) and
// replays the sample into the column builders. The label is always kept as
// text. A stray cell in a column typed numeric is an error naming it.
func (p *tableParser) decideStorage() error {
	p.builders = make([]columnBuilder, len(p.header))
	kinds := make([]sampleKind, len(p.header))
	for j := range p.header {
		if j != p.labelCol && !p.isExcluded(j) {
			kinds[j] = p.sampleKind(j)
		}
		p.builders[j] = newColumnBuilder(kinds[j].numeric, len(p.sample))
		p.builders[j].decimalComma = p.rr.delim == ';'
		p.builders[j].mixed = kinds[j].mixed
	}
	for i, row := range p.sample {
		for j, cell := range row {
			if err := p.builders[j].add([]byte(cell), p.name, p.lines[i], j+1, p.header[j]); err != nil {
				if errors.Is(err, ErrMixedDecimals) {
					return err
				}
				sampled := len(p.sample)
				if p.sampledAll {
					sampled = 0
				}
				return kinds[j].strayError(p.name, p.header[j], p.lines[i], j+1, cell, sampled, p.rr.delim == ';')
			}
		}
	}
	p.sample, p.lines = nil, nil
	return nil
}
