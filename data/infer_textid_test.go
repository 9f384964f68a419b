package data

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSequentialLongIDs: 19-digit ids handed out one apart read as the
// same float64 for 256 ids in a row (2053013555631882655 and …656 are both
// 2053013555631882752), so the column looked like repeated numbers: a
// numeric feature, the table's rows numbered instead. Judged on the text,
// it is an identifier, with its ids as written.
func TestSequentialLongIDs(t *testing.T) {
	const first = uint64(2053013555631882655)
	if float64(first) != float64(first+1) {
		t.Fatalf("the fixture wants ids that share a float64")
	}
	for _, c := range []struct {
		header string
		rows   int
		repeat int // every repeat-th row repeats the id before it (0: none)
		why    ReasonKind
	}{
		{"user_id", 300, 0, ReasonUniqueIntegers},
		{"reference", 150, 0, ReasonLongIntegers},
		{"user_id", 300, 7, ReasonIDName},
	} {
		var b strings.Builder
		b.WriteString(c.header + ",visits,churned\n")
		var ids []string
		for i := range c.rows {
			id := fmt.Sprint(first + uint64(i))
			if c.repeat > 0 && i%c.repeat == c.repeat-1 {
				id = ids[i-1]
			}
			ids = append(ids, id)
			fmt.Fprintf(&b, "%s,%d,%d\n", id, i%11, i%3%2)
		}
		tab, err := ReadCSV(strings.NewReader(b.String()), "seq.csv", CSVOptions{Label: "churned"})
		if err != nil {
			t.Fatal(err)
		}
		col := tab.Column(c.header)
		if col.Kind != ID || col.Why.Kind != c.why {
			t.Errorf("%s, %d rows, repeat %d: kind %v (%s), want an ID (reason %v)", c.header, c.rows, c.repeat, col.Kind, col.Note, c.why)
			continue
		}
		if !slices.Equal(tab.IDs(), ids) {
			t.Errorf("%s: ids %q…, want %q…", c.header, tab.IDs()[:3], ids[:3])
		}
	}
}

// TestLongNumbersStayMeasures: a column of whole numbers past 15 digits
// that is not named like an id and has fewer than 100 values, or has
// repeats, keeps the rules on numbers.
func TestLongNumbersStayMeasures(t *testing.T) {
	var b strings.Builder
	b.WriteString("total,visits,churned\n")
	for i := range 120 {
		fmt.Fprintf(&b, "%d,%d,%d\n", uint64(3000000000000000000)+uint64(i%40)*uint64(1e15), i%11, i%3%2)
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "sums.csv", CSVOptions{Label: "churned"})
	if err != nil {
		t.Fatal(err)
	}
	if c := tab.Column("total"); c.Kind != Numeric || math.Abs(c.Values[1]-3.001e18) > 1e3 {
		t.Errorf("total: kind %v (%s), want numeric 3.001e18 in row 2", c.Kind, c.Note)
	}
}
