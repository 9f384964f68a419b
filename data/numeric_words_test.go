package data

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestNumericMissingWords checks that NumericMissingWords lists exactly the
// words isNumericMissingWord accepts, in any case, and that no word is
// also a global missing cell or a number.
func TestNumericMissingWords(t *testing.T) {
	for _, w := range NumericMissingWords() {
		for _, s := range []string{w, strings.ToUpper(w), strings.Title(w)} { //nolint:staticcheck // ASCII words
			if !isNumericMissingWord([]byte(s)) {
				t.Errorf("isNumericMissingWord(%q) = false", s)
			}
		}
		if isMissing([]byte(w)) {
			t.Errorf("%q is also a global missing cell", w)
		}
		if _, ok := parseCell([]byte(w), false); ok {
			t.Errorf("%q reads as a number", w)
		}
	}
	for _, s := range []string{"unknowns", "unknow", "n.", "na.", "un", "nothing", "无效", "1"} {
		if isNumericMissingWord([]byte(s)) {
			t.Errorf("isNumericMissingWord(%q) = true", s)
		}
	}
	l := NumericMissingWords()
	l[0] = "changed"
	if NumericMissingWords()[0] != "unknown" {
		t.Error("NumericMissingWords returns the package's own slice")
	}
}

// A numeric column whose only non-numbers are missing words is numeric,
// the words missing; the load note counts them by spelling.
func TestNumericColumnWithUnknownWords(t *testing.T) {
	// price, by hand: rows 1..8 are 10, Unknown, 12.5, "unknown " (a
	// trailing space), N.A., 7, Unknown, 3: five numbers, three words
	// "Unknown" × 2, "unknown" × 1 (trimmed) and "N.A." × 1, plus row 9
	// blank: 5 missing cells in all.
	csv := "price,plan,churn\n" +
		"10,a,yes\n" +
		"Unknown,b,no\n" +
		"12.5,a,no\n" +
		"unknown ,b,yes\n" +
		"N.A.,a,no\n" +
		"7,b,yes\n" +
		"Unknown,a,no\n" +
		"3,b,yes\n" +
		",a,no\n"
	tab := mustRead(t, csv, CSVOptions{})
	c := tab.Column("price")
	if c.Kind != Numeric {
		t.Fatalf("kind %v, want numeric (note %q, warning %q)", c.Kind, c.Note, c.Warning)
	}
	nan := math.NaN()
	want := []float64{10, nan, 12.5, nan, nan, 7, nan, 3, nan}
	if !sameFloats(c.Values, want) {
		t.Errorf("values %v, want %v", c.Values, want)
	}
	if c.Missing != 5 {
		t.Errorf("missing %d, want 5", c.Missing)
	}
	wantWords := []MissingWord{{"Unknown", 2}, {"unknown", 1}, {"N.A.", 1}}
	if !slices.Equal(c.MissingWords, wantWords) {
		t.Errorf("missing words %v, want %v", c.MissingWords, wantWords)
	}
	note := `t.csv: column "price": 2 cells "Unknown", 1 cell "unknown" and 1 cell "N.A." read as missing`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
	if c.Warning != "" || c.Mixed != nil {
		t.Errorf("warning %q, mixed %v", c.Warning, c.Mixed)
	}
}

