package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestMostlyNumbersKindName checks that a column of mostly numbers read as
// text (the trial's mostly.csv: income with "unknown" cells) is described
// as what it is, text with too many levels, not as an identifier: in the
// load note and in the refusal when no feature is left. 60 rows, income
// 100…159 with "pending" at rows 3 and 7 (58 distinct values > 50). The
// trial's "unknown" is now a missing word of a numeric column
// (numericMissingWords, TestNumericColumnWithUnknownWords), so the text
// cells here are a word that is not one.
func TestMostlyNumbersKindName(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,income,churn\n")
	for i := range 60 {
		income := fmt.Sprint(100 + i)
		if i == 2 || i == 6 {
			income = "pending"
		}
		fmt.Fprintf(&b, "%d,%s,%s\n", i+1, income, []string{"no", "yes"}[i%2])
	}
	_, err := readString(b.String(), CSVOptions{})
	want := `t.csv: no usable feature column (id: an identifier, income: text with too many levels, mostly numbers but 2 of 60 in the first rows are not ("pending", the first at line 4, column 2))`
	if !errors.Is(err, ErrNoFeatures) || err.Error() != want {
		t.Errorf("err %v\nwant %s", err, want)
	}
	// With a feature left, the load note names the kind in the same words.
	withAge := strings.Replace(b.String(), "id,income,churn", "id,income,churn,age", 1)
	lines := strings.Split(strings.TrimSuffix(withAge, "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] += fmt.Sprintf(",%d", 20+i%7)
	}
	tab := mustRead(t, strings.Join(lines, "\n")+"\n", CSVOptions{Label: "churn"})
	note := `t.csv: column "income" is text with too many levels: read as text although 58 of its 60 values in the first rows are numbers: 2 are not ("pending")`
	if notes := LoadNotes(tab); !strings.Contains(strings.Join(notes, "\n"), note) {
		t.Errorf("notes %q\nlack %q", notes, note)
	}
}

// TestBlankHeaderNote checks that a blank header cell (the trial's
// blankhdr.csv) is named in a load note with the column's number, and that
// a column really called column_3 is not.
func TestBlankHeaderNote(t *testing.T) {
	tab := mustRead(t, "id, ,column_3,churn\n1,5,a,no\n2,6,b,yes\n3,7,a,no\n4,8,b,yes\n", CSVOptions{})
	want := `t.csv: the header cell of column 2 is blank: the column is called "column_2"`
	var got []string
	for _, n := range LoadNotes(tab) {
		if strings.Contains(n, "header cell") {
			got = append(got, n)
		}
	}
	if len(got) != 1 || got[0] != want {
		t.Errorf("notes %q\nwant [%q]", got, want)
	}
}
