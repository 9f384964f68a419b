package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestCleanNumber checks each form cleanNumber removes and the cells it
// must leave alone; the values are the numbers as written, by hand.
func TestCleanNumber(t *testing.T) {
	cases := []struct {
		cell         string
		decimalComma bool
		want         float64
		marks        NumberMarks
		ok           bool
	}{
		{"$1,234.56", false, 1234.56, markCurrency | markGroups, true},
		{"$ 1,394", false, 1394, markCurrency | markGroups, true},
		{"-$5", false, -5, markCurrency, true},
		{"$-5", false, -5, markCurrency, true},
		{"12.5%", false, 12.5, markPercent, true},
		{"9 %", false, 9, markPercent, true},
		{"(1,234.00)", false, -1234, markParens | markGroups, true},
		{"($7.50)", false, -7.5, markParens | markCurrency, true},
		{"1,234,567.89", false, 1234567.89, markGroups, true},
		{"5 €", false, 5, markCurrency << 1, true},
		{"£3", false, 3, markCurrency << 2, true},
		{"¥5,418.00", false, 5418, markCurrency<<3 | markGroups, true},
		{"￥5418.00", false, 5418, markCurrency << 4, true},
		// With the file's decimal comma, points group thousands.
		{"€1.234.567,89", true, 1234567.89, markCurrency << 1, true},
		{"12,5 %", true, 12.5, markPercent, true},
		{"1,548.00", true, 1548, markGroups, true},
		// Not numbers: nothing removed, bad groups, text, ids, mixed signs.
		{"1234", false, 0, 0, false},
		{"(01)", false, 0, 0, false}, // a code with a leading zero, not a negative
		{"1,2", false, 0, 0, false},
		{"12,34", false, 0, 0, false},
		{"1,2345", false, 0, 0, false},
		{"0,123", false, 0, 0, false},
		{"1,234,56", false, 0, 0, false},
		{"1,234.5.6", false, 0, 0, false},
		{"$abc", false, 0, 0, false},
		{"$", false, 0, 0, false},
		{"%", false, 0, 0, false},
		{"(-5)", false, 0, 0, false},
		{"$5%", false, 0, 0, false},
		{"$$5", false, 0, 0, false},
		{"C10000", false, 0, 0, false},
		{"(555) 123-4567", false, 0, 0, false},
		{"$1 234", false, 0, 0, false},
		{"5e3%", false, 5000, markPercent, true}, // scientific notation, as plain cells are read
		{"5e%", false, 0, 0, false},
		{"e3%", false, 0, 0, false},
		{"1,234e3", false, 0, 0, false},
	}
	for _, c := range cases {
		v, marks, ok := parseCleaned([]byte(c.cell), c.decimalComma)
		if ok != c.ok || marks != c.marks || (ok && math.Abs(v-c.want) > 1e-9) {
			t.Errorf("parseCleaned(%q, %v) = %v, %b, %v; want %v, %b, %v", c.cell, c.decimalComma, v, marks, ok, c.want, c.marks, c.ok)
		}
	}
}

func TestNumberMarksString(t *testing.T) {
	cases := []struct {
		marks NumberMarks
		want  string
	}{
		{0, ""},
		{markCurrency | markGroups, `numbers read without their currency sign "$" and thousands separators`},
		{markPercent, `numbers read without their percent sign (kept as written: 9% is 9)`},
		{markCurrency | markCurrency<<1 | markPercent | markGroups,
			`numbers read without their currency signs "$", "€", their percent sign (kept as written: 9% is 9) and thousands separators`},
		{markParens, `accounting negatives in parentheses read as negative numbers ((5.00) is -5)`},
		{markParens | markGroups, `numbers read without thousands separators; accounting negatives in parentheses read as negative numbers ((5.00) is -5)`},
	}
	for _, c := range cases {
		if got := c.marks.String(); got != c.want {
			t.Errorf("%b: got %q\nwant %q", c.marks, got, c.want)
		}
	}
}

