package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// The values below are the numbers as a German or French spreadsheet
// writes them (1.234,5 is one thousand two hundred and thirty-four and a
// half), worked out by hand.
func TestParseComma(t *testing.T) {
	cases := []struct {
		in           string
		pointGroups  bool
		want         float64
		ok, okGroups bool
	}{
		{"12,5", false, 12.5, true, true}, {"-0,25", false, -0.25, true, true}, {"3,", false, 3, true, true},
		{",5", false, 0.5, true, true}, {"1234,5", false, 1234.5, true, true},
		{"1.234,5", false, 1234.5, true, true}, {"1.234.567", false, 1234567, true, true},
		{"-12.345,75", false, -12345.75, true, true}, {"+1.000,0", false, 1000, true, true},
		{"1.234", true, 1234, false, true}, {"-999.000", true, -999000, false, true},
		{"0.125", true, 0, false, false}, {"12.34", true, 0, false, false}, {"1.2345", true, 0, false, false},
		{"1234.567", true, 0, false, false}, {".234", true, 0, false, false}, {"1.23,4", true, 0, false, false},
		{"1,234.5", true, 0, false, false}, {"1.234,5,6", true, 0, false, false}, {"1..234", true, 0, false, false},
		{"12", true, 0, false, false}, {"", true, 0, false, false}, {"-", true, 0, false, false}, {"1,5e3", true, 1500, true, true}, // 1,5 × 10³: scientific notation
	}
	for _, c := range cases {
		for _, groups := range []bool{false, true} {
			want := c.ok
			if groups {
				want = c.okGroups
			}
			got, ok := parseComma([]byte(c.in), groups)
			if ok != want || ok && got != c.want {
				t.Errorf("parseComma(%q, %v) = %v, %v; want %v, %v", c.in, groups, got, ok, c.want, want)
			}
		}
	}
}

// TestSemicolonThousands: in a semicolon file, a column that writes
// decimal commas reads its points as thousands, also the cells before its
// first comma; a column that writes only points keeps them as decimals;
// a column that mixes a decimal point with a decimal comma is refused with
// both cells named, whichever comes first.
func TestSemicolonThousands(t *testing.T) {
	tab := mustRead(t, "price;rate;churn\n1.234;0.5;yes\n999,5;1.234;no\n1.234,5;2;no\n12;0.125;no\n", CSVOptions{})
	if c := tab.Column("price"); c.Kind != Numeric || !sameFloats(c.Values, []float64{1234, 999.5, 1234.5, 12}) {
		t.Errorf("price = %v %v", c.Kind, c.Values)
	}
	if c := tab.Column("rate"); c.Kind != Numeric || !sameFloats(c.Values, []float64{0.5, 1.234, 2, 0.125}) {
		t.Errorf("rate = %v %v", c.Kind, c.Values)
	}
	// Blank in the sample rows, so typed from all its values afterwards.
	tab = mustRead(t, "price;churn\n;yes\n;no\n1.234;no\n12,5;no\n", CSVOptions{InferRows: 2})
	if c := tab.Column("price"); c.Kind != Numeric || !sameFloats(c.Values, []float64{math.NaN(), math.NaN(), 1234, 12.5}) {
		t.Errorf("price typed late = %v %v", c.Kind, c.Values)
	}
	for _, c := range []struct{ in, want string }{
		{"price;churn\n1.5;yes\n12,5;no\n",
			`t.csv:3:1: column "price" writes "12,5" with a decimal comma and "1.5" (line 2) with a decimal point: write the column's numbers one way`},
		{"price;churn\n12,5;yes\n2;no\n1.5;no\n",
			`t.csv:4:1: column "price" writes "1.5" with a decimal point and "12,5" (line 2) with a decimal comma: write the column's numbers one way`},
	} {
		_, err := readString(c.in, CSVOptions{})
		if !errors.Is(err, ErrMixedDecimals) || err.Error() != c.want {
			t.Errorf("%q: error\n got %v\nwant %s", c.in, err, c.want)
		}
	}
}

