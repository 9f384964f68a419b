package data

import (
	"bytes"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// renameParquetColumn gives column from of a Parquet file (written by
// writeParquet, whose schema cannot hold one name twice) the name to in
// its footer: the schema element and each column chunk's path. The
// footer is decoded and encoded again with parquet-go's thrift.
func renameParquetColumn(t *testing.T, b []byte, from, to string) []byte {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(b[len(b)-8:]))
	start := len(b) - 8 - n
	var meta format.FileMetaData
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), b[start:len(b)-8], &meta); err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range meta.Schema {
		if meta.Schema[i].Name == from {
			meta.Schema[i].Name, found = to, true
		}
	}
	if !found {
		t.Fatalf("no column %q", from)
	}
	for g := range meta.RowGroups {
		for c := range meta.RowGroups[g].Columns {
			path := meta.RowGroups[g].Columns[c].MetaData.PathInSchema
			if len(path) == 1 && path[0] == from {
				path[0] = to
			}
		}
	}
	footer, err := thrift.Marshal(new(thrift.CompactProtocol), &meta)
	if err != nil {
		t.Fatal(err)
	}
	out := append(slices.Clone(b[:start]), footer...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(footer)))
	return append(out, "PAR1"...)
}

// visitsParquet is TestDuplicateHeaderNamesAreRenamed's table as a
// Parquet file. writeParquet's schema orders the columns by name, so the
// file's columns are churn, id, visits, visits: "visits" is columns 3 and 4.
func visitsParquet(t *testing.T) []byte {
	cols := []pqCol{{"id", "string"}, {"visits", "int64"}, {"churn", "string"}, {"visits_b", "int64"}}
	rows := [][]string{{"u1", "1", "yes", "7"}, {"u2", "2", "no", "8"}, {"u3", "3", "no", "9"}}
	return renameParquetColumn(t, writeParquet(t, cols, rows, 0), "visits_b", "visits")
}

