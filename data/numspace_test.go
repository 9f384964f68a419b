package data

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// grouped writes the whole number n with sep between its groups of three
// digits, by hand: 1234567 is "1" sep "234" sep "567".
func grouped(n int, sep string) string {
	s := fmt.Sprint(n)
	var parts []string
	for len(s) > 3 {
		parts = append([]string{s[len(s)-3:]}, parts...)
		s = s[:len(s)-3]
	}
	return strings.Join(append([]string{s}, parts...), sep)
}

// spacedValue is user i's amount: 1,234.5 + 1,001·i (1,234.5 to 60,293.5
// for 60 users), every one above 1,000 so that each cell has a group.
func spacedValue(i int) float64 { return 1234.5 + 1001*float64(i) }

// TestSpaceGroupedNumbersRead: columns whose thousands are grouped by a
// space, a no-break space (U+00A0), a narrow no-break space (U+202F), an
// apostrophe (' and ’) are read as numbers, with a decimal comma in a
// semicolon file and a decimal point in either, each with its load note
// (review35 #4: they were dropped as "text with too many levels"). The
// expected values are spacedValue's, written out by grouped.
func TestSpaceGroupedNumbersRead(t *testing.T) {
	cols := []struct {
		name, sep, point string
		mark             NumberMarks
	}{
		{"space_comma", " ", ",", markSpaceGroups},
		{"nbsp_comma", "\u00a0", ",", markSpaceGroups},
		{"nnbsp_comma", "\u202f", ",", markSpaceGroups},
		{"space_point", " ", ".", markSpaceGroups},
		{"apos_point", "'", ".", markApostropheGroups},
		{"rsquo_point", "\u2019", ".", markApostropheGroups},
	}
	for _, delim := range []string{";", ","} {
		var b strings.Builder
		b.WriteString("user_id")
		for _, c := range cols {
			if delim == ";" || c.point == "." {
				b.WriteString(delim + c.name)
			}
		}
		b.WriteString(delim + "churn\n")
		for i := range 60 {
			b.WriteString(fmt.Sprint("u", i))
			v := spacedValue(i)
			for _, c := range cols {
				if delim == ";" || c.point == "." {
					b.WriteString(delim + grouped(int(v), c.sep) + c.point + "5")
				}
			}
			b.WriteString(delim + []string{"no", "yes"}[i%2] + "\n")
		}
		tab, err := readString(b.String(), CSVOptions{Label: "churn"})
		if err != nil {
			t.Fatalf("%q file: %v", delim, err)
		}
		for _, c := range cols {
			if delim == "," && c.point == "," {
				continue
			}
			col := tab.Column(c.name)
			if col == nil || col.Kind != Numeric {
				t.Errorf("%q file: column %s: %+v, want numbers", delim, c.name, col)
				continue
			}
			for i, v := range col.Values {
				if v != spacedValue(i) {
					t.Errorf("%q file: %s row %d = %v, want %v", delim, c.name, i, v, spacedValue(i))
					break
				}
			}
			if col.Stripped != c.mark {
				t.Errorf("%q file: %s marks %v, want %v", delim, c.name, col.Stripped, c.mark)
			}
		}
	}
	c := &Column{Name: "nbsp_comma", Stripped: markSpaceGroups}
	if got, want := numberNote("t.csv", c), `t.csv: column "nbsp_comma": numbers read without the spaces grouping thousands (1 234 is 1234)`; got != want {
		t.Errorf("note %q\nwant %q", got, want)
	}
	c.Stripped = markApostropheGroups | markCurrency
	if got, want := numberNote("t.csv", c), `t.csv: column "nbsp_comma": numbers read without their currency sign "$" and the apostrophes grouping thousands (1'234 is 1234)`; got != want {
		t.Errorf("note %q\nwant %q", got, want)
	}
}

// TestSpaceGroupsNumericColumn: a column whose first rows are plain
// numbers (below 1,000) and whose later ones are grouped by spaces is read
// whole, the grouped cells too (the loader stopped at the first: "digits
// grouped by spaces … are not read").
func TestSpaceGroupsNumericColumn(t *testing.T) {
	tab := mustRead(t, spellingTable(",", "amount", func(i int) string {
		if i < 30 {
			return fmt.Sprintf("%d.25", 100+i) // 100.25 … 129.25
		}
		return grouped(1000*i+7, "\u00a0") + ".25" // 30,007.25 …
	}), CSVOptions{Label: "churn"})
	col := tab.Column("amount")
	if col.Kind != Numeric || col.Stripped != markSpaceGroups {
		t.Fatalf("kind %v marks %v", col.Kind, col.Stripped)
	}
	if col.Values[29] != 129.25 || col.Values[30] != 30007.25 || col.Values[59] != 59007.25 {
		t.Errorf("values %v, %v, %v; want 129.25, 30007.25, 59007.25", col.Values[29], col.Values[30], col.Values[59])
	}
}

