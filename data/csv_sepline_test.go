package data

import (
	"strconv"
	"strings"
	"testing"
)

// TestExcelSepLine: a first line "sep=;" (Excel's convention; also
// "sep=,", a tab, "sep=|") names the delimiter: the file is read with it,
// the line is left out with a load note, and errors count it (review35
// #8a: it was read as the header, "no column named …, columns: sep=;").
// The lines are counted in the text below: the sep line is line 1, the
// header line 2, u3's ragged row line 5 (its fifth field).
func TestExcelSepLine(t *testing.T) {
	for _, c := range []struct {
		line  string
		delim string
		words string
	}{{"sep=;", ";", "semicolons"}, {"sep=,", ",", "commas"}, {"sep=\t", "\t", "tabs"}, {`sep=\t`, "\t", "tabs"}, {"SEP=|", "|", "pipes (|)"}, {"sep=;;;", ";", "semicolons"}} {
		rows := []string{"user_id,visits,spend,churn", "u1,3,1.5,yes", "u2,4,2.5,no", "u3,5,3.5,yes", "u4,6,4.5,no"}
		text := c.line + "\r\n" + strings.ReplaceAll(strings.Join(rows, "\n"), ",", c.delim) + "\n"
		tab, err := readString(text, CSVOptions{Label: "churn"})
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if tab.Column("spend") == nil || tab.Rows != 4 || tab.Column("spend").Values[3] != 4.5 {
			t.Errorf("%q: columns %v, %d rows", c.line, tab.Columns, tab.Rows)
		}
		want := `t.csv: the first line, ` + strconv.Quote(c.line) + `, names the delimiter (Excel's convention): the file was read as separated by ` + c.words + ", and the line left out"
		if notes := LoadNotes(tab); len(notes) == 0 || notes[0] != want {
			t.Errorf("%q: notes %q\nwant %q", c.line, notes, want)
		}
		bad := strings.Replace(text, "u3"+c.delim+"5", "u3"+c.delim+"5"+c.delim+"9", 1)
		if _, err := readString(bad, CSVOptions{Label: "churn"}); err == nil || !strings.HasPrefix(err.Error(), "t.csv:5:5:") {
			t.Errorf("%q: ragged row: %v, want line 5, column 5", c.line, err)
		}
	}
	// Not a sep line: more after the delimiter, or another character.
	for _, first := range []string{"sep=;x", "sep=:", "sep="} {
		if d, ok := sepLineDelim([]byte(first)); ok {
			t.Errorf("%q read as a sep line (%q)", first, d)
		}
	}
	log, err := ReadOrderLog(strings.NewReader("sep=;\ncustomer;date;amount\nc1;2024-01-02;3,5\nc1;2024-02-02;4,5\n"), "o.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := `the first line, "sep=;", names the delimiter (Excel's convention): the file was read as separated by semicolons, and the line left out`; log.TitlesNote() != want {
		t.Errorf("log note %q\nwant %q", log.TitlesNote(), want)
	}
	if _, err := ReadOrderLog(strings.NewReader("sep=;\ncustomer;date;amount\nc1;2024-01-02;3,5\nc1;2024-02-30;4,5\n"), "o.csv", LogOptions{}); err == nil || !strings.HasPrefix(err.Error(), "o.csv:4:2:") {
		t.Errorf("log error %v, want at line 4, column 2", err)
	}
}