// A Parquet table with a repeated column name loads as a CSV table does:
// the second column read as "visits (2)", said in the same note.
func TestParquetDuplicateNamesAreRenamed(t *testing.T) {
	b := visitsParquet(t)
	tab, err := ReadCSV(bytes.NewReader(b), "t.parquet", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range tab.Columns {
		names = append(names, c.Name)
	}
	// churn, the label, is no feature column.
	if got := strings.Join(names, "|"); got != "id|visits|visits (2)" {
		t.Errorf("columns %s", got)
	}
	visits, second := tab.Column("visits"), tab.Column("visits (2)")
	if visits == nil || second == nil || !slices.Equal(visits.Values, []float64{1, 2, 3}) || !slices.Equal(second.Values, []float64{7, 8, 9}) {
		t.Fatalf("visits %+v, visits (2) %+v", visits, second)
	}
	want := []RenamedColumn{{Column: 4, First: 3, Header: "visits", Name: "visits (2)"}}
	if !slices.Equal(tab.Renamed, want) {
		t.Errorf("renamed %+v", tab.Renamed)
	}
	note := `t.parquet: columns 3 and 4 are both named "visits": column 4 is read as "visits (2)"`
	if notes := LoadNotes(tab); !slices.Contains(notes, note) {
		t.Errorf("notes %q lack %q", notes, note)
	}
}

// The label or a column to leave out named by a shared name is refused
// in a Parquet table as in a CSV one (TestSharedNamesNamedAreRefused),
// the file having no header line to point at.
func TestParquetSharedNamesNamedAreRefused(t *testing.T) {
	b := visitsParquet(t)
	how := `which one is meant is not clear; name column 4 "visits (2)", as it is read, or give the columns different names in the header`
	cases := []struct {
		opts CSVOptions
		want string
	}{
		{CSVOptions{Label: "Visits"}, `t.parquet: columns 3 and 4 are both named "visits" and the label is named so: ` + how},
		{CSVOptions{Label: "churn", Exclude: []string{"visits"}}, `t.parquet: columns 3 and 4 are both named "visits" and a column to leave out is named so: ` + how},
	}
	for _, c := range cases {
		if _, err := ReadCSV(bytes.NewReader(b), "t.parquet", c.opts); err == nil || err.Error() != c.want {
			t.Errorf("%+v: err = %v\nwant %s", c.opts, err, c.want)
		}
	}
}

// A log whose repeated column name serves no role reads, the second
// column renamed and said so; one whose customer, date or amount is found
// by a repeated name is refused, naming both columns and --log-columns;
// so named by number, it reads. CSV and Parquet alike.
func TestLogDuplicateNames(t *testing.T) {
	type file struct {
		name string
		b    []byte
	}
	// writeParquet orders the columns by name: amount, customer, date,
	// note, note (the last written as note_b).
	noteRows := [][]string{{"5", "A", "2020-01-05", "x", "y"}, {"6", "A", "2020-03-05", "x", "z"}}
	notePQ := writeParquet(t, []pqCol{{"amount", "double"}, {"customer", "string"}, {"date", "string"}, {"note", "string"}, {"note_b", "string"}}, noteRows, 0)
	notes := []file{
		{"log.csv", []byte("amount,customer,date,note,note\n5,A,2020-01-05,x,y\n6,A,2020-03-05,x,z\n")},
		{"log.parquet", renameParquetColumn(t, notePQ, "note_b", "note")},
	}
	for _, f := range notes {
		log, err := ReadOrderLog(bytes.NewReader(f.b), f.name, LogOptions{})
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if got := strings.Join(log.Header, "|"); got != "amount|customer|date|note|note (2)" {
			t.Errorf("%s: header %s", f.name, got)
		}
		want := []string{`columns 4 and 5 are both named "note": column 5 is read as "note (2)"`}
		if got := log.RenamedNotes(); !slices.Equal(got, want) {
			t.Errorf("%s: notes %q, want %q", f.name, got, want)
		}
		if len(log.Orders) != 2 || log.Orders[1].Amount != 6 {
			t.Errorf("%s: orders %+v", f.name, log.Orders)
		}
	}
	// amount, amount (amount_b), customer, date: columns 1 and 2.
	amountRows := [][]string{{"5", "50", "A", "2020-01-05"}, {"6", "60", "A", "2020-03-05"}}
	amountPQ := writeParquet(t, []pqCol{{"amount", "double"}, {"amount_b", "double"}, {"customer", "string"}, {"date", "string"}}, amountRows, 0)
	amounts := []file{
		{"log.csv", []byte("amount,amount,customer,date\n5,50,A,2020-01-05\n6,60,A,2020-03-05\n")},
		{"log.parquet", renameParquetColumn(t, amountPQ, "amount_b", "amount")},
	}
	for _, f := range amounts {
		_, err := ReadOrderLog(bytes.NewReader(f.b), f.name, LogOptions{})
		where := f.name + ":1:1: "
		if f.name == "log.parquet" {
			where = f.name + `: column "amount": `
		}
		want := where + `columns 1 and 2 are both named "amount" and the amount is found by that name: which one is meant is not clear; ` +
			"name it by its number (--log-columns amount=1 or amount=2)"
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v\nwant %s", f.name, err, want)
		}
		// The columns offered to choose from are named as they are read.
		var pe *ParseError
		if !errors.As(err, &pe) || !slices.Equal(pe.Facts.(LogColumnsUnknown).Header, []string{"amount", "amount (2)", "customer", "date"}) {
			t.Errorf("%s: facts %+v", f.name, pe)
		}
		// Named by number or by the name it is read under, column 2 is
		// the amount: its amounts, 50 and 60, are the orders'.
		for _, amount := range []string{"2", "Amount (2)"} {
			log, err := ReadOrderLog(bytes.NewReader(f.b), f.name, LogOptions{Columns: LogColumns{Amount: amount}})
			if err != nil {
				t.Fatalf("%s: amount=%s: %v", f.name, amount, err)
			}
			if len(log.Orders) != 2 || log.Orders[0].Amount != 50 || log.Orders[1].Amount != 60 || log.Columns.Amount != "amount (2)" {
				t.Errorf("%s: amount=%s: orders %+v, columns %+v", f.name, amount, log.Orders, log.Columns)
			}
		}
	}
	// Three columns of the customer's name.
	_, err := ReadOrderLog(strings.NewReader("user,date,user,amount,user\nA,2020-01-05,B,5,C\n"), "log.csv", LogOptions{})
	want := `log.csv:1:1: columns 1, 3 and 5 are all named "user" and the customer id is found by that name: which one is meant is not clear; ` +
		"name it by its number (--log-columns customer=1, customer=3 or customer=5)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
