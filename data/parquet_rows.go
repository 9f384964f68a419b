package data

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
)

// parquetBatch is how many rows are decoded at a time: the reader holds
// one batch and the pages it comes from, never the whole file as text.
const parquetBatch = 256

// parquetRows yields the rows of a Parquet file, row group by row group,
// as records of text cells. The record of a row is numbered as the line it
// would be on in a CSV export (the header is line 1), so that the CSV
// readers' checks apply unchanged; locate turns those numbers back into
// row groups and rows.
type parquetRows struct {
	pf    *parquetFile
	group int // index of the row group being read; -1 before the first
	rows  parquet.Rows
	got   int64 // rows read from the current group
	batch []parquet.Row
	n, i  int
	row   int64 // rows handed out so far
}

func (pf *parquetFile) rowReader() *parquetRows {
	return &parquetRows{pf: pf, group: -1, batch: make([]parquet.Row, parquetBatch)}
}

// close releases the current row group's reader.
func (it *parquetRows) close() {
	if it.rows != nil {
		_ = guard(it.pf.name, "closing", it.rows.Close)
		it.rows = nil
	}
}

// next loads the next row into rec as text cells and sets rec.line. It
// returns io.EOF after the last row.
func (it *parquetRows) next(rec *recordReader) error {
	for it.i >= it.n {
		if err := it.fill(); err != nil {
			return err
		}
	}
	row := it.batch[it.i]
	it.i++
	it.row++
	cols := len(it.pf.conv)
	rec.file, rec.line = it.pf.name, int(it.row)+1
	rec.cur = rec.cur[:0]
	rec.starts = append(rec.starts[:0], make([]int, cols)...)
	rec.ends = append(rec.ends[:0], make([]int, cols)...)
	for _, v := range row {
		c := v.Column()
		if c < 0 || c >= cols {
			continue
		}
		rec.starts[c] = len(rec.cur)
		rec.cur = it.pf.conv[c].appendCell(rec.cur, v)
		rec.ends[c] = len(rec.cur)
		if size := rec.ends[c] - rec.starts[c]; size > MaxCellBytes {
			return tooLong(it.pf.name, rec.line, c+1, size)
		}
	}
	return nil
}

// fill decodes the next batch, moving to the next row group when one ends.
func (it *parquetRows) fill() error {
	groups := it.pf.file.RowGroups()
	if it.rows == nil {
		if it.group+1 >= len(groups) {
			return io.EOF
		}
		it.group++
		it.got = 0
		err := guard(it.pf.name, "opening a row group", func() error { it.rows = groups[it.group].Rows(); return nil })
		if err != nil {
			return it.pf.rowErr(it.group, it.row+1, err)
		}
	}
	it.i, it.n = 0, 0
	var readErr error
	err := guard(it.pf.name, "decoding rows", func() error {
		it.n, readErr = it.rows.ReadRows(it.batch)
		return readErr
	})
	it.n = max(0, min(it.n, len(it.batch)))
	it.got += int64(it.n)
	want := groups[it.group].NumRows()
	switch {
	case err != nil && err != io.EOF:
		return it.pf.rowErr(it.group, it.row+1, err)
	case it.got > want:
		return it.pf.rowErr(it.group, it.row+1, fmt.Errorf("corrupt Parquet file: the row group has more rows than the %s its header says", thousands64(want)))
	case readErr == io.EOF || it.n == 0:
		it.close()
		if it.got < want {
			return it.pf.rowErr(it.group, it.row+int64(it.n)+1, fmt.Errorf("corrupt Parquet file: the row group ends after %s of its %s rows", thousands64(it.got), thousands64(want)))
		}
	}
	return nil
}

// rowErr locates an error of the reader at a row.
func (pf *parquetFile) rowErr(group int, row int64, err error) error {
	msg := err.Error()
	if pe, ok := err.(*ParseError); ok {
		msg = pe.Msg
	}
	return &ParseError{File: pf.name, Where: fmt.Sprintf("row group %d, row %d", group+1, row), Msg: msg, Err: ErrParquet}
}

// groupOf returns the 0-based row group holding the 1-based row.
func (pf *parquetFile) groupOf(row int64) int {
	g := 0
	for g+1 < len(pf.starts) && pf.starts[g+1] < row {
		g++
	}
	return g
}

var onLines = regexp.MustCompile(`on lines? ([0-9]+(?:, [0-9]+)*)`)

// locate rewrites a *ParseError of the CSV rules, which numbers lines as a
// CSV export would, to name the row group, the row and the column.
func (pf *parquetFile) locate(err error) error {
	pe, ok := err.(*ParseError)
	if !ok || pe.Where != "" || pe.Line == 0 {
		return err
	}
	out := *pe
	var where []string
	if pe.Line > 1 {
		row := int64(pe.Line - 1)
		where = append(where, fmt.Sprintf("row group %d, row %d", pf.groupOf(row)+1, row))
	}
	if pe.Column > 0 && pe.Column <= len(pf.header) {
		where = append(where, strconv.Quote(pf.header[pe.Column-1]))
		where[len(where)-1] = "column " + where[len(where)-1]
	}
	out.Where, out.Line, out.Column = strings.Join(where, ", "), 0, 0
	out.Msg = onLines.ReplaceAllStringFunc(pe.Msg, func(s string) string {
		m := onLines.FindStringSubmatch(s)
		var rows []string
		for _, n := range strings.Split(m[1], ",") {
			if v, err := strconv.Atoi(strings.TrimSpace(n)); err == nil {
				rows = append(rows, strconv.Itoa(v-1))
			}
		}
		if len(rows) == 1 {
			return "in row " + rows[0]
		}
		return "in rows " + strings.Join(rows, ", ")
	})
	return &out
}
