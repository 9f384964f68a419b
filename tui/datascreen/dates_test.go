package datascreen

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

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
		return screentest.Render(loaded(t, c, experiment.Source{Kind: "log", Path: "orders.csv"}, text), 160, 48)
	}
	en := load("en", us)
	mustContain(t, en, "Dates    year last, month first: 12/1/2010 is 1 December 2010 (--date-order dmy reads them the other way)",
		"cutoff 1998-08-14")
	mustContain(t, load("zh", us), "日期     年份在后、月在前：12/1/2010 即 2010 年 12 月 1 日（--date-order dmy 按另一种顺序读）")
	if v := load("en", iso); strings.Contains(v, "Dates ") || !strings.Contains(v, "cutoff 1998-08-14") {
		t.Errorf("the ISO log's view:\n%s", v)
	}
}
