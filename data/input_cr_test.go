package data

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// The lines of these files end in a CR alone, as Excel for Mac's "CSV
// (Macintosh)" writes them.
func TestCROnlyTablesReadAsLines(t *testing.T) {
	tab := mustRead(t, "x,note,churn\r1,\"two\rlines\",yes\r2.5,plain,no\r\r3,,no\r", CSVOptions{})
	x, note := tab.Column("x"), tab.Column("note")
	if x == nil || x.Kind != Numeric || !sameFloats(x.Values, []float64{1, 2.5, 3}) {
		t.Fatalf("x = %+v, want numeric 1, 2.5, 3", x)
	}
	// The quoted CR is data: the cell keeps it.
	if note == nil || strings.Join(note.Strings, "|") != "two\rlines|plain|" {
		t.Errorf("note = %+v, want the cells \"two\\rlines\", \"plain\", \"\"", note)
	}
	if !sameFloats(tab.Label.Values, []float64{1, 0, 0}) {
		t.Errorf("label %v, want 1 0 0", tab.Label.Values)
	}
}

// Line numbers in messages count the CR-terminated lines: the short row
// is on line 4 (the quoted CR on line 2 does not end a line).
func TestCROnlyLineNumbersInErrors(t *testing.T) {
	_, err := readString("x,note,churn\r1,\"a\rb\",yes\r2,c,no\r3,d\r", CSVOptions{})
	if err == nil || err.Error() != "t.csv:4:3: row has 2 fields, header has 3" {
		t.Errorf("err = %v, want t.csv:4:3: row has 2 fields, header has 3", err)
	}
	_, err = ReadOrderLog(strings.NewReader("customer,date,amount\ra,2020-01-01,5\rb,2020-01-02\r"), "log.csv", LogOptions{})
	if err == nil || err.Error() != "log.csv:3:3: 2 fields, the header has 3" {
		t.Errorf("log err = %v, want log.csv:3:3: 2 fields, the header has 3", err)
	}
}

func TestCROnlyOrderLog(t *testing.T) {
	text := "customer;date;amount\rA;2020-01-05;12,50\rB;2020-01-07;3\rA;2020-02-01;1\r"
	log, err := ReadOrderLog(iotest.OneByteReader(strings.NewReader(text)), "log.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		cust   string
		day    time.Time
		amount float64
	}{{"A", ymd(2020, 1, 5), 12.5}, {"B", ymd(2020, 1, 7), 3}, {"A", ymd(2020, 2, 1), 1}}
	if len(log.Orders) != len(want) {
		t.Fatalf("%d orders, want %d", len(log.Orders), len(want))
	}
	for i, w := range want {
		o := log.Orders[i]
		if log.Customers[o.Customer] != w.cust || !dayTime(o.Day).Equal(w.day) || o.Amount != w.amount {
			t.Errorf("order %d = %s %v %v, want %+v", i, log.Customers[o.Customer], dayTime(o.Day), o.Amount, w)
		}
	}
}

func TestCROnlyDetection(t *testing.T) {
	cases := []struct {
		head  string
		atEOF bool
		want  bool
	}{
		{"a,b\r1,2\r", true, true},
		{"a,b\r1,2", true, true},
		{"a,b\r", true, true},
		{"a,b\r", false, false}, // its next byte may be an LF
		{"a,b\r\n1,2\r\n", true, false},
		{"a,b\n1,\"x\ry\"\n", true, false},
		{"a,\"b\rc\"\n1,2\n", true, false}, // the CR is in quotes; the line ends in LF
		{"a,\"b\rc\"\r1,2\r", true, true},
		{"a,b", true, false},
		{"", true, false},
		// Quotes are followed as the record reader follows them. A quote
		// inside an unquoted field (5'3") is data and opens nothing: the
		// CR after it ends the line.
		{"id,height 5'3\",churn\r1,2,yes\r", true, true},
		{"x\"y,\"a\"\"b\"\r1,2\r", true, true}, // after a stray quote, a quoted field with a doubled quote
		// and the LF after one ends a line: an LF file.
		{"a,b\"c\nd\"\r1,2\r", true, false},
		// Doubled quotes inside a quoted field are a quote; a CR among
		// them is data, the CR after the closing quote the line end.
		{"a,\"say \"\"hi\"\"\rnow\"\r1,2\r", true, true},
		{"a,\"\"\"\r\"\"\"\n1,2\n", true, false}, // the CR is inside """…""", the LF ends the line
		{"a,\"x\"\"\"\r1,2\r", true, true},       // "x""" closes before the CR
		{"a,\"\"\r1,2\r", true, true},            // "" is an empty field, closed
		// A quote opens a field only right after the delimiter (here a
		// semicolon: a quote after a comma is inside a field).
		{"a;b,\"c\rd;e\r1;2\r", true, true},
	}
	for _, c := range cases {
		if got := crOnlyLines([]byte(c.head), c.atEOF); got != c.want {
			t.Errorf("crOnlyLines(%q, %v) = %v, want %v", c.head, c.atEOF, got, c.want)
		}
	}
}

// A CR-only file whose header has a quote inside an unquoted field
// (5'3") reads as lines: the quote opens no quoted field.
func TestCROnlyHeaderWithStrayQuote(t *testing.T) {
	tab := mustRead(t, "id,height 5'3\",churn\ru1,1,yes\ru2,2,no\ru3,3,no\r", CSVOptions{})
	if h := tab.Column("height 5'3\""); tab.Rows != 3 || h == nil || !sameFloats(h.Values, []float64{1, 2, 3}) {
		t.Fatalf("rows %d, column %+v; want 3 rows, 1 2 3", tab.Rows, h)
	}
}

// crLines rewrites line ends alike whichever bytes each read returns.
func TestCRLinesRewrite(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a,b\r1,2\r", "a,b\n1,2\n"},
		{"a,b\r1,\"x\ry\"\r2,z\r", "a,b\n1,\"x\ry\"\n2,z\n"},
		{"a,b\r1,\"say \"\"hi\"\"\rnow\"\r", "a,b\n1,\"say \"\"hi\"\"\rnow\"\n"},
		// A quote inside an unquoted field is data and opens nothing.
		{"a,b\r5'3\",x\r6,y\r", "a,b\n5'3\",x\n6,y\n"},
		{"a;b\r1;\"p\rq\"\r", "a;b\n1;\"p\rq\"\n"},
		{"a,b\r1,2\r\n3,4\r", "a,b\n1,2\n3,4\n"}, // a CRLF among CRs is one line end
		{"a,b\r\r\n", "a,b\n\n"},
	}
	for _, c := range cases {
		for _, one := range []bool{false, true} {
			var src io.Reader = strings.NewReader(c.in)
			if one {
				src = iotest.OneByteReader(src)
			}
			cr := &crLines{src: src, delim: ',', fieldStart: true}
			if strings.Contains(c.in, ";") {
				cr.delim = ';'
			}
			got, err := io.ReadAll(cr)
			if err != nil || string(got) != c.want {
				t.Errorf("crLines(%q, one byte %v) = %q, %v; want %q", c.in, one, got, err, c.want)
			}
		}
	}
	// A read error passes through.
	cr := &crLines{src: iotest.ErrReader(io.ErrUnexpectedEOF), delim: ','}
	if _, err := cr.Read(make([]byte, 8)); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v, want unexpected EOF", err)
	}
}
