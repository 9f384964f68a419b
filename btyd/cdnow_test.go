package btyd

import (
	"bufio"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// cdnowSample is the CDNOW sample log (2,357 customers), reached from this
// package's directory.
const cdnowSample = "../../shared/datasets/cdnow/CDNOW_sample.txt"

// epochDay is the day number (days since 1970-01-01) of a YYYYMMDD date.
func epochDay(t *testing.T, s string) int {
	t.Helper()
	d, err := time.Parse("20060102", s)
	if err != nil {
		t.Fatalf("bad date %q: %v", s, err)
	}
	return int(d.Unix() / 86400)
}

// readCDNOW reads the whitespace-separated CDNOW sample: customer id, sample
// id, date YYYYMMDD, quantity, amount.
func readCDNOW(t *testing.T) []Purchase {
	t.Helper()
	f, err := os.Open(cdnowSample)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("CDNOW sample not found at %s; the BG/NBD published-figures check needs it", cdnowSample)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ps []Purchase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 5 {
			t.Fatalf("%s:%d: %d fields, want 5", cdnowSample, line, len(fs))
		}
		id, err := strconv.Atoi(fs[0])
		if err != nil {
			t.Fatalf("%s:%d: %v", cdnowSample, line, err)
		}
		ps = append(ps, Purchase{Customer: id, Day: epochDay(t, fs[2])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestFitCDNOWPublished checks the fit against the published figures of
// Fader, Hardie & Lee (2005), section 5: on the CDNOW sample calibrated on
// 1997-01-01 … 1997-09-30, r = 0.243, α = 4.414, a = 0.793, b = 2.426 and
// LL = −9,582.4.
func TestFitCDNOWPublished(t *testing.T) {
	ps := readCDNOW(t)
	cs, err := Summarize(ps, epochDay(t, "19970101"), epochDay(t, "19970930"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2357 {
		t.Fatalf("%d customers in calibration, want 2357", len(cs))
	}
	// Hardie's published summary of the first sample customer (master id 4):
	// x = 2, t_x = 30.43, T = 38.86.
	if c := cs[0]; c.ID != 4 || c.X != 2 || math.Abs(c.TX-30.43) > 0.005 || math.Abs(c.T-38.86) > 0.005 {
		t.Errorf("first customer %+v, want ID 4, x=2, t_x=30.43, T=38.86", c)
	}
	p, ll, err := Fit(cs)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("fitted %+v, LL %.2f", p, ll)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"r", p.R, 0.243}, {"alpha", p.Alpha, 4.414}, {"a", p.A, 0.793}, {"b", p.B, 2.426}, {"LL", ll, -9582.4},
	} {
		if math.Abs(c.got-c.want) > 0.01*math.Abs(c.want) {
			t.Errorf("%s = %.4f, want %.4f within 1%%", c.name, c.got, c.want)
		}
	}
}
