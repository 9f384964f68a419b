package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// cancelAfter is a CSV that cancels its load once n bytes have been read,
// counting what is read of it after that.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
	read   int
	after  int // bytes read once cancelled
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	k, err := c.r.Read(p[:min(len(p), 4096)])
	if c.read >= c.n {
		c.after += k
	}
	c.read += k
	if c.read >= c.n {
		c.cancel()
	}
	return k, err
}

func (c *cancelAfter) Close() error { return nil }

// TestWithContextStopsAReadingLoad: the readers took no context, so a load
// the TUI had superseded or whose session had ended read its file to the
// end (review20 #1). Read through WithContext, a CSV whose load is
// cancelled after its first 8 kB is read no further and the reader fails
// with the cancellation.
func TestWithContextStopsAReadingLoad(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,tenure,Churn\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "C%d,%d,%s\n", i, i%72, []string{"Yes", "No"}[i%2])
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	in := &cancelAfter{r: strings.NewReader(b.String()), n: 8192, cancel: cancel}
	_, err := ReadCSV(WithContext(ctx, in), "c.csv", CSVOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled load ended with %v, want context.Canceled", err)
	}
	if in.after != 0 {
		t.Errorf("%d bytes were read after the load was cancelled, want 0 (of %d)", in.after, b.Len())
	}
}
