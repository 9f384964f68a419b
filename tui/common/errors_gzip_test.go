package common

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// gzipOf is text compressed with gzip.
func gzipOf(t *testing.T, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestBrokenGzipHasItsOwnCause: a truncated gzip file of valid UTF-8 CSV
// was said in Chinese to be "不是 UTF-8 文本文件" (not a UTF-8 text
// file), the cause of the sentinel it is reported with. Its cause now says
// the compressed file is truncated, or corrupt, as the English does.
func TestBrokenGzipHasItsOwnCause(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,age,churn\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i, 20+(i*7919)%60, []string{"yes", "no"}[i%2])
	}
	z := gzipOf(t, b.String())
	corrupt := bytes.Clone(z)
	corrupt[len(corrupt)-5] ^= 0xFF
	again := "；请重新复制该文件（可用 gzip -t 检查副本）"
	zh := Common{Lang: "zh"}
	for _, c := range []struct {
		name  string
		input []byte
		want  string // after "u.csv.gz[:LINE]："
	}{
		{"cut within a line", z[:len(z)*2/3], "压缩文件不完整（被截断）：压缩数据在这一行中途结束" + again},
		{"cut in its header", []byte("\x1f\x8b\x08\x00\x00\x00"), "压缩文件不完整（被截断）：压缩数据提前结束" + again},
		{"bad checksum", corrupt, "压缩文件已损坏：校验和与数据不符" + again},
	} {
		_, err := data.ReadCSV(bytes.NewReader(c.input), "u.csv.gz", data.CSVOptions{})
		if err == nil {
			t.Fatalf("%s: read without an error", c.name)
		}
		got := zh.ErrorText(err)
		if !strings.HasPrefix(got, "u.csv.gz") || !strings.HasSuffix(got, "："+c.want) || strings.Contains(got, "UTF-8") {
			t.Errorf("%s:\n got %s\nwant u.csv.gz[:LINE]：%s", c.name, got, c.want)
		}
	}
	// A file that is not text keeps the cause that says so.
	_, err := data.ReadCSV(bytes.NewReader([]byte("id,churn\n1,\xff\xfe\n")), "u.csv", data.CSVOptions{})
	if got := zh.ErrorText(err); !strings.Contains(got, "不是 UTF-8 文本文件") {
		t.Errorf("text not in UTF-8: %s", got)
	}
}
