package data

import (
	"strings"
	"testing"
)

// The form a log's dates were written in, which the SQL export needs to
// read the orders table the same way: each column below, read as a log,
// and the form the forms' definitions give it (worked out by hand from
// the cells).
func TestOrderLogTimeForm(t *testing.T) {
	for _, c := range []struct {
		name  string
		dates []string
		want  TimeForm
	}{
		{"iso", []string{"2019-10-01", "2019-10-02 00:28:07 UTC", "2019-10-03T08:00:00Z"}, TimeISO},
		{"compact", []string{"19970101", "19970102"}, TimeCompact},
		{"unix", []string{"1569888000", "1569974400000"}, TimeUnix},
		{"ymd", []string{"2010/12/1 8:26", "2010.12.02", "2010-1-5"}, TimeYMD},
		{"ymd and iso", []string{"2010-12-01", "2010/12/1"}, TimeYMD},
		{"iso and ymd", []string{"2010/12/1", "2010-12-01"}, TimeYMD},
		// 13/12/2010 shows the day comes first; 12/13/2010 the month.
		{"dmy", []string{"1/12/2010 8:26", "13.12.2010", "01-01-2011"}, TimeDMY},
		{"mdy", []string{"12/1/2010 8:26", "12/13/2010 07:19:32 PM", "1/2/2011"}, TimeMDY},
		{"month names", []string{"1 Dec 2010", "05-Jan-2011"}, TimeOther},
		{"chinese", []string{"2010年12月1日", "2010年12月2日"}, TimeOther},
		{"iso and compact", []string{"2010-12-01", "20101202"}, TimeMixed},
		{"dmy and iso", []string{"13/12/2010", "2010-12-14"}, TimeMixed},
	} {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("customer,date,amount\n")
			for i, d := range c.dates {
				b.WriteString("c" + string(rune('a'+i)) + "," + d + ",10\n")
			}
			log, err := ReadOrderLog(strings.NewReader(b.String()), "f.csv", LogOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := log.TimeForm(); got != c.want {
				t.Errorf("form %q, want %q", got, c.want)
			}
		})
	}
}

// Every form the SQL export can be told (--time-format) is read back by
// its name, in any case; the others are not.
func TestParseTimeForm(t *testing.T) {
	for _, f := range TimeForms() {
		if g, ok := ParseTimeForm(" " + strings.ToUpper(string(f)) + " "); !ok || g != f {
			t.Errorf("ParseTimeForm(%q) = %q, %v", f, g, ok)
		}
	}
	for _, s := range []string{"other", "mixed", "", "dd/mm/yyyy"} {
		if g, ok := ParseTimeForm(s); ok {
			t.Errorf("ParseTimeForm(%q) = %q, want refused", s, g)
		}
	}
}
