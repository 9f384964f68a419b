package data

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestOnlyDashes: a cell of one or more hyphens, figure, en and em dashes,
// horizontal bars or minus signs, mixed, is a numeric missing word; a
// dash with anything else is not.
func TestOnlyDashes(t *testing.T) {
	for _, s := range []string{"--", "---", "----------", "—", "–", "‒", "―", "−", "——", "-–-", "—-"} {
		if !isNumericMissingWord([]byte(s)) {
			t.Errorf("isNumericMissingWord(%q) = false", s)
		}
	}
	// "\u2016" (double vertical line) and "\u2011" (non-breaking hyphen)
	// share the dashes' first two bytes; "−5" is a minus sign and a digit.
	for _, s := range []string{"-5", "--5", "5-", "-.", "—a", "‖", "‑", "−5", "\xe2\x80", "- -"} {
		if isNumericMissingWord([]byte(s)) {
			t.Errorf("isNumericMissingWord(%q) = true", s)
		}
	}
	for _, d := range MissingDashes() {
		if !onlyDashes([]byte(d)) || !onlyDashes([]byte(d+d)) {
			t.Errorf("MissingDashes lists %q, which onlyDashes refuses", d)
		}
	}
	l := MissingDashes()
	l[0] = "changed"
	if MissingDashes()[0] != "-" {
		t.Error("MissingDashes returns the package's own slice")
	}
}

// A numeric column that writes "--" and "—" for missing values is
// numeric, those cells missing and counted in the load note; in a text
// column "--" stays a level, as "unknown" does.
func TestDashCellsAreMissingInNumbers(t *testing.T) {
	// score, by hand: 10, "--", 12.5, " — " (trimmed), 7, "--", 3: four
	// numbers and three dash cells, "--" × 2 and "—" × 1.
	csv := "score,plan,churn\n" +
		"10,--,yes\n" +
		"--,b,no\n" +
		"12.5,--,no\n" +
		" — ,b,yes\n" +
		"7,a,no\n" +
		"--,b,yes\n" +
		"3,a,no\n"
	tab := mustRead(t, csv, CSVOptions{})
	c := tab.Column("score")
	if c.Kind != Numeric {
		t.Fatalf("kind %v, want numeric (note %q, warning %q)", c.Kind, c.Note, c.Warning)
	}
	nan := math.NaN()
	if want := []float64{10, nan, 12.5, nan, 7, nan, 3}; !sameFloats(c.Values, want) {
		t.Errorf("values %v, want %v", c.Values, want)
	}
	if want := []MissingWord{{"--", 2}, {"—", 1}}; c.Missing != 3 || !slices.Equal(c.MissingWords, want) {
		t.Errorf("missing %d, words %v; want 3, %v", c.Missing, c.MissingWords, want)
	}
	note := `t.csv: column "score": 2 cells "--" and 1 cell "—" read as missing`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
	if p := tab.Column("plan"); p.Kind != Categorical || !slices.Contains(p.Levels, "--") || p.Missing != 0 {
		t.Errorf("plan: kind %v, levels %q, missing %d", p.Kind, p.Levels, p.Missing)
	}
	// Scoring reads them as missing in a numeric column.
	pc := PipelineColumn{Name: "score", Kind: Numeric}
	for _, cell := range []string{"--", "—", "–––"} {
		if v, ok := pc.cellValue([]byte(cell), false); !ok || !math.IsNaN(v) {
			t.Errorf("score %q: %v, %v; want NaN", cell, v, ok)
		}
	}
}

// A few "--" cells among 1,200 rows, one of them past the sample of 1,000:
// the column is numeric and every one is missing (they used to be stray
// cells, refused with a count of the sample's only).
func TestDashCellsPastTheSample(t *testing.T) {
	set := map[int]string{5: "--", 300: "--", 700: "---", 1100: "--"}
	tab := mustRead(t, ages(1200, set), CSVOptions{})
	c := tab.Column("age")
	if c.Kind != Numeric || c.Missing != 4 || !math.IsNaN(c.Values[1099]) {
		t.Fatalf("kind %v, missing %d, row 1100 %v", c.Kind, c.Missing, c.Values[1099])
	}
}

// The stray-cell error counts the other such cells of the sample and says
// so when the file is longer than it, and names the way out; a column
// name that a shell would split is quoted in it.
func TestStrayErrorSaysWhatItCounts(t *testing.T) {
	set := map[int]string{50: "abc", 70: "abc", 1100: "abc"}
	csv := strings.Replace(ages(1200, set), "plan,age,churn", "plan,Sat Score,churn", 1)
	_, err := readString(csv, CSVOptions{})
	want := `t.csv:51:2: column "Sat Score": expected a finite number (998 of its 1000 values in the first rows are numbers), got "abc"; ` +
		`1 more such cell in the first 1,000 rows, on line 71; correct such cells (a missing value may be left blank), ` +
		`or leave the column out with --exclude 'Sat Score'`
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotNumeric) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	// The whole file sampled: the count is of the file.
	_, err = readString(ages(300, set), CSVOptions{})
	want = `t.csv:51:2: column "age": expected a finite number (298 of its 300 values in the first rows are numbers), got "abc"; ` +
		`1 more such cell, on line 71; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`
	if err == nil || err.Error() != want {
		t.Errorf("whole file: error\n got %v\nwant %s", err, want)
	}
	for name, arg := range map[string]string{"age": "age", "a_b-c.d": "a_b-c.d", "it's": `'it'\''s'`, "-x": "'-x'", "消费金额": "'消费金额'", "": "''"} {
		if got := ExcludeArg(name); got != arg {
			t.Errorf("ExcludeArg(%q) = %s, want %s", name, got, arg)
		}
	}
}
