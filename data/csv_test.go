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

func readString(s string, opts CSVOptions) (*Table, error) {
	return ReadCSV(strings.NewReader(s), "t.csv", opts)
}

func mustRead(t *testing.T, s string, opts CSVOptions) *Table {
	t.Helper()
	tab, err := readString(s, opts)
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	return tab
}

// sameFloats compares with NaN equal to NaN.
func sameFloats(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) })
}

func TestReadCSVDelimitersAndFraming(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name, in string
		want     []float64 // column "x"
		label    []float64
	}{
		{"comma", "x,churn\n1,yes\n2.5,no\n", []float64{1, 2.5}, []float64{1, 0}},
		{"semicolon", "x;note;churn\n1;a,b;yes\n2;c,d;no\n", []float64{1, 2}, []float64{1, 0}},
		{"tab", "x\tchurn\n1\tyes\n-3e2\tno\n", []float64{1, -300}, []float64{1, 0}},
		{"crlf", "x,churn\r\n1,yes\r\n2,no\r\n", []float64{1, 2}, []float64{1, 0}},
		{"bom", "\xEF\xBB\xBFx,churn\n1,yes\n2,no\n", []float64{1, 2}, []float64{1, 0}},
		{"no final newline", "x,churn\n1,yes\n2,no", []float64{1, 2}, []float64{1, 0}},
		{"blank lines skipped", "x,churn\n\n1,yes\n\n2,no\n\n", []float64{1, 2}, []float64{1, 0}},
		{"quoted numbers", "\"x\",\"churn\"\n\"1\",\"yes\"\n\" 2 \",no\n", []float64{1, 2}, []float64{1, 0}},
		{"blank and NA are missing", "x,churn\n ,yes\n\t,no\nNA,no\nn/a,yes\nNaN,no\nnull,yes\n#N/A,no\n,yes\n7,no\n8,yes\n",
			[]float64{nan, nan, nan, nan, nan, nan, nan, nan, 7, 8}, []float64{1, 0, 0, 1, 0, 1, 0, 1, 0, 1}},
		{"padded numbers", "x,churn\n  1 ,yes\n2\t,no\n", []float64{1, 2}, []float64{1, 0}},
		{"decimal comma with semicolons", "x;churn\n1,5;yes\n-2;no\n\"0,25\";no\n", []float64{1.5, -2, 0.25}, []float64{1, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab := mustRead(t, c.in, CSVOptions{})
			x := tab.Column("x")
			if x == nil || x.Kind != Numeric {
				t.Fatalf("column x = %+v, want numeric", x)
			}
			if !sameFloats(x.Values, c.want) || !sameFloats(tab.Label.Values, c.label) {
				t.Errorf("x = %v, label = %v; want %v, %v", x.Values, tab.Label.Values, c.want, c.label)
			}
			nanCount := 0
			for _, v := range c.want {
				if math.IsNaN(v) {
					nanCount++
				}
			}
			if x.Missing != nanCount || tab.Rows != len(c.want) {
				t.Errorf("Missing = %d, Rows = %d; want %d, %d", x.Missing, tab.Rows, nanCount, len(c.want))
			}
		})
	}
}

func TestReadCSVQuotedText(t *testing.T) {
	in := "name,x,churn\n" +
		"\"Smith, J\",1,yes\n" +
		"\"say \"\"hi\"\"\",2,no\n" +
		"\"two\nlines\",3,no\n" +
		"\"Smith, J\",4,yes\n"
	tab := mustRead(t, in, CSVOptions{})
	name := tab.Column("name")
	want := []string{"Smith, J", `say "hi"`, "two\nlines", "Smith, J"}
	if name.Kind != Categorical || !slices.Equal(name.Strings, want) {
		t.Errorf("name = %v %q, want categorical %q", name.Kind, name.Strings, want)
	}
	if !slices.Equal(name.Levels, []string{"Smith, J", `say "hi"`, "two\nlines"}) {
		t.Errorf("levels = %q", name.Levels)
	}
}

