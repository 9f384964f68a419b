package data

import (
	"fmt"
	"io"
	"strings"
)

// ReadValues reads one numeric or boolean pipeline column of a CSV (or
// Parquet) file in original units, one value per data row in file order
// (NaN for a missing cell), parsed as ReadRows parses it but neither
// imputed, clipped nor scaled: the raw values the model's inputs came
// from. column is matched case-insensitively against the pipeline's
// columns; a column that is not a numeric or boolean one of the pipeline,
// or a cell it cannot take, is an error.
func (p *Pipeline) ReadValues(r io.Reader, name, column string) (_ []float64, err error) {
	var pc *PipelineColumn
	for i := range p.Columns {
		if p.Columns[i].Kind != Categorical && strings.EqualFold(p.Columns[i].Name, column) {
			pc = &p.Columns[i]
			break
		}
	}
	if pc == nil {
		return nil, fmt.Errorf("%q is not a numeric column of the pipeline", column)
	}
	rr, header, read, done, err := openRecords(r, name)
	if err != nil {
		return nil, err
	}
	defer func() { err = done(err) }()
	field := -1
	for i, h := range header {
		if h == pc.Name {
			field = i
			break
		}
	}
	if field < 0 {
		return nil, parseErr(name, max(rr.line, 1), 0, ErrMissingColumn,
			fmt.Sprintf("missing column %q that the model was trained on", pc.Name))
	}
	var out []float64
	err = eachRecord(rr, len(header), read, name, func() error {
		cell := trimSpace(rr.field(field))
		v, ok := pc.cellValue(cell, rr.delim == ';')
		if !ok {
			return cellParseErr(parseErr(name, rr.line, field+1, ErrNotNumeric, ""),
				&CellError{Column: pc.Name, Expected: pc.expected(), Got: quoteCut(cell)})
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, restated(parseErr(name, 0, 0, ErrHeaderOnly, "only a header, no data rows"))
	}
	return out, nil
}

// CountLabelMisfits counts the cells of the label column of a CSV (or
// Parquet) file that ReadRows refuses as labels (ErrLabelNotBinary):
// neither blank nor one of the classes. Only that column is read; a file
// without it has none.
func (p *Pipeline) CountLabelMisfits(r io.Reader, name string) (n int, err error) {
	rr, header, read, done, err := openRecords(r, name)
	if err != nil {
		return 0, err
	}
	defer func() { err = done(err) }()
	field := -1
	for i, h := range header {
		if p.Label.Name != "" && h == p.Label.Name {
			field = i
			break
		}
	}
	if field < 0 {
		return 0, nil
	}
	err = eachRecord(rr, len(header), read, name, func() error {
		if _, ok := p.labelCell(trimSpace(rr.field(field))); !ok {
			n++
		}
		return nil
	})
	return n, err
}

// ReadTexts reads the categorical pipeline columns of a CSV (or Parquet)
// file as text: by column name, one cell per data row in file order,
// trimmed, with a missing cell as "" (as ReadRows reads it): the cells the
// model's one-hot inputs came from. A column the file lacks is left out.
func (p *Pipeline) ReadTexts(r io.Reader, name string) (_ map[string][]string, err error) {
	rr, header, read, done, err := openRecords(r, name)
	if err != nil {
		return nil, err
	}
	defer func() { err = done(err) }()
	index := make(map[string]int, len(header))
	for i, h := range header {
		index[h] = i
	}
	out := map[string][]string{}
	var names []string
	var fields []int
	var codes []bool
	for _, pc := range p.Columns {
		if j, ok := index[pc.Name]; ok && pc.Kind == Categorical {
			names, fields = append(names, pc.Name), append(fields, j)
			codes = append(codes, pc.Codes)
			out[pc.Name] = nil
		}
	}
	err = eachRecord(rr, len(header), read, name, func() error {
		for k, j := range fields {
			cell := trimSpace(rr.field(j))
			text := ""
			if codes[k] {
				// A code as the model reads it ("3.0" is "3"); a cell
				// that is no number stays as written.
				if code, ok := codeCell(cell, false); ok {
					text = code
				} else {
					text = string(cell)
				}
			} else if !isMissing(cell) {
				text = string(cell)
			}
			out[names[k]] = append(out[names[k]], text)
		}
		return nil
	})
	return out, err
}