// moneyTable writes n rows of a spreadsheet export: an id, spend written
// "$1,234.50"-style, a rate written "12%", an accounting balance, a
// mixed text column and a label; set replaces cells by (row, column).
func moneyTable(n int, set map[[2]int]string) string {
	var b strings.Builder
	b.WriteString("id,spend,rate,balance,code,churn\n")
	for i := 1; i <= n; i++ {
		cells := []string{
			fmt.Sprintf("c%d", i),
			fmt.Sprintf(`"$%d,%03d.50"`, 1+i%3, i%1000),
			fmt.Sprintf("%d%%", i%40),
			fmt.Sprintf(`"(%d.25)"`, i%7),
			[]string{"$5", "abc", "$7", "xyz"}[i%4],
			[]string{"no", "yes"}[i%2],
		}
		for k, v := range set {
			if k[0] == i {
				cells[k[1]] = v
			}
		}
		b.WriteString(strings.Join(cells, ",") + "\n")
	}
	return b.String()
}

func TestNumbersWithSignsAreNumeric(t *testing.T) {
	// Row 1200 is past the 1,000-row sample: a grouped number there is
	// read too (as /tmp/ut/excel_export.csv's "1,085.28" on line 2884).
	tab := mustRead(t, moneyTable(1200, map[[2]int]string{{1200, 1}: `"1,085.28"`, {1199, 1}: "#DIV/0!"}), CSVOptions{})
	spend, rate, balance, code := tab.Column("spend"), tab.Column("rate"), tab.Column("balance"), tab.Column("code")
	// By hand: row 1 is "$2,001.50", row 1000 "$2,000.50" (1 + 1000%3 = 2,
	// 1000%1000 = 0), row 1200 "1,085.28"; rate of row 9 is 9% → 9;
	// balance of row 3 "(3.25)" → -3.25.
	if spend.Kind != Numeric || spend.Values[0] != 2001.5 || spend.Values[999] != 2000.5 || spend.Values[1199] != 1085.28 ||
		!math.IsNaN(spend.Values[1198]) || spend.Missing != 1 {
		t.Errorf("spend: %v %v %v %v %v missing %d", spend.Kind, spend.Values[0], spend.Values[999], spend.Values[1199], spend.Values[1198], spend.Missing)
	}
	if rate.Kind != Numeric || rate.Values[8] != 9 {
		t.Errorf("rate: %v %v", rate.Kind, rate.Values[8])
	}
	if balance.Kind != Numeric || balance.Values[2] != -3.25 {
		t.Errorf("balance: %v %v", balance.Kind, balance.Values[2])
	}
	// Half "$5", half words: text, as a column of "5" and "abc" is.
	if code.Kind != Categorical || code.Stripped != 0 {
		t.Errorf("code: %v %b", code.Kind, code.Stripped)
	}
	want := []string{
		`t.csv: column "id" is not a feature: an identifier (every value is unique)`,
		`t.csv: column "spend": numbers read without their currency sign "$" and thousands separators`,
		`t.csv: column "rate": numbers read without their percent sign (kept as written: 9% is 9)`,
		`t.csv: column "balance": accounting negatives in parentheses read as negative numbers ((5.00) is -5)`,
		`t.csv: column "code" is categorical: read as text although 500 of its 1000 values in the first rows are numbers: 500 are not ("abc", "xyz")`,
	}
	if got := LoadNotes(tab); !slices.Equal(got, want) {
		t.Errorf("notes\n got %q\nwant %q", got, want)
	}
	// A cell that is no number after cleaning is still an error naming it.
	_, err := readString(moneyTable(1200, map[[2]int]string{{1100, 1}: `"$1,23"`}), CSVOptions{})
	wantErr := `t.csv:1101:2: column "spend": expected a finite number (the column's first rows are numeric), got "$1,23" (written with a decimal comma, which only a semicolon-separated file reads); correct such cells (a missing value may be left blank), or leave the column out with --exclude spend`
	if err == nil || err.Error() != wantErr || !errors.Is(err, ErrNotNumeric) {
		t.Errorf("bad cell: got %v\nwant %s", err, wantErr)
	}
}

func TestNumbersWithSignsDecimalComma(t *testing.T) {
	// A semicolon file: "1,2" stays 1.2, "€1.234.567,89" is 1234567.89
	// and "12,5 %" is 12.5 (by hand).
	in := "id;price;rate;churn\n" +
		"a;1,2;12,5 %;yes\n" +
		"b;€1.234.567,89;3 %;no\n" +
		"c;€ 7;0,5%;yes\n"
	tab := mustRead(t, in, CSVOptions{})
	price, rate := tab.Column("price"), tab.Column("rate")
	if !sameFloats(price.Values, []float64{1.2, 1234567.89, 7}) || !sameFloats(rate.Values, []float64{12.5, 3, 0.5}) {
		t.Errorf("price %v rate %v", price.Values, rate.Values)
	}
	if price.Stripped != markCurrency<<1 || rate.Stripped != markPercent {
		t.Errorf("marks %b %b", price.Stripped, rate.Stripped)
	}
}

