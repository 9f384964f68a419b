package data

import "io"

// openRecords opens a table for reading record by record, as CSV or, when
// it starts with PAR1, as Parquet. read loads the next record into rec
// (io.EOF at the end); done must be called with the reader's final error,
// which it locates in the Parquet file's row groups and rows.
func openRecords(r io.Reader, name string) (rec *recordReader, header []string, read func() error, done func(error) error, err error) {
	in, r, err := sniffParquet(r, name)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if in == nil {
		wb, _ := r.(*workbookText)
		rr, header, err := openCSV(r, name, 0)
		if err != nil {
			return nil, nil, nil, nil, wb.locate(name, err)
		}
		return rr, header, rr.read, func(err error) error { return wb.locate(name, err) }, nil
	}
	pf, err := openParquet(in, name)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	rec = &recordReader{file: name, delim: ','}
	rows := pf.rowReader(nil)
	done = func(err error) error {
		rows.close()
		return pf.locate(err)
	}
	return rec, pf.header, func() error { return rows.next(rec) }, done, nil
}
