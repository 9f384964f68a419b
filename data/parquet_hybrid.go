package data

import (
	"encoding/binary"
	"errors"
)

// errHybridShort reports levels or dictionary indices that end before the
// page's values do.
var errHybridShort = errors.New("the page's levels or dictionary indices end early")

// hybrid reads the RLE / bit-packed hybrid encoding of Parquet (definition
// levels, dictionary indices) one value at a time, straight from the page
// bytes: nothing is decoded ahead, so a page of a million values costs no
// more than its bytes.
type hybrid struct {
	data   []byte // encoded runs not yet started
	width  uint   // bits per value, 0 to 32
	left   uint64 // values left in the current run
	rle    bool   // the current run repeats val
	val    uint32
	packed []byte // the current bit-packed run's bytes
	bit    uint64 // the next value's bit offset in packed
}

func newHybrid(data []byte, width uint) hybrid {
	return hybrid{data: data, width: width}
}

// next returns the next value.
func (h *hybrid) next() (uint32, error) {
	for h.left == 0 {
		if err := h.start(); err != nil {
			return 0, err
		}
	}
	h.left--
	if h.rle {
		return h.val, nil
	}
	if h.width == 0 {
		return 0, nil
	}
	i := h.bit / 8
	if i >= uint64(len(h.packed)) {
		return 0, errHybridShort
	}
	var word [8]byte
	copy(word[:], h.packed[i:])
	v := binary.LittleEndian.Uint64(word[:]) >> (h.bit % 8)
	h.bit += uint64(h.width)
	if h.bit > uint64(len(h.packed))*8 {
		return 0, errHybridShort
	}
	return uint32(v & (1<<h.width - 1)), nil
}

// start reads the header of the next run.
func (h *hybrid) start() error {
	head, n := binary.Uvarint(h.data)
	if n <= 0 {
		return errHybridShort
	}
	h.data = h.data[n:]
	if head&1 == 0 { // a repeated value of ceil(width/8) bytes
		size := int(h.width+7) / 8
		if len(h.data) < size {
			return errHybridShort
		}
		var word [4]byte
		copy(word[:], h.data[:size])
		h.val = binary.LittleEndian.Uint32(word[:])
		if h.width < 32 && h.val >= 1<<h.width {
			return errors.New("a run of levels or indices holds a value wider than its bit width")
		}
		h.data = h.data[size:]
		h.rle, h.left = true, head>>1
		return nil
	}
	// Groups of 8 values, width bytes each; a last run cut short by the
	// end of the page is read as far as it goes.
	groups := head >> 1
	size := uint64(len(h.data))
	switch {
	case h.width == 0:
		size = 0
	case groups <= size/uint64(h.width):
		size = groups * uint64(h.width)
	}
	h.packed, h.data, h.bit = h.data[:size], h.data[size:], 0
	h.rle, h.left = false, groups*8
	if h.width > 0 {
		h.left = min(h.left, size*8/uint64(h.width))
	}
	return nil
}
