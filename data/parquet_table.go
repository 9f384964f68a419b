package data

import (
	"io"
	"slices"
)

// maxReserve bounds the bytes reserved for the columns of a Parquet table
// from the row count its footer declares, before the rows are read.
const maxReserve = 64 << 20

// readParquetTable reads a per-user table from a Parquet file with the
// rules of ReadCSV: each cell is the text of its value (see appendCell), so
// kind inference, label detection and the column errors are the CSV ones,
// located by row group, row and column. Rows are decoded a batch at a time
// into the column builders.
func readParquetTable(in *parquetInput, name string, opts CSVOptions) (t *Table, err error) {
	opts = opts.withDefaults()
	pf, err := openParquet(in, name)
	if err != nil {
		return nil, err
	}
	defer func() { err = pf.locate(err) }()
	header := pf.header
	// A Parquet header has no line: the refusals name the columns alone.
	if err := ambiguousNames(name, 0, pf.renamed, opts); err != nil {
		return nil, err
	}
	labelCol, err := labelColumn(name, header, opts)
	if err != nil {
		return nil, err
	}
	if labelCol >= 0 && opts.Label == "" {
		if err := ambiguousLabel(name, 0, pf.renamed, labelCol); err != nil {
			return nil, err
		}
	}
	rec := &recordReader{file: name, delim: ','}
	p := &tableParser{rr: rec, name: name, header: header, labelCol: labelCol, dropBlank: !opts.LabelOptional, parquet: true,
		excluded: excludedColumns(header, opts.Exclude)}
	rows := pf.rowReader(nil)
	defer rows.close()
	for len(p.sample) < opts.InferRows {
		if err := rows.next(rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if err := p.checkRecord(rec); err == errBlankLabel {
			p.blank.add(rec.line)
			continue
		} else if err != nil {
			return nil, err
		}
		row := make([]string, len(header))
		for i := range row {
			row[i] = string(rec.field(i))
		}
		p.sample = append(p.sample, row)
		p.lines = append(p.lines, rec.line)
	}
	if len(p.sample) == 0 && p.blank.n > 0 {
		return nil, p.allBlankError()
	}
	if len(p.sample) == 0 {
		return nil, restated(parseErr(name, 0, 0, ErrHeaderOnly, "a Parquet file with columns but no rows"))
	}
	if err := p.decideStorage(); err != nil {
		return nil, err
	}
	// The builders hold the sample; growing block by block, a file of a
	// few thousand rows would get a block of chunkLen cells per column.
	// Reserve the file's rows instead, up to a block and maxReserve in all.
	reserve := min(pf.meta.NumRows, chunkLen, maxReserve/int64(16*len(header)))
	for j := range p.builders {
		p.builders[j].reserve(int(reserve))
	}
	for {
		if err := rows.next(rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if err := p.checkRecord(rec); err == errBlankLabel {
			p.blank.add(rec.line)
			continue
		} else if err != nil {
			return nil, err
		}
		for j := range p.builders {
			if err := p.builders[j].add(rec.field(j), name, rec.line, j+1, header[j]); err != nil {
				return nil, err
			}
		}
	}
	t, err = p.finish(opts)
	if t != nil {
		t.Renamed = pf.renamed
	}
	return t, err
}

// reserve makes room for n cells in the builder's current block.
func (b *columnBuilder) reserve(n int) {
	if b.numeric {
		b.values.cur = slices.Grow(b.values.cur, n-len(b.values.cur))
	} else {
		b.strs.cur = slices.Grow(b.strs.cur, n-len(b.strs.cur))
	}
}
