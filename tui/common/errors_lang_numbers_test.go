package common

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestGroupClashInChinese: a column of numbers that groups its thousands
// two ways (data.GroupClash) is refused in both languages, naming the
// first grouped cell's line and column and the other cell's line (rows
// from line 2: row i on line i+2).
func TestGroupClashInChinese(t *testing.T) {
	var b strings.Builder
	b.WriteString("rate,churn\n")
	for i := range 300 {
		v := fmt.Sprint(i % 7)
		switch i {
		case 100:
			v = "1 234.5"
		case 200:
			v = "1'234.5"
		}
		fmt.Fprintf(&b, "%s,%s\n", v, []string{"yes", "no"}[i%2])
	}
	_, err := data.ReadCSV(strings.NewReader(b.String()), "u.csv", data.CSVOptions{})
	checkErrorText(t, err,
		`u.csv:102:1: column "rate": "1 234.5" groups its digits with spaces, but line 202 groups them with apostrophes ("1'234.5"): `+
			`a column whose thousands are grouped more than one way is not read as numbers; write the column one way, or leave it out with --exclude rate`,
		`u.csv:102:1：列 "rate" 的 "1 234.5" 用空格分隔千位，但第 202 行用撇号分组（"1'234.5"）：千位分组写法不止一种的列不按数字读取；请统一写法，或用 --exclude rate 排除该列`)
}
