package data

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// ErrParquet reports a Parquet file that cannot be read: truncated, corrupt,
// nested, encrypted or past the reader's limits.
var ErrParquet = errors.New("unreadable Parquet file")

const parquetMagic = "PAR1"

// Limits on what a Parquet file may declare, checked before anything of
// that size is allocated.
const (
	maxParquetFooter    = 64 << 20  // bytes of file metadata
	maxParquetColumns   = 10_000    // leaf columns
	maxParquetGroups    = 100_000   // row groups
	maxParquetRows      = 200 << 20 // rows in the file
	maxParquetPage      = 256 << 20 // bytes of one page, compressed or not
	maxParquetStream    = 256 << 20 // bytes of a Parquet input that is not a file
	maxParquetPageProbe = 1 << 20   // bytes read to decode one page header
)

// parquetInput is a Parquet file recognised by its content: random access
// to its bytes and its size. reads, when set, is ra and remembers a read
// that failed (see failed).
type parquetInput struct {
	ra    io.ReaderAt
	size  int64
	reads *readsAt
}

// newParquetInput is the input read through ra, whose reads that fail are
// remembered.
func newParquetInput(ra io.ReaderAt, size int64) *parquetInput {
	reads := &readsAt{ra: ra}
	return &parquetInput{ra: reads, size: size, reads: reads}
}

// readsAt is a file read at offsets that remembers the first read that
// failed otherwise than by reaching the end of the file or asking for a
// negative offset (which a corrupt file's offsets may do): a load
// cancelled by its context, an I/O error.
// A page's decoder sees only that bytes are missing, and says so as it can
// ("corrupt snappy block", a page cut short), so the readers ask it what
// happened before blaming the file (failed). parquet-go may read from
// several goroutines.
type readsAt struct {
	ra  io.ReaderAt
	mu  sync.Mutex
	err error
}

func (r *readsAt) ReadAt(b []byte, off int64) (int, error) {
	n, err := r.ra.ReadAt(b, off)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF && off >= 0 {
		r.mu.Lock()
		if r.err == nil {
			r.err = err
		}
		r.mu.Unlock()
	}
	return n, err
}

// failed returns err, the reader's error, unless a read of the input failed
// (see readsAt): then the file is not to blame for whatever its decoding
// made of the bytes it did not get, and the error is that failure, as
// reading the footer reports it ("reading NAME: context canceled"), so
// that errors.Is sees a cancelled load.
func (in *parquetInput) failed(name string, err error) error {
	if err == nil || in.reads == nil {
		return err
	}
	in.reads.mu.Lock()
	cause := in.reads.err
	in.reads.mu.Unlock()
	if cause == nil || errors.Is(err, cause) {
		return err
	}
	return fmt.Errorf("reading %s: %w", name, cause)
}

