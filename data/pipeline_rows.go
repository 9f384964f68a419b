package data

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Rows are raw rows prepared by a fitted Pipeline.
type Rows struct {
	// X has one row per data row and Pipeline.Width() columns.
	X *mat.Dense
	// IDs holds the identifier column's values, or the 1-based row numbers
	// when the file has no such column.
	IDs []string
	// IDName is the identifier column's name, "" when the file has none.
	IDName string
	// Labels holds 0/1 labels when the file has the label column, else nil.
	Labels []float64
	// Notes say, in English without "note: ", which category levels the
	// model has no input for, one per column: they were scored as its
	// catch-all level or as none (Unseen, each told by UnseenLevels.Note).
	Notes  []string
	Unseen []UnseenLevels
	// IDNote is set, in English, when the file lacks the model's id column
	// and IDs are row numbers.
	IDNote string
	// Imputed counts, per pipeline column, the missing cells the model
	// filled (PipelineColumn.Fill; a categorical column's encode as no
	// level).
	Imputed []int
	// Beyond holds the value of every present cell of a clipped column
	// beyond its training range [Min, Max], which the model scored as the
	// bound (PipelineColumn.Clips).
	Beyond map[Cell]float64
	// Blank marks every missing cell of a numeric column, which
	// the model read as the column's fill (PipelineColumn.Fill).
	Blank map[Cell]bool
	// CellNotes say, in English without "note: ", one per column, how many
	// cells were Imputed and with what, then how many were Beyond the
	// training range and scored as which bound.
	CellNotes []string
	// MarkNotes say, in English without "note: ", one per column, what
	// was removed from its cells to read them as numbers (currency signs,
	// percent signs, thousands separators), as training's load notes do.
	MarkNotes []string
}

