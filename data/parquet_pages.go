package data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// pageCursor reads the values of one flat column chunk page by page with
// our own decoder, for the common shapes: PLAIN or dictionary-encoded
// (PLAIN_DICTIONARY, RLE_DICTIONARY) values, RLE definition levels, V1 or
// V2 data pages, uncompressed, snappy, gzip or zstd. parquet-go decodes a
// whole page into values at once (with the indices and levels of every
// value beside them); this cursor streams a page from the file through a
// small window, uncompressing it as it goes (zstd excepted), and decodes a
// value when it is asked for one. What it holds of a column is the
// dictionary and the page's definition levels, whatever the page's size.
// Anything else is left to parquet-go (see newPageCursor).
type pageCursor struct {
	in       *parquetInput
	kind     parquet.Kind
	size     int // bytes of a FIXED_LEN_BYTE_ARRAY value
	optional bool
	codec    format.CompressionCodec
	pages    []pageRef // data pages not yet read

	// The dictionary: its page's bytes and, for BYTE_ARRAY, where each
	// value starts (its length prefix), with the end of the last one; its
	// values are made from these bytes when an index asks for one.
	dict    []byte
	dictOff []uint32
	dictLen int
	hasDict bool

	left  int         // values left in the current page
	defs  hybrid      // its definition levels (optional columns)
	idx   hybrid      // its dictionary indices, when dictionary-encoded
	byIdx bool        //
	vals  *byteStream // its values
	bit   uint        // the next boolean's bit in the next byte of vals
	snap  []byte      // the memory of the snappy reader, for the next page
}

// zstdCodec is shared: it keeps a pool of decoders.
var zstdCodec zstd.Codec

// pageRef locates a data page: its header and where its body starts.
type pageRef struct {
	h    *format.PageHeader
	body int64
}

// errNotOwn says a chunk has a shape pageCursor leaves to parquet-go.
var errNotOwn = errors.New("not a shape of our own decoder")

// newPageCursor walks the page headers of a column chunk (checked by
// checkPages when the file was opened) and returns a cursor over its data
// pages, with its dictionary decoded, or errNotOwn when a page has an
// encoding or a codec the cursor does not read.
func newPageCursor(in *parquetInput, el *format.SchemaElement, md *format.ColumnMetaData) (*pageCursor, error) {
	switch md.Codec {
	case format.Uncompressed, format.Snappy, format.Gzip, format.Zstd:
	default:
		return nil, errNotOwn
	}
	c := &pageCursor{in: in, kind: parquet.Kind(el.Type.V), codec: md.Codec,
		optional: el.RepetitionType.Valid && el.RepetitionType.V == format.Optional}
	if c.kind == parquet.FixedLenByteArray {
		if !el.TypeLength.Valid || el.TypeLength.V <= 0 {
			return nil, errNotOwn
		}
		c.size = int(el.TypeLength.V)
	}
	off := md.DataPageOffset
	if md.DictionaryPageOffset > 0 && md.DictionaryPageOffset < off {
		off = md.DictionaryPageOffset
	}
	end := off + md.TotalCompressedSize
	for off < end {
		h, hlen, _, err := in.pageHeader(off, end)
		if err != nil {
			return nil, err
		}
		ref := pageRef{h: h, body: off + int64(hlen)}
		switch h.Type {
		case format.DictionaryPage:
			if c.hasDict || len(c.pages) > 0 || c.kind == parquet.Boolean || !plainEncoding(h.DictionaryPageHeader.V.Encoding) {
				return nil, errNotOwn
			}
			if err := c.readDictionary(ref); err != nil {
				return nil, err
			}
		case format.DataPage:
			v := &h.DataPageHeader.V
			if !valueEncoding(v.Encoding) || c.optional && v.DefinitionLevelEncoding != format.RLE {
				return nil, errNotOwn
			}
			c.pages = append(c.pages, ref)
		case format.DataPageV2:
			v := &h.DataPageHeaderV2.V
			if !valueEncoding(v.Encoding) || v.RepetitionLevelsByteLength != 0 {
				return nil, errNotOwn
			}
			c.pages = append(c.pages, ref)
		case format.IndexPage:
		default:
			return nil, errNotOwn
		}
		off = ref.body + int64(h.CompressedPageSize)
	}
	return c, nil
}

func plainEncoding(e format.Encoding) bool {
	return e == format.Plain || e == format.PlainDictionary
}

func valueEncoding(e format.Encoding) bool {
	return e == format.Plain || e == format.PlainDictionary || e == format.RLEDictionary
}

