package cohortscreen

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestMoneyFormat: every amount of a table is written in the format its
// least and largest amounts choose (the finest in 6 cells); the figures
// are worked out by hand.
func TestMoneyFormat(t *testing.T) {
	for _, tc := range []struct {
		amounts []float64
		want    []string
	}{
		// The CDNOW week of 1996-12-30 (it read "39.0k 1997 2888").
		{[]float64{39014, 1997, 2888, 0}, []string{"39,014", "1,997", "2,888", "0"}},
		{[]float64{99999.4, 12}, []string{"99,999", "12"}},
		// 99,999.5 rounds to 100,000, 7 cells: every amount in k.
		{[]float64{99999.5, 12}, []string{"100.0k", "0.0k"}},
		{[]float64{318548, 61042, 940}, []string{"318.5k", "61.0k", "0.9k"}},
		{[]float64{1250000, 3000}, []string{"1,250k", "3k"}},
		{[]float64{12.5e6, 40000}, []string{"12.5M", "0.0M"}},
		// A refund's sign counts in the 6 cells; "-0.0k" is written 0.0k.
		{[]float64{-25000, 40, -0.2}, []string{"-25.0k", "0.0k", "0.0k"}},
		{[]float64{-250000, 40000, -20}, []string{"-250k", "40k", "0k"}},
	} {
		lo, hi := slices.Min(tc.amounts), slices.Max(tc.amounts)
		f := moneyFormatFor(math.Min(lo, 0), math.Max(hi, 0))
		var got []string
		for _, v := range tc.amounts {
			got = append(got, f.text(v))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: %q, want %q", tc.amounts, got, tc.want)
		}
	}
}

// cdnow reads CDNOW master, or skips when the shared data sets are absent
// (as TestGoldenCDNOW does).
func cdnow(t *testing.T) *data.OrderLog {
	t.Helper()
	path := filepath.Join("..", "..", "..", "shared", "datasets", "cdnow", "CDNOW_master.txt")
	f, err := os.Open(path)
	if err != nil {
		shareddata.Missing(t, path, err)
	}
	defer f.Close()
	log, err := data.ReadOrderLog(f, "CDNOW_master.txt", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// weeklyRevenue is the screen on log by week, showing revenue.
func weeklyRevenue(t *testing.T, c common.Common, log *data.OrderLog) Model {
	t.Helper()
	s := loaded(t, c, log, "CDNOW_master.txt")
	s, cmd := press(t, s, "p")
	s = feed(t, s, cmd())
	s, _ = press(t, s, "m")
	s, _ = press(t, s, "m")
	if s.Period() != data.ByWeek || s.Metric() != Revenue {
		t.Fatalf("period %v metric %v, want week and revenue", s.Period(), s.Metric())
	}
	return s
}

// TestGoldenCDNOWWeeklyRevenue: CDNOW's weekly revenue, every cell in one
// format (its largest weekly amount is under 100,000: whole amounts with
// thousands separators, as `retain cohorts --metric revenue` prints).
func TestGoldenCDNOWWeeklyRevenue(t *testing.T) {
	log := cdnow(t)
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, weeklyRevenue(t, c, log), c.Width, c.Height)
	})
}

// TestRevenueCellsAsTheCommandLine: the first weekly cohort's cells read
// as `retain cohorts --period week --metric revenue` writes them (rounded
// to whole amounts with thousands separators), from a triangle counted
// here with package data.
func TestRevenueCellsAsTheCommandLine(t *testing.T) {
	log := cdnow(t)
	r, err := data.CohortRetention(log, data.ByWeek)
	if err != nil {
		t.Fatal(err)
	}
	first := r.Cohorts[0]
	var want []string
	for _, cell := range first.Cells {
		want = append(want, data.Thousands(int(math.Round(cell.Revenue))))
	}
	for _, lang := range screentest.Langs {
		view := screentest.Render(weeklyRevenue(t, screentest.Common(lang, 80, 24), log), 80, 24)
		var got []string
		for _, line := range strings.Split(view, "\n") {
			// The first cohort is marked ^: it starts with the log.
			if f := strings.Fields(line); len(f) > 2 && f[0] == first.Label+"^" {
				for _, cell := range f[2:] {
					got = append(got, strings.TrimSuffix(cell, "*"))
				}
			}
		}
		if len(got) < 3 || !slices.Equal(got, want[:min(len(got), len(want))]) {
			t.Errorf("%s: cohort %s reads %q, want the start of %q\n%s", lang, first.Label, got, want, view)
		}
	}
}
