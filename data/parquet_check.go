package data

import (
	"encoding/binary"
	"fmt"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// checkMeta refuses metadata that is nested, inconsistent or absurd before
// the library allocates anything by it: the schema must be one level of
// leaf columns, the counts of columns, row groups and rows within limits,
// and every column chunk inside the file.
func (in *parquetInput) checkMeta(name string, m *format.FileMetaData) error {
	if len(m.Schema) == 0 {
		return in.bad(name, "corrupt Parquet file: the footer has no schema")
	}
	leaves := len(m.Schema) - 1
	if root := m.Schema[0]; !root.NumChildren.Valid || int(root.NumChildren.V) != leaves {
		return in.bad(name, "nested Parquet schema (groups, lists or maps): only flat tables of plain columns can be read")
	}
	switch {
	case leaves == 0:
		return in.bad(name, "Parquet file with no columns")
	case leaves > maxParquetColumns:
		return in.bad(name, "Parquet file with %s columns: the limit is %s", Thousands(leaves), Thousands(maxParquetColumns))
	case len(m.RowGroups) > maxParquetGroups:
		return in.bad(name, "Parquet file with %s row groups: the limit is %s", Thousands(len(m.RowGroups)), Thousands(maxParquetGroups))
	case m.EncryptionAlgorithm.Value != nil:
		return in.bad(name, "encrypted Parquet file: decrypt it first")
	}
	for _, el := range m.Schema[1:] {
		if !el.Type.Valid || el.NumChildren.Valid && el.NumChildren.V != 0 {
			return in.bad(name, "nested Parquet schema: column %q is a group; only flat tables of plain columns can be read", el.Name)
		}
		switch el.LogicalType.Value.(type) {
		case *format.MapType, *format.ListType:
			return in.bad(name, "corrupt Parquet file: column %q is a plain column with the type of a group (%s)", el.Name, &el.LogicalType)
		}
		if el.RepetitionType.Valid && el.RepetitionType.V == format.Repeated {
			return in.bad(name, "Parquet column %q is repeated (a list); only flat tables of plain columns can be read", el.Name)
		}
	}
	if m.NumRows < 0 {
		return in.bad(name, "corrupt Parquet file: the footer says %s rows, a negative count", thousands64(m.NumRows))
	}
	rowLimit := min(maxParquetRows, 1_000_000+100*in.size)
	dataEnd := in.size - 8 // the footer follows; checked by the library
	var rows int64
	for g, rg := range m.RowGroups {
		if len(rg.Columns) != leaves {
			return in.bad(name, "corrupt Parquet file: row group %d has %d column chunks, the schema has %d columns", g+1, len(rg.Columns), leaves)
		}
		if rg.NumRows < 0 {
			return in.bad(name, "corrupt Parquet file: row group %d says %s rows, a negative count", g+1, thousands64(rg.NumRows))
		}
		if rg.NumRows > rowLimit-rows {
			return in.bad(name, "Parquet file declaring more than %s rows (row group %d): too many for its %s bytes",
				thousands64(rowLimit), g+1, thousands64(in.size))
		}
		rows += rg.NumRows
		for c, cc := range rg.Columns {
			md := &cc.MetaData
			col := m.Schema[c+1].Name
			if cc.FilePath != "" {
				return in.bad(name, "Parquet column %q keeps its data in another file (%q)", col, cc.FilePath)
			}
			start := md.DataPageOffset
			if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < start {
				start = md.DictionaryPageOffset
			}
			if start < 4 || md.TotalCompressedSize < 0 || md.TotalCompressedSize > dataEnd-start {
				return in.bad(name, "corrupt Parquet file: row group %d, column %q: its data (%s bytes at offset %s) lies outside the file (%s bytes)",
					g+1, col, thousands64(md.TotalCompressedSize), thousands64(start), thousands64(in.size))
			}
			if md.NumValues != rg.NumRows {
				return in.bad(name, "corrupt Parquet file: row group %d, column %q has %s values for %s rows",
					g+1, col, thousands64(md.NumValues), thousands64(rg.NumRows))
			}
		}
	}
	if rows != m.NumRows {
		return in.bad(name, "corrupt Parquet file: the footer says %s rows, its row groups hold %s", thousands64(m.NumRows), thousands64(rows))
	}
	return nil
}

// checkPages walks the page headers of every column chunk and refuses one
// whose sizes or counts do not fit its chunk, so that no page buffer is
// allocated from a lying header.
func (in *parquetInput) checkPages(name string, m *format.FileMetaData) error {
	for g, rg := range m.RowGroups {
		for c, cc := range rg.Columns {
			md := &cc.MetaData
			start := md.DataPageOffset
			if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < start {
				start = md.DictionaryPageOffset
			}
			where := fmt.Sprintf("row group %d, column %q", g+1, m.Schema[c+1].Name)
			if err := in.checkChunk(name, where, md, start, start+md.TotalCompressedSize); err != nil {
				return err
			}
		}
	}
	return nil
}

func (in *parquetInput) checkChunk(name, where string, md *format.ColumnMetaData, off, end int64) error {
	var values int64
	for off < end {
		h, hlen, probe, err := in.pageHeader(off, end)
		if err != nil {
			return in.bad(name, "corrupt Parquet file: %s: unreadable page header at offset %s (%v)", where, thousands64(off), err)
		}
		size, full := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
		switch {
		case size < 0 || size > end-off-int64(hlen):
			return in.bad(name, "corrupt Parquet file: %s: a page header claims %s bytes where %s remain in the column chunk",
				where, thousands64(size), thousands64(max(end-off-int64(hlen), 0)))
		case full < 0 || full > maxParquetPage || size > maxParquetPage:
			return in.bad(name, "corrupt Parquet file: %s: a page header claims %s bytes uncompressed (the limit is %s)",
				where, thousands64(full), thousands64(maxParquetPage))
		}
		n, levels, err := pageValues(h)
		if err != nil {
			return in.bad(name, "corrupt Parquet file: %s: %v", where, err)
		}
		if h.Type != format.DictionaryPage {
			values += n
		} else if n > 8*full+8 {
			return in.bad(name, "corrupt Parquet file: %s: a dictionary page claims %s values in %s bytes", where, thousands64(n), thousands64(full))
		}
		if n < 0 || values > md.NumValues || levels > size {
			return in.bad(name, "corrupt Parquet file: %s: a page header claims %s values (the chunk has %s)", where, thousands64(n), thousands64(md.NumValues))
		}
		plain := h.Type == format.DataPageV2 && h.DataPageHeaderV2.V.IsCompressed.Valid && !h.DataPageHeaderV2.V.IsCompressed.V
		if md.Codec == format.Snappy && !plain && size > levels {
			// The block's own length prefix decides what snappy allocates.
			body := probe[min(hlen+int(levels), len(probe)):]
			if len(body) < binary.MaxVarintLen64 && int64(len(body)) < size-levels {
				// The probe ends before the prefix does: read it.
				body = make([]byte, min(binary.MaxVarintLen64, size-levels))
				if _, err := in.ra.ReadAt(body, off+int64(hlen)+levels); err != nil {
					return in.bad(name, "corrupt Parquet file: %s: unreadable page at offset %s (%v)", where, thousands64(off), err)
				}
			}
			if v, k := binary.Uvarint(body); k > 0 && v > uint64(max(full-levels, 0)) {
				return in.bad(name, "corrupt Parquet file: %s: a snappy block claims %s bytes, the page header %s",
					where, thousands64(int64(min(v, 1<<62))), thousands64(full-levels))
			}
		}
		off += int64(hlen) + size
	}
	return nil
}

// pageHeader decodes the page header at off, reading a small window first
// (most headers are under 100 bytes) and larger ones when the header (with
// its statistics) does not fit.
func (in *parquetInput) pageHeader(off, end int64) (*format.PageHeader, int, []byte, error) {
	var err error
	for _, window := range []int64{256, 4 << 10, maxParquetPageProbe} {
		n := min(window, end-off)
		buf := make([]byte, n)
		if _, err = in.ra.ReadAt(buf, off); err != nil {
			return nil, 0, nil, err
		}
		h := new(format.PageHeader)
		r := new(thrift.CompactProtocol).NewReaderFromBytes(buf)
		err = safely(func() error { return thrift.NewDecoder(r).Decode(h) })
		if err == nil {
			return h, r.BytesRead(), buf, nil
		}
		if n < window {
			break
		}
	}
	return nil, 0, nil, err
}

// pageValues returns the number of values a page header declares and, for
// a V2 data page, the bytes of its uncompressed level data.
func pageValues(h *format.PageHeader) (n, levels int64, err error) {
	switch h.Type {
	case format.DataPage:
		if !h.DataPageHeader.Valid {
			return 0, 0, fmt.Errorf("a data page without its header")
		}
		return int64(h.DataPageHeader.V.NumValues), 0, nil
	case format.DataPageV2:
		if !h.DataPageHeaderV2.Valid {
			return 0, 0, fmt.Errorf("a data page without its header")
		}
		v := &h.DataPageHeaderV2.V
		if v.NumNulls < 0 || v.NumNulls > v.NumValues || v.NumRows < 0 || v.RepetitionLevelsByteLength < 0 || v.DefinitionLevelsByteLength < 0 {
			return 0, 0, fmt.Errorf("a data page header with negative or inconsistent counts")
		}
		levels = int64(v.RepetitionLevelsByteLength) + int64(v.DefinitionLevelsByteLength)
		return int64(v.NumValues), levels, nil
	case format.DictionaryPage:
		if !h.DictionaryPageHeader.Valid {
			return 0, 0, fmt.Errorf("a dictionary page without its header")
		}
		return int64(h.DictionaryPageHeader.V.NumValues), 0, nil
	case format.IndexPage:
		return 0, 0, nil
	}
	return 0, 0, fmt.Errorf("a page of unknown type %d", h.Type)
}

// safely runs call and returns a panic inside it as an error.
func safely(call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return call()
}
