package data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// gzipMagic starts every gzip file.
var gzipMagic = []byte{0x1F, 0x8B}

// gunzipInput returns a reader of the decompressed text of the gzip file
// whose buffered start is br. A Parquet file inside gzip is refused: it is
// read from its footer, which needs the file itself.
func gunzipInput(br *bufio.Reader, name string) (*bufio.Reader, error) {
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, gzipErrorAt(name, 0, &gzipError{err})
	}
	out := bufio.NewReaderSize(gzipReader{zr}, readBufferSize)
	if head, _ := out.Peek(len(parquetMagic)); string(head) == parquetMagic {
		f := NotTextFile{Kind: KindGzipParquet, Command: fmt.Sprintf("gunzip -c %s > %s", name, unzippedName(name, ".parquet"))}
		pe := parseErr(name, 0, 0, ErrNotText, "the file is a gzip-compressed Parquet file; decompress it first ("+f.Command+")")
		pe.Facts = f
		return nil, pe
	}
	if head, _ := out.Peek(4); string(head) == "PK\x03\x04" {
		// A workbook (xlsx.go) is read from its zip directory, at its end.
		f := NotTextFile{Kind: KindGzipZip, Command: fmt.Sprintf("gunzip -c %s > %s", name, unzippedName(name, ".xlsx"))}
		advice := "decompress it first (" + f.Command + ")"
		if isStream(name) {
			f.Command, f.Stream = "gunzip -c FILE | retain …", true
			advice = "decompress it on the way in (" + f.Command + ")"
		}
		pe := parseErr(name, 0, 0, ErrNotText, "the file is a gzip-compressed zip archive (an Excel workbook?); "+advice)
		pe.Facts = f
		return nil, pe
	}
	return out, nil
}

// unzippedName suggests the name of the decompressed copy of name.
func unzippedName(name, ext string) string {
	if base := strings.TrimSuffix(name, ".gz"); base != name {
		return base
	}
	return name + ext
}

// gzipReader reads a gzip stream, marking its errors as gzipError so that
// a truncated stream (io.ErrUnexpectedEOF) is not taken for the end of the
// input and the readers can say on which line the data broke off.
type gzipReader struct{ zr *gzip.Reader }

func (g gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = &gzipError{err}
	}
	return n, err
}

// gzipError is an error of the gzip decompressor.
type gzipError struct{ err error }

func (e *gzipError) Error() string { return "gzip: " + strings.TrimPrefix(e.err.Error(), "gzip: ") }
func (e *gzipError) Unwrap() error { return e.err }

// gzipErrorAt turns a gzipError into a ParseError of file on line (0: the
// start of the file); other errors are returned as they are.
func gzipErrorAt(file string, line int, err error) error {
	var ge *gzipError
	if !errors.As(err, &ge) {
		return err
	}
	facts := BrokenGzip{Truncated: errors.Is(ge.err, io.ErrUnexpectedEOF), Detail: ge.Error(),
		BadChecksum: errors.Is(ge.err, gzip.ErrChecksum), BadHeader: errors.Is(ge.err, gzip.ErrHeader)}
	what := "the compressed data is corrupt (" + ge.Error() + ")"
	if facts.Truncated {
		what = "the compressed data ends early: the gzip file is truncated"
		if line > 0 {
			what = "the compressed data ends early, within this line: the gzip file is truncated"
		}
	}
	pe := parseErr(file, line, 0, ErrNotText, what+"; copy it again (gzip -t checks a copy)")
	pe.Facts = facts
	return pe
}

// BrokenGzip is a gzip file whose compressed data cannot be read to its
// end (ErrNotText, though the text inside may be fine): Truncated when
// the data ends early (within the error's line when it has one), else
// corrupt, as the decompressor's Detail says: a checksum that does not
// match the data (BadChecksum), a header that is not gzip's (BadHeader),
// or another fault.
type BrokenGzip struct {
	Truncated              bool
	Detail                 string
	BadChecksum, BadHeader bool
}

func (BrokenGzip) parseFacts() {}

// isGzip reports whether head starts like a gzip file.
func isGzip(head []byte) bool { return bytes.HasPrefix(head, gzipMagic) }
