package data

import (
	"archive/zip"
	"bytes"
	"strings"
)

// An Excel binary workbook (xlsb) is a zip like xlsx, but its parts are in
// Excel's binary record format (xl/workbook.bin), which the readers do not
// decode. It is refused, saying so and how to convert it, rather than as a
// zip that is not a readable workbook or as binary text.

// BinaryWorkbook is an Excel binary workbook (xlsb), which is not read
// (ErrNotText).
type BinaryWorkbook struct{}

func (BinaryWorkbook) parseFacts() {}

// binaryWorkbookError refuses name, an Excel binary workbook.
func binaryWorkbookError(name string) *ParseError {
	pe := parseErr(name, 0, 0, ErrNotText, "the file is an Excel binary workbook (.xlsb), which is not supported: "+
		"open it in Excel and save it as an Excel workbook (.xlsx) or as CSV (UTF-8)")
	pe.Facts = BinaryWorkbook{}
	return pe
}

// isBinaryWorkbook reports whether zr holds an Excel binary workbook: its
// workbook part is xl/workbook.bin.
func isBinaryWorkbook(zr *zip.Reader) bool {
	for _, f := range zr.File {
		if f.Name == "xl/workbook.bin" {
			return true
		}
	}
	return false
}

// namedBinaryWorkbook reports whether a file named name (lower-cased in
// lower) whose first bytes are head is an Excel binary workbook by its
// name: named .xlsb and not text (a zip, or binary). A zip whose
// directory could not be read (cut short) is known by its name only.
// Text named .xlsb is read as the text it is.
func namedBinaryWorkbook(lower string, head []byte) bool {
	if !strings.HasSuffix(lower, ".xlsb") {
		return false
	}
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")) || controlBytes(head)
}
