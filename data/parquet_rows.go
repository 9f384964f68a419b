package data

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// parquetBatch is how many rows are decoded at a time: the reader holds
// one batch and the pages it comes from, never the whole file as text.
const parquetBatch = 256

// parquetRows yields the rows of a Parquet file, row group by row group,
// as records of text cells. Each column is read page by page through its
// own cursor, a batch of values at a time, and columns that are not wanted
// are not decoded at all (their cells are blank). The record of a row is
// numbered as the line it would be on in a CSV export (the header is line
// 1), so that the CSV readers' checks apply unchanged; locate turns those
// numbers back into row groups and rows.
type parquetRows struct {
	pf    *parquetFile
	want  []bool // columns to decode; nil for all
	group int    // index of the row group being read; -1 before the first
	cols  []columnCursor
	left  int64 // rows of the current group not yet decoded
	n, i  int   // rows in the current batch, and the next one to hand out
	row   int64 // rows handed out so far
	// libOnly reads every column with parquet-go (a test compares the two).
	libOnly bool
}

// columnCursor reads the values of one column chunk page by page: with our
// own decoder (own) for the common shapes, else with parquet-go's pages.
type columnCursor struct {
	own   *pageCursor
	pages parquet.Pages
	page  parquet.Page
	vals  parquet.ValueReader
	done  []parquet.Page // pages read through, released at the next batch
	buf   []parquet.Value
}

func (pf *parquetFile) rowReader(want []bool) *parquetRows {
	return &parquetRows{pf: pf, want: want, group: -1}
}

// close releases the current row group's pages.
func (it *parquetRows) close() {
	_ = guard(it.pf.name, "closing", func() error {
		for c := range it.cols {
			cur := &it.cols[c]
			cur.release()
			if cur.page != nil {
				parquet.Release(cur.page)
				cur.page = nil
			}
			if cur.pages != nil {
				cur.pages.Close()
				cur.pages = nil
			}
		}
		return nil
	})
	it.cols = nil
}

func (c *columnCursor) release() {
	for _, p := range c.done {
		parquet.Release(p)
	}
	c.done = c.done[:0]
}

// next loads the next row into rec as text cells and sets rec.line. It
// returns io.EOF after the last row.
func (it *parquetRows) next(rec *recordReader) error {
	for it.i >= it.n {
		if err := it.fill(); err != nil {
			return err
		}
	}
	i := it.i
	it.i++
	it.row++
	rec.file, rec.line = it.pf.name, int(it.row)+1
	rec.cur = rec.cur[:0]
	rec.starts, rec.ends = rec.starts[:0], rec.ends[:0]
	for c := range it.pf.conv {
		rec.starts = append(rec.starts, len(rec.cur))
		if col := &it.cols[c]; col.buf != nil {
			rec.cur = it.pf.conv[c].appendCell(rec.cur, col.buf[i])
		}
		rec.ends = append(rec.ends, len(rec.cur))
		if size := len(rec.cur) - rec.starts[c]; size > MaxCellBytes {
			return tooLong(it.pf.name, rec.line, c+1, size)
		}
	}
	return nil
}

// fill decodes the next batch of every wanted column, moving to the next
// row group when one is done.
func (it *parquetRows) fill() error {
	groups := it.pf.meta.RowGroups
	for it.left == 0 {
		it.close()
		if it.group+1 >= len(groups) {
			return io.EOF
		}
		it.group++
		it.left = groups[it.group].NumRows
		err := it.open(&groups[it.group])
		if err != nil {
			return it.pf.rowErr(it.group, it.row+1, err)
		}
	}
	it.i, it.n = 0, int(min(it.left, parquetBatch))
	for c := range it.cols {
		col := &it.cols[c]
		if col.buf == nil {
			continue
		}
		col.release()
		got := 0
		err := guard(it.pf.name, "decoding", func() error {
			var err error
			got, err = col.read(it.n)
			return err
		})
		if err == nil && got < it.n {
			short := ParquetShortColumn{Column: it.pf.header[c], Got: groups[it.group].NumRows - it.left + int64(got), Rows: groups[it.group].NumRows}
			err = &ParseError{Msg: fmt.Sprintf("corrupt Parquet file: column %q ends after %s of the row group's %s rows",
				short.Column, thousands64(short.Got), thousands64(short.Rows)), Facts: short}
		}
		if err != nil {
			return it.pf.rowErr(it.group, it.row+1, err)
		}
	}
	it.left -= int64(it.n)
	return nil
}

