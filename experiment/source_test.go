package experiment

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// stringOpener serves one file's content under any name.
func stringOpener(content string) Opener {
	return func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(content)), nil }
}

func TestFutureDatedOrdersDoNotMoveTheDefaultCutoff(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for day := 1; day <= 28; day++ {
		for c := range 4 {
			if (day+c)%3 == 0 {
				b.WriteString(string(rune('a'+c)) + ",2020-02-" + twoDigits(day) + ",10\n")
			}
		}
	}
	b.WriteString("a,2099-01-01,5\nb,2099-06-30,5\n")
	now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
	d, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 7}, stringOpener(b.String()), now)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Source.Cutoff.Format(time.DateOnly); got != "2020-02-21" {
		t.Errorf("cutoff %s, want 2020-02-21 (2020-02-28 minus 7 days)", got)
	}
	want := []string{"warning: orders.csv: 2 of 39 lines are dated after today (2024-06-01); the log's dates run 2020-02-01 .. 2099-06-30; " +
		"the default cutoff ignores them (it is the last date up to today, 2020-02-28, minus the horizon)",
		"warning: " + historyText(21, "2020-02-21"),
		"note: orders.csv: columns read: customer id = customer, date = date, amount = amount",
		"note: orders.csv: features made from the log (feature set 3, windows 30/90 days, trend 30 days): recency_days, frequency, " +
			"monetary_total, monetary_avg, tenure_days, orders_30d, orders_90d, interval_mean_days, interval_std_days, spend_trend",
		"note: orders.csv: features not made: distinct_items (the log has no item column); basket_size_avg (the log has " +
			"neither a quantity nor an item column); cancel_share (the log shows no cancellations)",
		`note: orders.csv: column "customer" is not a feature: an identifier`}
	if got := d.Notes(); !slices.Equal(got, want) {
		t.Errorf("notes\n got %q\nwant %q", got, want)
	}
	f, ok := d.Warnings[0].(*FutureWarning)
	if !ok || f.Future != 2 || f.Lines != 39 || !f.DefaultCutoff || f.LastUpToToday.Format(time.DateOnly) != "2020-02-28" ||
		f.Last.Format(time.DateOnly) != "2099-06-30" || f.Name != "orders.csv" {
		t.Errorf("structured warning %#v", d.Warnings[0])
	}
	// A cutoff given by the user is kept; the warning stays.
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 7, Cutoff: time.Date(2020, 2, 10, 0, 0, 0, 0, time.UTC)}
	d, err = LoadAt(src, stringOpener(b.String()), now)
	if err != nil || len(d.Warnings) != 2 || strings.Contains(d.Warnings[0].String(), "default cutoff") || d.Warnings[1].String() != historyText(10, "2020-02-10") {
		t.Errorf("given cutoff: %v %q", err, warningTexts(d))
	}
}

// warningTexts is the English of d's warnings.
func warningTexts(d *Data) []string {
	var out []string
	for _, w := range d.Warnings {
		out = append(out, w.String())
	}
	return out
}

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestHorizonOutOfRangeIsRefusedBeforeAnyDate(t *testing.T) {
	_, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 99999999999}, stringOpener("customer,date\na,2020-01-01\n"), time.Now())
	want := "cutoff or horizon out of range: orders.csv: horizon of 99,999,999,999 days (want 1 to 3,650)"
	if err == nil || err.Error() != want || !errors.Is(err, data.ErrCutoff) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

func TestLabelWindowPastTheLogsEndIsWarned(t *testing.T) {
	log := "customer,date,amount\na,2020-02-01,10\nb,2020-02-03,10\na,2020-02-20,10\nb,2020-02-28,10\n"
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 7, Cutoff: time.Date(2020, 2, 25, 0, 0, 0, 0, time.UTC)}
	d, err := LoadAt(src, stringOpener(log), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// 2020-02-25 + 7 days = 2020-03-03, past the last order on 2020-02-28;
	// the latest cutoff the log covers is 2020-02-28 - 7 days = 2020-02-21.
	want := []string{`orders.csv: the label window 2020-02-25 .. 2020-03-03 runs past the log's last date 2020-02-28: orders after it are unseen, ` +
		`so some customers who will order again are labelled "no"; choose a cutoff on or before 2020-02-21`, historyText(25, "2020-02-25")}
	if got := warningTexts(d); !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
	wantW := WindowWarning{Path: "orders.csv", Cutoff: time.Date(2020, 2, 25, 0, 0, 0, 0, time.UTC),
		End: time.Date(2020, 3, 3, 0, 0, 0, 0, time.UTC), First: time.Date(2020, 2, 1, 0, 0, 0, 0, time.UTC),
		Last: time.Date(2020, 2, 28, 0, 0, 0, 0, time.UTC), Latest: time.Date(2020, 2, 21, 0, 0, 0, 0, time.UTC), Negative: "no"}
	if w, ok := d.Warnings[0].(*WindowWarning); !ok || *w != wantW {
		t.Errorf("structured warning %#v, want %#v", d.Warnings[0], wantW)
	}
	// A window the log covers is not warned about (its short history is).
	src.Cutoff = time.Date(2020, 2, 21, 0, 0, 0, 0, time.UTC)
	if d, err = LoadAt(src, stringOpener(log), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)); err != nil ||
		!slices.Equal(warningTexts(d), []string{historyText(21, "2020-02-21")}) {
		t.Errorf("covered window: %v %q", err, warningTexts(d))
	}
}

