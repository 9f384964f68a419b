package data

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go/compress/snappy"
)

// streamWindow is the size of the window a page's values are read through.
const streamWindow = 16 << 10

// byteSource hands out the bytes of a page in order: peek returns the next
// n bytes, or all that remain when fewer do; skip consumes them.
type byteSource interface {
	peek(n int) ([]byte, error)
	skip(n int)
}

// sliceSource is a byteSource over bytes in memory.
type sliceSource struct{ b []byte }

func (s *sliceSource) peek(n int) ([]byte, error) { return s.b[:min(n, len(s.b))], nil }
func (s *sliceSource) skip(n int)                 { s.b = s.b[n:] }

// byteStream is a byteSource over a reader of a page's (uncompressed)
// bytes, of which left are still to come, seen through a small window. When
// keep is set, values point into the window, so it is never overwritten: a
// new one is taken instead and the old one lives as long as those values.
// sure is how many bytes may be allocated for before they arrive: what the
// compressed bytes can hold at most, so that a page header claiming more
// than its data costs no more than the data.
type byteStream struct {
	r    io.Reader
	left int
	buf  []byte
	pos  int
	keep bool
	sure int
}

func (s *byteStream) skip(n int) { s.pos += n }

func (s *byteStream) peek(n int) ([]byte, error) {
	unread := len(s.buf) - s.pos
	if unread >= n {
		return s.buf[s.pos : s.pos+n], nil
	}
	n = min(n, unread+s.left) // never more than the page still declares
	switch {
	case cap(s.buf) < n || s.keep && cap(s.buf)-len(s.buf) < n-unread:
		buf := make([]byte, unread, max(min(streamWindow, unread+s.left), n))
		copy(buf, s.buf[s.pos:])
		s.buf, s.pos = buf, 0
	case s.pos > 0 && !s.keep:
		s.buf = s.buf[:copy(s.buf, s.buf[s.pos:])]
		s.pos = 0
	}
	for idle := 0; len(s.buf)-s.pos < n && s.left > 0; {
		k, err := s.r.Read(s.buf[len(s.buf):min(cap(s.buf), len(s.buf)+s.left)])
		s.buf, s.left = s.buf[:len(s.buf)+k], s.left-k
		switch {
		case err == io.EOF:
			s.left = 0 // shorter than its header says: the decoders find out
		case err != nil:
			return nil, err
		case k == 0:
			if idle++; idle > 100 {
				return nil, io.ErrNoProgress
			}
		}
	}
	return s.buf[s.pos:min(len(s.buf), s.pos+n)], nil
}

// take returns a copy of the next n bytes, or an error when fewer remain.
func (s *byteStream) take(n int) ([]byte, error) {
	return s.appendTo(make([]byte, 0, min(n, max(s.sure, streamWindow))), n)
}

// appendTo appends the next n bytes to dst, or returns an error when fewer
// remain. Past dst's capacity it grows as the bytes arrive: a length that
// the page header allows but the data does not hold costs no more than the
// data.
func (s *byteStream) appendTo(dst []byte, n int) ([]byte, error) {
	if n > len(s.buf)-s.pos+s.left {
		return dst, errPlainShort
	}
	for n > 0 {
		b, err := s.peek(min(n, streamWindow))
		if err != nil {
			return dst, err
		}
		if len(b) == 0 {
			return dst, errPlainShort
		}
		dst = append(dst, b...)
		s.skip(len(b))
		n -= len(b)
	}
	return dst, nil
}

// drain reads the bytes left, so that a page cut short or corrupt after
// the values wanted from it is still found out.
func (s *byteStream) drain() error {
	for s.left > 0 || s.pos < len(s.buf) {
		b, err := s.peek(streamWindow)
		if err != nil {
			return err
		}
		if len(b) == 0 {
			return nil
		}
		s.skip(len(b))
	}
	return nil
}

// snappyHistory is how far back a snappy copy may reach without the
// fallback: the 64 KiB the format's encoders (C++ and Go) keep.
const snappyHistory = 64 << 10

var errSnappy = errors.New("corrupt snappy block")

// snappyReader uncompresses a snappy block as a stream: it reads the block
// through a small buffer and keeps the last snappyHistory bytes it wrote
// for the copies that refer to them. A copy reaching further back (legal,
// though no common encoder writes one) makes it uncompress the whole block
// in memory and go on from there.
type snappyReader struct {
	src   *io.SectionReader // the block, for the fallback
	in    *bufio.Reader
	full  int    // bytes the block uncompresses to
	out   []byte // history, then bytes not yet read (from rd)
	rd    int
	left  int // bytes still to produce, past those of lit and cp
	lit   int // bytes of the current literal still to copy
	off   int // the current copy's offset
	cp    int // bytes of the current copy still to make
	whole []byte
}

