package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// failAtRead is a Parquet file in memory that calls fail at its n-th read
// at an offset (then made: a load's cancellation lands between two reads).
type failAtRead struct {
	*bytes.Reader
	n, reads int
	fail     func()
}

func (f *failAtRead) ReadAt(b []byte, off int64) (int, error) {
	if f.reads++; f.reads == f.n {
		f.fail()
	}
	return f.Reader.ReadAt(b, off)
}

func (f *failAtRead) Close() error { return nil }

// errDisk is the I/O error of failingAt.
var errDisk = errors.New("input/output error")

// failingAt fails every read at an offset from its n-th on with errDisk,
// and every read from its start after that.
type failingAt struct {
	*bytes.Reader
	n, reads int
}

func (f *failingAt) Read(b []byte) (int, error) {
	if f.reads >= f.n {
		return 0, errDisk
	}
	return f.Reader.Read(b)
}

func (f *failingAt) ReadAt(b []byte, off int64) (int, error) {
	if f.reads++; f.reads >= f.n {
		return 0, errDisk
	}
	return f.Reader.ReadAt(b, off)
}

// readFailParquet is an order log of 4,000 rows whose snappy pages of tens
// of KiB are each read in several pieces, so that a read can fail in the
// middle of one.
func readFailParquet(t *testing.T) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	rows := make([][]string, 4000)
	for i := range rows {
		rows[i] = []string{fmt.Sprint(536365 + i/3), fmt.Sprintf("%x", rng.Uint64()), fmt.Sprint(1 + rng.IntN(40)),
			fmt.Sprintf("2010-12-%02d %02d:%02d:00", 1+i/200, rng.IntN(24), rng.IntN(60)), fmt.Sprintf("%.2f", rng.Float64()*20),
			fmt.Sprint(12000 + rng.IntN(600)), "United Kingdom"}
	}
	return writeParquet(t, retailCols, rows, 0, parquet.PageBufferSize(64<<10))
}

// TestParquetCancelledLoadIsNotCorrupt: a load whose context was done
// while it read a Parquet file (Ctrl-C while `retain serve --log` loaded
// online_retail.parquet) failed with "row group 1, row 187393: corrupt
// Parquet file: decoding: corrupt snappy block", the snappy reader taking
// the read that failed for a block cut short, and exited as if the file
// were bad. Cancelled after each of its reads in turn, the load now fails
// with the cancellation, blaming no file.
func TestParquetCancelledLoadIsNotCorrupt(t *testing.T) {
	b := readFailParquet(t)
	count := &failAtRead{Reader: bytes.NewReader(b), fail: func() {}}
	if _, err := ReadOrderLog(WithContext(context.Background(), count), "p.parquet", LogOptions{}); err != nil {
		t.Fatal(err)
	}
	if count.reads < 50 {
		t.Fatalf("the log is read in %d reads, want a few dozen at least", count.reads)
	}
	for n := 1; n < count.reads; n++ {
		ctx, cancel := context.WithCancel(context.Background())
		in := &failAtRead{Reader: bytes.NewReader(b), n: n, fail: cancel}
		_, err := ReadOrderLog(WithContext(ctx, in), "p.parquet", LogOptions{})
		cancel()
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrParquet) || err.Error() != "reading p.parquet: context canceled" {
			t.Errorf("cancelled after read %d of %d: %v, want reading p.parquet: context canceled", n, count.reads, err)
		}
	}
}

// TestParquetReadErrorIsNotCorrupt: a read of the file that fails (a disk
// error) is reported as that failure, not as a corrupt file, wherever it
// comes: the footer, a page header, the middle of a snappy page.
func TestParquetReadErrorIsNotCorrupt(t *testing.T) {
	b := readFailParquet(t)
	count := &failingAt{Reader: bytes.NewReader(b), n: 1 << 30}
	if _, err := ReadCSV(count, "p.parquet", CSVOptions{NoLabel: true}); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= count.reads; n++ {
		_, err := ReadCSV(&failingAt{Reader: bytes.NewReader(b), n: n}, "p.parquet", CSVOptions{NoLabel: true})
		if !errors.Is(err, errDisk) || strings.Contains(fmt.Sprint(err), "corrupt") {
			t.Errorf("failing from read %d of %d: %v, want reading p.parquet: %v", n, count.reads, err, errDisk)
		}
	}
}
