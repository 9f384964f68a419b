package data

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// ages returns a table of n rows with a numeric age, a text plan and a
// label, where set replaces the age of the given 1-based rows.
func ages(n int, set map[int]string) string {
	var b strings.Builder
	b.WriteString("plan,age,churn\n")
	for i := 1; i <= n; i++ {
		age := fmt.Sprint(20 + i%50)
		if v, ok := set[i]; ok {
			age = v
		}
		fmt.Fprintf(&b, "p%d,%s,%s\n", i%3, age, []string{"no", "yes"}[i%2])
	}
	return b.String()
}

func TestStrayCellInTheSampleIsAnError(t *testing.T) {
	cases := []struct {
		cell, want string
	}{
		{"abc", `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "abc"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
		{"inf", `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "inf"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
		{"1e400", `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "1e400"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
		{"2020-01-05", `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "2020-01-05"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
		// "1,234" is a number (TestGroupedThousands); "12,34" cannot group
		// thousands, and the error says it is written with a decimal comma.
		{`"12,34"`, `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "12,34" (written with a decimal comma, which only a semicolon-separated file reads); correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
		{`"3,5"`, `t.csv:51:2: column "age": expected a finite number (999 of its 1000 values in the first rows are numbers), got "3,5" (written with a decimal comma, which only a semicolon-separated file reads); correct such cells (a missing value may be left blank), or leave the column out with --exclude age`},
	}
	for _, c := range cases {
		_, err := readString(ages(1200, map[int]string{50: c.cell}), CSVOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotNumeric) {
			t.Errorf("%s: error\n got %v\nwant %s", c.cell, err, c.want)
		}
		// The same cell after the sample was already an error.
		_, err = readString(ages(1200, map[int]string{1100: c.cell}), CSVOptions{})
		want := `t.csv:1101:2: column "age": expected a finite number (the column's first rows are numeric), got ` +
			fmt.Sprintf("%q", strings.Trim(c.cell, `"`)) + spellingHint(numberSpelling([]byte(strings.Trim(c.cell, `"`)), false)) + "; correct such cells (a missing value may be left blank), or leave the column out with --exclude age"
		if err == nil || err.Error() != want {
			t.Errorf("%s after the sample: error\n got %v\nwant %s", c.cell, err, want)
		}
	}
	// Several stray cells: the first is named, the others counted.
	_, err := readString(ages(1200, map[int]string{50: "abc", 70: "n/k", 300: "abc", 301: "inf", 900: "x"}), CSVOptions{})
	want := `t.csv:51:2: column "age": expected a finite number (995 of its 1000 values in the first rows are numbers), got "abc"; 4 more such cells in the first 1,000 rows, on lines 71, 301, 302, …; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`
	if err == nil || err.Error() != want {
		t.Errorf("five strays: error\n got %v\nwant %s", err, want)
	}
	_, err = readString(ages(1200, map[int]string{50: "abc", 70: "abc"}), CSVOptions{})
	want = `t.csv:51:2: column "age": expected a finite number (998 of its 1000 values in the first rows are numbers), got "abc"; 1 more such cell in the first 1,000 rows, on line 71; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`
	if err == nil || err.Error() != want {
		t.Errorf("two strays: error\n got %v\nwant %s", err, want)
	}
	// Semicolon files keep reading decimal commas; a stray is still named.
	semi := strings.ReplaceAll(ages(100, map[int]string{7: "3,5"}), ",", ";")
	semi = strings.Replace(semi, "p1;3;5;", "p1;3,5;", 1)
	tab := mustRead(t, semi, CSVOptions{})
	if c := tab.Column("age"); c.Kind != Numeric || c.Values[6] != 3.5 {
		t.Errorf("decimal comma: %v %v", c.Kind, c.Values[6])
	}
	// ("n.a." was the stray until it became a numeric missing word.)
	semi = strings.Replace(semi, ";28;", ";n.k.;", 1)
	_, err = readString(semi, CSVOptions{})
	want = `t.csv:9:2: column "age": expected a finite number (99 of its 100 values in the first rows are numbers), got "n.k."; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`
	if err == nil || err.Error() != want {
		t.Errorf("semicolon stray: error\n got %v\nwant %s", err, want)
	}
}

func TestMixedColumnIsTextAndSaysSo(t *testing.T) {
	// 20 % text: a genuinely mixed column stays text, with a warning.
	set := map[int]string{}
	for i := 5; i <= 100; i += 5 {
		set[i] = []string{"unknown", "n/k", "n/d", "few", "many", "lots"}[i%6]
	}
	tab := mustRead(t, ages(100, set), CSVOptions{})
	c := tab.Column("age")
	want := `read as text although 80 of its 100 values in the first rows are numbers: 20 are not ("lots", "many", "few", …)`
	if c.Kind != Categorical || c.Warning != want {
		t.Errorf("kind %v, warning\n got %q\nwant %q", c.Kind, c.Warning, want)
	}
	notes := LoadNotes(tab)
	wantNotes := []string{`t.csv: column "age" is categorical: ` + want}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("notes\n got %q\nwant %q", notes, wantNotes)
	}
	// A small column with one stray cell is text too (the rule needs 20
	// present cells), and says so.
	tab = mustRead(t, ages(10, map[int]string{3: "abc"}), CSVOptions{})
	// One cell that is not a number is counted in the singular.
	if c := tab.Column("age"); c.Kind == Numeric || c.Warning != `read as text although 9 of its 10 values in the first rows are numbers: 1 is not ("abc")` {
		t.Errorf("small column: %v %q", c.Kind, c.Warning)
	}
	// Genuine text has no warning.
	if c := tab.Column("plan"); c.Warning != "" {
		t.Errorf("plan warning %q", c.Warning)
	}
}

func TestLoadNotesNameEveryColumnThatIsNotAFeature(t *testing.T) {
	in := "customerID,country,age,churn\n"
	for i := range 30 {
		in += fmt.Sprintf("C%d,DE,%d,%s\n", i, 20+i%7, []string{"no", "yes"}[i%2])
	}
	got := LoadNotes(mustRead(t, in, CSVOptions{}))
	want := []string{
		`t.csv: column "customerID" is not a feature: an identifier (every value is unique)`,
		`t.csv: column "country" is not a feature: constant (a single value)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("notes\n got %q\nwant %q", got, want)
	}
}
