package data

import (
	"encoding/binary"
	"errors"
)

// errHybridShort reports levels or dictionary indices that end before the
// page's values do.
var errHybridShort = errors.New("the page's levels or dictionary indices end early")

// hybrid reads the RLE / bit-packed hybrid encoding of Parquet (definition
// levels, dictionary indices) one value at a time from a byteSource: a
// bit-packed run is read a group of 8 values at a time, so nothing is
// decoded ahead and a page of a million values costs no more than its
// bytes.
type hybrid struct {
	src   byteSource
	width uint   // bits per value, 0 to 32
	left  uint64 // values left in the current run
	rle   bool   // the current run repeats val
	val   uint32
	group uint64   // groups of the current bit-packed run not yet loaded
	bits  [40]byte // the loaded group (width bytes), padded
	in    uint     // values of the loaded group not yet read
	at    uint     // the next value's bit in bits
}

func newHybrid(src byteSource, width uint) hybrid {
	return hybrid{src: src, width: width}
}

// next returns the next value.
func (h *hybrid) next() (uint32, error) {
	for h.left == 0 {
		if err := h.start(); err != nil {
			return 0, err
		}
	}
	if h.rle {
		h.left--
		return h.val, nil
	}
	if h.in == 0 {
		if err := h.load(); err != nil {
			return 0, err
		}
	}
	h.left--
	h.in--
	i := h.at / 8
	v := binary.LittleEndian.Uint64(h.bits[i:i+8]) >> (h.at % 8)
	h.at += h.width
	return uint32(v & (1<<h.width - 1)), nil
}

// load reads the next group of 8 bit-packed values; a last group cut short
// by the end of the page yields the values it holds whole.
func (h *hybrid) load() error {
	if h.group == 0 {
		return errHybridShort
	}
	h.group--
	h.bits, h.at = [40]byte{}, 0
	if h.width == 0 {
		h.in = 8
		return nil
	}
	b, err := h.src.peek(int(h.width))
	if err != nil {
		return err
	}
	copy(h.bits[:], b)
	h.src.skip(len(b))
	h.in = uint(len(b)) * 8 / h.width
	if h.in < 8 {
		h.group = 0 // the page ends here
		h.left = min(h.left, uint64(h.in))
	}
	if h.in == 0 {
		return errHybridShort
	}
	return nil
}

// start reads the header of the next run.
func (h *hybrid) start() error {
	head, err := h.src.peek(binary.MaxVarintLen64)
	if err != nil {
		return err
	}
	run, n := binary.Uvarint(head)
	if n <= 0 {
		return errHybridShort
	}
	h.src.skip(n)
	if run&1 == 0 { // a repeated value of ceil(width/8) bytes
		size := int(h.width+7) / 8
		b, err := h.src.peek(size)
		if err != nil {
			return err
		}
		if len(b) < size {
			return errHybridShort
		}
		var word [4]byte
		copy(word[:], b)
		h.src.skip(size)
		h.val = binary.LittleEndian.Uint32(word[:])
		if h.width < 32 && h.val >= 1<<h.width {
			return errors.New("a run of levels or indices holds a value wider than its bit width")
		}
		h.rle, h.left = true, run>>1
		return nil
	}
	h.rle, h.group, h.in = false, run>>1, 0
	h.left = h.group * 8
	if h.group > 1<<60 {
		h.left = 1 << 63 // the page's value count ends it first
	}
	return nil
}
