package data

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
	"github.com/parquet-go/parquet-go/compress/zstd"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// pageCursor reads the values of one flat column chunk page by page with
// our own decoder, for the common shapes: PLAIN or dictionary-encoded
// (PLAIN_DICTIONARY, RLE_DICTIONARY) values, RLE definition levels, V1 or
// V2 data pages, uncompressed, snappy, gzip or zstd. parquet-go decodes a
// whole page into values at once (with the indices and levels of every
// value beside them); this cursor keeps only the page's bytes and decodes a
// value when it is asked for one, so a column written as one page of half a
// million values costs its compressed and uncompressed bytes, no more.
// Anything else is left to parquet-go (see newPageCursor).
type pageCursor struct {
	in       *parquetInput
	kind     parquet.Kind
	size     int // bytes of a FIXED_LEN_BYTE_ARRAY value
	optional bool
	codec    format.CompressionCodec
	pages    []pageRef // data pages not yet read
	scratch  *[]byte   // the compressed bytes of a page, shared by the cursors of a reader

	// The dictionary: its page's bytes and, for BYTE_ARRAY, where each
	// value starts (its length prefix), with the end of the last one; its
	// values are made from these bytes when an index asks for one.
	dict    []byte
	dictOff []uint32
	dictLen int
	hasDict bool

	left  int    // values left in the current page
	defs  hybrid // its definition levels (optional columns)
	idx   hybrid // its dictionary indices, when dictionary-encoded
	byIdx bool
	plain []byte // its PLAIN values not yet read
	bit   uint   // the next boolean's bit in plain[0]
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
func newPageCursor(in *parquetInput, el *format.SchemaElement, md *format.ColumnMetaData, scratch *[]byte) (*pageCursor, error) {
	switch md.Codec {
	case format.Uncompressed, format.Snappy, format.Gzip, format.Zstd:
	default:
		return nil, errNotOwn
	}
	c := &pageCursor{in: in, kind: parquet.Kind(el.Type.V), codec: md.Codec, scratch: scratch,
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

// body reads a page's bytes and uncompresses them from skip on (a V2
// page's levels are never compressed); full is the size they uncompress
// to, bounded by checkPages.
func (c *pageCursor) body(ref pageRef, skip int, compressed bool) ([]byte, error) {
	size, full := int(ref.h.CompressedPageSize), int(ref.h.UncompressedPageSize)
	if !compressed || c.codec == format.Uncompressed {
		raw := make([]byte, size)
		_, err := c.in.ra.ReadAt(raw, ref.body)
		return raw, err
	}
	if cap(*c.scratch) < size {
		*c.scratch = make([]byte, size)
	}
	raw := (*c.scratch)[:size]
	if _, err := c.in.ra.ReadAt(raw, ref.body); err != nil {
		return nil, err
	}
	if skip > len(raw) || skip > full {
		return nil, fmt.Errorf("a page's levels (%d bytes) are longer than the page", skip)
	}
	out := make([]byte, full)
	copy(out, raw[:skip])
	src, dst := raw[skip:], out[skip:]
	var dec []byte
	var err error
	switch c.codec {
	case format.Snappy:
		dec, err = new(snappy.Codec).Decode(dst, src)
	case format.Gzip:
		var r *gzip.Reader
		if r, err = gzip.NewReader(bytes.NewReader(src)); err == nil {
			var n int
			n, err = io.ReadFull(r, dst)
			if err == io.ErrUnexpectedEOF {
				err = fmt.Errorf("it holds %d bytes, the page header says %d", skip+n, full)
			} else if k, _ := r.Read(make([]byte, 1)); err == nil && k > 0 {
				err = fmt.Errorf("it holds more than the page header's %d bytes", full)
			}
			dec = dst[:n]
		}
	case format.Zstd:
		dec, err = zstdCodec.Decode(dst[:0], src)
	}
	if err != nil {
		return nil, fmt.Errorf("uncompressing a page: %v", err)
	}
	if len(dec) != len(dst) {
		return nil, fmt.Errorf("a page uncompresses to %d bytes, its header says %d", skip+len(dec), full)
	}
	if len(dec) > 0 && &dec[0] != &dst[0] {
		copy(dst, dec)
	}
	return out, nil
}

// readDictionary reads the dictionary page and checks that it holds the
// values its header declares; for BYTE_ARRAY it notes where each starts.
func (c *pageCursor) readDictionary(ref pageRef) error {
	b, err := c.body(ref, 0, true)
	if err != nil {
		return err
	}
	n := int(ref.h.DictionaryPageHeader.V.NumValues)
	if n < 0 {
		return fmt.Errorf("a dictionary page of %d values", n)
	}
	c.dict, c.dictLen, c.hasDict = b, n, true
	if c.kind != parquet.ByteArray {
		if n > c.maxPlain(len(b)) {
			return fmt.Errorf("the dictionary page: %v", errPlainShort)
		}
		return nil
	}
	c.dictOff = make([]uint32, 0, min(n, len(b)/4)+1)
	off := 0
	for range n {
		_, k, err := c.decodePlain(b[off:])
		if err != nil {
			return fmt.Errorf("the dictionary page: %v", err)
		}
		c.dictOff = append(c.dictOff, uint32(off))
		off += k
	}
	c.dictOff = append(c.dictOff, uint32(off))
	return nil
}

// dictValue returns the dictionary's value i (i < c.dictLen).
func (c *pageCursor) dictValue(i int) parquet.Value {
	if c.kind == parquet.ByteArray {
		return parquet.ByteArrayValue(c.dict[c.dictOff[i]+4 : c.dictOff[i+1] : c.dictOff[i+1]])
	}
	v, _, _ := c.decodePlain(c.dict[i*c.plainSize():])
	return v
}

// nextPage makes the next data page current.
func (c *pageCursor) nextPage() error {
	ref := c.pages[0]
	c.pages = c.pages[1:]
	var b, values []byte
	var n int
	var err error
	var enc format.Encoding
	if ref.h.Type == format.DataPage {
		v := &ref.h.DataPageHeader.V
		n, enc = int(v.NumValues), v.Encoding
		if b, err = c.body(ref, 0, true); err != nil {
			return err
		}
		values = b
		if c.optional {
			if len(b) < 4 || int64(binary.LittleEndian.Uint32(b)) > int64(len(b)-4) {
				return fmt.Errorf("a page's definition levels run past its end")
			}
			size := int(binary.LittleEndian.Uint32(b))
			c.defs, values = newHybrid(b[4:4+size], 1), b[4+size:]
		}
	} else {
		v := &ref.h.DataPageHeaderV2.V
		n, enc = int(v.NumValues), v.Encoding
		levels := int(v.DefinitionLevelsByteLength)
		compressed := !v.IsCompressed.Valid || v.IsCompressed.V
		if b, err = c.body(ref, levels, compressed); err != nil {
			return err
		}
		if levels > len(b) {
			return fmt.Errorf("a page's definition levels run past its end")
		}
		c.defs, values = newHybrid(b[:levels], 1), b[levels:]
	}
	if n < 0 {
		return fmt.Errorf("a page of %d values", n)
	}
	c.left, c.plain, c.bit, c.byIdx = n, values, 0, enc != format.Plain
	if c.byIdx {
		if !c.hasDict {
			return fmt.Errorf("a dictionary-encoded page without a dictionary page")
		}
		if len(values) < 1 || values[0] > 32 {
			return fmt.Errorf("a dictionary-encoded page without a valid bit width")
		}
		c.idx = newHybrid(values[1:], uint(values[0]))
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

var errPlainShort = errors.New("the page's values end early")

// nextPlain decodes the next PLAIN value of c.plain.
func (c *pageCursor) nextPlain() (parquet.Value, error) {
	if c.kind != parquet.Boolean {
		v, n, err := c.decodePlain(c.plain)
		c.plain = c.plain[n:]
		return v, err
	}
	if len(c.plain) == 0 {
		return parquet.Value{}, errPlainShort
	}
	v := c.plain[0]>>c.bit&1 != 0
	if c.bit++; c.bit == 8 {
		c.plain, c.bit = c.plain[1:], 0
	}
	return parquet.BooleanValue(v), nil
}

// plainSize is the size of a PLAIN value of a fixed-size type other than
// BOOLEAN (bit-packed); 4 (the length prefix) for BYTE_ARRAY.
func (c *pageCursor) plainSize() int {
	switch c.kind {
	case parquet.Int32, parquet.Float, parquet.ByteArray:
		return 4
	case parquet.Int64, parquet.Double:
		return 8
	case parquet.Int96:
		return 12
	}
	return max(c.size, 1)
}

// maxPlain bounds the PLAIN values that n bytes can hold.
func (c *pageCursor) maxPlain(n int) int {
	if c.kind == parquet.Boolean {
		return 8 * n
	}
	return n / c.plainSize()
}

// decodePlain decodes the PLAIN value at the start of b (not a BOOLEAN)
// and returns it with the bytes it takes.
func (c *pageCursor) decodePlain(b []byte) (parquet.Value, int, error) {
	size := c.plainSize()
	if len(b) < size {
		return parquet.Value{}, 0, errPlainShort
	}
	le := binary.LittleEndian
	switch c.kind {
	case parquet.Int32:
		return parquet.Int32Value(int32(le.Uint32(b))), size, nil
	case parquet.Float:
		return parquet.FloatValue(math.Float32frombits(le.Uint32(b))), size, nil
	case parquet.Int64:
		return parquet.Int64Value(int64(le.Uint64(b))), size, nil
	case parquet.Double:
		return parquet.DoubleValue(math.Float64frombits(le.Uint64(b))), size, nil
	case parquet.Int96:
		return parquet.Int96Value(deprecated.Int96{le.Uint32(b), le.Uint32(b[4:]), le.Uint32(b[8:])}), size, nil
	case parquet.ByteArray:
		if int64(le.Uint32(b)) > int64(len(b)-4) {
			return parquet.Value{}, 0, errPlainShort
		}
		end := 4 + int(le.Uint32(b))
		return parquet.ByteArrayValue(b[4:end:end]), end, nil
	case parquet.FixedLenByteArray:
		return parquet.FixedLenByteArrayValue(b[:size:size]), size, nil
	}
	return parquet.Value{}, 0, fmt.Errorf("values of an unknown type %d", c.kind)
}
