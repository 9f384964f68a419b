package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// snappyLogParquet writes an order log of 600 customers as a Parquet file
// of snappy pages (as pandas writes them), each page read in several
// pieces.
func snappyLogParquet(t *testing.T) string {
	type line struct {
		Customer string  `parquet:"customer_id,snappy"`
		Date     string  `parquet:"order_date,snappy"`
		Amount   float64 `parquet:"amount,snappy"`
		Item     string  `parquet:"item,snappy"`
	}
	var lines []line
	start := time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 600 {
		for k := range c%7 + 1 {
			day := start.AddDate(0, 0, (c*37+k*53)%330)
			lines = append(lines, line{fmt.Sprintf("C%05d", 10000+c*7919%50000), day.Format("2006-01-02 15:04"),
				float64((c*k)%90) + 0.5, fmt.Sprintf("item-%x", (c*2654435761+k)%100003)})
		}
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[line](&buf, parquet.PageBufferSize(8<<10))
	if _, err := w.Write(lines); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "orders.parquet")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cancelAtRead is a file that calls cancel at its n-th read at an offset.
type cancelAtRead struct {
	*os.File
	n, reads int
	cancel   func()
}

func (f *cancelAtRead) ReadAt(b []byte, off int64) (int, error) {
	if f.reads++; f.reads == f.n {
		f.cancel()
	}
	return f.File.ReadAt(b, off)
}

// TestInterruptWhileLoadingParquet: Ctrl-C while `retain serve --log
// online_retail.parquet --btyd-features` loaded its log printed "row group
// 1, row 187393: corrupt Parquet file: decoding: corrupt snappy block" and
// exited 2, as for a bad file: a read of the file failing because the
// load was interrupted was taken for corrupt data. Interrupted after each
// of the file's reads in turn, the command exits 130, saying it was
// interrupted and nothing of the file.
func TestInterruptWhileLoadingParquet(t *testing.T) {
	path := snappyLogParquet(t)
	var last *cancelAtRead
	opener := func(n int, cancel func()) func(string) (io.ReadCloser, error) {
		return func(p string) (io.ReadCloser, error) {
			f, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			last = &cancelAtRead{File: f, n: n, cancel: cancel}
			return last, nil
		}
	}
	args := []string{"train", "--log", path, "--btyd-features", "--epochs", "1"}
	c := newCLI(t)
	c.app.open = opener(0, func() {})
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, c.stderr.String())
	}
	total := last.reads
	if total < 20 {
		t.Fatalf("the log is read in %d reads, want a few dozen at least", total)
	}
	for n := 1; n <= total; n++ {
		ctx, cancel := context.WithCancel(context.Background())
		c := newCLI(t)
		c.app.open = opener(n, cancel)
		code := c.run(ctx, args...)
		cancel()
		if stderr := c.stderr.String(); code != exitInterrupted || strings.Contains(stderr, "corrupt") || !strings.HasSuffix(stderr, "retain: interrupted\n") {
			t.Errorf("interrupted after read %d of %d: exit %d, stderr %q; want %d, retain: interrupted", n, total, code, stderr, exitInterrupted)
		}
	}
}
