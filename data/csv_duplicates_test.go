package data

import (
	"slices"
	"strings"
	"testing"
)

func TestRenameDuplicates(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a,b,a,a", "a|b|a (2)|a (3)"},
		{"a,a (2),a", "a|a (2)|a (3)"}, // "a (2)" is taken by column 2
		{"a,a,a (2)", "a|a (3)|a (2)"}, // and here by column 3
		{"x,x,x (3),x", "x|x (2)|x (3)|x (4)"},
		{"a,b,c", "a|b|c"},
	}
	for _, c := range cases {
		header := strings.Split(c.in, ",")
		renamed := renameDuplicates(header)
		if got := strings.Join(header, "|"); got != c.want {
			t.Errorf("%s: %s, want %s", c.in, got, c.want)
		}
		if c.in == "a,b,c" && renamed != nil {
			t.Errorf("%s: renamed %+v", c.in, renamed)
		}
	}
	header := []string{"a", "b", "a"}
	if got := renameDuplicates(header); !slices.Equal(got, []RenamedColumn{{Column: 3, First: 1, Header: "a", Name: "a (2)"}}) {
		t.Errorf("renamed %+v", got)
	}
}

// A table whose header names "visits" twice (as euro.csv of review 10
// does "Besuche") loads, the second read as "visits (2)" and said so; a
// file with the same header read without a label (rows to score) gets the
// same names.
func TestDuplicateHeaderNamesAreRenamed(t *testing.T) {
	text := "id,visits,churn,visits\nu1,1,yes,7\nu2,2,no,8\nu3,3,no,9\n"
	tab := mustRead(t, text, CSVOptions{})
	visits, second := tab.Column("visits"), tab.Column("visits (2)")
	if visits == nil || second == nil || !slices.Equal(visits.Values, []float64{1, 2, 3}) || !slices.Equal(second.Values, []float64{7, 8, 9}) {
		t.Fatalf("visits %+v, visits (2) %+v", visits, second)
	}
	note := `t.csv: columns 2 and 4 are both named "visits": column 4 is read as "visits (2)"`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
	rows := mustRead(t, text, CSVOptions{NoLabel: true})
	var names []string
	for _, c := range rows.Columns {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, "|"); got != "id|visits|churn|visits (2)" {
		t.Errorf("without a label: %s", got)
	}
	// The second named by the name it is read under is left out.
	ex := mustRead(t, text, CSVOptions{Exclude: []string{"visits (2)"}})
	if c := ex.Column("visits (2)"); c == nil || c.Kind != Numeric {
		t.Errorf("excluded visits (2): %+v", c)
	}
}

// A name several columns share, named as the label or as a column to
// leave out (in any case, as those are matched), is refused: which column
// is meant cannot be told.
func TestSharedNamesNamedAreRefused(t *testing.T) {
	text := "id,visits,churn,visits\nu1,1,yes,7\nu2,2,no,8\n"
	how := `which one is meant is not clear; name column 4 "visits (2)", as it is read, or give the columns different names in the header`
	cases := []struct {
		opts CSVOptions
		want string
	}{
		{CSVOptions{Label: "Visits"}, `t.csv:1:4: columns 2 and 4 are both named "visits" and the label is named so: ` + how},
		{CSVOptions{Exclude: []string{"id", " visits "}}, `t.csv:1:4: columns 2 and 4 are both named "visits" and a column to leave out is named so: ` + how},
	}
	for _, c := range cases {
		if _, err := readString(text, c.opts); err == nil || err.Error() != c.want {
			t.Errorf("%+v: err = %v\nwant %s", c.opts, err, c.want)
		}
	}
}

// A log column named with --log-columns that two columns share is
// refused, saying how to name it by number; so named, the log reads.
func TestSharedLogColumnNamed(t *testing.T) {
	text := "customer,date,amount,date\nA,2020-01-05,5,2020-02-01\nA,2020-03-05,6,2020-04-01\n"
	_, err := ReadOrderLog(strings.NewReader(text), "log.csv", LogOptions{Columns: LogColumns{Time: "Date"}})
	want := `log.csv:1:4: columns 2 and 4 are both named "date", given for the date: which one is meant is not clear; ` +
		"name it by its number (--log-columns time=2 or time=4)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	log, err := ReadOrderLog(strings.NewReader(text), "log.csv", LogOptions{Columns: LogColumns{Time: "4"}})
	if err != nil || dayTime(log.Orders[0].Day).Format("2006-01-02") != "2020-02-01" {
		t.Errorf("time=4: %v", err)
	}
}
