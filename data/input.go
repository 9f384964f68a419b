package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotText reports an input that is not UTF-8 text: a compressed file, a
// spreadsheet, UTF-16 text, a NUL byte in a cell, or a cell too large to be
// data. (A Parquet file is read as such; see ErrParquet.)
var ErrNotText = errors.New("not a UTF-8 text file")

// MaxCellBytes is the largest cell the readers accept. A bigger cell is
// refused, with its size, before more than about this much of it is held
// in memory.
const MaxCellBytes = 1 << 20

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// newInputReader buffers r, decompresses gzip (recognised by its magic
// bytes, whatever the name), refuses inputs that are recognisably not UTF-8
// text (see sniffBinary) and skips a leading UTF-8 BOM, which spreadsheet
// exports often write and which would otherwise stick to the first header.
// Text whose lines end in CR alone (classic Mac) is read with LF line ends
// (crLines), so its lines are split and numbered as any other's.
func newInputReader(r io.Reader, name string) (*bufio.Reader, error) {
	br := bufio.NewReaderSize(r, readBufferSize)
	head, _ := br.Peek(512)
	if isGzip(head) {
		var err error
		if br, err = gunzipInput(br, name); err != nil {
			return nil, err
		}
		head, _ = br.Peek(512)
	}
	if namedBinaryWorkbook(strings.ToLower(name), head) {
		return nil, binaryWorkbookError(name)
	}
	if what, facts := sniffBinary(head, name); what != "" {
		pe := parseErr(name, 0, 0, ErrNotText, "the file is "+what)
		pe.Facts = facts
		return nil, pe
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(3)
	}
	if text, err := br.Peek(readBufferSize); crOnlyLines(text, err != nil) {
		br = newCRLines(br)
	}
	return br, nil
}

// sniffBinary names the kind of a file whose first bytes show that it is
// not UTF-8 text, with what to do about it, and gives it as facts, or
// returns "". For a stream (isStream) the advice converts it on its way in
// instead of naming a file.
func sniffBinary(head []byte, name string) (string, Facts) {
	lower, stream := strings.ToLower(name), isStream(name)
	book := workbookExt(lower)
	switch {
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		f := NotTextFile{Kind: KindGzip, Stream: stream}
		switch {
		case stream:
			f.Command = "gunzip -c FILE | retain …"
			return "gzip-compressed; decompress it on the way in (" + f.Command + ")", f
		case strings.HasSuffix(lower, ".gz"):
			f.Command = "gunzip " + name
			return "gzip-compressed; decompress it first (" + f.Command + ")", f
		}
		f.Command = fmt.Sprintf("gunzip -c %s > %s", name, plainName(name))
		return "gzip-compressed; decompress it first (" + f.Command + ")", f
	case bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06")):
		if book != "" || bytes.Contains(head, []byte("[Content_Types].xml")) || bytes.Contains(head, []byte("xl/")) {
			// A workbook is read (xlsx.go); this one's zip could not be
			// opened or has no xl/workbook.xml.
			return "a zip archive that is not a readable Excel workbook (cut short, or without xl/workbook.xml); save the sheet again as xlsx or as CSV (UTF-8)",
				NotTextFile{Kind: KindBrokenWorkbookZip}
		}
		if stream {
			f := NotTextFile{Kind: KindZip, Stream: true, Command: "unzip -p FILE MEMBER.csv | retain …"}
			return "a zip archive; extract the CSV on the way in (" + f.Command + ")", f
		}
		f := NotTextFile{Kind: KindZip, Command: "unzip " + name}
		return "a zip archive; extract the CSV from it first (" + f.Command + ")", f
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "an old Excel workbook (xls), not CSV; save the sheet as CSV (UTF-8) first", NotTextFile{Kind: KindOldExcel}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return utf16Advice(name, "LE", true)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16Advice(name, "BE", true)
	}
	if order := utf16Order(head); order != "" {
		return utf16Advice(name, order, false)
	}
	if book != "" && controlBytes(head) {
		// Named as a workbook, binary, and not a zip: not "binary, not
		// CSV text", which would leave the user wondering why a workbook
		// was read as CSV. (Text named .xlsx is read as the CSV it is.)
		return "not a valid Excel workbook: an " + book + " file is a zip archive, and this one is not (damaged, or another kind of file " +
			"renamed); save the sheet again as xlsx or as CSV (UTF-8)", NotTextFile{Kind: KindNotWorkbook, Ext: book}
	}
	if binaryHead(head) {
		// Before any line is parsed: a quote among the binary bytes would
		// otherwise be reported as a CSV syntax error, and a high byte as
		// text in another encoding.
		return binaryText(len(head)), Binary{Head: len(head)}
	}
	return "", nil
}

// WorkbookExtensions returns the extensions, without their dot, of the
// Excel workbooks the readers open: xlsx, and the macro-enabled and
// template kinds xlsm, xltx and xltm, each a zip with xl/workbook.xml.
func WorkbookExtensions() []string { return []string{"xlsx", "xlsm", "xltx", "xltm"} }

