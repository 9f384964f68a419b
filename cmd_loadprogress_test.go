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

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
)

// TestLoadText is the line a file being read shows on a terminal's stderr.
// 85 MiB of 194 MiB is 43.8 %, which rounds to 44 and fills 13 of the
// bar's 30 cells (int(0.438 × 30)).
func TestLoadText(t *testing.T) {
	const mib = 1 << 20
	cases := []struct {
		p    data.Progress
		want string
	}{
		{data.Progress{Read: 85 * mib, Size: 194 * mib, Lines: -1},
			"big.csv: reading  44% [=============>................] 85 MiB/194 MiB - 2.5s"},
		{data.Progress{Stage: data.StageParsing, Read: 194 * mib, Size: 194 * mib, Lines: -1},
			"big.csv: parsing 100% [==============================] 194 MiB/194 MiB - 2.5s"},
		{data.Progress{Stage: data.StageFeatures, Read: 194 * mib, Size: 194 * mib, Lines: -1},
			"big.csv: building per-customer features - 2.5s"},
		{data.Progress{Read: 96 * mib, Lines: 1234567},
			"big.csv: reading - 1,234,567 rows (96 MiB) - 2.5s"},
		{data.Progress{Read: 96 * mib, Lines: -1},
			"big.csv: reading - 96 MiB (compressed) - 2.5s"},
	}
	for _, c := range cases {
		if got := loadText("big.csv", c.p, 2500*time.Millisecond); got != c.want {
			t.Errorf("%+v:\n got %q\nwant %q", c.p, got, c.want)
		}
	}
}

// TestNoLoadProgressWhenStderrIsNotATerminal trains on a file with
// stderr a buffer, as in a script or CI: no line is drawn or erased (no
// carriage return, no erase sequence, no "reading"), as for the training
// progress, and stdout gets nothing of it.
func TestNoLoadProgressWhenStderrIsNotATerminal(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,visits,spend,churned\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "u%d,%d,%d.5,%d\n", i, i%7, i%13, (i/3)%2)
	}
	path := writeFile(t, "users.csv", b.String())
	c := newCLI(t)
	out := filepath.Join(t.TempDir(), "m.json")
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "1", "--out", out); code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, c.stderr.String())
	}
	for _, noise := range []string{"\r", "\x1b[K", "reading", "parsing"} {
		if strings.Contains(c.stderr.String(), noise) || strings.Contains(c.stdout.String(), noise) {
			t.Errorf("the output holds %q:\nstderr %q\nstdout %q", noise, c.stderr.String(), c.stdout.String())
		}
	}
}

// TestWatchedLoadsKeepRandomAccess opens a Parquet order log through the
// terminal's watching opener over the CLI's own: the file can still be
// read at offsets and sized (else Parquet would be read into memory), it
// loads as through the plain opener, and closing it leaves no line on
// screen.
func TestWatchedLoadsKeepRandomAccess(t *testing.T) {
	path := filepath.Join(sharedDatasets, "online_retail", "online_retail.parquet")
	shareddata.Need(t, path)
	osOpen := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	plain := openWithContext(context.Background(), osOpen)
	var screen lockedBuffer
	watched := watchLoads(plain, &screen, 80, false)
	f, err := watched(path)
	if err != nil {
		t.Fatal(err)
	}
	_, ra := f.(io.ReaderAt)
	_, sized := f.(interface{ Size() int64 })
	_, stage := f.(data.Watched)
	f.Close()
	if !ra || !sized || !stage {
		t.Fatalf("the watched file (%T): read at offsets %v, sized %v, told its stage %v", f, ra, sized, stage)
	}
	src := experiment.Source{Kind: "log", Path: path}
	want, err := experiment.Load(src, plain)
	if err != nil {
		t.Fatal(err)
	}
	got, err := experiment.Load(src, watched)
	if err != nil {
		t.Fatal(err)
	}
	if got.Table.Rows != want.Table.Rows || got.Log.Lines != want.Log.Lines {
		t.Errorf("watched: %d rows of %d lines, plain: %d of %d", got.Table.Rows, got.Log.Lines, want.Table.Rows, want.Log.Lines)
	}
	if s := screen.String(); s != "" && !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("a line was left on screen: %q", s)
	}
	if bytes.Contains([]byte(screen.String()), []byte("\n")) {
		t.Errorf("the progress wrote a new line: %q", screen.String())
	}
}