func TestReadCSVKinds(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,user_id,row,plan,flag,tf,yn,bit,const,empty,score,churn\n")
	for i := range 25 {
		fmt.Fprintf(&b, "C-%03d,%d,%d,%s,%s,%s,%s,%d,same,,%d.5,%s\n",
			i, 100+3*i, i+1, []string{"basic", "pro", "max"}[i%3], []string{"Yes", "No"}[i%2],
			[]string{"TRUE", "FALSE"}[i%2], []string{"y", "n"}[i%2], i%2, i%4, []string{"Yes", "No"}[i%5/4])
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	want := map[string]Kind{"customerID": ID, "user_id": ID, "row": ID, "plan": Categorical, "flag": Boolean,
		"tf": Boolean, "yn": Boolean, "bit": Boolean, "const": Constant, "empty": Constant, "score": Numeric}
	for name, kind := range want {
		if c := tab.Column(name); c == nil || c.Kind != kind {
			t.Errorf("column %s kind = %v, want %v", name, c, kind)
		}
	}
	if tab.IDColumn != 0 || tab.IDs()[3] != "C-003" || tab.Column("user_id").Strings[1] != "103" {
		t.Errorf("IDColumn %d, IDs %v", tab.IDColumn, tab.IDs()[:4])
	}
	flag := tab.Column("flag")
	if !slices.Equal(flag.Levels, []string{"No", "Yes"}) || flag.Values[0] != 1 || flag.Values[1] != 0 {
		t.Errorf("flag levels %q values %v", flag.Levels, flag.Values[:2])
	}
	if tf := tab.Column("tf"); !slices.Equal(tf.Levels, []string{"FALSE", "TRUE"}) || tf.Values[0] != 1 {
		t.Errorf("tf levels %q values %v", tf.Levels, tf.Values[:2])
	}
	if c := tab.Column("const"); !slices.Equal(c.Levels, []string{"same"}) || c.Note != "a single value" {
		t.Errorf("const = %+v", c)
	}
	if c := tab.Column("empty"); c.Missing != 25 || c.Note != "every value is missing" {
		t.Errorf("empty = %+v", c)
	}
	if got := len(tab.Features()); got != 6 {
		t.Errorf("%d features, want 6 (plan, flag, tf, yn, bit, score)", got)
	}
}

func TestReadCSVInferenceRules(t *testing.T) {
	// A column blank in the sample rows that later holds numbers is numeric.
	tab := mustRead(t, "x,y,churn\n,1,yes\n,2,no\n3,3,no\n4,4,no\n", CSVOptions{InferRows: 2})
	if x := tab.Column("x"); x.Kind != Numeric || !sameFloats(x.Values, []float64{math.NaN(), math.NaN(), 3, 4}) {
		t.Errorf("x = %v %v", x.Kind, x.Values)
	}
	// The same in a semicolon file with decimal commas.
	tab = mustRead(t, "x;y;churn\n;1;yes\n;2;no\n3,5;3;no\n4;4;no\n", CSVOptions{InferRows: 2})
	if x := tab.Column("x"); x.Kind != Numeric || !sameFloats(x.Values, []float64{math.NaN(), math.NaN(), 3.5, 4}) {
		t.Errorf("x = %v %v", x.Kind, x.Values)
	}
	// Unique strings in a short file without an id-like name stay categorical.
	tab = mustRead(t, "plan,x,churn\na,1,yes\nb,2,no\nc,3,no\n", CSVOptions{})
	if c := tab.Column("plan"); c.Kind != Categorical {
		t.Errorf("plan kind = %v, want categorical", c.Kind)
	}
	// Too many levels: kept as text (an identifier), not a feature.
	tab = mustRead(t, "city,x,churn\na,1,yes\nb,2,no\nc,3,no\nc,4,no\n", CSVOptions{MaxLevels: 2})
	if c := tab.Column("city"); c.Kind != ID || c.Note != "3 distinct values, more than the 2 a categorical column may have" {
		t.Errorf("city = %v %q", c.Kind, c.Note)
	}
	want := `t.csv: column "city" is not a feature: text with too many levels to be a category (3 distinct values, more than the 2 a categorical column may have)`
	if notes := LoadNotes(tab); len(notes) != 1 || notes[0] != want {
		t.Errorf("notes %q, want [%q]", notes, want)
	}
	// Its values repeat, so it does not name the rows (they are numbered)
	// and the schema shows it dropped, not as the id.
	if tab.IDColumn != -1 {
		t.Errorf("IDColumn %d: the city column names the rows", tab.IDColumn)
	}
	if cr := Schema(tab, nil).Columns[0]; cr.Role != "dropped" ||
		cr.Action != "dropped: 3 distinct values, more than the 2 a categorical column may have" {
		t.Errorf("city in the schema: role %q, action %q", cr.Role, cr.Action)
	}
	// A real identifier after it names the rows.
	tab = mustRead(t, "city,user_id,x,churn\na,u1,1,yes\nb,u2,2,no\nc,u3,3,no\nc,u4,4,no\n", CSVOptions{MaxLevels: 2})
	if tab.IDColumn != 1 || tab.IDs()[3] != "u4" {
		t.Errorf("IDColumn %d, want user_id's 1", tab.IDColumn)
	}
	// Short integer columns numbered like rows are not ids without an id name.
	tab = mustRead(t, "tenure,churn\n1,yes\n2,no\n3,no\n", CSVOptions{})
	if c := tab.Column("tenure"); c.Kind != Numeric {
		t.Errorf("tenure kind = %v", c.Kind)
	}
}

func TestReadCSVLabel(t *testing.T) {
	cases := []struct {
		name, in      string
		opts          CSVOptions
		label         string
		positive, neg string
		values        []float64
	}{
		{"Churn Yes", "x,Churn\n1,Yes\n2,No\n3,No\n", CSVOptions{}, "Churn", "Yes", "No", []float64{1, 0, 0}},
		{"Revenue TRUE", "x,Revenue\n1,FALSE\n2,TRUE\n", CSVOptions{}, "Revenue", "TRUE", "FALSE", []float64{0, 1}},
		{"target 1", "x,target\n1,1\n2,0\n3,1\n", CSVOptions{}, "target", "1", "0", []float64{1, 0, 1}},
		{"is_churned words", "x,Is Churned,exited\n1,a,Stayed\n2,b,Churned\n", CSVOptions{}, "exited", "Churned", "Stayed", []float64{0, 1}},
		{"priority churn before label", "label,x,churn\nA,1,yes\nB,2,no\n", CSVOptions{}, "churn", "yes", "no", []float64{1, 0}},
		// A marketing campaign's answer (Kaggle's Customer Personality
		// Analysis names it Response).
		{"Response 0/1", "ID,Income,Response\n1,5,0\n2,6,1\n", CSVOptions{}, "Response", "1", "0", []float64{0, 1}},
		// Chinese: "whether purchased" with yes/no (是/否), the yes
		// class the rarer here; "churned" with churned/not churned.
		{"是否购买 是/否", "用户ID,年龄,是否购买\nU1,30,否\nU2,41,是\nU3,25,是\n", CSVOptions{}, "是否购买", "是", "否", []float64{0, 1, 1}},
		{"流失 words", "用户ID,年龄,流失\nU1,30,未流失\nU2,41,流失\nU3,25,未流失\n", CSVOptions{}, "流失", "流失", "未流失", []float64{0, 1, 0}},
		{"minority fallback", "x,outcome\n1,red\n2,red\n3,blue\n", CSVOptions{}, "outcome", "blue", "red", []float64{0, 0, 1}},
		{"by name any case", "x,bought\n1,no\n2,yes\n", CSVOptions{Label: "X"}, "x", "2", "1", []float64{0, 1}},
		{"requested positive", "x,churn\n1,yes\n2,no\n", CSVOptions{PositiveClass: "NO"}, "churn", "no", "yes", []float64{0, 1}},
		{"numeric 1.0/0.0", "x,y\n1,1.0\n2,0.0\n", CSVOptions{}, "y", "1.0", "0.0", []float64{1, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab := mustRead(t, c.in, c.opts)
			l := tab.Label
			if l.Name != c.label || l.Positive != c.positive || l.Negative != c.neg || !slices.Equal(l.Values, c.values) {
				t.Errorf("label = %+v, want %s %s/%s %v", l, c.label, c.positive, c.neg, c.values)
			}
			if tab.Column(c.label) != nil {
				t.Errorf("label column %q also among the features", c.label)
			}
		})
	}
	tab := mustRead(t, "x,churn\n1,yes\n2,no\n", CSVOptions{NoLabel: true})
	if tab.Label.Name != "" || tab.Column("churn") == nil {
		t.Errorf("NoLabel: label %+v, churn column %v", tab.Label, tab.Column("churn"))
	}
}

// TestLabelOptional: a table without a label column is read without one
// (both columns features) where a plain read refuses it; a label column it
// has is still the label, and a label named but absent is still refused.
// The Parquet reader takes the same rule.
func TestLabelOptional(t *testing.T) {
	tab := mustRead(t, "x,plan\n1,a\n2,b\n", CSVOptions{LabelOptional: true})
	if tab.Label.Name != "" || tab.Rows != 2 || tab.Column("x") == nil || tab.Column("plan") == nil {
		t.Errorf("no label column: label %+v, %d rows, columns %v", tab.Label, tab.Rows, tab.Columns)
	}
	tab = mustRead(t, "x,churn\n1,yes\n2,no\n", CSVOptions{LabelOptional: true})
	if tab.Label.Name != "churn" || !slices.Equal(tab.Label.Values, []float64{1, 0}) || tab.Column("churn") != nil {
		t.Errorf("a detected label: %+v", tab.Label)
	}
	_, err := readString("a,b\n1,2\n", CSVOptions{Label: "churn", LabelOptional: true})
	if err == nil || err.Error() != `t.csv:1: no column named "churn" for the label (columns: a, b)` {
		t.Errorf("a named label absent: %v", err)
	}
	pq := writeParquet(t, []pqCol{{"x", "int64"}, {"plan", "string"}}, [][]string{{"1", "a"}, {"2", "b"}}, 0)
	if _, err := ReadCSV(bytes.NewReader(pq), "u.parquet", CSVOptions{}); !errors.Is(err, ErrNoLabel) {
		t.Errorf("Parquet without LabelOptional: %v, want ErrNoLabel", err)
	}
	tab, err = ReadCSV(bytes.NewReader(pq), "u.parquet", CSVOptions{LabelOptional: true})
	if err != nil || tab.Label.Name != "" || tab.Rows != 2 || tab.Column("plan") == nil {
		t.Errorf("Parquet without a label column: %v %+v", err, tab)
	}
}

func TestReadCSVErrors(t *testing.T) {
	rows1000 := strings.Repeat("1,yes\n2,no\n", 500)
	cases := []struct {
		name, in string
		opts     CSVOptions
		want     string
		cause    error
	}{
		{"empty", "", CSVOptions{}, "t.csv: empty file (no header)", ErrEmpty},
		{"only blank lines", "\n\r\n\n", CSVOptions{}, "t.csv: empty file (no header)", ErrEmpty},
		{"only BOM", "\xEF\xBB\xBF", CSVOptions{}, "t.csv: empty file (no header)", ErrEmpty},
		{"header only", "x,churn\n", CSVOptions{}, "t.csv: only a header, no data rows", ErrHeaderOnly},
		{"too many fields", "x,churn\n1,yes\n2,no,9\n", CSVOptions{}, "t.csv:3:3: row has 3 fields, header has 2", ErrRagged},
		{"too few fields", "x,y,churn\n1,2,yes\n2,no\n", CSVOptions{}, "t.csv:3:3: row has 2 fields, header has 3", ErrRagged},
		{"ragged after sample", "x,churn\n" + rows1000 + "3\n", CSVOptions{}, "t.csv:1002:2: row has 1 field, header has 2", ErrRagged},
		{"unclosed quote", "x,churn\n1,yes\n\"2,no\n3,no\n", CSVOptions{}, "t.csv:3:1: quoted field is never closed", ErrSyntax},
		{"text after quote", "x,churn\n\"1\"2,yes\n", CSVOptions{}, "t.csv:2:1: unexpected '2' after the closing quote of a field", ErrSyntax},
		{"line after multi-line field", "n,x,churn\n\"a\nb\",1,yes\nc,2\n", CSVOptions{}, "t.csv:4:3: row has 2 fields, header has 3", ErrRagged},
		{"duplicate label name", "x,churn,churn\n1,yes,no\n", CSVOptions{}, `t.csv:1:3: columns 2 and 3 are both named "churn" and the label is found by that name: ` +
			`which one is the label is not clear; name column 3 "churn (2)", as it is read, or give the columns different names in the header`, ErrSyntax},
		{"text in numeric column", "x,churn\n" + rows1000 + "abc,yes\n", CSVOptions{},
			`t.csv:1002:1: column "x": expected a finite number (the column's first rows are numeric), got "abc"; correct such cells (a missing value may be left blank), or leave the column out with --exclude x`, ErrNotNumeric},
		{"inf in numeric column", "churn,x\nyes,1\nno,2\nno,+Inf\n", CSVOptions{InferRows: 2},
			`t.csv:4:2: column "x": expected a finite number (the column's first rows are numeric), got "+Inf"; correct such cells (a missing value may be left blank), or leave the column out with --exclude x`, ErrNotNumeric},
		{"no label found", "a,b\n1,2\n", CSVOptions{}, "t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …)", ErrNoLabel},
		// A report's title and date line above rows without a header
		// (title lines above a header are left out: TestReadCSVTitleLines):
		// the refusal says where the wider line is (blank lines are
		// skipped, so line 4).
		{"title above headerless rows", "Customer report\nexported 2024-05-01\n\n1,2,yes\n2,3,no\n", CSVOptions{},
			`t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); line 1 holds one cell, "Customer report", and line 4 is the first with 3 cells: if the lines above line 4 are a title, not the header, remove them`, ErrNoLabel},
		{"named label absent", "a,b\n1,2\n", CSVOptions{Label: "churn"}, `t.csv:1: no column named "churn" for the label (columns: a, b)`, ErrNoLabel},
		{"blank label, label optional", "x,churn\n1,yes\n2, \n", CSVOptions{LabelOptional: true}, `t.csv:3:2: label column "churn" is blank`, ErrLabelMissing},
		{"every label blank", "x,churn\n1,\n2, \n", CSVOptions{}, `t.csv:2:2: label column "churn" is blank on every row (2 rows)`, ErrLabelMissing},
		{"one class", "x,churn\n1,yes\n2,yes\n", CSVOptions{}, `t.csv: label column "churn" has only one class ("yes"); it needs exactly two`, ErrLabelNotBinary},
		{"three classes", "x,target\n1,a\n2,b\n3,c\n", CSVOptions{}, `t.csv: label column "target" has 3 classes ("a", "b", "c"); it needs exactly two`, ErrLabelNotBinary},
		{"many classes", "x,target\n" + numbered(30), CSVOptions{},
			`t.csv: label column "target" has more than 20 classes ("0", "1", "10", "11", "12", …); it needs exactly two`, ErrLabelNotBinary},
		{"unknown positive", "x,churn\n1,yes\n2,no\n", CSVOptions{PositiveClass: "maybe"},
			`t.csv: positive class "maybe" is not a value of label column "churn" ("no", "yes")`, ErrLabelNotBinary},
		{"no features", "customerID,k,churn\nA1,same,yes\nB2,same,no\n", CSVOptions{},
			"t.csv: no usable feature column (customerID: an identifier, k: constant)", ErrNoFeatures},
		{"label only", "churn\nyes\nno\n", CSVOptions{}, "t.csv: no usable feature column", ErrNoFeatures},
		// 25 constant columns: the first 20 named, then how many more.
		{"many columns without features", wideConstant(25), CSVOptions{},
			"t.csv: no usable feature column (c1: constant, c2: constant, c3: constant, c4: constant, c5: constant, c6: constant, c7: constant, c8: constant, c9: constant, c10: constant, " +
				"c11: constant, c12: constant, c13: constant, c14: constant, c15: constant, c16: constant, c17: constant, c18: constant, c19: constant, c20: constant, and 5 more)", ErrNoFeatures},
		{"bad delimiter option", "x,churn\n1,yes\n", CSVOptions{Delimiter: ':'}, `malformed CSV: t.csv: delimiter ':' is not comma, semicolon, tab or pipe`, ErrSyntax},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := readString(c.in, c.opts)
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if err.Error() != c.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), c.want)
			}
			if !errors.Is(err, c.cause) {
				t.Errorf("errors.Is(%v, %v) = false", err, c.cause)
			}
		})
	}
}