// binaryText is sniffBinary's words for a file whose first head bytes
// binaryHead finds binary.
func binaryText(head int) string {
	return fmt.Sprintf("binary, not CSV text (NUL and other control bytes in its first %d bytes)", head)
}

// binaryHead reports whether the first bytes of a file hold more control
// bytes than a text file with a stray one in a cell would: at least
// minBinaryBytes of them, and one byte in 64 or more. Control bytes are
// NUL and the others below 0x20 but those text can hold: BEL and
// backspace, tab, line feed, vertical tab, form feed, carriage return,
// SUB (0x1A, an old end-of-file mark) and ESC (0x1B; terminal colours and
// titles pasted with text use these). Random bytes hold about one in
// eleven; a text file's rare stray NUL is left to the record reader,
// which names its line and cell (checkNUL).
func binaryHead(head []byte) bool {
	n := 0
	for _, c := range head {
		if c < 0x20 && (c < '\a' || c > '\r') && c != 0x1A && c != 0x1B {
			n++
		}
	}
	return n >= minBinaryBytes && 64*n >= len(head)
}

// minBinaryBytes is the fewest control bytes binaryHead takes for binary.
const minBinaryBytes = 4

// workbookExt returns the extension, without its dot, of a lower-case
// name that names a workbook of the kinds read (WorkbookExtensions), or
// "".
func workbookExt(lower string) string {
	for _, ext := range WorkbookExtensions() {
		if strings.HasSuffix(lower, "."+ext) {
			return ext
		}
	}
	return ""
}

// controlBytes reports whether head holds a control byte no text file has
// (a NUL, or another below 0x20 but tab, line feed, vertical tab, form
// feed and carriage return): the file is binary.
func controlBytes(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && (c < '\t' || c > '\r') {
			return true
		}
	}
	return false
}

// isStream reports whether name is a stream's, in angle brackets
// ("<stdin>"), rather than a file's path: advice then names no file.
func isStream(name string) bool {
	return len(name) > 2 && name[0] == '<' && name[len(name)-1] == '>'
}

// utf16Advice is sniffBinary's words and facts for UTF-16 text in the
// byte order ("LE", "BE"), with a byte-order mark when bom is set.
func utf16Advice(name, order string, bom bool) (string, Facts) {
	mark := "without a byte-order mark"
	if bom {
		mark = "with a byte-order mark"
	}
	f := NotTextFile{Kind: KindUTF16, Order: order, BOM: bom, Stream: isStream(name)}
	if f.Stream {
		f.Command = fmt.Sprintf("iconv -f UTF-16%s -t UTF-8 FILE | retain …", order)
		return fmt.Sprintf("UTF-16%s text (%s); convert it on the way in (%s)", order, mark, f.Command), f
	}
	f.Command = fmt.Sprintf("iconv -f UTF-16%s -t UTF-8 %s > %s", order, name, plainName(name))
	return fmt.Sprintf("UTF-16%s text (%s); convert it to UTF-8 first (%s)", order, mark, f.Command), f
}

