package data

import "runtime/debug"

// parquetSource is the logSource of a Parquet order log: its first record
// is the header (the column names), then one record per row, each cell the
// text of its value, so every rule of the CSV log applies unchanged.
type parquetSource struct {
	pf     *parquetFile
	rows   *parquetRows
	rec    recordReader
	header bool // the header has been handed out
}

func (s *parquetSource) next() error {
	if !s.header {
		s.header = true
		s.rec.cur = s.rec.cur[:0]
		s.rec.starts, s.rec.ends = s.rec.starts[:0], s.rec.ends[:0]
		for _, h := range s.pf.names() {
			s.rec.starts = append(s.rec.starts, len(s.rec.cur))
			s.rec.cur = append(s.rec.cur, h...)
			s.rec.ends = append(s.rec.ends, len(s.rec.cur))
		}
		s.rec.line = 1
		return nil
	}
	return s.rows.next(&s.rec)
}

func (s *parquetSource) fields() int        { return s.rec.fields() }
func (s *parquetSource) field(i int) []byte { return s.rec.field(i) }
func (s *parquetSource) line() int          { return s.rec.line }
func (s *parquetSource) isCSV() bool        { return true }

// readParquetLog reads an order log from a Parquet file (see ReadOrderLog).
func readParquetLog(in *parquetInput, name string, opts LogOptions) (log *OrderLog, err error) {
	pf, err := openParquet(in, name)
	if err != nil {
		return nil, err
	}
	defer func() { err = pf.locate(err) }()
	// Only the columns with a role are decoded; roles are resolved again,
	// with the same result, when the parser reads the header.
	var want []bool
	maxItems := 0
	if roles, err := resolveRoles(name, pf.names(), true, false, opts.Columns, opts.Descriptions, nil); err == nil {
		want = make([]bool, len(pf.header))
		for _, i := range roles.slots() {
			if *i >= 0 {
				want[*i] = true
			}
		}
		if roles.item >= 0 {
			maxItems = pf.maxKept(roles.customer, roles.item)
		}
	}
	src := &parquetSource{pf: pf, rows: pf.rowReader(want)}
	defer src.rows.close()
	if opts.NoHeader {
		// A Parquet file always names its columns; a log read without a
		// header names them by position, as documented for LogColumns.
		opts.NoHeader = false
	}
	p := &logParser{name: name, src: src, opts: opts, maxItems: maxItems}
	log, err = p.run()
	// The decoder's pages and dictionaries are garbage now and the log is
	// all that stays; handing their memory back before the caller builds
	// features keeps the process's peak at the log's size, not the log's
	// plus the decoder's (one collection, a few milliseconds).
	debug.FreeOSMemory()
	return log, err
}

// maxKept bounds the rows that have both a customer (column cust) and an
// item (column item): the footer's row count less, in each row group, the
// nulls its statistics count in either column. A line without one keeps no
// item, so the bound holds for any file whose statistics are right; one
// whose are wrong only makes OrderItems grow as it would without a bound.
func (pf *parquetFile) maxKept(cust, item int) int {
	var n int64
	for _, rg := range pf.meta.RowGroups {
		nulls := max(rg.Columns[cust].MetaData.Statistics.NullCount, rg.Columns[item].MetaData.Statistics.NullCount)
		n += rg.NumRows - min(max(nulls, 0), rg.NumRows)
	}
	return int(n)
}

var _ logSource = (*parquetSource)(nil)
