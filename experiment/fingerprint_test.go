package experiment

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// fingerprintRows is a small per-user table of n rows: an id, a number
// with a blank cell, a category and a yes/no label.
func fingerprintRows(n int) []string {
	rows := make([]string, n)
	for i := range n {
		spend := fmt.Sprintf("%d.5", 10+i*7%23)
		if i == 3 {
			spend = ""
		}
		rows[i] = fmt.Sprintf("u%02d,%s,%s,%s", i, spend, []string{"basic", "pro"}[i%2], []string{"No", "Yes"}[i%3/2])
	}
	return rows
}

func fingerprintOf(t *testing.T, header string, rows []string) *RowsFingerprint {
	t.Helper()
	tab, err := data.ReadCSV(strings.NewReader(header+"\n"+strings.Join(rows, "\n")+"\n"), "users.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	return TableFingerprint(tab)
}

func TestTableFingerprintIgnoresOrderAndSeesOneCell(t *testing.T) {
	const header = "user,spend,plan,churn"
	rows := fingerprintRows(30)
	fp := fingerprintOf(t, header, rows)
	if fp == nil || fp.Rows != 30 || len(fp.Sum) != 4 {
		t.Fatalf("fingerprint %+v, want 30 rows and 4 hex digits", fp)
	}
	if err := fp.validate(); err != nil {
		t.Fatal(err)
	}
	reversed := make([]string, len(rows))
	for i, r := range rows {
		reversed[len(rows)-1-i] = r
	}
	if got := fingerprintOf(t, header, reversed); !fp.Matches(got) {
		t.Errorf("rows in another order: %+v, want %+v", got, fp)
	}
	// The same columns in another order are the same rows.
	swapped := make([]string, len(rows))
	for i, r := range rows {
		f := strings.Split(r, ",")
		swapped[i] = strings.Join([]string{f[3], f[2], f[1], f[0]}, ",")
	}
	if got := fingerprintOf(t, "churn,plan,spend,user", swapped); !fp.Matches(got) {
		t.Errorf("columns in another order: %+v, want %+v", got, fp)
	}
	for name, change := range map[string]func([]string){
		"one number":     func(r []string) { r[5] = strings.Replace(r[5], ".5", ".25", 1) },
		"a blank filled": func(r []string) { r[3] = strings.Replace(r[3], ",,", ",12.5,", 1) },
		"one label":      func(r []string) { r[7] = strings.Replace(r[7], "No", "Yes", 1) },
		"one category":   func(r []string) { r[8] = strings.Replace(r[8], "basic", "pro", 1) },
		// Two rows swapping their plans keep every column's values.
		"cells swapped between rows": func(r []string) {
			r[0], r[1] = strings.Replace(r[0], "basic", "pro", 1), strings.Replace(r[1], "pro", "basic", 1)
		},
	} {
		changed := append([]string(nil), rows...)
		change(changed)
		if changed[3] == rows[3] && name == "a blank filled" {
			t.Fatalf("%s: the change did not apply", name)
		}
		if got := fingerprintOf(t, header, changed); fp.Matches(got) {
			t.Errorf("%s: the fingerprint did not change (%+v)", name, got)
		}
	}
	if got := fingerprintOf(t, header, rows[:29]); fp.Matches(got) {
		t.Error("one row fewer: the fingerprint did not change")
	}
	if got := fingerprintOf(t, header, append(append([]string(nil), rows...), rows[0])); fp.Matches(got) {
		t.Error("a row twice: the fingerprint did not change")
	}
}

// TestTableFingerprintNeedsTenRows: under data.MinGroup rows the file
// holds none, and a read file claiming one of so few rows is refused.
func TestTableFingerprintNeedsTenRows(t *testing.T) {
	const header = "user,spend,plan,churn"
	if fp := fingerprintOf(t, header, fingerprintRows(data.MinGroup-1)); fp != nil {
		t.Errorf("%d rows: fingerprint %+v, want none", data.MinGroup-1, fp)
	}
	if fp := fingerprintOf(t, header, fingerprintRows(data.MinGroup)); fp == nil || fp.Rows != data.MinGroup {
		t.Errorf("%d rows: fingerprint %+v", data.MinGroup, fp)
	}
	if err := (&RowsFingerprint{Rows: 9, Sum: "01ab"}).validate(); err == nil {
		t.Error("a fingerprint of 9 rows was accepted")
	}
	if err := (&RowsFingerprint{Rows: 10, Sum: "xyz"}).validate(); err == nil {
		t.Error("a fingerprint of no hex digits was accepted")
	}
}

// TestBundleKeepsTheTrainingRowsFingerprint: the saved model holds the
// fingerprint of every row it was trained on (taken before the cells are
// released), it survives writing and reading, and SameRows finds the
// training file again; a file without the field reads as before.
func TestBundleKeepsTheTrainingRowsFingerprint(t *testing.T) {
	src := Source{Kind: "csv", Path: datasetPath(t, telcoFile)}
	d, err := Load(src, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	want := TableFingerprint(d.Table)
	e := trainedOnData(t, d, quickConfig(1))
	e.ReleaseTableCells()
	b, err := e.Bundle(0.5)
	if err != nil {
		t.Fatal(err)
	}
	if !want.Matches(b.TrainingRows) || b.TrainingRows.Rows != 7043 {
		t.Fatalf("bundle fingerprint %+v, want %+v", b.TrainingRows, want)
	}
	raw := encodeBundle(t, b)
	back, err := ReadBundle(bytes.NewReader(raw), "model.json")
	if err != nil {
		t.Fatal(err)
	}
	if !want.Matches(back.TrainingRows) {
		t.Errorf("read back: %+v, want %+v", back.TrainingRows, want)
	}
	if !back.SameRows(src.Path, "", fileOpener) {
		t.Error("SameRows does not find the training file")
	}
	if back.SameRows(datasetPath(t, "online_shoppers/online_shoppers_intention.csv"), "", fileOpener) {
		t.Error("SameRows takes another file for the training rows")
	}
	b.TrainingRows = nil
	old, err := ReadBundle(bytes.NewReader(encodeBundle(t, b)), "old.json")
	if err != nil {
		t.Fatal(err)
	}
	if old.TrainingRows != nil || old.SameRows(src.Path, "", fileOpener) {
		t.Error("a file without a fingerprint claims its training rows")
	}
	bad := bytes.Replace(raw, []byte(`"sum": "`+want.Sum+`"`), []byte(`"sum": "nothex"`), 1)
	if _, err := ReadBundle(bytes.NewReader(bad), "bad.json"); err == nil || !strings.Contains(err.Error(), "fingerprint") {
		t.Errorf("a malformed fingerprint: %v", err)
	}
}