// TestGroupedMoreThanOneWay: a column grouping its thousands two ways is
// not read as numbers: spaces and apostrophes, or spaces beside a five-digit
// number without groups (a column of codes): the first rows being numbers,
// the load stops, naming the first grouped cell's line and column and the
// other cell's line (lines counted in spellingTable: user i on line i+2).
// A column of text in which some cells are "12 345" stays text.
func TestGroupedMoreThanOneWay(t *testing.T) {
	cases := []struct {
		cell func(i int) string
		want string
	}{
		{func(i int) string {
			switch i {
			case 40:
				return "1 234.5"
			case 50:
				return "1'234.5"
			}
			return fmt.Sprint(i % 7)
		}, `t.csv:42:2: column "amount": "1 234.5" groups its digits with spaces, but line 52 groups them with apostrophes ("1'234.5"): ` +
			`a column whose thousands are grouped more than one way is not read as numbers; write the column one way, or leave it out with --exclude amount`},
		{func(i int) string {
			switch i {
			case 10:
				return "12345"
			case 50:
				return "12 345"
			}
			return fmt.Sprint(i)
		}, `t.csv:52:2: column "amount": "12 345" groups its digits with spaces, but line 12 writes "12345" without groups: ` +
			`a column whose thousands are grouped more than one way is not read as numbers; write the column one way, or leave it out with --exclude amount`},
	}
	for _, c := range cases {
		_, err := readString(spellingTable(",", "amount", c.cell), CSVOptions{Label: "churn"})
		var pe *ParseError
		if !errors.Is(err, ErrNotNumeric) || !errors.As(err, &pe) || err.Error() != c.want {
			t.Errorf("err %v\nwant %s", err, c.want)
			continue
		}
		if _, ok := pe.Facts.(GroupClash); !ok {
			t.Errorf("facts %#v, want GroupClash", pe.Facts)
		}
	}
	// Text: words, and "12 345" in some cells; and all cells grouped but
	// with a five-digit number without groups among them.
	for _, cell := range []func(i int) string{
		func(i int) string {
			return []string{"12 345", "box 3", "none left", "1 234"}[i%4] + fmt.Sprint(" ", i%3)
		},
		func(i int) string { return []string{"12 345", "12346", "12 347", "1 234"}[i%4] },
		func(i int) string { return []string{"1 234", "1'235", "1 236", "1 237"}[i%4] },
	} {
		tab := mustRead(t, spellingTable(",", "note", cell), CSVOptions{Label: "churn"})
		if col := tab.Column("note"); col.Kind == Numeric {
			t.Errorf("%q: read as numbers", cell(0))
		}
	}
}

// TestSpacedColumnModel: a model reads spaces grouping thousands in a
// column whose training file grouped them so, and only there: the scoring
// path (cellValue, shared by retain predict and the scoring API) reads
// "12 345,5" in a semicolon file and "12 345.5" in any, as the training
// file's reader did, and refuses it in a column trained without groups;
// the marks survive the model's JSON.
func TestSpacedColumnModel(t *testing.T) {
	spaced := &PipelineColumn{Name: "a", Kind: Numeric, Marks: markSpaceGroups}
	plain := &PipelineColumn{Name: "b", Kind: Numeric}
	for _, c := range []struct {
		cell  string
		comma bool
		want  float64
	}{{"12 345.5", false, 12345.5}, {"12\u00a0345,5", true, 12345.5}, {"1 234 567", false, 1234567}, {"$1 234", false, 1234}} {
		if v, ok := spaced.cellValue([]byte(c.cell), c.comma); !ok || v != c.want {
			t.Errorf("spaced column: %q = %v, %v; want %v", c.cell, v, ok, c.want)
		}
		if v, ok := plain.cellValue([]byte(c.cell), c.comma); ok {
			t.Errorf("plain column: %q = %v, want refused", c.cell, v)
		}
	}
	for _, bad := range []string{"12 34", "1 234'567", "1 234,567", "0 123"} {
		if v, ok := spaced.cellValue([]byte(bad), false); ok && !math.IsNaN(v) {
			t.Errorf("spaced column: %q = %v, want refused", bad, v)
		}
	}
	b, err := (markSpaceGroups | markApostropheGroups | markGroups).MarshalJSON()
	if err != nil || string(b) != `["thousands","thousands_spaces","thousands_apostrophes"]` {
		t.Fatalf("JSON %s, %v", b, err)
	}
	var m NumberMarks
	if err := m.UnmarshalJSON(b); err != nil || m != markSpaceGroups|markApostropheGroups|markGroups {
		t.Errorf("read back %v, %v", m, err)
	}
}