// plainName suggests a file name for the converted copy of name.
func plainName(name string) string {
	base := strings.TrimSuffix(name, ".gz")
	if base == name {
		if i := strings.LastIndexByte(name, '.'); i > strings.LastIndexAny(name, `/\`) {
			return name[:i] + "-utf8" + name[i:]
		}
		return name + "-utf8"
	}
	return base
}

// utf16Order recognises UTF-16 text without a byte-order mark from the NUL
// bytes that ASCII characters leave in every other position: "LE" when
// they are at odd offsets, "BE" at even ones, "" when it is not UTF-16.
func utf16Order(head []byte) string {
	pairs := len(head) / 2
	if pairs < 2 {
		return ""
	}
	var even, odd int
	for i := 0; i+1 < len(head); i += 2 {
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case 2*odd >= pairs && 10*even < pairs:
		return "LE"
	case 2*even >= pairs && 10*odd < pairs:
		return "BE"
	}
	return ""
}

// checkNUL refuses a record with a NUL byte in a field: no text file has
// one, and keeping it would silently turn a numeric column into text. A
// cell that is text but for its NUL bytes is quoted (escaped); one with
// other binary bytes too is only measured: its escapes would be noise.
func (r *recordReader) checkNUL() error {
	if bytes.IndexByte(r.cur, 0) < 0 {
		return nil
	}
	for i := range r.ends {
		if f := r.field(i); bytes.IndexByte(f, 0) >= 0 {
			if !printable(string(bytes.ReplaceAll(f, []byte{0}, nil))) {
				pe := parseErr(r.file, r.line, i+1, ErrNotText,
					fmt.Sprintf("NUL and other binary bytes in a cell of %d bytes: the file is binary, not CSV text", len(f)))
				pe.Facts = NULCell{Size: len(f), Binary: true}
				return pe
			}
			pe := parseErr(r.file, r.line, i+1, ErrNotText,
				fmt.Sprintf("NUL byte in the cell %s: the file is binary or not UTF-8 text", quoteCut(f)))
			pe.Withheld = "NUL byte in the cell (" + withheldValue + "): the file is binary or not UTF-8 text"
			pe.Facts = NULCell{Cell: quoteCut(f), Size: len(f)}
			return pe
		}
	}
	return nil
}

// ColumnList joins column names as the messages of this package list them
// (a program that words such a message its own way lists them alike):
// joined by commas, any name with bytes that are not printable UTF-8
// quoted (and so escaped).
func ColumnList(header []string) string { return columnList(header) }

// columnList joins header names for a message, quoting (and so escaping)
// any name with bytes that are not printable UTF-8.
func columnList(header []string) string {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = h
		if !printable(h) {
			names[i] = strconv.Quote(h)
		}
	}
	return strings.Join(names, ", ")
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// quoteCut quotes a cell for a message, escaping every non-printable byte
// and keeping at most the first 40 bytes.
func quoteCut(b []byte) string {
	if len(b) > 40 {
		return fmt.Sprintf("%q…", b[:40])
	}
	return fmt.Sprintf("%q", b)
}

// fieldScan follows the fields of a record the way recordReader splits
// them, chunk by chunk, to find one longer than MaxCellBytes without
// holding all of it.
type fieldScan struct {
	delim   byte
	col     int  // 1-based field number of the current field
	lines   int  // newlines before the current field
	size    int  // bytes of the current field seen so far
	started bool // the current field has begun
	quoted  bool // inside a quoted field
	pending bool // a quote just seen inside a quoted field
	over    bool // the current field is longer than MaxCellBytes
	ended   bool // and it ended within the bytes fed
}

func newFieldScan(delim byte) fieldScan { return fieldScan{delim: delim, col: 1} }

// feed scans the next bytes of the record and reports whether the current
// field has grown past MaxCellBytes.
func (s *fieldScan) feed(b []byte) bool {
	for _, c := range b {
		if s.ended {
			break
		}
		switch {
		case !s.started && c == '"':
			s.quoted, s.started = true, true
			continue
		case s.quoted && s.pending && c == '"':
			s.pending = false
		case s.quoted && c == '"':
			s.pending = true
			continue
		case s.quoted && s.pending:
			s.quoted, s.pending = false, false // closed; c ends the field
			s.next(c)
			continue
		case !s.quoted && (c == s.delim || c == '\n'):
			s.next(c)
			continue
		}
		s.started = true
		if s.size++; s.size > MaxCellBytes {
			s.over = true
		}
	}
	return s.over
}

// total returns the size of the oversized field, reading what is left of
// it from br (nil when there is nothing more to read).
func (s *fieldScan) total(br *bufio.Reader) int {
	if s.ended || br == nil {
		return s.size
	}
	return s.size + fieldRest(br, s.delim, s.quoted, s.pending)
}

// next starts the field after c, a delimiter or a newline.
func (s *fieldScan) next(c byte) {
	if s.over {
		s.ended = true
		return
	}
	if c == '\n' {
		s.lines++
		s.col = 0
	}
	s.col++
	s.size, s.started = 0, false
}

// fieldRest consumes the rest of a field from br and returns its length, so
// an oversized cell can be reported with its size without holding it.
func fieldRest(br *bufio.Reader, delim byte, quoted, pending bool) int {
	n := 0
	for {
		c, err := br.ReadByte()
		if err != nil {
			return n
		}
		switch {
		case quoted && pending && c == '"':
			pending = false
		case quoted && pending:
			return n
		case quoted && c == '"':
			pending = true
			continue
		case !quoted && (c == delim || c == '\n' || c == '\r'):
			return n
		}
		n++
	}
}

// tooLong reports a cell over MaxCellBytes on the given line and field.
func tooLong(file string, line, col, size int) error {
	pe := parseErr(file, line, col, ErrNotText,
		fmt.Sprintf("a cell of %s bytes: cells are limited to %s bytes (1 MiB); is this the right file?",
			Thousands(size), Thousands(MaxCellBytes)))
	pe.Facts = LongCell{Size: size}
	return pe
}

// openField is a quoted field that spans lines: where it starts and how
// many bytes of it are already read.
type openField struct {
	line, col, size int
}

// oversized consumes the rest of the cell that scan found too long and
// returns the error naming it; the line read so far is dropped.
func (r *recordReader) oversized(scan fieldScan) error {
	r.long = nil
	size := scan.total(r.br)
	line := r.next + scan.lines
	if r.open.col > 0 && scan.lines == 0 && scan.col == r.open.col {
		line = r.open.line
	}
	return tooLong(r.file, line, scan.col, size)
}