// stream opens size bytes of the file at off (a page's body, or what
// follows a V2 page's levels) as a byteStream of what they uncompress to,
// full bytes by the page header. zstd is uncompressed whole, the others as
// they are read.
func (c *pageCursor) stream(off, size int64, full int, compressed bool) (*byteStream, error) {
	sec := io.NewSectionReader(c.in.ra, off, size)
	if !compressed || c.codec == format.Uncompressed {
		return &byteStream{r: sec, left: int(size), sure: int(size)}, nil
	}
	if full < 0 {
		return nil, fmt.Errorf("a page of %d bytes uncompressed", full)
	}
	var r io.Reader
	var err error
	sure := int(min(size, maxParquetPage)) // gzip: as the bytes come
	switch c.codec {
	case format.Snappy:
		var z *snappyReader
		if z, err = newSnappyReader(sec, full, c.snap); err == nil {
			r, c.snap = z, z.out
		}
		sure = int(min(size*snappyMaxRatio, int64(full)))
	case format.Gzip:
		r, err = gzip.NewReader(bufio.NewReaderSize(sec, 4<<10))
	case format.Zstd:
		raw := make([]byte, size)
		if _, err = sec.ReadAt(raw, 0); err == nil {
			var dec []byte
			if dec, err = zstdCodec.Decode(make([]byte, 0, full), raw); err == nil && len(dec) != full {
				err = fmt.Errorf("a page uncompresses to %d bytes, its header says %d", len(dec), full)
			}
			r, sure = bytes.NewReader(dec), full
		}
	}
	if err != nil {
		return nil, fmt.Errorf("uncompressing a page: %v", err)
	}
	return &byteStream{r: r, left: full, sure: sure}, nil
}

// nextPage makes the next data page current.
func (c *pageCursor) nextPage() error {
	ref := c.pages[0]
	c.pages = c.pages[1:]
	size, full := int64(ref.h.CompressedPageSize), int(ref.h.UncompressedPageSize)
	var n int
	var enc format.Encoding
	var vals *byteStream
	var err error
	if ref.h.Type == format.DataPage {
		v := &ref.h.DataPageHeader.V
		n, enc = int(v.NumValues), v.Encoding
		if vals, err = c.stream(ref.body, size, full, true); err != nil {
			return err
		}
		if c.optional {
			b, err := vals.take(4)
			if err == nil {
				b, err = vals.take(int(binary.LittleEndian.Uint32(b)))
			}
			if err == errPlainShort {
				return fmt.Errorf("a page's definition levels run past its end")
			} else if err != nil {
				return err
			}
			c.defs = newHybrid(&sliceSource{b}, 1)
		}
	} else {
		v := &ref.h.DataPageHeaderV2.V
		n, enc = int(v.NumValues), v.Encoding
		levels := int64(v.DefinitionLevelsByteLength)
		if levels > size || int(levels) > full {
			return fmt.Errorf("a page's definition levels run past its end")
		}
		b := make([]byte, levels)
		if _, err := c.in.ra.ReadAt(b, ref.body); err != nil {
			return err
		}
		c.defs = newHybrid(&sliceSource{b}, 1)
		compressed := !v.IsCompressed.Valid || v.IsCompressed.V
		if vals, err = c.stream(ref.body+levels, size-levels, full-int(levels), compressed); err != nil {
			return err
		}
	}
	if n < 0 {
		return fmt.Errorf("a page of %d values", n)
	}
	c.left, c.vals, c.bit, c.byIdx = n, vals, 0, enc != format.Plain
	// PLAIN text points into the window: it must not be overwritten.
	vals.keep = !c.byIdx && (c.kind == parquet.ByteArray || c.kind == parquet.FixedLenByteArray)
	if c.byIdx {
		if !c.hasDict {
			return fmt.Errorf("a dictionary-encoded page without a dictionary page")
		}
		b, err := vals.peek(1)
		if err != nil {
			return err
		}
		if len(b) < 1 || b[0] > 32 {
			return fmt.Errorf("a dictionary-encoded page without a valid bit width")
		}
		vals.skip(1)
		c.idx = newHybrid(vals, uint(b[0]))
	}
	return nil
}

// read fills buf with the chunk's next values and returns how many it got:
// fewer only at the chunk's end.
func (c *pageCursor) read(buf []parquet.Value) (int, error) {
	got := 0
	for got < len(buf) {
		if c.left == 0 {
			if len(c.pages) == 0 {
				return got, nil
			}
			if err := c.nextPage(); err != nil {
				return got, err
			}
			continue
		}
		c.left--
		if c.optional {
			d, err := c.defs.next()
			if err != nil {
				return got, err
			}
			if d == 0 {
				buf[got] = parquet.Value{}
				got++
				continue
			}
		}
		var v parquet.Value
		var err error
		if c.byIdx {
			var i uint32
			if i, err = c.idx.next(); err == nil && int64(i) >= int64(c.dictLen) {
				err = fmt.Errorf("dictionary index %d out of range (the dictionary has %d values)", i, c.dictLen)
			}
			if err == nil {
				v = c.dictValue(int(i))
			}
		} else {
			v, err = c.nextPlain()
		}
		if err != nil {
			return got, err
		}
		buf[got] = v
		got++
	}
	return got, nil
}
