package data

import (
	"bufio"
	"errors"
	"slices"
	"strings"
	"testing"
)

// A report's title lines above a CSV header (as shops' exports and Excel's
// CSV of a titled sheet write them) are left out and named; the header
// and the rows read as without them, and errors still name the file's own
// line numbers.
func TestReadCSVTitleLines(t *testing.T) {
	rows := "user_id,orders,spend,churned\n1,2,3.5,yes\n2,1,4.25,no\n3,5,1,no\n"
	cases := []struct {
		name, text string
		titles     []string
	}{
		{"two titles and a blank line", "Customer report\nexported 2024-05-01\n\n" + rows, []string{"Customer report", "exported 2024-05-01"}},
		{"padded by a spreadsheet", "Customer report,,,\n,exported 2024-05-01,,\n,,,\n" + rows, []string{"Customer report", "exported 2024-05-01"}},
		{"quoted title with a comma", "\"Orders, May 2024\",,,\n" + rows, []string{"Orders, May 2024"}},
		{"semicolons and decimal commas", "店铺订单报表\n" + strings.NewReplacer(",", ";", ".", ",").Replace(rows), []string{"店铺订单报表"}},
		{"no title", rows, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab := mustRead(t, c.text, CSVOptions{})
			if !slices.Equal(tab.Titles, c.titles) {
				t.Errorf("titles %q, want %q", tab.Titles, c.titles)
			}
			if tab.Rows != 3 || tab.Columns[2].Name != "spend" || tab.Columns[2].Kind != Numeric {
				t.Fatalf("%d rows, column 3 %q (%v)", tab.Rows, tab.Columns[2].Name, tab.Columns[2].Kind)
			}
			if got := tab.Columns[2].Values[1]; got != 4.25 {
				t.Errorf("spend of row 2 = %v, want 4.25", got)
			}
		})
	}
	tab := mustRead(t, cases[0].text, CSVOptions{})
	want := `t.csv: the lines above the header, "Customer report" and "exported 2024-05-01", were read as titles and left out`
	if notes := LoadNotes(tab); !slices.Contains(notes, want) {
		t.Errorf("notes %q lack %q", notes, want)
	}
	// Line 7 of the file is the ragged row: three title lines and the
	// header come before the rows.
	_, err := readString("Customer report\nexported 2024-05-01\n\n"+rows+"4,2\n", CSVOptions{})
	if !errors.Is(err, ErrRagged) || !strings.HasPrefix(err.Error(), "t.csv:8:3: ") {
		t.Errorf("ragged row after titles: %v, want t.csv:8:3", err)
	}
}

// What is not a title above a header is not left out: a one-column
// table, one cell above rows of numbers (no header), more than three
// title lines, a first line of two cells, a header of two cells.
func TestNotTitles(t *testing.T) {
	for name, text := range map[string]string{
		"one column":          "churn\nyes\nno\nyes\n",
		"numbers below":       "Customer report\n1,2,yes\n2,3,no\n",
		"four title lines":    "a\nb\nc\nd\nuser_id,orders,churned\n1,2,yes\n2,3,no\n",
		"two cells on top":    "Customer report,May\nuser_id,orders,churned\n1,2,yes\n",
		"header of two cells": "Customer report\nuser_id,churned\n1,yes\n2,no\n",
	} {
		if n, titles := csvTitles(bufio.NewReader(strings.NewReader(text)), ','); n != 0 || titles != nil {
			t.Errorf("%s: %d records before the header, titles %q; want none", name, n, titles)
		}
	}
	if n, titles := csvTitles(bufio.NewReader(strings.NewReader("a\nb\nc\nuser_id,orders,churned\n1,2,yes\n")), ','); n != 3 || len(titles) != 3 {
		t.Errorf("three title lines: %d records, titles %q; want 3 and 3", n, titles)
	}
}

// An order log under title lines reads as the same log without them, and
// says which lines it left out.
func TestReadOrderLogTitleLines(t *testing.T) {
	body := "customer_id,date,amount\nc1,2024-01-02,10\nc1,2024-02-03,5\nc2,2024-01-05,7.5\n"
	for _, title := range []string{"Orders export\n", "Orders export,,\n\n"} {
		log, err := ReadOrderLog(strings.NewReader(title+body), "orders.csv", LogOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(log.Orders) != 3 || len(log.Customers) != 2 || !slices.Equal(log.Titles, []string{"Orders export"}) {
			t.Errorf("%q: %d orders of %d customers, titles %q", title, len(log.Orders), len(log.Customers), log.Titles)
		}
		if want := `the line above the header, "Orders export", was read as a title and left out`; log.TitlesNote() != want {
			t.Errorf("note %q, want %q", log.TitlesNote(), want)
		}
	}
}

// Found in review: a header naming one column over a spreadsheet's padding
// ("user,,,") is a header, not a title; a whitespace log whose cells hold
// commas is a whitespace log; an empty first row (",,,") before a title is
// passed over; refusals about the header name the header's line.
func TestTitleEdges(t *testing.T) {
	if n, titles := csvTitles(bufio.NewReader(strings.NewReader("user,,,\nalice,NY,teacher,yes\nbob,LA,cook,no\n")), ','); n != 0 || titles != nil {
		t.Errorf(`"user,,,": %d records before the header, titles %q; want none`, n, titles)
	}
	log, err := ReadOrderLog(strings.NewReader("customer date tags amount\nc1 2024-01-01 a,b,c 5\nc2 2024-01-03 d,e,f 6\nc1 2024-02-01 g,h,i 7\n"), "s.txt", LogOptions{})
	if err != nil || len(log.Orders) != 3 || log.Titles != nil {
		t.Fatalf("whitespace log with commas: %v", err)
	}
	tab := mustRead(t, ",,,\nSales report,,,\n,,,\nid,name,city,churn\n1,a,x,yes\n2,b,y,no\n3,c,x,no\n", CSVOptions{})
	if !slices.Equal(tab.Titles, []string{"Sales report"}) || tab.Columns[1].Name != "name" || tab.Rows != 3 {
		t.Errorf("empty first row: titles %q, column 2 %q, %d rows", tab.Titles, tab.Columns[1].Name, tab.Rows)
	}
	_, err = readString("Customer report\n\nuser_id,orders,churned\n1,2,yes\n2,3,no\n", CSVOptions{Label: "churn"})
	if !errors.Is(err, ErrNoLabel) || !strings.HasPrefix(err.Error(), `t.csv:3: no column named "churn"`) {
		t.Errorf("label absent under a title: %v, want it at line 3", err)
	}
	_, err = ReadOrderLog(strings.NewReader("Orders export\n\nwho,date,amount\nc1,2024-01-02,10\n"), "o.csv", LogOptions{})
	if !errors.Is(err, ErrLogColumns) || !strings.HasPrefix(err.Error(), "o.csv:3: no customer id column found") {
		t.Errorf("log without a customer column under a title: %v, want it at line 3", err)
	}
}