// TestSemicolonThousandsInBlocks: the same decisions when the file is
// parsed in many blocks, the first comma far from the points it settles.
func TestSemicolonThousandsInBlocks(t *testing.T) {
	var b strings.Builder
	b.WriteString("price;churn\n")
	for i := range 3000 {
		cell := fmt.Sprint(i % 90)
		switch i {
		case 10:
			cell = "1.234"
		case 2900:
			cell = "7,5"
		}
		fmt.Fprintf(&b, "%s;%s\n", cell, []string{"yes", "no"}[i%2])
	}
	good := b.String()
	for _, size := range []int{64, 4096} {
		whole, tiny, e1, e2 := readBoth(good, CSVOptions{InferRows: 50}, size)
		if e1 != nil || e2 != nil {
			t.Fatalf("blocks of %d: %v, %v", size, e1, e2)
		}
		for _, tab := range []*Table{whole, tiny} {
			if v := tab.Column("price").Values; v[10] != 1234 || v[2900] != 7.5 || v[11] != 11 {
				t.Errorf("blocks of %d: price[10] %v, [2900] %v, [11] %v; want 1234, 7.5, 11", size, v[10], v[2900], v[11])
			}
		}
	}
	bad := strings.Replace(good, "\n1.234;", "\n1.5;", 1)
	want := `b.csv:2902:1: column "price" writes "7,5" with a decimal comma and "1.5" (line 12) with a decimal point: write the column's numbers one way`
	for _, size := range []int{64, 4096} {
		_, _, e1, e2 := readBoth(bad, CSVOptions{InferRows: 50}, size)
		for _, err := range []error{e1, e2} {
			if !errors.Is(err, ErrMixedDecimals) || err.Error() != want {
				t.Errorf("blocks of %d: error\n got %v\nwant %s", size, err, want)
			}
		}
	}
}

