package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// decimalCommaAdvice is the end of the reason of a column that looks like
// numbers written with a decimal comma.
const decimalCommaAdvice = "which only a semicolon-separated file reads as numbers: " +
	"separate the fields with semicolons, or write the numbers with a decimal point"

// commaPrices is a table of n users separated by sep whose price is
// written with a decimal comma ("1,25", "1,50", … up to distinct values,
// then again), quoted in a comma-separated file.
func commaPrices(n, distinct int, sep string) string {
	q := ""
	if sep == "," {
		q = `"`
	}
	var b strings.Builder
	b.WriteString(strings.Join([]string{"user_id", "price", "visits", "churn"}, sep) + "\n")
	for i := range n {
		k := i % distinct
		price := fmt.Sprintf("%s%d,%02d%s", q, 1+k/4, 25*(k%4+1)%100, q)
		b.WriteString(strings.Join([]string{fmt.Sprint("u", i), price, fmt.Sprint(i % 7), []string{"no", "yes"}[i%2]}, sep) + "\n")
	}
	return b.String()
}

// TestDecimalCommaColumnSaysSo: a column of numbers written with a decimal
// comma in a file that is not separated by semicolons is text, left out
// like any text too varied to be a category; its reason used to be the
// generic "text with too many levels to be a category (60 distinct values,
// more than the 50 a categorical column may have)". It now says what the
// column most likely is, quoting its first two cells, and what to do.
func TestDecimalCommaColumnSaysSo(t *testing.T) {
	tab := mustRead(t, commaPrices(60, 60, ","), CSVOptions{})
	c := tab.Column("price")
	if c.Kind != ID || c.Why.Kind != ReasonUnique || c.Why.DecimalComma != [2]string{"1,25", "1,50"} {
		t.Fatalf("price: kind %v, why %+v", c.Kind, c.Why)
	}
	wantNote := `it looks like numbers written with a decimal comma ("1,25", "1,50"), ` + decimalCommaAdvice
	if c.Note != wantNote {
		t.Errorf("note %q\nwant %q", c.Note, wantNote)
	}
	want := `t.csv: column "price" is not a feature: ` + wantNote
	notes := LoadNotes(tab)
	if len(notes) != 2 || notes[1] != want {
		t.Errorf("notes %q\nwant the id's, then %q", notes, want)
	}
	// Numbers name no rows: the user id does, and the schema shows the
	// prices dropped, as text.
	if tab.IDColumn != 0 || c.NamesRows() || c.KindName() != "text" {
		t.Errorf("IDColumn %d, price names rows %v, kind name %q", tab.IDColumn, c.NamesRows(), c.KindName())
	}
	if cr := Schema(tab, nil).Columns[1]; cr.Role != "dropped" || cr.Action != "dropped: "+wantNote {
		t.Errorf("price in the schema: role %q, action %q", cr.Role, cr.Action)
	}

	// Repeated values, more than a category may have: the same reason
	// instead of "too many levels".
	tab = mustRead(t, commaPrices(240, 80, ","), CSVOptions{})
	if c := tab.Column("price"); c.Why.Kind != ReasonTooManyLevels || c.Note != wantNote {
		t.Errorf("240 rows: why %+v, note %q", c.Why, c.Note)
	}

	// A tab-separated file does not read decimal commas either.
	tab = mustRead(t, commaPrices(60, 60, "\t"), CSVOptions{})
	if c := tab.Column("price"); c.Note != wantNote {
		t.Errorf("tab-separated: note %q", c.Note)
	}
}

