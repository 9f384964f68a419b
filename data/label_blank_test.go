package data

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestBlankLabelRowsLeftOut: rows whose label is blank (empty, spaces or
// NA) are left out of a labelled table and counted, with the first line, in
// the load notes. By hand: lines 3, 5 and 6 are blank, 4 rows remain.
func TestBlankLabelRowsLeftOut(t *testing.T) {
	csv := "id,x,churn\nu1,1.5,yes\nu2,2.5,\nu3,3.5,no\nu4,4.5, \nu5,5.5,NA\nu6,6.5,no\nu7,7.5,yes\n"
	tab, err := ReadCSV(strings.NewReader(csv), "t.csv", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 4 || fmt.Sprint(tab.IDs()) != "[u1 u3 u6 u7]" || fmt.Sprint(tab.Label.Values) != "[1 0 0 1]" {
		t.Errorf("rows %d, ids %v, label %v", tab.Rows, tab.IDs(), tab.Label.Values)
	}
	if tab.BlankLabels != (BlankLabels{Rows: 3, First: 3}) {
		t.Errorf("blank labels %+v", tab.BlankLabels)
	}
	want := `t.csv: 3 rows without a label (column "churn" blank) left out, the first on line 3: they cannot be trained on or measured; predict still scores them`
	if notes := LoadNotes(tab); len(notes) == 0 || notes[0] != want {
		t.Errorf("notes %q, want first %q", notes, want)
	}
}

// TestBlankLabelRowsAcrossBlocks: the rows after the sample are parsed in
// parallel blocks; the count and the first line are joined in file order.
// By hand: rows 1..400 (line = row + 1), every 50th row blank from row 150:
// rows 150, 200, …, 400 (6 rows), the first on line 151.
func TestBlankLabelRowsAcrossBlocks(t *testing.T) {
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 64
	var b strings.Builder
	b.WriteString("x,churn\n")
	for i := 1; i <= 400; i++ {
		label := []string{"yes", "no"}[i%2]
		if i >= 150 && i%50 == 0 {
			label = ""
		}
		fmt.Fprintf(&b, "%d.5,%s\n", i, label)
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "t.csv", CSVOptions{InferRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 394 || tab.BlankLabels != (BlankLabels{Rows: 6, First: 151}) {
		t.Errorf("rows %d, blank %+v", tab.Rows, tab.BlankLabels)
	}
}

// TestBlankLabelParquetRow: a Parquet file's blank labels are located by
// row (row 1300 is on "line" 1301 of the CSV rules).
func TestBlankLabelParquetRow(t *testing.T) {
	rows := make([][]string, 1500)
	for i := range rows {
		rows[i] = []string{strconv.Itoa(i + 1), strconv.Itoa(20 + i%50), []string{"yes", "no"}[i%2]}
	}
	rows[1299][2] = ""
	pq := writeParquet(t, []pqCol{{"id", "int64"}, {"age", "string"}, {"churn", "string"}}, rows, 1000)
	tab, err := ReadCSV(bytes.NewReader(pq), "users.parquet", CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Rows != 1499 || tab.BlankLabels != (BlankLabels{Rows: 1, First: 1300, Parquet: true}) {
		t.Errorf("rows %d, blank %+v", tab.Rows, tab.BlankLabels)
	}
}
