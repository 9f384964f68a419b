package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/internal/shareddata"
)

// cdnowAsCSV writes CDNOW master as a CSV log with its dates written by
// layout (Go's time layout), keeping the lines whose date keep accepts, and
// returns its path. It reads the file without package data.
func cdnowAsCSV(t *testing.T, dir, name, layout string, keep func(time.Time) bool) string {
	t.Helper()
	in, err := os.Open(cdnowMaster)
	if errors.Is(err, os.ErrNotExist) {
		shareddata.Missing(t, cdnowMaster, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var b strings.Builder
	b.WriteString("customer_id,date,number_of_cds,dollar_value\n")
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 4 || f[1] == "date" {
			continue
		}
		day, err := time.Parse("20060102", f[1])
		if err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		if keep(day) {
			fmt.Fprintf(&b, "%s,%s,%s,%s\n", f[0], day.Format(layout), f[2], f[3])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A log whose dates are written month first (1/2/1997 for 2 January) is
// read as the same log written year first: the 13th of a month shows the
// order. The model records it, inspect says it, and a later log whose own
// dates cannot show it is read in the model's order.
func TestLogDatesWrittenMonthFirst(t *testing.T) {
	dir := t.TempDir()
	all := func(time.Time) bool { return true }
	iso := cdnowAsCSV(t, dir, "iso.csv", "2006-01-02", all)
	us := cdnowAsCSV(t, dir, "us.csv", "1/2/2006", all)
	notes := map[string]string{}
	train := func(log string) string {
		model := strings.TrimSuffix(log, ".csv") + ".json"
		c := newCLI(t)
		if code := c.run(context.Background(), "train", "--log", log, "--cutoff", "1997-06-30", "--horizon", "90d",
			"--epochs", "2", "--out", model); code != exitOK {
			t.Fatalf("train %s: exit %d, stderr %q", log, code, c.stderr.String())
		}
		notes[log] = c.stderr.String()
		return model
	}
	predict := func(model, log string, extra ...string) (string, int, string) {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"predict", "--model", model, "--log", log, "--cutoff", "1997-12-31"}, extra...)...)
		return c.stdout.String(), code, c.stderr.String()
	}
	isoModel, usModel := train(iso), train(us)
	// The first date past the 12th in CDNOW master is 19970330, on its line
	// 6 (after its header line, as in the CSV; awk 'NR>1 && substr($2,7,2)+0>12').
	const note = `; dates written with the year last read month first (month/day/year), as "3/30/1997" at line 6 shows`
	if !strings.Contains(notes[us], note) || strings.Contains(notes[iso], "dates written with the year last") {
		t.Errorf("train's notes do not say how the month-first log's dates were read:\n%s", notes[us])
	}
	isoOut, code, stderr := predict(isoModel, iso)
	if code != exitOK {
		t.Fatalf("predict iso: exit %d, %s", code, stderr)
	}
	usOut, code, stderr := predict(usModel, us)
	if code != exitOK {
		t.Fatalf("predict us: exit %d, %s", code, stderr)
	}
	if isoOut != usOut || strings.Count(usOut, "\n") < 1000 {
		t.Errorf("the month-first log scores differently from the year-first one (%d and %d bytes)", len(usOut), len(isoOut))
	}

	inspect := func(model string) string {
		c := newCLI(t)
		if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
			t.Fatalf("inspect: exit %d, %s", code, c.stderr.String())
		}
		return c.stdout.String()
	}
	const line = "Its dates were written with the year last, month first (month/day/year) (--date-order mdy)"
	if !strings.Contains(inspect(usModel), line) || strings.Contains(inspect(isoModel), "Its dates were written") {
		t.Errorf("inspect does not say the date order of the month-first log's model alone")
	}

	// Only the first twelve days of each month up to 1997-12-31: nothing in
	// the log shows the order.
	short := cdnowAsCSV(t, dir, "short.csv", "1/2/2006", func(d time.Time) bool {
		return d.Day() <= 12 && d.Before(time.Date(1998, 1, 1, 0, 0, 0, 0, time.UTC))
	})
	fallback, code, stderr := predict(usModel, short, "--cutoff", "1997-12-12")
	if code != exitOK {
		t.Errorf("the month-first model on a log that cannot show the order: exit %d, %s", code, stderr)
	}
	given, _, _ := predict(usModel, short, "--cutoff", "1997-12-12", "--date-order", "mdy")
	if fallback != given || strings.Count(given, "\n") < 1000 {
		t.Errorf("the model's order and --date-order mdy score the log differently (%d and %d bytes)", len(fallback), len(given))
	}
	_, code, stderr = predict(isoModel, short)
	want := `retain: ` + short + `:2:2: ambiguous date "1/1/1997": day/month/year or month/day/year? no date in the log has a number above 12 to tell; give the date order (--date-order dmy or mdy)` + "\n"
	if code != exitUsage || stderr != want {
		t.Errorf("the year-first model on it: exit %d, stderr %q\nwant %q", code, stderr, want)
	}
	if _, code, stderr := predict(isoModel, short, "--cutoff", "1997-12-12", "--date-order", "mdy"); code != exitOK {
		t.Errorf("--date-order mdy: exit %d, %s", code, stderr)
	}
	mustRefuse(t, []string{"predict", "--model", isoModel, "--data", iso, "--date-order", "mdy"},
		"retain: --date-order applies to --log here: a model reads --data's dates written with the year last in the order it was trained with (retain inspect says it)\n")
	mustRefuse(t, []string{"cohorts", "--log", us, "--date-order", "ymd"},
		`retain: --date-order: date order "ymd": want dmy (day/month/year) or mdy (month/day/year)`+"\n")
}

// TestLogDateInNeitherOrder: a log of ISO dates with one mistyped
// "13/45/2010 10:00" (no month is 13 or 45) is refused at that date as
// invalid on the first run; it was called ambiguous, with advice to give
// the date order, after which the second run refused it as invalid.
func TestLogDateInNeitherOrder(t *testing.T) {
	path := writeFile(t, "orders.csv", "customer,date,amount\na,2010-01-05,5\nb,2010-01-06,3\nb,13/45/2010 10:00,2\n")
	want := `retain: ` + path + `:4:2: invalid calendar date "13/45/2010 10:00"` + "\n"
	mustRefuse(t, []string{"cohorts", "--log", path}, want)
	mustRefuse(t, []string{"cohorts", "--log", path, "--date-order", "dmy"}, want)
}
