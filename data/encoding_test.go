package data

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Files in a legacy encoding are refused at the first byte that is not
// UTF-8, naming the line, the field, the likely encoding and the iconv
// command. The byte strings are written by hand: "\xd3\xc3\xbb\xa7" is 用户
// in GB18030 and "S\xe3o" is São in Latin-1.
func TestFilesNotInUTF8AreRefused(t *testing.T) {
	gbk := "\xd3\xc3\xbb\xa7ID,age,churn\nU1,30,yes\nU2,40,no\n"
	latin := "id,city,churn\n1,Rio,yes\n2,S\xe3o Paulo,no\n"
	cases := []struct {
		name, file, in, want string
	}{
		{"gb18030 header", "cn.csv", gbk,
			`cn.csv:1:1: the cell "\xd3û\xa7ID" is not UTF-8 (byte 0xD3 at its byte 1); its bytes read as GB18030 (GBK) Chinese text; ` +
				"convert it to UTF-8 first (iconv -f GB18030 -t UTF-8 cn.csv > cn-utf8.csv)"},
		{"latin-1 cell", "br.csv", latin,
			`br.csv:3:2: the cell "S\xe3o Paulo" is not UTF-8 (byte 0xE3 at its byte 2); its bytes read as Latin-1 / Windows-1252 text; ` +
				"convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8 br.csv > br-utf8.csv)"},
		{"stream", "<stdin>", latin,
			`<stdin>:3:2: the cell "S\xe3o Paulo" is not UTF-8 (byte 0xE3 at its byte 2); its bytes read as Latin-1 / Windows-1252 text; ` +
				"convert it on the way in (iconv -f WINDOWS-1252 -t UTF-8 FILE | retain …)"},
	}
	for _, c := range cases {
		_, err := ReadCSV(strings.NewReader(c.in), c.file, CSVOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: ReadCSV error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// A bad byte after the rows that decide the kinds (read in parallel
// blocks) is found on its own line too.
func TestNotUTF8AfterTheSampleIsRefused(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,city,churn\n")
	for i := range 3000 {
		city := "Rio"
		if i == 2499 { // line 2 + 2499 = 2501
			city = "Bras\xedlia"
		}
		fmt.Fprintf(&b, "%d,%s,%s\n", i, city, []string{"yes", "no"}[i%2])
	}
	defer func(n int) { blockSize = n }(blockSize)
	blockSize = 4096
	_, err := ReadCSV(strings.NewReader(b.String()), "u.csv", CSVOptions{})
	want := `u.csv:2501:2: the cell "Bras\xedlia" is not UTF-8 (byte 0xED at its byte 5); its bytes read as Latin-1 / Windows-1252 text; ` +
		"convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8 u.csv > u-utf8.csv)"
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// Order logs, CSV and whitespace-separated, are refused the same way.
func TestOrderLogsNotInUTF8AreRefused(t *testing.T) {
	// 男 is \xc4\xd0 in GB18030.
	csvLog := "customer,date,amount\nA,2023-01-02,5\n\xc4\xd0,2023-01-03,7\n"
	spaceLog := "00001 19970101 1 11.77\n00002 19970102 2 \xa3\xb5\n"
	cases := []struct {
		name, in, want string
	}{
		{"csv", csvLog, `log.csv:3:1: the cell "\xc4\xd0" is not UTF-8 (byte 0xC4 at its byte 1); its bytes read as GB18030 (GBK) Chinese text; ` +
			"convert it to UTF-8 first (iconv -f GB18030 -t UTF-8 log.csv > log-utf8.csv)"},
		{"whitespace", spaceLog, `log.csv:2:4: the cell "\xa3\xb5" is not UTF-8 (byte 0xA3 at its byte 1); its bytes read as GB18030 (GBK) Chinese text; ` +
			"convert it to UTF-8 first (iconv -f GB18030 -t UTF-8 log.csv > log-utf8.csv)"},
	}
	for _, c := range cases {
		_, err := ReadOrderLog(bytes.NewReader([]byte(c.in)), "log.csv", LogOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, ErrNotText) {
			t.Errorf("%s: error\n got %v\nwant %s", c.name, err, c.want)
		}
	}
}

// The guess reads pairs of high bytes as GB18030 and lone ones beside
// ASCII as Latin-1.
func TestGuessEncoding(t *testing.T) {
	for in, want := range map[string]string{
		"\xb1\xb1\xbe\xa9,3":        "GB18030",      // 北京
		"Jos\xe9,M\xfcller":         "WINDOWS-1252", // José, Müller
		"S\xe3o Paulo,\xe7\xe3o":    "WINDOWS-1252", // one pair among lone bytes
		"caf\xe9 \x80 5":            "WINDOWS-1252", // café € 5
		"\xc4\xea\xc1\xe4,\xc5\xae": "GB18030",      // 年龄, 女
	} {
		if _, got := guessEncoding([]byte(in)); got != want {
			t.Errorf("guessEncoding(%q) = %s, want %s", in, got, want)
		}
	}
}