// open makes the cursors of the wanted columns of a row group: our page
// decoder's where it reads the chunk, else parquet-go's pages.
func (it *parquetRows) open(rg *format.RowGroup) error {
	return guard(it.pf.name, "opening a row group", func() error {
		if len(rg.Columns) != len(it.pf.conv) {
			return fmt.Errorf("the row group has %d column chunks for %d columns", len(rg.Columns), len(it.pf.conv))
		}
		it.cols = make([]columnCursor, len(rg.Columns))
		for c := range rg.Columns {
			if it.want != nil && !it.want[c] {
				continue
			}
			buf := make([]parquet.Value, parquetBatch)
			own, err := newPageCursor(it.pf.in, &it.pf.meta.Schema[c+1], &rg.Columns[c].MetaData)
			if it.libOnly {
				err = errNotOwn
			}
			switch {
			case err == nil:
				it.cols[c] = columnCursor{own: own, buf: buf}
			case err == errNotOwn:
				f, err := it.pf.library()
				if err != nil {
					return err
				}
				it.cols[c] = columnCursor{pages: f.RowGroups()[it.group].ColumnChunks()[c].Pages(), buf: buf}
			default:
				return fmt.Errorf("column %q: %v", it.pf.header[c], err)
			}
		}
		return nil
	})
}

// read fills buf[:n] with the column's next n values, reading pages as
// needed, and returns how many it got (fewer only at the chunk's end).
func (c *columnCursor) read(n int) (int, error) {
	if c.own != nil {
		return c.own.read(c.buf[:n])
	}
	got := 0
	for got < n {
		if c.vals == nil {
			p, err := c.pages.ReadPage()
			if err == io.EOF {
				return got, nil
			}
			if err != nil {
				return got, err
			}
			c.page, c.vals = p, p.Values()
		}
		k, err := c.vals.ReadValues(c.buf[got:n])
		got += max(0, min(k, n-got))
		if k <= 0 && err == nil {
			return got, fmt.Errorf("a page yields no values")
		}
		if err == io.EOF {
			c.done = append(c.done, c.page)
			c.page, c.vals = nil, nil
		} else if err != nil {
			return got, err
		}
	}
	return got, nil
}

// rowErr locates an error of the reader at a row.
func (pf *parquetFile) rowErr(group int, row int64, err error) error {
	msg, facts := err.Error(), Facts(nil)
	if pe, ok := err.(*ParseError); ok {
		msg, facts = pe.Msg, pe.Facts
	}
	return &ParseError{File: pf.name, Where: fmt.Sprintf("row group %d, row %d", group+1, row), At: &Place{RowGroup: group + 1, Row: row},
		Msg: msg, Err: ErrParquet, Facts: facts}
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
// CSV export would, to name the row group, the row and the column. It is
// given the reader's final error: one that comes of a read of the input
// that failed is that failure (see parquetInput.failed).
func (pf *parquetFile) locate(err error) error {
	err = pf.in.failed(pf.name, err)
	pe, ok := err.(*ParseError)
	if !ok || pe.Where != "" || pe.Line == 0 {
		return err
	}
	out := *pe
	var where []string
	at := &Place{}
	if pe.Line > 1 {
		row := int64(pe.Line - 1)
		where = append(where, fmt.Sprintf("row group %d, row %d", pf.groupOf(row)+1, row))
		at.RowGroup, at.Row = pf.groupOf(row)+1, row
	}
	msg := pe.Msg
	if pe.Column > 0 && pe.Column <= len(pf.header) {
		col := "column " + strconv.Quote(pf.header[pe.Column-1])
		where = append(where, col)
		at.Column = pf.header[pe.Column-1]
		msg = strings.TrimPrefix(msg, col+": ") // named once, in Where
	}
	out.Where, out.Line, out.Column = strings.Join(where, ", "), 0, 0
	if out.Where != "" {
		out.At = at
	}
	out.Facts = linesAsRows(out.Facts)
	out.Msg = onLines.ReplaceAllStringFunc(msg, func(s string) string {
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

// linesAsRows turns the line numbers of facts (NotANumber.Others), which
// count lines as a CSV export of a Parquet file would, into its rows, as
// locate does in the message ("on lines" becomes "in rows").
func linesAsRows(f Facts) Facts {
	if n, ok := f.(NotANumber); ok {
		others := make([]int, len(n.Others))
		for i, l := range n.Others {
			others[i] = l - 1
		}
		n.Others = others
		return n
	}
	return f
}