// wideConstant returns a table of n constant columns c1 … cn and a label.
func wideConstant(n int) string {
	var head, row strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&head, "c%d,", i)
		row.WriteString("0,")
	}
	return head.String() + "churn\n" + row.String() + "yes\n" + row.String() + "no\n"
}

// numbered returns n rows "i,i".
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%d,%d\n", i, i)
	}
	return b.String()
}

func TestSniffDelimiter(t *testing.T) {
	cases := []struct {
		in   string
		want byte
	}{
		{"a,b,c\n1,2,3\n", ','},
		{"a;b;c\n1,5;2;3\n", ';'},
		{"a\tb\n1\t2\n", '\t'},
		{"\"a;b\",c\n1,2\n", ','},
		{"single\n1\n", ','},
		{"a;b;c\n1;2;3\n4;5", ';'}, // a cut-off last line is ignored
	}
	for _, c := range cases {
		if got := sniffDelimiter([]byte(c.in)); got != c.want {
			t.Errorf("sniffDelimiter(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadCSVLongLine(t *testing.T) {
	long := strings.Repeat("x", 3*readBufferSize)
	tab := mustRead(t, "note,v,churn\n"+long+",1,yes\nshort,2,no\n", CSVOptions{})
	if c := tab.Column("note"); c.Strings[0] != long || c.Strings[1] != "short" {
		t.Errorf("long field lost: len %d", len(c.Strings[0]))
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"12.5", 12.5, true}, {"-0.05", -0.05, true}, {"+7", 7, true}, {".5", 0.5, true}, {"5.", 5, true},
		{"1e-3", 0.001, true}, {"0.1", 0.1, true}, {"9007199254740993", 9007199254740992, true},
		{"123456.7890123456789", 123456.7890123456789, true},
		{"", 0, false}, {"-", 0, false}, {".", 0, false}, {"1.2.3", 0, false}, {"1,5", 0, false},
		{"inf", 0, false}, {"NaN", 0, false}, {"1e999", 0, false}, {"abc", 0, false},
		{"1E3", 1000, true}, {"-2.5e+2", -250, true},
		// Go literal forms strconv.ParseFloat takes and no spreadsheet
		// writes (nor a warehouse's cast reads): not numbers.
		{"0x1p4", 0, false}, {"0X1P4", 0, false}, {"1_000", 0, false}, {"0x1_0p0", 0, false}, {"1_000.5e1", 0, false},
	}
	for _, c := range cases {
		got, ok := parseNumber([]byte(c.in))
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestReadCSVManyRows crosses several storage blocks.
func TestReadCSVManyRows(t *testing.T) {
	const n = 2*chunkLen + 123
	var b strings.Builder
	b.WriteString("x,plan,churn\n")
	for i := range n {
		fmt.Fprintf(&b, "%d.5,%c,%d\n", i, 'a'+i%3, i%2)
	}
	tab := mustRead(t, b.String(), CSVOptions{})
	x, plan := tab.Column("x"), tab.Column("plan")
	if tab.Rows != n || len(x.Values) != n || len(plan.Strings) != n || len(tab.Label.Values) != n {
		t.Fatalf("rows %d/%d/%d/%d, want %d", tab.Rows, len(x.Values), len(plan.Strings), len(tab.Label.Values), n)
	}
	for _, i := range []int{0, chunkLen - 1, chunkLen, 2 * chunkLen, n - 1} {
		if x.Values[i] != float64(i)+0.5 || plan.Strings[i] != string(rune('a'+i%3)) || tab.Label.Values[i] != float64(i%2) {
			t.Errorf("row %d: %v %q %v", i, x.Values[i], plan.Strings[i], tab.Label.Values[i])
		}
	}
}
