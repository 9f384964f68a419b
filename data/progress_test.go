package data

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallCSV is a table of n users, one line each after the header.
func smallCSV(n int) string {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,churned\n")
	for i := range n {
		fmt.Fprintf(&b, "u%d,%d,%d.5,%d\n", i, i%7, i%13, i%2)
	}
	return b.String()
}

// TestWatchReportsMonotoneProgressEndingAtTheSize reads a small file
// through Watch with no interval between reports, as ReadCSV reads it: the
// bytes read only grow, the share never passes 1, and the last report
// has read the whole file (its size from os.Stat) and moved on to
// parsing.
func TestWatchReportsMonotoneProgressEndingAtTheSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "users.csv")
	// Bigger than the reader's buffer (64 KiB), so it takes several reads.
	if err := os.WriteFile(path, []byte(smallCSV(20000)), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []Progress
	w := Watch(f, 0, func(p Progress) { got = append(got, p) })
	defer w.Close()
	if _, ok := w.(io.ReaderAt); !ok {
		t.Error("a watched file lost its random access")
	}
	tab, err := ReadCSV(w, path, CSVOptions{Label: "churned"})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 20000 {
		t.Errorf("%d rows read, want 20000", tab.Rows)
	}
	if len(got) < 3 {
		t.Fatalf("%d reports, want one per read of the %d bytes: %+v", len(got), info.Size(), got)
	}
	for i, p := range got {
		if p.Size != info.Size() || p.Lines != -1 {
			t.Errorf("report %d: size %d, lines %d; want %d and -1 (not counted: the size is known)", i, p.Size, p.Lines, info.Size())
		}
		if i > 0 && (p.Read < got[i-1].Read || p.Stage < got[i-1].Stage) {
			t.Errorf("report %d went back: %+v after %+v", i, p, got[i-1])
		}
		if frac, ok := p.Fraction(); !ok || frac < 0 || frac > 1 {
			t.Errorf("report %d: fraction %v (%v)", i, frac, ok)
		}
	}
	last := got[len(got)-1]
	if last.Read != info.Size() || last.Stage != StageParsing {
		t.Errorf("last report %+v, want all %d bytes read and the parsing stage", last, info.Size())
	}
	w.SetStage(StageFeatures)
	if p := got[len(got)-1]; p.Stage != StageFeatures || p.Read != info.Size() {
		t.Errorf("after SetStage(StageFeatures) the last report is %+v", p)
	}
}

// TestWatchCountsRowsOfAStream reads a stream of unknown size: the lines
// are counted (the file's 1 header and 500 rows), and a gzip stream's
// are not, its line ends being compressed.
func TestWatchCountsRowsOfAStream(t *testing.T) {
	text := smallCSV(500)
	var got []Progress
	w := Watch(io.NopCloser(strings.NewReader(text)), 0, func(p Progress) { got = append(got, p) })
	if _, ok := w.(io.ReaderAt); ok {
		t.Error("a stream was given random access")
	}
	if _, err := io.Copy(io.Discard, w); err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if last.Size != 0 || last.Lines != 501 || last.Read != int64(len(text)) || last.Stage != StageParsing {
		t.Errorf("last report %+v, want size 0 (unknown), 501 lines, %d bytes, parsing", last, len(text))
	}
	if _, known := last.Fraction(); known {
		t.Error("a stream's share read is known")
	}

	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	got = nil
	w = Watch(io.NopCloser(bytes.NewReader(gz.Bytes())), 0, func(p Progress) { got = append(got, p) })
	if _, err := ReadCSV(w, "<stdin>", CSVOptions{Label: "churned"}); err != nil {
		t.Fatal(err)
	}
	if last := got[len(got)-1]; last.Lines != -1 || last.Read != int64(gz.Len()) {
		t.Errorf("gzip stream: last report %+v, want lines -1 and the %d compressed bytes", last, gz.Len())
	}
}
