package data

import (
	"fmt"
	"strings"
	"testing"
)

// weakLog writes n month-first dates that fit either order (month m and
// day d of 1..5, m/d/2011) and then the lines of extra.
func weakLog(n int, extra ...string) string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range n {
		fmt.Fprintf(&b, "c%d,%d/%d/2011,5\n", i, i/5%5+1, i%5+1)
	}
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	return b.String()
}

// One date among 25 with a first number above 12 decides day first, with
// a warning that says so and what month first would give (review 38 #9).
// By hand: the 25 dates m/d/2011 (m, d in 1..5) read day first run
// 2011-01-01 .. 2011-05-05, and with 13/6/2011 (2011-06-13) to 06-13;
// read month first they run 2011-01-01 .. 2011-05-05 too.
func TestWeakDateOrderWarns(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(weakLog(25, "x,13/6/2011,5")), "w.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.DateOrder != DateDMY {
		t.Fatalf("order %v, want dmy", log.DateOrder)
	}
	w := log.WeakDateOrder()
	if w == nil {
		t.Fatal("no warning for a date order shown by 1 line of 26")
	}
	const want = `w.csv: the dates written with the year last were all read day first (day/month/year) because only 1 date of 26 ("13/6/2011" at line 27) can be nothing else: ` +
		`read so they run 2011-01-01 .. 2011-06-13, read month first (month/day/year) the others would run 2011-01-01 .. 2011-05-05; ` +
		`if it is a typo, give the order with --date-order mdy (or --date-order dmy to keep this reading)`
	if got := w.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// Two among 252 (under 1 %): weak, said in the plural.
	log, err = ReadOrderLog(strings.NewReader(weakLog(250, "x,13/6/2011,5", "y,14/6/2011,5")), "w.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if w := log.WeakDateOrder(); w == nil || !strings.Contains(w.String(), `only 2 dates of 252 (the first "13/6/2011" at line 252) can be nothing else`) ||
		!strings.Contains(w.String(), "if they are typos") {
		t.Errorf("two of 252: %v", w)
	}
}

// Broad evidence keeps the reading without a warning: one line of 11
// (under 20 dates), 3 of 253 (over 1 %), and an order given.
func TestWeakDateOrderBroadEvidence(t *testing.T) {
	for name, text := range map[string]string{
		"1 of 11":  weakLog(10, "x,13/6/2011,5"),
		"3 of 253": weakLog(250, "x,13/6/2011,5", "y,14/6/2011,5", "z,15/6/2011,5"),
	} {
		log, err := ReadOrderLog(strings.NewReader(text), "w.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if log.DateOrder != DateDMY || log.WeakDateOrder() != nil {
			t.Errorf("%s: order %v, warning %v; want dmy, none", name, log.DateOrder, log.WeakDateOrder())
		}
	}
	log, err := ReadOrderLog(strings.NewReader(weakLog(25, "x,13/6/2011,5")), "w.csv", LogOptions{DateOrder: DateDMY})
	if err != nil || log.WeakDateOrder() != nil {
		t.Errorf("order given: %v, %v", err, log.WeakDateOrder())
	}
}