// The column is numeric whether the sample decides it (the words among
// the first rows) or the whole column does (the sample holds only words),
// and with many words: 3,702 of 12,000 cells, as the note writes them.
func TestNumericColumnWithManyUnknownWords(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,price,churn\n")
	// Rows 1..12000: the first 3,702 rows whose i%3 == 0 are "Unknown"
	// (i = 3, 6, …, 11106 = 3×3702), every other row is i%50 + 0.5; the
	// file is read in blocks of 16 KiB so that blocks join their counts.
	withBlockSize(t, 16<<10)
	words := 0
	for i := 1; i <= 12000; i++ {
		cell := fmt.Sprint(float64(i%50) + 0.5)
		if i%3 == 0 && words < 3702 {
			cell, words = "Unknown", words+1
		}
		fmt.Fprintf(&b, "u%d,%s,%s\n", i, cell, []string{"no", "yes"}[i%2])
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	c := tab.Column("price")
	if c.Kind != Numeric || c.Missing != 3702 || !math.IsNaN(c.Values[2]) || c.Values[0] != 1.5 {
		t.Fatalf("kind %v, missing %d, values %v…", c.Kind, c.Missing, c.Values[:4])
	}
	note := `t.csv: column "price": 3,702 cells "Unknown" read as missing`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
	// The same column when the first rows (the sample) hold only words
	// and blanks: the whole column decides. Rows 1..5 "未知", then 20
	// numbers 1..20: 5 missing.
	b.Reset()
	b.WriteString("x,churn\n")
	for i := 1; i <= 25; i++ {
		cell := "未知"
		if i > 5 {
			cell = fmt.Sprint(i - 5)
		}
		fmt.Fprintf(&b, "%s,%s\n", cell, []string{"no", "yes"}[i%2])
	}
	tab = mustRead(t, b.String(), CSVOptions{InferRows: 5})
	c = tab.Column("x")
	if c.Kind != Numeric || c.Missing != 5 || !math.IsNaN(c.Values[4]) || c.Values[5] != 1 {
		t.Fatalf("sample of words: kind %v, missing %d", c.Kind, c.Missing)
	}
	note = `t.csv: column "x": 5 cells "未知" read as missing`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
}

// In a text column "unknown" is a level, as UCI Bank Marketing's job
// column writes it.
func TestUnknownStaysALevelInText(t *testing.T) {
	csv := "job,age,churn\n" +
		"admin.,30,yes\n" +
		"unknown,41,no\n" +
		"technician,25,no\n" +
		"unknown,38,yes\n" +
		"admin.,50,no\n"
	tab := mustRead(t, csv, CSVOptions{})
	c := tab.Column("job")
	if c.Kind != Categorical || !slices.Equal(c.Levels, []string{"admin.", "technician", "unknown"}) || c.Missing != 0 {
		t.Errorf("kind %v, levels %q, missing %d", c.Kind, c.Levels, c.Missing)
	}
	if c.MissingWords != nil {
		t.Errorf("missing words %v", c.MissingWords)
	}
	for _, n := range LoadNotes(tab) {
		if strings.Contains(n, "read as missing") {
			t.Errorf("note %q", n)
		}
	}
}

// Numbers, "Unknown" and another word: text, as without the list.
func TestNumbersUnknownAndOtherTextStayText(t *testing.T) {
	// 6 numbers, 2 "Unknown", 1 "abc": levels 1..6, "Unknown", "abc".
	csv := "code,churn\n1,yes\nUnknown,no\n2,no\n3,yes\nabc,no\n4,yes\nUnknown,no\n5,yes\n6,no\n"
	tab := mustRead(t, csv, CSVOptions{})
	c := tab.Column("code")
	want := []string{"1", "2", "3", "4", "5", "6", "Unknown", "abc"}
	if c.Kind != Categorical || !slices.Equal(c.Levels, want) || c.Missing != 0 {
		t.Errorf("kind %v, levels %q, missing %d", c.Kind, c.Levels, c.Missing)
	}
	if c.MissingWords != nil {
		t.Errorf("missing words %v", c.MissingWords)
	}
	// Whole file past a sample of numbers and words: "abc" on line 9 is
	// an error as after a sample of numbers only.
	_, err := readString(csv, CSVOptions{InferRows: 4})
	if !errors.Is(err, ErrNotNumeric) || !strings.Contains(err.Error(), `got "abc"`) {
		t.Errorf("InferRows 4: err %v, want ErrNotNumeric naming \"abc\"", err)
	}
}

// A semicolon file: decimal commas and a missing word together.
func TestDecimalCommaColumnWithUnknown(t *testing.T) {
	// 1,5 2,25 unknown 3 → 1.5, 2.25, NaN, 3 by hand.
	csv := "amount;churn\n1,5;yes\n2,25;no\nunknown;no\n3;yes\n"
	tab := mustRead(t, csv, CSVOptions{})
	c := tab.Column("amount")
	if c.Kind != Numeric || !sameFloats(c.Values, []float64{1.5, 2.25, math.NaN(), 3}) || c.Missing != 1 {
		t.Errorf("kind %v, values %v, missing %d", c.Kind, c.Values, c.Missing)
	}
}

// Parquet string columns are read by the CSV rules: numbers written as
// strings with "Unknown" among them are numeric, the words missing.
func TestParquetStringNumbersWithUnknown(t *testing.T) {
	// price, by hand: 10, Unknown, 12.5, unknown, 7 → 2 missing; a null
	// cell in row 6 → 3 missing in all.
	rows := [][]string{
		{"10", "yes"}, {"Unknown", "no"}, {"12.5", "no"}, {"unknown", "yes"}, {"7", "no"}, {"", "yes"},
	}
	pq := writeParquet(t, []pqCol{{"price", "string"}, {"churn", "string"}}, rows, 0)
	tab, err := ReadCSV(bytes.NewReader(pq), "t.parquet", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := tab.Column("price")
	nan := math.NaN()
	if c.Kind != Numeric || !sameFloats(c.Values, []float64{10, nan, 12.5, nan, 7, nan}) || c.Missing != 3 {
		t.Fatalf("kind %v, values %v, missing %d", c.Kind, c.Values, c.Missing)
	}
	note := `t.parquet: column "price": 1 cell "Unknown" and 1 cell "unknown" read as missing`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
}

// At scoring, a missing word is a missing cell in a column that reads
// numbers: numeric (dates included) and boolean 0/1 ones; a yes/no column
// still refuses it.
func TestScoringReadsMissingWordsInNumericColumns(t *testing.T) {
	cases := []struct {
		pc   PipelineColumn
		ok   bool
		cell string
	}{
		{PipelineColumn{Name: "price", Kind: Numeric}, true, "Unknown"},
		{PipelineColumn{Name: "price", Kind: Numeric}, true, "未知"},
		{PipelineColumn{Name: "flag", Kind: Boolean, Levels: []string{"0", "1"}}, true, "MISSING"},
		{PipelineColumn{Name: "member", Kind: Boolean, Levels: []string{"no", "yes"}}, false, "unknown"},
		{PipelineColumn{Name: "price", Kind: Numeric}, false, "abc"},
	}
	for _, tc := range cases {
		v, ok := tc.pc.cellValue([]byte(tc.cell), false)
		if ok != tc.ok || ok && !math.IsNaN(v) {
			t.Errorf("%s %q: %v, %v; want ok %v and NaN", tc.pc.Name, tc.cell, v, ok, tc.ok)
		}
	}
}
