package data

import (
	"math"
	"strings"
	"testing"
)

// dateTable reads a two-row-per-cell table: column d holds cells, churn
// alternates yes/no.
func dateTable(t *testing.T, cells ...string) *Column {
	t.Helper()
	var b strings.Builder
	b.WriteString("d,x,churn\n")
	for i, c := range cells {
		b.WriteString(c + "," + []string{"1", "2", "3"}[i%3] + "," + []string{"yes", "no"}[i%2] + "\n")
	}
	tab := mustRead(t, b.String(), CSVOptions{Label: "churn"})
	return tab.Column("d")
}

// The day numbers below are days since 1970-01-01, computed with Python's
// datetime: (date(2023, 1, 5) - date(1970, 1, 1)).days is 19362.
func TestDateColumnsAreDayNumbers(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name  string
		cells []string
		order DateOrder
		want  []float64
	}{
		{"iso", []string{"2023-01-05", "", "2023-02-10"}, DateAuto, []float64{19362, nan, 19398}},
		{"iso date-times", []string{"2023-01-05T10:00:00Z", "2023-01-06 08:30:00+08:00", "2023-02-10T23:59:59"},
			DateAuto, []float64{19362, 19363, 19398}},
		{"chinese", []string{"2023年1月5日", "2023年2月10日"}, DateAuto, []float64{19362, 19398}},
		{"slashes year first", []string{"2023/01/05", "2023/2/10"}, DateAuto, []float64{19362, 19398}},
		// 13/1/2023 can only be day first: 2/1/2023 is then 2 January.
		{"day first", []string{"13/1/2023", "2/1/2023", "5/1/2023"}, DateDMY, []float64{19370, 19359, 19362}},
		// 1/13/2023 can only be month first: 2/1/2023 is then 1 February.
		{"month first", []string{"1/13/2023", "2/1/2023", "1/5/2023 10:30"}, DateMDY, []float64{19370, 19389, 19362}},
		{"iso and day first", []string{"2023-01-05", "13/1/2023"}, DateDMY, []float64{19362, 19370}},
	}
	for _, c := range cases {
		col := dateTable(t, c.cells...)
		if col.Kind != Numeric || !col.Date || col.DateOrder != c.order || !sameFloats(col.Values, c.want) {
			t.Errorf("%s: kind %v, date %v, order %v, values %v; want numeric dates read %v, %v",
				c.name, col.Kind, col.Date, col.DateOrder, col.Values, c.order, c.want)
		}
	}
}

func TestDateColumnsThatStayText(t *testing.T) {
	cases := []struct {
		name  string
		cells []string
		kind  Kind
		note  string
	}{
		{"ambiguous year last", []string{"1/2/2023", "3/4/2023", "5/6/2023"}, Categorical,
			`dates written with the year last ("1/2/2023") that cannot tell day from month: none has a first or second number above 12; ` +
				`give the date order (--date-order dmy or mdy) to read them as dates`},
		{"mixed orders", []string{"13/1/2023", "1/13/2023", "5/6/2023"}, Categorical,
			`dates written with the year last that mix day first ("13/1/2023") and month first ("1/13/2023"); ` +
				`write them all one way (YYYY-MM-DD) to read them as dates`},
		{"one cell not a date", []string{"2023-01-05", "soon", "2023-02-10"}, Categorical, ""},
		{"no calendar date", []string{"2023-02-30", "2023-02-10"}, Categorical, ""},
		{"day first that is no date", []string{"13/1/2023", "31/2/2023"}, Categorical, ""},
	}
	for _, c := range cases {
		col := dateTable(t, c.cells...)
		if col.Kind != c.kind || col.Date || col.Note != c.note {
			t.Errorf("%s: kind %v, date %v, note %q; want %v, not dates, note %q", c.name, col.Kind, col.Date, col.Note, c.kind, c.note)
		}
	}
	// Numbers stay numbers, even those that could be dates.
	if col := dateTable(t, "20230105", "20230210", "20230301"); col.Kind != Numeric || col.Date {
		t.Errorf("YYYYMMDD numbers: kind %v, date %v; want numeric, not dates", col.Kind, col.Date)
	}
	// One day is a constant, written as a date.
	if col := dateTable(t, "2023-01-05", "2023-01-05 10:00", ""); col.Kind != Constant || col.Levels[0] != "2023-01-05" {
		t.Errorf("one day: kind %v, levels %q; want constant 2023-01-05", col.Kind, col.Levels)
	}
}

// Too many ambiguous dates to be a category: the "not a feature" note says
// the dates cannot tell their order, and how to give it.
func TestAmbiguousDatesNoteWhy(t *testing.T) {
	var cells []string
	for m := 1; m <= 12; m++ {
		for d := 1; d <= 12; d++ {
			date := strings.Join([]string{itoa(d), itoa(m), "2023"}, "/")
			cells = append(cells, date, date) // repeated: not an identifier
		}
	}
	col := dateTable(t, cells...)
	tab := &Table{Source: "t.csv", Columns: []*Column{col}}
	notes := LoadNotes(tab)
	want := `t.csv: column "d" is not a feature: text with too many levels to be a category (144 distinct values, more than the 50 a categorical column may have; ` +
		`dates written with the year last ("1/1/2023") that cannot tell day from month: none has a first or second number above 12; ` +
		`give the date order (--date-order dmy or mdy) to read them as dates)`
	if len(notes) != 1 || notes[0] != want {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

func itoa(n int) string { return formatNumber(float64(n)) }
