package data

import (
	"fmt"
	"math"
)

// CellError says why one raw cell cannot be prepared for the model.
type CellError struct {
	// Column is the pipeline column's name.
	Column string
	// Expected describes what the column takes ("a finite number", …) and
	// Got quotes the cell (cut to 40 bytes).
	Expected, Got string
}

// Error implements error.
func (e *CellError) Error() string {
	return fmt.Sprintf("column %q: expected %s, got %s", e.Column, e.Expected, e.Got)
}

// Is makes errors.Is(err, ErrNotNumeric) true.
func (e *CellError) Is(target error) bool { return target == ErrNotNumeric }

// CellEncoder prepares raw cells one at a time, exactly as ReadRows
// prepares a CSV's cells. It only reads the pipeline, so one encoder may
// be used by many goroutines at once.
type CellEncoder struct {
	p *Pipeline
	// levels maps the levels of each categorical column to their output
	// offsets (nil for other columns).
	levels []map[string]int
}

// CellEncoder returns an encoder of the pipeline's cells.
func (p *Pipeline) CellEncoder() *CellEncoder {
	e := &CellEncoder{p: p, levels: make([]map[string]int, len(p.Columns))}
	for i := range p.Columns {
		if p.Columns[i].Kind == Categorical {
			e.levels[i] = p.Columns[i].levelIndex()
		}
	}
	return e
}

// Encode prepares one raw cell of pipeline column col (an index into
// Columns): a blank or "NA" cell of a numeric or boolean column is imputed,
// an unseen category encodes as the catch-all "other" level when the column
// has one (PipelineColumn.Other), else as all zeros. row is one prepared row of
// Width() values, zero where col's outputs lie; Encode writes col's outputs
// into it. cell must be trimmed. A cell the column cannot take is a
// *CellError.
func (e *CellEncoder) Encode(col int, cell []byte, row []float64) error {
	_, _, err := e.encode(col, cell, false, row)
	return err
}

// Read is Encode returning also the value read from a numeric or boolean
// cell in original units (a date's day number): NaN for a blank cell, the
// one the model fills; 0 for a categorical column's cell.
func (e *CellEncoder) Read(col int, cell []byte, row []float64) (float64, error) {
	v, _, err := e.encode(col, cell, false, row)
	return v, err
}

// encode is Encode accepting a decimal comma (semicolon files) when
// decimalComma is set; unseen reports a categorical level the model has no
// input for (a present cell it never saw in training). v is the value read
// from a numeric or boolean cell, NaN for a missing cell of any column
// and 0 for a present categorical one.
func (e *CellEncoder) encode(col int, cell []byte, decimalComma bool, row []float64) (v float64, unseen bool, err error) {
	pc := &e.p.Columns[col]
	if pc.Kind == Categorical {
		// One lookup serves the encoding (levelOffset's rule: a known
		// level's input, else the catch-all's) and the unseen report.
		missing := isMissing(cell)
		if pc.Codes {
			code, ok := codeCell(cell, decimalComma)
			if !ok {
				return 0, false, &CellError{Column: pc.Name, Expected: "a code (a number)", Got: quoteCut(cell)}
			}
			cell, missing = []byte(code), code == ""
		}
		k, known := 0, false
		if !missing {
			k, known = e.levels[col][string(cell)]
		}
		switch {
		case known:
			row[pc.First+k] = 1
		case !missing && pc.Other:
			row[pc.First+len(pc.Levels)-1] = 1
		}
		if missing {
			return math.NaN(), false, nil
		}
		return 0, !known, nil
	}
	v, ok := pc.cellValue(cell, decimalComma)
	if !ok {
		return 0, false, &CellError{Column: pc.Name, Expected: pc.expected(), Got: quoteCut(cell)}
	}
	pc.encode(v, row[pc.First:])
	return v, false, nil
}