// ReadRows reads new raw rows from a CSV (or Parquet) file with the columns the pipeline was
// fitted on and prepares them for the model. Extra columns are ignored and
// the label column is optional; missing feature columns are an error
// naming them. Missing cells are imputed and unseen categories encode as all zeros.
func (p *Pipeline) ReadRows(r io.Reader, name string) (_ *Rows, err error) {
	rr, header, read, done, err := openRecords(r, name)
	if err != nil {
		return nil, err
	}
	defer func() { err = done(err) }()
	index := make(map[string]int, len(header))
	for i, h := range header {
		index[h] = i
	}
	fields := make([]int, len(p.Columns))
	var missing []string
	for i, pc := range p.Columns {
		j, ok := index[pc.Name]
		if !ok {
			missing = append(missing, pc.Name)
		}
		fields[i] = j
	}
	if len(missing) > 0 {
		return nil, parseErr(name, max(rr.line, 1), 0, ErrMissingColumn, missingColumnsMessage(missing, len(p.Columns)))
	}
	idField, labelField := lookup(index, p.IDName), lookup(index, p.Label.Name)
	enc := p.CellEncoder()
	tally := newCellTally(p, fields)
	out := &Rows{}
	if idField >= 0 {
		out.IDName = p.IDName
	}
	if labelField >= 0 {
		out.Labels = []float64{}
	}
	width := p.Width()
	unseen := make([]UnseenLevels, len(p.Columns))
	stripped := make([]NumberMarks, len(p.Columns))
	var data []float64
	// A semicolon file's numeric columns read their decimal marks as the
	// tables they were trained on do (see decimalMarks).
	// A column the training file read with its decimal comma starts so.
	var marks []*decimalMarks
	if rr.delim == ';' {
		marks = make([]*decimalMarks, len(p.Columns))
		for i := range marks {
			marks[i] = &decimalMarks{comma: p.Columns[i].DecimalComma}
		}
	}
	err = eachRecord(rr, len(header), read, name, func() error {
		row := len(data)
		data = slices.Grow(data, width)[:row+width]
		clear(data[row:])
		tally.row(rr.line)
		for i := range p.Columns {
			cell := trimSpace(rr.field(fields[i]))
			if pc := &p.Columns[i]; marks != nil && pc.Kind == Numeric && !pc.Date && !isMissing(cell) && !isNumericMissingWord(cell) {
				v, ok, settled, clash, m := marks[i].readCleaned(cell, row/width, rr.line, fields[i]+1)
				if !ok && clash == nil && pc.Marks&spaceGroupMarks != 0 {
					v, ok, settled, clash, m = marks[i].readSpaced(cell, row/width, rr.line, fields[i]+1)
				}
				stripped[i] |= m
				if clash != nil {
					return clash.err(name, pc.Name, "")
				}
				if !ok {
					return cellParseErr(parseErr(name, rr.line, fields[i]+1, ErrNotNumeric, ""),
						&CellError{Column: pc.Name, Expected: pc.expected(), Got: quoteCut(cell)})
				}
				pc.encode(v, data[row+pc.First:])
				tally.value(row/width, i, v)
				for _, s := range settled {
					pc.encode(s.regroup(), data[s.index*width+pc.First:])
					tally.value(s.index, i, s.regroup())
				}
				continue
			}
			v, unseenLevel, err := enc.encode(i, cell, rr.delim == ';', data[row:row+width])
			if err != nil {
				pe := parseErr(name, rr.line, fields[i]+1, ErrNotNumeric, err.Error())
				if ce, ok := err.(*CellError); ok {
					return cellParseErr(pe, ce)
				}
				return pe
			}
			tally.value(row/width, i, v)
			if pc := &p.Columns[i]; pc.Kind == Numeric && !pc.Date && !math.IsNaN(v) {
				if _, plain := parseNumber(cell); !plain {
					_, m, ok := parseCleaned(cell, rr.delim == ';')
					if !ok {
						_, m, _ = parseSpaced(cell, rr.delim == ';')
					}
					stripped[i] |= m
				}
			}
			if unseenLevel {
				unseen[i].add(cell, rr.line, fields[i]+1, &p.Columns[i])
			}
		}
		if idField >= 0 {
			out.IDs = append(out.IDs, string(trimSpace(rr.field(idField))))
		} else {
			out.IDs = append(out.IDs, strconv.Itoa(len(out.IDs)+1))
		}
		if labelField >= 0 {
			y, err := p.labelValue(rr, name, labelField)
			if err != nil {
				return err
			}
			out.Labels = append(out.Labels, y)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if marks != nil {
		settleFile(marks, func(col int, c pendingCell) {
			pc := &p.Columns[col]
			pc.encode(c.regroup(), data[c.index*width+pc.First:])
			tally.value(c.index, col, c.regroup())
		})
	}
	if len(out.IDs) == 0 {
		return nil, restated(parseErr(name, 0, 0, ErrHeaderOnly, "only a header, no data rows"))
	}
	out.X = mat.NewDense(len(out.IDs), width, data)
	if p.IDName != "" && idField < 0 {
		out.IDNote = fmt.Sprintf("%s: no column %q, the model's identifier: rows are numbered 1 to %d instead", name, p.IDName, len(out.IDs))
	}
	for i := range unseen {
		if unseen[i].Count > 0 {
			unseen[i].Column = i
			out.Unseen = append(out.Unseen, unseen[i])
			out.Notes = append(out.Notes, unseen[i].Note(name, &p.Columns[i], nil))
		}
	}
	for i, m := range stripped {
		if m != 0 {
			out.MarkNotes = append(out.MarkNotes, fmt.Sprintf("%s: column %q: %s", name, p.Columns[i].Name, m))
		}
	}
	out.CellNotes = tally.notes(name, tally.inFile)
	out.Imputed, out.Beyond, out.Blank = tally.missing, tally.beyond, tally.blank
	return out, nil
}

// UnseenLevels counts the cells of a categorical column whose level the
// model has no input for (ReadRows), and keeps the first, and the first
// that differs from a model level only in case.
type UnseenLevels struct {
	// Column is the pipeline column's index, Count the cells.
	Column, Count int
	// First is the first such cell (trimmed), at Line and Field (1-based).
	First       string
	Line, Field int
	// CaseCell, at CaseLine, is the model's level CaseLevel in other case.
	CaseCell, CaseLevel string
	CaseLine            int
}

func (u *UnseenLevels) add(cell []byte, line, field int, pc *PipelineColumn) {
	if u.Count == 0 {
		u.First, u.Line, u.Field = string(cell), line, field
	}
	u.Count++
	if u.CaseLevel != "" {
		return
	}
	for i, l := range pc.Levels {
		if !(pc.Other && i == len(pc.Levels)-1) && strings.EqualFold(l, string(cell)) {
			u.CaseCell, u.CaseLevel, u.CaseLine = string(cell), l, line
			return
		}
	}
}

// Note says how the unseen levels of pipeline column pc of the rows read
// from name were scored, quoting the first and naming a model level that
// one of them differs from only in case. With pseudonym set (the column's
// values are pseudonymised: they name people), the first is quoted as
// pseudonym gives it, without its line, and no model level is named.
func (u UnseenLevels) Note(name string, pc *PipelineColumn, pseudonym func(string) string) string {
	cells := "1 cell holds a level"
	if u.Count > 1 {
		cells = fmt.Sprintf("%d cells hold levels", u.Count)
	}
	as := "scored as no level (all its inputs 0)"
	if pc.Other {
		as = fmt.Sprintf("scored as %q", pc.Levels[len(pc.Levels)-1])
	}
	note := fmt.Sprintf("%s: column %q: %s the model has no input for (unseen or rare in training), %s; the first is ",
		name, pc.Name, cells, as)
	if pseudonym != nil {
		return note + strconv.Quote(pseudonym(u.First))
	}
	note += fmt.Sprintf("%s at line %d, column %d", quoteCut([]byte(u.First)), u.Line, u.Field)
	if u.CaseLevel != "" && u.CaseLine == u.Line {
		note += fmt.Sprintf(", which differs from the model's %q only in case", u.CaseLevel)
	} else if u.CaseLevel != "" {
		note += fmt.Sprintf("; %s (line %d) differs from the model's %q only in case", quoteCut([]byte(u.CaseCell)), u.CaseLine, u.CaseLevel)
	}
	return note
}

// eachRecord reads the data records after the header, each checked to have
// want fields, and calls row on each until the end of the file or an error.
func eachRecord(rr *recordReader, want int, read func() error, name string, row func() error) error {
	for {
		if err := read(); err != nil {
			if err == io.EOF {
				return nil
			}
			return wrapReadErr(name, err)
		}
		if err := checkFields(rr, want); err != nil {
			return err
		}
		if err := row(); err != nil {
			return err
		}
	}
}

func lookup(index map[string]int, name string) int {
	if name == "" {
		return -1
	}
	if j, ok := index[name]; ok {
		return j
	}
	return -1
}

// labelValue encodes the label cell of the current record; a blank label
// is NaN (unknown), any other unexpected value an error.
func (p *Pipeline) labelValue(rr *recordReader, name string, field int) (float64, error) {
	cell := trimSpace(rr.field(field))
	if y, ok := p.labelCell(cell); ok {
		return y, nil
	}
	return 0, parseErr(name, rr.line, field+1, ErrLabelNotBinary,
		fmt.Sprintf("label %q: expected %q or %q, got %s", p.Label.Name, p.Label.Positive, p.Label.Negative, quoteCut(cell)))
}

// labelCell reads a trimmed label cell: 1 for the positive class, 0 for
// the negative one (in any case), NaN when blank; false for anything else.
func (p *Pipeline) labelCell(cell []byte) (float64, bool) {
	switch {
	case isMissing(cell):
		return math.NaN(), true
	case strings.EqualFold(string(cell), p.Label.Positive):
		return 1, true
	case strings.EqualFold(string(cell), p.Label.Negative):
		return 0, true
	}
	return 0, false
}