func TestOrderLogAmountsWithSigns(t *testing.T) {
	in := "customer,date,amount\n" +
		"a,2020-01-01,\"¥5,418.00\"\n" +
		"b,2020-01-02,￥5418.00\n" +
		"c,2020-01-03,\"5,418.00\"\n" +
		"d,2020-01-04,$774.00\n"
	log, err := ReadOrderLog(strings.NewReader(in), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var amounts []float64
	for _, o := range log.Orders {
		amounts = append(amounts, o.Amount)
	}
	if !sameFloats(amounts, []float64{5418, 5418, 5418, 774}) {
		t.Errorf("amounts %v", amounts)
	}
	want := `numbers read without their currency signs "$", "¥", "￥" and thousands separators`
	if got := log.NumberNote(); got != want {
		t.Errorf("note\n got %q\nwant %q", got, want)
	}
	// A semicolon log: the file's decimal comma, after the sign.
	log, err = ReadOrderLog(strings.NewReader("customer;date;amount\na;2020-01-01;€1.234,50\nb;2020-01-02;2,5 €\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Orders[0].Amount != 1234.5 || log.Orders[1].Amount != 2.5 {
		t.Errorf("semicolon amounts %v %v", log.Orders[0].Amount, log.Orders[1].Amount)
	}
	// A semicolon log written with a decimal point: "1,234.5" can only
	// group thousands with its comma.
	log, err = ReadOrderLog(strings.NewReader("customer;date;amount\na;2020-01-01;774.00\nb;2020-01-02;1,234.5\n"), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if log.Orders[0].Amount != 774 || log.Orders[1].Amount != 1234.5 {
		t.Errorf("semicolon amounts %v %v", log.Orders[0].Amount, log.Orders[1].Amount)
	}
	// Still refused: text.
	_, err = ReadOrderLog(strings.NewReader("customer,date,amount\na,2020-01-01,$abc\n"), "log.csv", LogOptions{})
	if err == nil || err.Error() != `log.csv:2:3: amount "$abc" is not a number` {
		t.Errorf("got %v", err)
	}
}

// TestReadRowsWithSigns: new rows to score read currency signs, percent
// signs, parentheses and grouping as the training table did, in comma and
// semicolon files; the prepared rows equal those of the plain numbers.
func TestReadRowsWithSigns(t *testing.T) {
	_, p := fitTrain(t, PipelineOptions{MissingIndicators: true})
	plain, err := p.ReadRows(strings.NewReader("age,plan,promo,customerID\n1234,pro,yes,n1\n,gold,No,n2\n-80.5,pro,No,n3\n20,gold,yes,n4\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	signs, err := p.ReadRows(strings.NewReader("age,plan,promo,customerID\n\"$1,234\",pro,yes,n1\n#DIV/0!,gold,No,n2\n(80.5),pro,No,n3\n20%,gold,yes,n4\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	semi, err := p.ReadRows(strings.NewReader("age;plan;promo;customerID\n€1.234;pro;yes;n1\n?;gold;No;n2\n(80,5);pro;No;n3\n20 %;gold;yes;n4\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(signs.X.RawMatrix().Data, plain.X.RawMatrix().Data) || !slices.Equal(semi.X.RawMatrix().Data, plain.X.RawMatrix().Data) {
		t.Errorf("rows with signs\n%v\n%v\nwant\n%v", signs.X.RawMatrix().Data, semi.X.RawMatrix().Data, plain.X.RawMatrix().Data)
	}
}

// AllNumberMarks holds every mark cleanNumber removes: each currency sign,
// percent signs, thousands separators and parentheses.
func TestAllNumberMarks(t *testing.T) {
	got, err := AllNumberMarks().MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if want := `["$","€","£","¥","￥","%","thousands","()"]`; string(got) != want {
		t.Errorf("AllNumberMarks() = %s, want %s", got, want)
	}
}
