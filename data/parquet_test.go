package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/internal/shareddata"
)

// csvText writes rows (the first one the header) as CSV.
func csvText(t testing.TB, rows [][]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// typedColumns gives each column of a CSV the Parquet type a writer such
// as pandas would pick: int64 when every cell is a whole number, double
// when every cell is a number, else string (blank cells are nulls).
func typedColumns(header []string, rows [][]string) []pqCol {
	cols := make([]pqCol, len(header))
	for j, h := range header {
		kind := "int64"
		for _, r := range rows {
			c := strings.TrimSpace(r[j])
			if c == "" {
				continue
			}
			if _, err := strconv.ParseInt(c, 10, 64); err == nil {
				continue
			}
			if _, err := strconv.ParseFloat(c, 64); err == nil && kind != "string" {
				kind = "double"
				continue
			}
			kind = "string"
		}
		cols[j] = pqCol{h, kind}
	}
	return cols
}

// blankSpaces turns whitespace-only cells into blanks (nulls in Parquet),
// as a CSV reader treats them.
func blankSpaces(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = slices.Clone(r)
		for j := range r {
			if strings.TrimSpace(r[j]) == "" {
				out[i][j] = ""
			}
		}
	}
	return out
}

func TestParquetTelcoTableMatchesCSV(t *testing.T) {
	path := filepath.Join(datasetsDir, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		shareddata.Missing(t, path, err)
	}
	all, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header, rows := all[0], blankSpaces(all[1:])
	cols := typedColumns(header, rows)
	// TotalCharges has blanks and decimals: a double column with nulls.
	if i := slices.Index(header, "TotalCharges"); cols[i].kind != "double" {
		t.Fatalf("TotalCharges typed %q, want double", cols[i].kind)
	}
	pq := writeParquet(t, cols, rows, 3000) // three row groups
	want, err := ReadCSV(bytes.NewReader(raw), "telco.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadCSV(bytes.NewReader(pq), "telco.parquet", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Rows != want.Rows || got.Label.Name != want.Label.Name || got.Label.Positive != want.Label.Positive ||
		got.Label.Negative != want.Label.Negative || !sameFloats(got.Label.Values, want.Label.Values) {
		t.Fatalf("label/rows: got %d rows, label %q (%s/%s); want %d rows, label %q (%s/%s)", got.Rows, got.Label.Name,
			got.Label.Positive, got.Label.Negative, want.Rows, want.Label.Name, want.Label.Positive, want.Label.Negative)
	}
	if len(got.Columns) != len(want.Columns) {
		t.Fatalf("%d columns, want %d", len(got.Columns), len(want.Columns))
	}
	for _, wc := range want.Columns {
		gc := got.Column(wc.Name)
		if gc == nil {
			t.Errorf("column %q missing", wc.Name)
			continue
		}
		if gc.Kind != wc.Kind || gc.Missing != wc.Missing || !sameFloats(gc.Values, wc.Values) ||
			!slices.Equal(gc.Strings, wc.Strings) || !slices.Equal(gc.Levels, wc.Levels) {
			t.Errorf("column %q: got %v (%d missing, levels %v), want %v (%d missing, levels %v)",
				wc.Name, gc.Kind, gc.Missing, gc.Levels, wc.Kind, wc.Missing, wc.Levels)
		}
	}
}

// retailRows is a small log in the shape of UCI Online Retail: "C"
// cancellations, a blank customer, a stock adjustment (negative quantity,
// price 0, no customer), whole-number double customer ids.
var retailRows = [][]string{
	{"536365", "85123A", "6", "2010-12-01 08:26:00", "2.55", "17850", "United Kingdom"},
	{"536365", "71053", "6", "2010-12-01 08:26:00", "3.39", "17850", "United Kingdom"},
	{"536366", "22633", "6", "2010-12-01 08:28:00", "1.85", "17850", "United Kingdom"},
	{"536367", "84879", "32", "2010-12-01 08:34:00", "1.69", "13047", "United Kingdom"},
	{"C536379", "D", "-1", "2010-12-01 09:41:00", "27.5", "14527", "United Kingdom"},
	{"536414", "22139", "56", "2010-12-01 11:52:00", "0", "", "United Kingdom"},
	{"536544", "21773", "1", "2010-12-01 14:32:00", "2.51", "", "United Kingdom"},
	{"536589", "21777", "-10", "2010-12-01 16:50:00", "0", "", "United Kingdom"},
	{"536590", "22960", "4", "2010-12-02 10:01:00", "4.25", "13047", "United Kingdom"},
	{"536591", "22961", "12", "2010-12-05 12:00:00", "1.45", "12583", "France"},
	{"C536592", "22961", "-2", "2010-12-05 12:05:00", "1.45", "12583", "France"},
	{"536593", "21212", "24", "2010-12-09 09:00:00", "0.55", "17850", "United Kingdom"},
}

func TestParquetOrderLogMatchesCSV(t *testing.T) {
	for _, names := range [][]string{
		{"InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"},
		// The UCI "Online Retail II" spelling, with a space in the id's name.
		{"Invoice", "StockCode", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"},
	} {
		cols := []pqCol{{names[0], "string"}, {names[1], "string"}, {names[2], "int64"}, {names[3], "string"},
			{names[4], "double"}, {names[5], "double"}, {names[6], "string"}}
		pq := writeParquet(t, cols, retailRows, 5)
		want, err := ReadOrderLog(bytes.NewReader(csvText(t, append([][]string{names}, retailRows...))), "retail.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ReadOrderLog(bytes.NewReader(pq), "retail.parquet", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.Customers, []string{"17850", "13047", "12583"}) {
			t.Errorf("%s: customers %q, want the ids as whole numbers", names[5], got.Customers)
		}
		if !slices.Equal(got.Customers, want.Customers) || !slices.Equal(got.Orders, want.Orders) || got.Columns != want.Columns ||
			got.Lines != want.Lines || got.Cancelled != want.Cancelled || got.MissingCustomer != want.MissingCustomer ||
			got.Adjustments != want.Adjustments || !got.First.Equal(want.First) || !got.Last.Equal(want.Last) {
			t.Errorf("%s: Parquet log differs from CSV:\n got %+v\nwant %+v", names[5], got, want)
		}
		if got.Lines != 12 || got.Cancelled != 2 || got.MissingCustomer != 2 || got.Adjustments != 1 || len(got.Orders) != 6 {
			t.Errorf("%s: %d lines, %d cancelled, %d without id, %d adjustments, %d orders; want 12, 2, 2, 1, 6",
				names[5], got.Lines, got.Cancelled, got.MissingCustomer, got.Adjustments, len(got.Orders))
		}
	}
}

func TestParquetLogicalDatesAreISODates(t *testing.T) {
	cols := []pqCol{{"customer_id", "int64"}, {"order_date", "date"}, {"paid_at", "timestamp"}, {"amount", "double"}}
	rows := [][]string{
		{"1", "2024-01-05", "2024-01-05 10:00:00", "10.5"},
		{"2", "2024-01-06", "2024-01-06 23:59:59", "3"},
		{"1", "2024-02-01", "2024-02-01 00:00:00", "7.25"},
	}
	pq := writeParquet(t, cols, rows, 0)
	rec := &recordReader{}
	in, _, err := sniffParquet(bytes.NewReader(pq), "d.parquet")
	if err != nil || in == nil {
		t.Fatalf("not recognised as Parquet: %v", err)
	}
	pf, err := openParquet(in, "d.parquet")
	if err != nil {
		t.Fatal(err)
	}
	it := pf.rowReader(nil)
	defer it.close()
	if err := it.next(rec); err != nil {
		t.Fatal(err)
	}
	var cells []string
	for i := range rec.fields() {
		cells = append(cells, pf.header[i]+"="+string(rec.field(i)))
	}
	slices.Sort(cells)
	want := []string{"amount=10.5", "customer_id=1", "order_date=2024-01-05", "paid_at=2024-01-05 10:00:00"}
	if !slices.Equal(cells, want) {
		t.Fatalf("first row %q, want %q", cells, want)
	}
	for _, time := range []string{"order_date", "paid_at"} {
		log, err := ReadOrderLog(bytes.NewReader(pq), "d.parquet", LogOptions{Columns: LogColumns{Time: time}})
		if err != nil {
			t.Fatal(err)
		}
		if len(log.Orders) != 3 || log.First.Format("2006-01-02") != "2024-01-05" || log.Last.Format("2006-01-02") != "2024-02-01" {
			t.Errorf("time %s: %d orders %v .. %v", time, len(log.Orders), log.First, log.Last)
		}
	}
}

func TestParquetOnlineRetail(t *testing.T) {
	path := filepath.Join(datasetsDir, "online_retail", "online_retail.parquet")
	f, err := os.Open(path)
	if err != nil {
		shareddata.Missing(t, path, err)
	}
	defer f.Close()
	log, err := ReadOrderLog(f, "online_retail.parquet", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := LogColumns{Customer: "CustomerID", Time: "InvoiceDate", Price: "UnitPrice", Quantity: "Quantity",
		Order: "InvoiceNo", Item: "StockCode"}
	if log.Columns != want {
		t.Errorf("columns %+v, want %+v", log.Columns, want)
	}
	// SOURCE.md: 541,909 lines; 9,288 "C" lines are cancelled; 1,336
	// stock adjustments; of the 135,080 lines without a customer, 1,336
	// are those adjustments and 383 are "C" lines, which leaves 133,361
	// (the 2 "Adjust bad debt" lines at price −11,062.06 among them: a
	// negative amount without a customer cancels no one's order).
	if log.Lines != 541_909 || log.Cancelled != 9_288 || log.Adjustments != 1_336 || log.MissingCustomer != 133_361 {
		t.Errorf("%d lines, %d cancelled, %d adjustments, %d without a customer id; want 541,909, 9,288, 1,336, 133,361",
			log.Lines, log.Cancelled, log.Adjustments, log.MissingCustomer)
	}
	// 4,372 customers in the file; 33 of them have only cancellations.
	if len(log.Customers) != 4_339 || log.Customers[0] != "17850" {
		t.Errorf("%d customers, first %q; want 4,339, first 17850", len(log.Customers), log.Customers[0])
	}
	if got := log.First.Format("2006-01-02") + " .. " + log.Last.Format("2006-01-02"); got != "2010-12-01 .. 2011-12-09" {
		t.Errorf("dates %s", got)
	}
	_, rep, err := BuildCohort(log, log.Last.AddDate(0, 0, -30), 30)
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.String(); !strings.Contains(s, "541,909 lines, 18,536 orders, 9,288 cancelled, 133,361 without a customer id, 1,336 stock adjustments (negative quantity at price 0, no customer)") {
		t.Errorf("summary %q", s)
	}
}

func TestParquetErrorsNameRowGroupRowColumn(t *testing.T) {
	// An age column of numbers with one word at row 1234: the CSV rule (a
	// stray cell in a column the first rows typed numeric) with the row
	// group, the row and the column.
	rows := make([][]string, 1500)
	for i := range rows {
		rows[i] = []string{strconv.Itoa(i + 1), strconv.Itoa(20 + i%50), []string{"yes", "no"}[i%2]}
	}
	rows[1233][1] = "old"
	pq := writeParquet(t, []pqCol{{"id", "int64"}, {"age", "string"}, {"churn", "string"}}, rows, 1000)
	_, err := ReadCSV(bytes.NewReader(pq), "users.parquet", CSVOptions{})
	want := `users.parquet: row group 2, row 1234, column "age": expected a finite number (the column's first rows are numeric), got "old"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`
	if err == nil || err.Error() != want || !errors.Is(err, ErrNotNumeric) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
	rows[1233][1], rows[1299][2] = "33", ""
	pq = writeParquet(t, []pqCol{{"id", "int64"}, {"age", "string"}, {"churn", "string"}}, rows, 1000)
	_, err = ReadCSV(bytes.NewReader(pq), "users.parquet", CSVOptions{LabelOptional: true})
	want = `users.parquet: row group 2, row 1300, column "churn": label column "churn" is blank`
	if err == nil || err.Error() != want || !errors.Is(err, ErrLabelMissing) {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}

	log := slices.Clone(retailRows)
	log[6] = slices.Clone(log[6])
	log[6][3] = "yesterday"
	cols := []pqCol{{"InvoiceNo", "string"}, {"StockCode", "string"}, {"Quantity", "int64"}, {"InvoiceDate", "string"},
		{"UnitPrice", "double"}, {"CustomerID", "double"}, {"Country", "string"}}
	_, err = ReadOrderLog(bytes.NewReader(writeParquet(t, cols, log, 5)), "online_retail.parquet", LogOptions{})
	want = `online_retail.parquet: row group 2, row 7, column "InvoiceDate": unparseable date "yesterday": want YYYY-MM-DD`
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, ErrBadDate) {
		t.Errorf("error\n got %v\nwant %s…", err, want)
	}
	_, err = ReadOrderLog(bytes.NewReader(writeParquet(t, cols, retailRows, 0)), "online_retail.parquet",
		LogOptions{Columns: LogColumns{Amount: "Total"}})
	want = `online_retail.parquet: no column "Total" for the amount (columns: `
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, ErrLogColumns) {
		t.Errorf("error\n got %v\nwant %s…", err, want)
	}
}

func TestParquetPipelineReadRows(t *testing.T) {
	_, p := fitTrain(t, PipelineOptions{})
	cols := []pqCol{{"age", "double"}, {"plan", "string"}, {"promo", "string"}, {"customerID", "string"}}
	rows := [][]string{{"", "gold", "yes", "n1"}, {"80", "pro", "No", "n2"}}
	got, err := p.ReadRows(bytes.NewReader(writeParquet(t, cols, rows, 0)), "new.parquet")
	if err != nil {
		t.Fatal(err)
	}
	want, err := p.ReadRows(strings.NewReader("promo;extra;plan;age;customerID\nyes;z;gold;;n1\nNo;z;pro;80,0;n2\n"), "new.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.X.RawMatrix().Data, want.X.RawMatrix().Data) || !slices.Equal(got.IDs, want.IDs) || got.Labels != nil {
		t.Errorf("Parquet rows %v IDs %v, CSV rows %v IDs %v", got.X.RawMatrix().Data, got.IDs, want.X.RawMatrix().Data, want.IDs)
	}
	rows[1][0] = ""
	rows = append(rows, []string{"30", "basic", "maybe", "n3"})
	_, err = p.ReadRows(bytes.NewReader(writeParquet(t, cols, rows, 2)), "new.parquet")
	if want := `new.parquet: row group 2, row 3, column "promo": expected "No" or "Yes", got "maybe"`; err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}