// TestLabelWindowPastTheLastDateUpToTodayIsWarned: one line dated after
// today (a mistyped year 2101) does not hide a label window that runs past
// the orders up to today: the warning and CompleteLabels' refusal count
// from the last date up to today (2020-02-28), as the default cutoff does.
func TestLabelWindowPastTheLastDateUpToTodayIsWarned(t *testing.T) {
	log := "customer,date,amount\na,2020-02-01,10\nb,2020-02-03,10\na,2020-02-20,10\nb,2020-02-28,10\nc,2101-01-01,10\n"
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 7, Cutoff: time.Date(2020, 2, 25, 0, 0, 0, 0, time.UTC)}
	d, err := LoadAt(src, stringOpener(log), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// 2020-02-25 + 7 days = 2020-03-03; 2020-02-28 - 7 days = 2020-02-21.
	want := []string{"orders.csv: 1 of 5 lines is dated after today (2024-06-01); the log's dates run 2020-02-01 .. 2101-01-01",
		`orders.csv: the label window 2020-02-25 .. 2020-03-03 runs past the log's last date up to today 2020-02-28: orders after it are unseen, ` +
			`so some customers who will order again are labelled "no"; choose a cutoff on or before 2020-02-21`, historyText(25, "2020-02-25")}
	if got := warningTexts(d); !slices.Equal(got, want) {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
	wantErr := "orders.csv ends, up to today, 2020-02-28: a 7-day label from cutoff 2020-02-25 needs orders up to 2020-03-03; choose a cutoff on or before 2020-02-21"
	if err := CompleteLabels(d); err == nil || err.Error() != wantErr || !errors.Is(err, ErrSource) {
		t.Errorf("CompleteLabels\n got %v\nwant %s", err, wantErr)
	}
}

// TestDescribeALogBeforeItIsLoaded: a log source given no cutoff or
// horizon (as `retain serve --log` prints it before loading) names the
// default cutoff and the default horizon, not the zero date and 0 days.
func TestDescribeALogBeforeItIsLoaded(t *testing.T) {
	for _, c := range []struct {
		src  Source
		want string
	}{
		{Source{Kind: "log", Path: "o.csv"}, "o.csv (order log, default cutoff (the last date minus the horizon), horizon 30 days)"},
		{Source{Kind: "log", Path: "o.csv", Cutoff: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), HorizonDays: 60},
			"o.csv (order log, cutoff 2020-01-02, horizon 60 days)"},
		// A model file that did not store the path: one bracket.
		{Source{Kind: "log", Cutoff: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC), HorizonDays: 60},
			"an order log (path not stored; cutoff 2020-01-02, horizon 60 days)"},
	} {
		if got := c.src.Describe(); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}

// TestDayNumberLogIsRecordedAndSaid: a log whose DAY column holds day
// numbers loads with the default cutoff in the same units (last day 90,
// 1970-04-01, minus a 7-day horizon: 1970-03-25), records that its dates
// were day numbers (the SQL export refuses such a model) and says so
// (the first order is on day 2, 1970-01-03: on day 1 no (1+c)%5 is 0).
func TestDayNumberLogIsRecordedAndSaid(t *testing.T) {
	var b strings.Builder
	b.WriteString("household_key,DAY,SALES_VALUE\n")
	for day := 1; day <= 90; day++ {
		for c := range 4 {
			if (day+c)%5 == 0 {
				b.WriteString(string(rune('a'+c)) + "," + strconv.Itoa(day) + ",10\n")
			}
		}
	}
	d, err := LoadAt(Source{Kind: "log", Path: "t.csv", HorizonDays: 7}, stringOpener(b.String()), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Source.DayNumbers || d.Source.Cutoff.Format(time.DateOnly) != "1970-03-25" {
		t.Errorf("day numbers %v, cutoff %v", d.Source.DayNumbers, d.Source.Cutoff)
	}
	want := "note: t.csv: column DAY holds day numbers, not dates: day n is read as n days after 1970-01-01, so the dates " +
		"shown (1970-01-03 .. 1970-04-01) are not calendar dates; give cutoffs the same way"
	if !slices.Contains(d.Notes(), want) {
		t.Errorf("notes %q lack %q", d.Notes(), want)
	}
}

// historyText is the HistoryWarning of orders.csv, whose log starts on
// 2020-02-01, at a cutoff days days later (both counted).
func historyText(days int, cutoff string) string {
	return "orders.csv: " + data.Count(days, "day", "days") + " of history up to the cutoff " + cutoff + " (from 2020-02-01), " +
		"less than the 90-day feature window: orders_90d, tenure_days, recency_days and the order intervals are truncated for every customer"
}

// TestHorizonLongerThanTheLogIsSaid: a horizon longer than the log's span
// suggests no cutoff before the log starts (review21 finding 6: "choose a
// cutoff on or before 1995-10-04" for a log starting 1997-01-01); it says
// no cutoff fits. 2020-02-01 .. 2020-02-28 is 27 days; 2020-02-25 + 100
// days is 2020-06-04 (by hand).
func TestHorizonLongerThanTheLogIsSaid(t *testing.T) {
	log := "customer,date,amount\na,2020-02-01,10\nb,2020-02-03,10\na,2020-02-20,10\nb,2020-02-28,10\n"
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 100, Cutoff: time.Date(2020, 2, 25, 0, 0, 0, 0, time.UTC)}
	d, err := LoadAt(src, stringOpener(log), time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := `orders.csv: the label window 2020-02-25 .. 2020-06-04 runs past the log's last date 2020-02-28: orders after it are unseen, ` +
		`so some customers who will order again are labelled "no"; no cutoff fits: the log spans 27 days (2020-02-01 .. 2020-02-28) ` +
		`and the horizon is 100 days; choose a horizon of at most 27 days`
	if got := warningTexts(d); len(got) == 0 || got[0] != want {
		t.Errorf("warnings\n got %q\nwant %q", got, want)
	}
}
