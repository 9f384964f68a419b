package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// BuildCurrent makes BuildCohort's feature rows without a label, and
// accepts the log's last date as the cutoff.
func TestBuildCurrentAtTheLastDate(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCurrent(log, ymd(2011, 1, 10), CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 17850 (Dec 1, Dec 15, Jan 10), 12583 (Dec 5) and 13047
	// (first kept order on Jan 5) are all customers at the last date, and every
	// one was first seen fewer than 90 days before it.
	if got := tab.IDs(); !slices.Equal(got, []string{"17850", "12583", "13047"}) {
		t.Errorf("ids = %v", got)
	}
	if tab.Label.Name != "" || tab.Label.Values != nil {
		t.Errorf("label = %+v, want none", tab.Label)
	}
	if rep.Customers != 3 || rep.Later != 0 || rep.Positives != 0 || rep.HorizonDays != 0 || rep.HorizonTruncated ||
		rep.ShortHistory != 3 || !slices.Equal(rep.Short, []bool{true, true, true}) {
		t.Errorf("report = %+v", rep)
	}
	if got := tab.Column("frequency").Values; !slices.Equal(got, []float64{3, 1, 1}) {
		t.Errorf("frequency = %v", got)
	}
	if got := tab.Column("recency_days").Values; !slices.Equal(got, []float64{0, 36, 5}) {
		t.Errorf("recency_days = %v", got)
	}
}

// At a cutoff both accept, the rows are BuildCohort's, column for column.
func TestBuildCurrentMatchesBuildCohort(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cur, crep, err := BuildCurrent(log, ymd(2010, 12, 31), CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	coh, hrep, err := BuildCohort(log, ymd(2010, 12, 31), 30)
	if err != nil {
		t.Fatal(err)
	}
	if len(cur.Columns) != len(coh.Columns) || crep.Customers != hrep.Customers || !slices.Equal(crep.Short, hrep.Short) {
		t.Fatalf("current %+v, cohort %+v", crep, hrep)
	}
	for i, c := range cur.Columns {
		d := coh.Columns[i]
		if c.Name != d.Name || !slices.Equal(c.Values, d.Values) || !slices.Equal(c.Strings, d.Strings) {
			t.Errorf("column %d: %s %v %v, cohort %s %v %v", i, c.Name, c.Values, c.Strings, d.Name, d.Values, d.Strings)
		}
	}
}

// A customer first seen 90 days or more before the cutoff is not short,
// however few their orders; one first seen 89 days before is.
func TestBuildCurrentShortHistory(t *testing.T) {
	const csv = "user,date\nold,2020-01-01\nedge,2020-01-02\nnew,2020-03-01\nnew,2020-03-20\nend,2020-03-31\n"
	log, err := ReadOrderLog(strings.NewReader(csv), "s.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// 2020-03-31 is 90 days after 2020-01-01 (a leap year) and 89 after
	// 2020-01-02.
	tab, rep, err := BuildCurrent(log, ymd(2020, 3, 31), CohortOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.IDs(); !slices.Equal(got, []string{"old", "edge", "new", "end"}) {
		t.Fatalf("ids = %v", got)
	}
	if !slices.Equal(rep.Short, []bool{false, true, true, true}) || rep.ShortHistory != 3 {
		t.Errorf("short = %v (%d)", rep.Short, rep.ShortHistory)
	}
}

func TestBuildCurrentBounds(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(retailLog), "retail.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		y, m, d int
		want    string
	}{
		{2010, 11, 30, "cutoff or horizon out of range: retail.csv: cutoff 2010-11-30 is outside the log's dates 2010-12-01 .. 2011-01-10"},
		{2011, 1, 11, "cutoff or horizon out of range: retail.csv: cutoff 2011-01-11 is outside the log's dates 2010-12-01 .. 2011-01-10"},
	} {
		_, _, err := BuildCurrent(log, ymd(tc.y, 1, 1).AddDate(0, tc.m-1, tc.d-1), CohortOptions{})
		if !errors.Is(err, ErrCutoff) || err.Error() != tc.want {
			t.Errorf("cutoff %v: %v", tc, err)
		}
	}
}
