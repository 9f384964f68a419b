package datascreen

import (
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// fileOpener opens every path as text that can be read twice, as a file
// can (a log whose dates are written with the year last is read again in
// the order they show).
func fileOpener(text string) experiment.Opener {
	return func(string) (io.ReadCloser, error) {
		return struct {
			*strings.Reader
			io.Closer
		}{strings.NewReader(text), io.NopCloser(nil)}, nil
	}
}

// TestDatesLineSaysTheOrderFound: the order log's ISO dates rewritten
// month first (1998-01-13 → 1/13/1998) load as the same cohort, and the
// Data screen says how they were read, in both languages; the ISO log has
// no such line.
func TestDatesLineSaysTheOrderFound(t *testing.T) {
	iso := orderLog()
	us := regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`).ReplaceAllStringFunc(iso, func(s string) string {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Format("1/2/2006")
	})
	load := func(lang, text string) string {
		c := screentest.Common(lang, 160, 48)
		d, err := experiment.LoadAt(experiment.Source{Kind: "log", Path: "orders.csv"}, fileOpener(text), time.Date(1998, 12, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		cfg := experiment.DefaultConfig()
		exp, err := experiment.New(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		s := New(c, false)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		return screentest.Render(s, 160, 48)
	}
	en := load("en", us)
	mustContain(t, en, "Dates    year last, month first: 12/1/2010 is 1 December 2010 (--date-order dmy reads them the other way)",
		"cutoff 1998-08-14")
	mustContain(t, load("zh", us), "日期     年份在后、月在前：12/1/2010 即 2010 年 12 月 1 日（--date-order dmy 按另一种顺序读）")
	if v := load("en", iso); strings.Contains(v, "Dates ") || !strings.Contains(v, "cutoff 1998-08-14") {
		t.Errorf("the ISO log's view:\n%s", v)
	}
}
