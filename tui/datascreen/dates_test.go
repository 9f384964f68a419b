package datascreen

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestDatesLineSaysTheOrderFound: the order log's ISO dates rewritten
// month first (1998-01-13 → 1/13/1998) load as the same cohort, and the
// Data screen says how they were read, in both languages; the ISO log has
// no such line.
func TestDatesLineSaysTheOrderFound(t *testing.T) {
	iso := orderLog()
	us := monthFirst(t, iso)
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

// monthFirst rewrites a log's ISO dates month first (1998-01-13 →
// 1/13/1998).
func monthFirst(t *testing.T, log string) string {
	t.Helper()
	return regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).ReplaceAllStringFunc(log, func(s string) string {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d.Format("1/2/2006")
	})
}

// eventLogMonthFirst is the order log as an event log written month first:
// every order a purchase, with a view on its day.
func eventLogMonthFirst(t *testing.T) string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(orderLog()), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + ",event_type\n")
	for _, l := range lines[1:] {
		b.WriteString(l + ",purchase\n")
		b.WriteString(l + ",view\n")
	}
	return monthFirst(t, b.String())
}

// The Data screen of a month-first event log: the Cohort line counts the
// views left out of the orders, the Dates line says how the dates were
// read.
func TestGoldenEventLogMonthFirst(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := loaded(t, c, experiment.Source{Kind: "log", Path: "events.csv"}, eventLogMonthFirst(t))
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestDateDistributionRangeIsDates: a date column's distribution by label
// gave its binned range as day numbers ("17,541 … 19,721").
func TestDateDistributionRangeIsDates(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,signup,churn\n")
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 200 {
		b.WriteString("u" + strconv.Itoa(i) + "," +
			day.AddDate(0, 0, i).Format(time.DateOnly) + "," + []string{"no", "yes"}[i%2] + "\n")
	}
	s := loaded(t, screentest.Common("en", 160, 48), experiment.Source{Kind: "csv", Path: "users.csv", Label: "churn"}, b.String())
	v := screentest.Render(keys(s, "right", "right"), 160, 48)
	if !regexp.MustCompile(`2024-01-0\d … 2024-07-1\d`).MatchString(v) {
		t.Errorf("no date range in the distributions:\n%s", v)
	}
}
