package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestRecordBoundary(t *testing.T) {
	cases := []struct {
		in   string
		want int
	}{
		{"a,b\n1,2\n3", 8},
		{"a,b\n1,2\n", 8},
		{"no newline", -1},
		{"\"x\ny\",1\n2", 8},
		{"\"x\ny\",1", -1},
		{"1,\"open\n", -1},
		{"1,\"a\"\"\nb\",2\n", 12}, // an escaped quote does not close
		{"5\"6,x\n7,8", 6},         // a quote inside an unquoted field is literal
		{"a\"b,\"m\nl\"\nz", 10},   // ... even before a real quoted field
		{"1,\"a\"\n2,\"", 6},       // a quote ending the buffer is undecided
		{"1,\"a\"\"", -1},
	}
	for _, c := range cases {
		if got := recordBoundary([]byte(c.in), ','); got != c.want {
			t.Errorf("recordBoundary(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// withBlockSize runs f with tiny parsing blocks.
func withBlockSize(t *testing.T, size int) {
	old := blockSize
	blockSize = size
	t.Cleanup(func() { blockSize = old })
}

// readBoth parses in with one block and with many tiny ones.
func readBoth(in string, opts CSVOptions, size int) (whole, tiny *Table, errWhole, errTiny error) {
	old := blockSize
	defer func() { blockSize = old }()
	blockSize = len(in) + 1
	whole, errWhole = ReadCSV(strings.NewReader(in), "b.csv", opts)
	blockSize = size
	tiny, errTiny = ReadCSV(strings.NewReader(in), "b.csv", opts)
	return
}

func TestBlocksMatchOneBlock(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,x,note,churn\r\n")
	for i := range 3000 {
		note := []string{"plain", "\"with, comma\"", "\"two\nlines\"", "\"q\"\"uote\"", ""}[i%5]
		fmt.Fprintf(&b, "u%d,%d.25,%s,%s\r\n", i, i%97, note, []string{"yes", "no"}[i%3/2])
		if i%700 == 0 {
			b.WriteString("\r\n")
		}
	}
	good := b.String()
	inputs := map[string]string{
		"good":        good,
		"ragged late": good + "u9,1,plain\n",
		"text late":   good + "u9,abc,plain,no\n",
		"unclosed":    good + "u9,1,\"open,no\n",
		"two errors":  strings.Replace(good, "u2900,87.25,", "u2900,zzz,", 1) + "u9,1\n",
		"blank label": strings.Replace(good, "u2500,75.25,plain,yes", "u2500,75.25,plain,", 1),
	}
	for name, in := range inputs {
		for _, size := range []int{1, 7, 64, 4096} {
			whole, tiny, e1, e2 := readBoth(in, CSVOptions{InferRows: 50}, size)
			// A blank label leaves its row out (counted), not the file.
			if (e1 == nil) != (name == "good" || name == "blank label") {
				t.Errorf("%s: error %v", name, e1)
			}
			if whole != nil && tiny != nil && whole.BlankLabels != tiny.BlankLabels {
				t.Errorf("%s, blocks of %d: blank labels %+v, one block: %+v", name, size, tiny.BlankLabels, whole.BlankLabels)
			}
			if fmt.Sprint(e1) != fmt.Sprint(e2) {
				t.Errorf("%s, blocks of %d: error %v, one block: %v", name, size, e2, e1)
			}
			if !tablesEqual(whole, tiny) {
				t.Errorf("%s, blocks of %d: tables differ", name, size)
			}
		}
	}
	// Row i starts on line 2 + i + (two-line notes before it: 580) + (blank
	// lines before it: 5).
	whole, _, err, _ := readBoth(inputs["two errors"], CSVOptions{InferRows: 50}, 64)
	if whole != nil || err.Error() != `b.csv:3487:2: column "x": expected a finite number (the column's first rows are numeric), got "zzz"; correct such cells (a missing value may be left blank), or leave the column out with --exclude x` {
		t.Errorf("first error in file order: %v", err)
	}
}

func TestReadCSVBlocksLineNumbers(t *testing.T) {
	withBlockSize(t, 16)
	in := "x,churn\n1,yes\n\"2\",no\n\n3,no\n4,no,extra\n"
	_, err := ReadCSV(bytes.NewReader([]byte(in)), "l.csv", CSVOptions{InferRows: 1})
	if err == nil || err.Error() != "l.csv:6:3: row has 3 fields, header has 2" {
		t.Errorf("error %v", err)
	}
}