// TestOrderLogThousands: a semicolon log reads "1.234,5" and, once a
// field has written a comma, "1.234" as thousands; a decimal point before
// the first comma is refused with both lines.
func TestOrderLogThousands(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader("customer;date;amount\na;2020-01-01;1.234,5\nb;2020-01-02;1.234\nc;2020-01-03;2\nd;2020-01-04;1.234.567\n"),
		"log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Orders) != 4 || log.Orders[0].Amount != 1234.5 || log.Orders[1].Amount != 1234 || log.Orders[2].Amount != 2 ||
		log.Orders[3].Amount != 1234567 {
		t.Errorf("orders %+v, want amounts 1234.5, 1234, 2, 1234567", log.Orders)
	}
	_, err = ReadOrderLog(strings.NewReader("customer;date;amount\na;2020-01-01;1.5\nb;2020-01-02;12,5\n"), "log.csv", LogOptions{})
	want := `log.csv:3:3: amount writes "12,5" with a decimal comma and "1.5" (line 2) with a decimal point: write the column's numbers one way`
	if !errors.Is(err, ErrMixedDecimals) || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	_, err = ReadOrderLog(strings.NewReader("customer;date;amount\na;2020-01-01;12,5\nb;2020-01-02;1.234\nc;2020-01-03;0.5\n"), "log.csv", LogOptions{})
	want = `log.csv:4:3: amount writes "0.5" with a decimal point and "12,5" (line 2) with a decimal comma: write the column's numbers one way`
	if !errors.Is(err, ErrMixedDecimals) || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// TestReadRowsThousands: new rows in a semicolon file are scored with
// their marks read as the table reader reads them — "1.234" before the
// column's first comma included — giving the matrix of the same rows
// written with decimal points; a clash names both cells.
func TestReadRowsThousands(t *testing.T) {
	_, p := fitTrain(t, PipelineOptions{MissingIndicators: true})
	semi, err := p.ReadRows(strings.NewReader("age;plan;promo;customerID\n1.234;pro;yes;n1\n;gold;No;n2\n80,5;pro;No;n3\n2.000,5;gold;yes;n4\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	point, err := p.ReadRows(strings.NewReader("age,plan,promo,customerID\n1234,pro,yes,n1\n,gold,No,n2\n80.5,pro,No,n3\n2000.5,gold,yes,n4\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(semi.X.RawMatrix().Data, point.X.RawMatrix().Data) {
		t.Errorf("semicolon rows\n%v\nwant\n%v", semi.X.RawMatrix().Data, point.X.RawMatrix().Data)
	}
	_, err = p.ReadRows(strings.NewReader("age;plan;promo;customerID\n80,5;pro;yes;n1\n1.5;gold;No;n2\n"), "new.csv")
	want := `new.csv:3:1: column "age" writes "1.5" with a decimal point and "80,5" (line 2) with a decimal comma: write the column's numbers one way`
	if !errors.Is(err, ErrMixedDecimals) || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// TestPipelineRemembersDecimalComma: a pipeline fitted on a semicolon file
// that writes a column with decimal commas reads that column's points as
// thousands in new semicolon rows, even rows that write no comma; one
// fitted on a comma file keeps "2.962" a decimal.
func TestPipelineRemembersDecimalComma(t *testing.T) {
	var semi, point strings.Builder
	semi.WriteString("price;visits;churn\n")
	point.WriteString("price,visits,churn\n")
	for i := range 40 {
		fmt.Fprintf(&semi, "%d,5;%d;%s\n", 900+10*i, i%7, []string{"yes", "no"}[i%2])
		fmt.Fprintf(&point, "%d.5,%d,%s\n", 900+10*i, i%7, []string{"yes", "no"}[i%2])
	}
	fit := func(in string) *Pipeline {
		tab := mustRead(t, in, CSVOptions{})
		p, err := FitPipeline(tab, everyRowButThirds(tab.Rows), PipelineOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	rows := func(p *Pipeline, in string) []float64 {
		r, err := p.ReadRows(strings.NewReader(in), "new.csv")
		if err != nil {
			t.Fatal(err)
		}
		return r.X.RawMatrix().Data
	}
	comma, dot := fit(semi.String()), fit(point.String())
	if !comma.Columns[0].DecimalComma || dot.Columns[0].DecimalComma || comma.Columns[1].DecimalComma {
		t.Fatalf("DecimalComma: price %v (semicolon), %v (comma file); visits %v", comma.Columns[0].DecimalComma,
			dot.Columns[0].DecimalComma, comma.Columns[1].DecimalComma)
	}
	if got, want := rows(comma, "price;visits\n1.234;3\n"), rows(comma, "price,visits\n1234,3\n"); !slices.Equal(got, want) {
		t.Errorf("semicolon-trained model, 1.234: %v, want the inputs of 1234, %v", got, want)
	}
	if got, want := rows(dot, "price;visits\n1.234;3\n"), rows(dot, "price,visits\n1.234,3\n"); !slices.Equal(got, want) {
		t.Errorf("comma-trained model, 1.234: %v, want the inputs of 1.234, %v", got, want)
	}
	_, err := comma.ReadRows(strings.NewReader("price;visits\n1.5;3\n"), "new.csv")
	want := `new.csv:2:1: column "price" writes "1.5" with a decimal point, but the model's training data wrote it with a decimal comma: write the column's numbers one way`
	if !errors.Is(err, ErrMixedDecimals) || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// TestFileWideDecimalComma: a semicolon file is written in one locale, so
// once any column writes a decimal comma, a column of whole numbers with
// thousands points ("#.##0": 1.234, 999) reads them as thousands, even
// before the file's first comma and across parsing blocks; a column that
// writes an ungroupable point keeps its points as decimals; rows scored by
// a model follow the same rule, and the model remembers it.
func TestFileWideDecimalComma(t *testing.T) {
	in := "price;units;ratio;churn\n12;1.234;1.234;yes\n3,5;999;0.5;no\n7,25;2.000;2;no\n"
	tab := mustRead(t, in, CSVOptions{})
	if c := tab.Column("units"); !sameFloats(c.Values, []float64{1234, 999, 2000}) || !c.DecimalComma {
		t.Errorf("units = %v (decimal comma %v), want 1234, 999, 2000", c.Values, c.DecimalComma)
	}
	if c := tab.Column("ratio"); !sameFloats(c.Values, []float64{1.234, 0.5, 2}) || c.DecimalComma {
		t.Errorf("ratio = %v (decimal comma %v), want 1.234, 0.5, 2", c.Values, c.DecimalComma)
	}
	// Without a comma anywhere, "1.234" is a decimal.
	if c := mustRead(t, "price;units;churn\n12;1.234;yes\n3;999;no\n", CSVOptions{}).Column("units"); !sameFloats(c.Values, []float64{1.234, 999}) {
		t.Errorf("units without a comma in the file = %v, want 1.234, 999", c.Values)
	}

	var b strings.Builder
	b.WriteString("price;units;churn\n")
	for i := range 3000 {
		price, units := fmt.Sprint(i%90), fmt.Sprint(i%700)
		if i == 1000 {
			units = "2.500" // past the sampled rows, in a later block
		}
		if i == 2900 {
			price = "7,5"
		}
		fmt.Fprintf(&b, "%s;%s;%s\n", price, units, []string{"yes", "no"}[i%2])
	}
	for _, size := range []int{64, 4096} {
		whole, tiny, e1, e2 := readBoth(b.String(), CSVOptions{InferRows: 50}, size)
		if e1 != nil || e2 != nil {
			t.Fatalf("blocks of %d: %v, %v", size, e1, e2)
		}
		for _, tab := range []*Table{whole, tiny} {
			if v := tab.Column("units").Values; v[1000] != 2500 || v[1001] != 301 {
				t.Errorf("blocks of %d: units[1000] %v, [1001] %v; want 2500, 301", size, v[1000], v[1001])
			}
		}
	}

	p, err := FitPipeline(tab, []int{0, 1, 2}, PipelineOptions{MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	rows := func(p *Pipeline, in string) []float64 {
		r, err := p.ReadRows(strings.NewReader(in), "new.csv")
		if err != nil {
			t.Fatal(err)
		}
		return r.X.RawMatrix().Data
	}
	// The model remembers the file's comma: "1.500" in units, no comma in
	// the new rows.
	if got, want := rows(p, "price;units;ratio\n5;1.500;1\n"), rows(p, "price,units,ratio\n5,1500,1\n"); !slices.Equal(got, want) {
		t.Errorf("new rows, 1.500 units: %v, want the inputs of 1500, %v", got, want)
	}
	// A model fitted on a comma file: the new semicolon file's own comma
	// decides, for the rows before it too.
	point := mustRead(t, "price,units,ratio,churn\n12,1234,1.234,yes\n3.5,999,0.5,no\n7.25,2000,2,no\n", CSVOptions{})
	q, err := FitPipeline(point, []int{0, 1, 2}, PipelineOptions{MinGroup: 1})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rows(q, "price;units;ratio\n5;1.500;1\n3,5;2;0.5\n"), rows(q, "price,units,ratio\n5,1500,1\n3.5,2,0.5\n"); !slices.Equal(got, want) {
		t.Errorf("new semicolon rows with a comma: %v, want %v", got, want)
	}
}

// TestMarkClashFirstInFileOrder: a column that mixes a decimal point with a
// decimal comma is refused at the first clash a sequential read of the file
// meets (at the first comma when an ungroupable point came before it,
// otherwise at the first such point after it), whatever the size of the
// parsing blocks and however many rows the sample holds: a block that meets
// a clash of its own does not hide an earlier one across a block boundary.
func TestMarkClashFirstInFileOrder(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
		sample         int // the most sample rows that keep the column numeric; 0: all
	}{
		{"point in the sample, comma, point after it",
			"x;churn\n.0;yes\n1,000;no\n2;no\n0.;yes\n",
			`b.csv:3:1: column "x" writes "1,000" with a decimal comma and ".0" (line 2) with a decimal point: write the column's numbers one way`, 0},
		{"comma, then points",
			"x;churn\n1;yes\n2,5;no\n3;no\n4;yes\n1.5;no\n6;yes\n0.25;no\n",
			`b.csv:6:1: column "x" writes "1.5" with a decimal point and "2,5" (line 3) with a decimal comma: write the column's numbers one way`, 0},
		{"point, then comma, then point",
			"x;churn\n1;yes\n2;no\n1.5;no\n3;yes\n2,5;no\n0.5;yes\n",
			`b.csv:6:1: column "x" writes "2,5" with a decimal comma and "1.5" (line 4) with a decimal point: write the column's numbers one way`, 0},
		{"clash before another error",
			"x;churn\n.0;yes\n1,000;no\n2;no\nabc;yes\n",
			`b.csv:3:1: column "x" writes "1,000" with a decimal comma and ".0" (line 2) with a decimal point: write the column's numbers one way`, 3},
		{"clash in a later column on an earlier line",
			"a;b;churn\n1;.5;yes\n2;1,5;no\n2,5;3;no\n1.5;4;yes\n",
			`b.csv:3:2: column "b" writes "1,5" with a decimal comma and ".5" (line 2) with a decimal point: write the column's numbers one way`, 0},
	} {
		rows := strings.Count(c.in, "\n") - 1
		if c.sample > 0 {
			rows = c.sample
		}
		for inferRows := 1; inferRows <= rows; inferRows++ {
			opts := CSVOptions{InferRows: inferRows}
			sizes := []int{blockSize} // the default
			for size := 1; size <= len(c.in)+1; size++ {
				sizes = append(sizes, size)
			}
			for _, size := range sizes {
				old := blockSize
				blockSize = size
				_, err := ReadCSV(strings.NewReader(c.in), "b.csv", opts)
				blockSize = old
				if !errors.Is(err, ErrMixedDecimals) || err.Error() != c.want {
					t.Errorf("%s, %d sample rows, blocks of %d: error\n got %v\nwant %s", c.name, inferRows, size, err, c.want)
				}
			}
		}
	}
}
