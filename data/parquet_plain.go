package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// readDictionary reads the dictionary page and checks that it holds the
// values its header declares. BYTE_ARRAY values are kept end to end
// without their length prefixes, with where each starts (and where the
// last ends); other types as the page has them.
func (c *pageCursor) readDictionary(ref pageRef) error {
	full := int(ref.h.UncompressedPageSize)
	if c.codec == format.Uncompressed {
		full = int(ref.h.CompressedPageSize)
	}
	s, err := c.stream(ref.body, int64(ref.h.CompressedPageSize), full, true)
	if err != nil {
		return err
	}
	n := int(ref.h.DictionaryPageHeader.V.NumValues)
	if n < 0 {
		return fmt.Errorf("a dictionary page of %d values", n)
	}
	if c.kind == parquet.ByteArray {
		err = c.readByteArrays(s, n)
	} else if c.dict, err = s.take(full); err == nil && n > c.maxPlain(len(c.dict)) {
		err = errPlainShort
	}
	if err != nil {
		return fmt.Errorf("the dictionary page: %v", err)
	}
	c.dictLen, c.hasDict = n, true
	return nil
}

// readByteArrays reads n PLAIN BYTE_ARRAY values into c.dict and c.dictOff,
// made at their size when the page is what its header says, then the rest
// of the page.
func (c *pageCursor) readByteArrays(s *byteStream, n int) error {
	size := min(s.sure, s.left)
	c.dict = make([]byte, 0, max(size-4*n, 0))
	c.dictOff = make([]uint32, 0, min(n, size/4)+1)
	for range n {
		b, err := s.peek(4)
		if err != nil {
			return err
		}
		if len(b) < 4 {
			return errPlainShort
		}
		k := binary.LittleEndian.Uint32(b)
		s.skip(4)
		c.dictOff = append(c.dictOff, uint32(len(c.dict)))
		if c.dict, err = s.appendTo(c.dict, int(min(k, 1<<31))); err != nil {
			return err
		}
	}
	c.dictOff = append(c.dictOff, uint32(len(c.dict)))
	return s.drain()
}

// dictValue returns the dictionary's value i (i < c.dictLen).
func (c *pageCursor) dictValue(i int) parquet.Value {
	if c.kind == parquet.ByteArray {
		return parquet.ByteArrayValue(c.dict[c.dictOff[i]:c.dictOff[i+1]:c.dictOff[i+1]])
	}
	v, _, _ := c.decodePlain(c.dict[i*c.plainSize():])
	return v
}

var errPlainShort = errors.New("the page's values end early")

// nextPlain decodes the next PLAIN value of the page.
func (c *pageCursor) nextPlain() (parquet.Value, error) {
	size := c.plainSize()
	if c.kind == parquet.Boolean {
		size = 1
	}
	b, err := c.vals.peek(size)
	if err != nil {
		return parquet.Value{}, err
	}
	if len(b) < size {
		return parquet.Value{}, errPlainShort
	}
	if c.kind == parquet.Boolean {
		v := b[0]>>c.bit&1 != 0
		if c.bit++; c.bit == 8 {
			c.vals.skip(1)
			c.bit = 0
		}
		return parquet.BooleanValue(v), nil
	}
	if c.kind == parquet.ByteArray {
		if b, err = c.vals.peek(4 + int(min(binary.LittleEndian.Uint32(b), 1<<31))); err != nil {
			return parquet.Value{}, err
		}
	}
	v, n, err := c.decodePlain(b)
	c.vals.skip(n)
	return v, err
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
