package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// futureLog is a log of February 2020 with one line whose year was
// mistyped (2101), read on 2024-06-01: its last date is 2101-01-01, its
// last date up to today (LastKnown) 2020-02-28.
const futureLog = "customer,date,amount\na,2020-02-01,10\nb,2020-02-03,10\na,2020-02-20,10\nb,2020-02-28,10\nc,2101-01-01,10\n"

func readFutureLog(t *testing.T) *OrderLog {
	t.Helper()
	log, err := ReadOrderLog(strings.NewReader(futureLog), "f.csv", LogOptions{Today: ymd(2024, 6, 1)})
	if err != nil {
		t.Fatal(err)
	}
	return log
}

// TestLabelWindowKeepsToTheLastDateUpToToday: a line dated after today
// hides no label window that runs past the orders there are, as it moves
// no default cutoff: the window is checked against LastKnown.
func TestLabelWindowKeepsToTheLastDateUpToToday(t *testing.T) {
	log := readFutureLog(t)
	// 2020-02-25 + 7 days = 2020-03-03, after 2020-02-28 (and before 2101).
	_, rep, err := BuildCohort(log, ymd(2020, 2, 25), 7)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.HorizonTruncated || !rep.LastKnown.Equal(ymd(2020, 2, 28)) || !rep.Last.Equal(ymd(2101, 1, 1)) {
		t.Errorf("truncated %v, last known %v, last %v; want true, 2020-02-28, 2101-01-01", rep.HorizonTruncated, rep.LastKnown, rep.Last)
	}
	if want := "2 customers, 1 order again within 7 days (50.0 %), cutoff 2020-02-25; log 2020-02-01 .. 2101-01-01: 5 lines, 5 orders, 0 cancelled, " +
		"0 without a customer id; 1 customer first ordered after the cutoff; the horizon runs past the log's last date up to today, 2020-02-28"; rep.String() != want {
		t.Errorf("report\n got %s\nwant %s", rep, want)
	}
	// 2020-02-21 + 7 = 2020-02-28: the window ends on the last date up to today.
	if _, rep, err := BuildCohort(log, ymd(2020, 2, 21), 7); err != nil || rep.HorizonTruncated {
		t.Errorf("covered window: %v, truncated %v", err, rep.HorizonTruncated)
	}
	// A cutoff refused names the range of cutoffs up to today.
	for _, c := range []struct {
		cutoff  string
		horizon int
		want    string
	}{
		{"2101-01-01", 7, "cutoff or horizon out of range: f.csv: cutoff 2101-01-01 is on or after the log's last date 2101-01-01, so no order after it can label the customers; " +
			"choose a cutoff from 2020-02-01 to 2020-02-21, so that its 7-day label window ends by the last date up to today, 2020-02-28"},
		{"2020-01-01", 60, "cutoff or horizon out of range: f.csv: cutoff 2020-01-01 is before the log's first date 2020-02-01, so no customer has any history; " +
			"the log up to today (2020-02-01 .. 2020-02-28) is shorter than the 60-day label window, so choose a shorter horizon"},
	} {
		cutoff, _ := time.Parse(time.DateOnly, c.cutoff)
		_, _, err := BuildCohort(log, cutoff, c.horizon)
		if !errors.Is(err, ErrCutoff) || err.Error() != c.want {
			t.Errorf("cutoff %s:\n got %v\nwant %s", c.cutoff, err, c.want)
		}
	}
}