// sniffParquet recognises a Parquet input by the magic "PAR1" at its start.
// It returns the input when it is Parquet, and otherwise the reader to use
// for text (r itself, or a buffered reader holding the bytes peeked at). A
// Parquet stream without random access (a pipe) is read into memory up to
// maxParquetStream bytes.
func sniffParquet(r io.Reader, name string) (*parquetInput, io.Reader, error) {
	// An Excel workbook is converted to CSV text first (xlsx.go): the
	// text reader gets a *workbookText.
	wb, r, err := sniffWorkbook(r, name)
	if err != nil {
		return nil, nil, err
	}
	if wb != nil {
		return nil, wb, nil
	}
	if ra, ok := r.(io.ReaderAt); ok {
		if size, ok := sizeOf(r); ok {
			var head [4]byte
			if n, _ := ra.ReadAt(head[:], 0); n == 4 || int64(n) == size {
				if string(head[:n]) != parquetMagic {
					return nil, r, nil
				}
				return newParquetInput(ra, size), nil, nil
			}
		}
	}
	br := bufio.NewReaderSize(r, readBufferSize)
	head, _ := br.Peek(4)
	if string(head) != parquetMagic {
		return nil, br, nil
	}
	b, err := io.ReadAll(io.LimitReader(br, maxParquetStream+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > maxParquetStream {
		return nil, nil, parseErr(name, 0, 0, ErrParquet, fmt.Sprintf(
			"a Parquet stream of more than %s bytes; give it as a file, not a pipe", Thousands(maxParquetStream)))
	}
	return newParquetInput(bytes.NewReader(b), int64(len(b))), nil, nil
}

// sizeOf returns the size of a file-like reader.
func sizeOf(r io.Reader) (int64, bool) {
	switch f := r.(type) {
	case interface{ Size() int64 }:
		return f.Size(), true
	case interface{ Stat() (fs.FileInfo, error) }:
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			return info.Size(), true
		}
	}
	return 0, false
}

// parquetFile is an opened, checked, flat Parquet file.
type parquetFile struct {
	name   string
	in     *parquetInput
	meta   *format.FileMetaData
	file   *parquet.File // opened by library when first needed
	header []string      // the column names, repeated ones renamed
	// renamed lists the columns whose name repeats an earlier one's.
	renamed []RenamedColumn
	conv    []cellFormat
	starts  []int64 // first row (0-based, in the file) of each row group
}

// bad builds the error for a file that cannot be read.
func (in *parquetInput) bad(name, format string, args ...any) *ParseError {
	return parseErr(name, 0, 0, ErrParquet, fmt.Sprintf(format, args...))
}

// openParquet checks the footer and the declared sizes and maps the
// columns. parquet-go opens the file only if a column chunk needs it (see
// library).
func openParquet(in *parquetInput, name string) (pf *parquetFile, err error) {
	defer func() { err = in.failed(name, err) }()
	meta, err := in.footer(name)
	if err != nil {
		return nil, err
	}
	if err := in.checkMeta(name, meta); err != nil {
		return nil, err
	}
	if err := in.checkPages(name, meta); err != nil {
		return nil, err
	}
	pf = &parquetFile{name: name, in: in, meta: meta}
	if err := guard(name, "reading the schema", pf.mapColumns); err != nil {
		return nil, err
	}
	var row int64
	for _, rg := range meta.RowGroups {
		pf.starts = append(pf.starts, row)
		row += rg.NumRows
	}
	return pf, nil
}

// guard runs a call into parquet-go, turning an error or a panic into a
// *ParseError naming the file.
func guard(name, doing string, call func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			pe := parseErr(name, 0, 0, ErrParquet, fmt.Sprintf("corrupt Parquet file: the reader failed while %s (%v)", doing, r))
			pe.Facts = ParquetReader{Doing: doing, Detail: fmt.Sprint(r), Panicked: true}
			err = pe
		}
	}()
	err = call()
	var pe *ParseError
	if err == nil || err == io.EOF || errors.As(err, &pe) {
		return err
	}
	detail := strings.TrimPrefix(err.Error(), "parquet: ")
	pe = parseErr(name, 0, 0, ErrParquet, fmt.Sprintf("corrupt Parquet file: %s: %s", doing, detail))
	pe.Facts = ParquetReader{Doing: doing, Detail: detail, Fault: faultOf(err)}
	return pe
}

// footer reads and decodes the file metadata after checking the magic
// bytes and the footer length.
func (in *parquetInput) footer(name string) (*format.FileMetaData, error) {
	if in.size < 12 {
		pe := in.bad(name, "truncated Parquet file: %d bytes, the smallest has 12 (PAR1, footer, length, PAR1)", in.size)
		pe.Facts = ParquetTruncated{Size: in.size, Tiny: true}
		return nil, pe
	}
	var tail [8]byte
	if _, err := in.ra.ReadAt(tail[:], in.size-8); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if string(tail[4:]) != parquetMagic {
		pe := in.bad(name, "truncated or corrupt Parquet file: it starts with PAR1 but does not end with it (%s bytes; cut short?)", thousands64(in.size))
		pe.Facts = ParquetTruncated{Size: in.size}
		return nil, pe
	}
	n := int64(binary.LittleEndian.Uint32(tail[:4]))
	switch {
	case n == 0:
		return nil, in.bad(name, "corrupt Parquet file: the footer length is 0")
	case n > in.size-12:
		return nil, in.bad(name, "corrupt Parquet file: the footer length (%s bytes) points past the start of the file (%s bytes)",
			thousands64(n), thousands64(in.size))
	case n > maxParquetFooter:
		return nil, in.bad(name, "Parquet footer of %s bytes: the limit is %s", thousands64(n), thousands64(maxParquetFooter))
	}
	buf := make([]byte, n)
	if _, err := in.ra.ReadAt(buf, in.size-8-n); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	meta := new(format.FileMetaData)
	err := guard(name, "decoding the footer", func() error {
		return thrift.Unmarshal(new(thrift.CompactProtocol), buf, meta)
	})
	if err != nil {
		return nil, err
	}
	return meta, nil
}

// library opens the file with parquet-go, for the column chunks our page
// decoder leaves to it; the library is guarded: a panic inside it becomes
// an error naming the file.
func (pf *parquetFile) library() (*parquet.File, error) {
	if pf.file != nil {
		return pf.file, nil
	}
	err := guard(pf.name, "opening", func() error {
		f, err := parquet.OpenFile(pf.in.ra, pf.in.size, parquet.SkipPageIndex(true), parquet.SkipBloomFilters(true),
			parquet.ReadBufferSize(readBufferSize))
		if err == nil && len(f.RowGroups()) != len(pf.meta.RowGroups) {
			err = fmt.Errorf("parquet-go sees %d row groups, the footer has %d", len(f.RowGroups()), len(pf.meta.RowGroups))
		}
		pf.file = f
		return err
	})
	if err != nil {
		pf.file = nil
	}
	return pf.file, err
}