// snappyMaxRatio bounds what one byte of a snappy block uncompresses to: a
// copy of 64 bytes takes 3.
const snappyMaxRatio = 22

// newSnappyReader opens the snappy block src, which uncompresses to full
// bytes; buf, when large enough, is the memory it makes them in.
func newSnappyReader(src *io.SectionReader, full int, buf []byte) (*snappyReader, error) {
	in := bufio.NewReaderSize(src, int(min(4<<10, src.Size())))
	n, err := binary.ReadUvarint(in)
	if err != nil {
		return nil, errSnappy
	}
	if n != uint64(full) {
		return nil, fmt.Errorf("a snappy block of %d bytes where the page header says %d", n, full)
	}
	// A block that fits in the buffer is never slid; a larger one keeps
	// its history and makes streamWindow bytes at a time after it.
	size := min(full, snappyHistory+streamWindow)
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	return &snappyReader{src: src, in: in, full: full, left: full, out: buf[:0:size]}, nil
}

func (z *snappyReader) Read(p []byte) (int, error) {
	if z.whole != nil {
		if len(z.whole) == 0 {
			return 0, io.EOF
		}
		n := copy(p, z.whole)
		z.whole = z.whole[n:]
		return n, nil
	}
	if z.rd == len(z.out) {
		if z.left == 0 && z.lit == 0 && z.cp == 0 {
			if _, err := z.in.ReadByte(); err != io.EOF {
				return 0, errSnappy // bytes after the block's end
			}
			return 0, io.EOF
		}
		if err := z.fill(); err != nil {
			return 0, err
		}
		if z.whole != nil {
			return z.Read(p)
		}
	}
	n := copy(p, z.out[z.rd:])
	z.rd += n
	return n, nil
}

// fill makes more bytes, first sliding the history to the front of out
// when it is full (every byte in it has been read): out is the history and
// one window, the copies that slide cost about four times the bytes made.
func (z *snappyReader) fill() error {
	if len(z.out) == cap(z.out) && cap(z.out) > snappyHistory {
		z.out = z.out[:copy(z.out, z.out[len(z.out)-snappyHistory:])]
		z.rd = len(z.out)
	}
	for len(z.out) < cap(z.out) {
		room := cap(z.out) - len(z.out)
		switch {
		case z.lit > 0:
			n := min(z.lit, room)
			k, err := io.ReadFull(z.in, z.out[len(z.out):len(z.out)+n])
			z.out, z.lit = z.out[:len(z.out)+k], z.lit-k
			if err != nil {
				return errSnappy
			}
		case z.cp > 0:
			n := min(z.cp, room)
			from := len(z.out) - z.off
			if z.off >= n {
				z.out = append(z.out, z.out[from:from+n]...)
			} else {
				for i := range n {
					z.out = append(z.out, z.out[from+i])
				}
			}
			z.cp -= n
		case z.left == 0:
			return nil
		default:
			if err := z.tag(); err != nil || z.whole != nil {
				return err
			}
		}
	}
	return nil
}

// tag reads the next element's tag: a literal or a copy.
func (z *snappyReader) tag() error {
	t, err := z.in.ReadByte()
	if err != nil {
		return errSnappy
	}
	var size, off uint64
	extra := [4]int{0, 1, 2, 4}[t&3]
	if t&3 == 0 {
		size = uint64(t >> 2)
		extra = 0
		if size >= 60 {
			extra = int(size) - 59
		}
	}
	var x uint64
	for i := range extra {
		c, err := z.in.ReadByte()
		if err != nil {
			return errSnappy
		}
		x |= uint64(c) << (8 * i)
	}
	switch t & 3 {
	case 0:
		if extra > 0 {
			size = x
		}
		size++
	case 1:
		size, off = 4+uint64(t>>2&7), uint64(t&0xe0)<<3|x
	default:
		size, off = 1+uint64(t>>2), x
	}
	if size > uint64(z.left) {
		return errSnappy
	}
	if t&3 == 0 {
		z.lit, z.left = int(size), z.left-int(size)
		return nil
	}
	made := z.full - z.left
	switch {
	case off == 0 || off > uint64(made):
		return errSnappy
	case off > uint64(len(z.out)):
		return z.fallback(made - (len(z.out) - z.rd))
	}
	z.off, z.cp, z.left = int(off), int(size), z.left-int(size)
	return nil
}

// fallback uncompresses the whole block and serves it from read on.
func (z *snappyReader) fallback(read int) error {
	raw := make([]byte, z.src.Size())
	if _, err := z.src.ReadAt(raw, 0); err != nil {
		return err
	}
	dec, err := new(snappy.Codec).Decode(make([]byte, z.full), raw)
	if err != nil || len(dec) != z.full {
		return errSnappy
	}
	z.whole, z.out = dec[read:], nil
	return nil
}
