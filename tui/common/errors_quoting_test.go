package common

import (
	"os"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestErrorTextOfCommonParseErrorsIsChinese: the CSV quoting errors, a
// directory given as the file and a corrupt Parquet file are explained in
// Chinese, not with the English detail in parentheses (review29 #2, #7).
func TestErrorTextOfCommonParseErrorsIsChinese(t *testing.T) {
	zh := Common{Lang: "zh"}
	read := func(r interface{ Read([]byte) (int, error) }, name string) error {
		_, err := data.ReadCSV(r, name, data.CSVOptions{})
		if err == nil {
			t.Fatalf("%s: read without error", name)
		}
		return err
	}
	dir := t.TempDir()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// A file that starts and ends with PAR1 but whose footer length (the
	// four bytes before the last PAR1, "xxxx") points before the file.
	pq := strings.NewReader("PAR1xxxxxxxxxxxxxxxxxPAR1")
	cases := []struct {
		err  error
		want string
	}{
		{read(strings.NewReader("a,b,churn\n1,\"x,0\n"), "q.csv"),
			"q.csv:2:2：CSV 格式有误（引号开始的字段直到文件末尾都没有结束引号：请补上结束引号，或去掉多余的开头引号）"},
		{read(strings.NewReader("a,b,churn\n1,\"x\"y,0\n"), "q.csv"),
			`q.csv:2:2：CSV 格式有误（字段的结束引号之后是 'y'，而不是分隔符或行尾：字段中的引号要写成两个（""））`},
		{read(f, dir), dir + "：这是一个目录，不是文件"},
		{read(pq, "bad.parquet"), "bad.parquet：Parquet 文件已损坏（the footer length (2,021,161,080 bytes) points past the start of the file (25 bytes)）"},
	}
	for _, c := range cases {
		if got := zh.ErrorText(c.err); got != c.want {
			t.Errorf("ErrorText(%v)\n got %s\nwant %s", c.err, got, c.want)
		}
	}
}