// TestDecimalCommaAloneNoFeature: when the decimal-comma column was the only
// candidate feature, the refusal says why it is not one.
func TestDecimalCommaAloneNoFeature(t *testing.T) {
	var b strings.Builder
	b.WriteString("price,churn\n")
	for i := range 30 {
		fmt.Fprintf(&b, "\"%d,5\",%s\n", i, []string{"no", "yes"}[i%2])
	}
	_, err := readString(b.String(), CSVOptions{})
	want := `t.csv: no usable feature column (price: it looks like numbers written with a decimal comma ("0,5", "1,5"), ` +
		decimalCommaAdvice + ")"
	if !errors.Is(err, ErrNoFeatures) || err.Error() != want {
		t.Fatalf("err %v\nwant %s", err, want)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Facts.(NoFeatures).Columns[0].DecimalComma != [2]string{"0,5", "1,5"} {
		t.Errorf("facts %+v", pe.Facts)
	}
}

// TestNoDecimalCommaHintForOtherText: only a column whose every value
// reads as a number written with a decimal comma gets the hint. Text with
// commas ("Smith, J"), lists of numbers ("1,2,3") and decimal commas among
// words keep the plain reason, and a semicolon file reads the decimal
// commas as numbers. (Points and commas mixed, "1.5" and "2,5", are a
// column of numbers that stops the load since review21 #4:
// TestUnreadSpellingStopsTheLoad.)
func TestNoDecimalCommaHintForOtherText(t *testing.T) {
	for name, cell := range map[string]func(i int) string{
		"names": func(i int) string { return fmt.Sprintf(`"Smith, J%d"`, i) },
		"lists": func(i int) string { return fmt.Sprintf(`"%d,2,3"`, i) },
		"words": func(i int) string { return fmt.Sprintf([]string{`"%d,5"`, "abc%d"}[i%2], i) },
	} {
		var b strings.Builder
		b.WriteString("v,x,churn\n")
		for i := range 60 {
			fmt.Fprintf(&b, "%s,%d,%s\n", cell(i), i%5, []string{"no", "yes"}[i%2])
		}
		tab := mustRead(t, b.String(), CSVOptions{})
		if c := tab.Column("v"); c.Kind != ID || c.Why.DecimalComma != [2]string{} || strings.Contains(c.Note, "decimal comma") {
			t.Errorf("%s: kind %v, why %+v", name, c.Kind, c.Why)
		}
	}
	tab := mustRead(t, commaPrices(60, 60, ";"), CSVOptions{})
	if c := tab.Column("price"); c.Kind != Numeric || c.Values[0] != 1.25 || c.Note != "" {
		t.Errorf("semicolon file: price %v %v %q", c.Kind, c.Values[:1], c.Note)
	}
}

// TestDecimalCommaCategorySaysSo: a column of numbers written with a
// decimal comma with few distinct values (12 here, at most the 50 a
// category may have) is read as a category: it stays a feature, and its
// reason says what it most likely is, so that a program can warn that it
// is not read as numbers (it used to have no reason at all). A category of
// text with commas has none.
func TestDecimalCommaCategorySaysSo(t *testing.T) {
	tab := mustRead(t, commaPrices(60, 12, ","), CSVOptions{})
	c := tab.Column("price")
	if c.Kind != Categorical || len(c.Levels) != 12 || c.Why != (Reason{DecimalComma: [2]string{"1,25", "1,50"}}) || !c.IsFeature() {
		t.Fatalf("price: kind %v, %d levels, why %+v, feature %v", c.Kind, len(c.Levels), c.Why, c.IsFeature())
	}
	if want := `it looks like numbers written with a decimal comma ("1,25", "1,50"), ` + decimalCommaAdvice; c.Note != want {
		t.Errorf("note %q\nwant %q", c.Note, want)
	}
	var b strings.Builder
	b.WriteString("v,x,churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "\"Smith, J%d\",%d,%s\n", i%5, i%7, []string{"no", "yes"}[i%2])
	}
	tab = mustRead(t, b.String(), CSVOptions{})
	if c := tab.Column("v"); c.Kind != Categorical || c.Why != (Reason{}) || c.Note != "" {
		t.Errorf("names: kind %v, why %+v, note %q", c.Kind, c.Why, c.Note)
	}
}
