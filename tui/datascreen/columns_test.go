package datascreen

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestColumnsLineNamesEveryColumn: an order log with a column no role
// reads (a store and a region) shows, on a tall screen, which column each role was read
// from and those not used, in both languages.
func TestColumnsLineNamesEveryColumn(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(orderLog()), "\n")
	var b strings.Builder
	b.WriteString(lines[0] + ",store,region\n")
	for _, l := range lines[1:] {
		b.WriteString(l + ",s1,north\n")
	}
	load := func(lang string, w, h int) string {
		c := screentest.Common(lang, w, h)
		return screentest.Render(loaded(t, c, experiment.Source{Kind: "log", Path: "orders.csv"}, b.String()), w, h)
	}
	mustContain(t, load("en", 160, 48), "Columns  customer id = customer_id · date = date · amount = amount · not used: store, region")
	mustContain(t, load("zh", 160, 48), "列       客户编号 = customer_id · 日期 = date · 金额 = amount · 未使用：store、region")
}

// TestSchemaSaysWhatWasRemovedFromNumbers: a column of amounts written
// "$1,234.50" and one of rates written "12%" are numeric, and the schema's
// description of each says what was removed to read them, in both
// languages.
func TestSchemaSaysWhatWasRemovedFromNumbers(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,spend,rate,churn\n")
	for i := range 40 {
		fmt.Fprintf(&b, "u%d,\"$%d,%03d.50\",%d%%,%s\n", i, 1+i%3, 7*i, i%17, []string{"yes", "no"}[i%2])
	}
	for _, tc := range []struct{ lang, spend, rate string }{
		{"en", "read without currency sign $, thousands separators", "read without % (9% is 9)"},
		{"zh", "读取时去掉货币符号 $、千位分隔符", "读取时去掉%（9% 即 9）"},
	} {
		s := loaded(t, screentest.Common(tc.lang, 160, 48), experiment.Source{Kind: "csv", Path: "u.csv"}, b.String())
		for _, c := range s.info.Schema.Columns {
			want := map[string]string{"spend": tc.spend, "rate": tc.rate}[c.Name]
			if want != "" && !strings.HasPrefix(s.action(c), want) {
				t.Errorf("%s %s: %q, want it to start with %q", tc.lang, c.Name, s.action(c), want)
			}
		}
	}
}

// TestDatesLineSaysDayNumbers: a log whose DAY column holds day numbers
// says so on the Dates line and gives its span in days on the Cohort line
// (orders on days 1 … 120: (day+c)%4 is 0 for c = 3 on day 1), in both
// languages.
func TestDatesLineSaysDayNumbers(t *testing.T) {
	var b strings.Builder
	b.WriteString("household_key,DAY,SALES_VALUE\n")
	for day := 1; day <= 120; day++ {
		for c := range 6 {
			if (day+c)%4 == 0 {
				fmt.Fprintf(&b, "h%d,%d,%d\n", c, day, 5+c)
			}
		}
	}
	load := func(lang string) string {
		c := screentest.Common(lang, 160, 48)
		return screentest.Render(loaded(t, c, experiment.Source{Kind: "log", Path: "t.csv", HorizonDays: 10}, b.String()), 160, 48)
	}
	mustContain(t, load("en"), "Dates    day numbers, not dates: day n is shown as n days after 1970-01-01 (give cutoffs the same way)",
		"log day 1 (1970-01-02) → day 120 (1970-05-01)")
	mustContain(t, load("zh"), "日期     日序号而非日期：第 n 天显示为 1970-01-01 之后的第 n 天（截止日也按此给出）",
		"日志 第 1 天（1970-01-02） → 第 120 天（1970-05-01）")
}

// TestSchemaSaysWhichWordsWereMissing: a column of prices with "Unknown"
// in every fourth row (rows 0, 4, …, 36: 10 cells) and "未知" in row 1 is
// numeric, and its description says which words were read as missing, in
// both languages.
func TestSchemaSaysWhichWordsWereMissing(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,price,churn\n")
	for i := range 40 {
		price := fmt.Sprint(10 + i%7)
		switch {
		case i%4 == 0:
			price = "Unknown"
		case i == 1:
			price = "未知"
		}
		fmt.Fprintf(&b, "u%d,%s,%s\n", i, price, []string{"yes", "no"}[i%2])
	}
	for _, tc := range []struct{ lang, want string }{
		{"en", `10 "Unknown", 1 "未知" read as missing`},
		{"zh", `10 "Unknown"、1 "未知" 读作缺失`},
	} {
		s := loaded(t, screentest.Common(tc.lang, 160, 48), experiment.Source{Kind: "csv", Path: "u.csv"}, b.String())
		found := false
		for _, c := range s.info.Schema.Columns {
			if c.Name == "price" {
				found = true
				if c.Kind != data.Numeric || !strings.HasPrefix(s.action(c), tc.want) {
					t.Errorf("%s: kind %v, %q, want it to start with %q", tc.lang, c.Kind, s.action(c), tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no price column", tc.lang)
		}
	}
}

// TestSheetsLineSaysWhichSheetsWereRead: a workbook's Data screen says
// which sheets were read, one after the other when they share a header
// (the Online Retail II shaped orders.xlsx), which were left out (the
// Notes sheet of table.xlsx) and the titles and hidden sheets it did not
// read (titled.xlsx), in both languages. The fixtures are data's,
// written by openpyxl (data/testdata/xlsx/make_fixtures.py).
func TestSheetsLineSaysWhichSheetsWereRead(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("..", "..", "data", "testdata", "xlsx", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	load := func(lang, kind, name string) string {
		c := screentest.Common(lang, 160, 48)
		return screentest.Render(loaded(t, c, experiment.Source{Kind: kind, Path: name}, read(name)), 160, 48)
	}
	mustContain(t, load("en", "log", "orders.xlsx"), `Sheets   "Year 2009-2010", "Year 2010-2011" read one after the other (same columns)`)
	mustContain(t, load("zh", "log", "orders.xlsx"), `工作表   依次读取了 "Year 2009-2010"、"Year 2010-2011"（列相同）`)
	mustContain(t, load("en", "csv", "table.xlsx"), `Sheets   "Users" read · not read (other columns): "Notes"`)
	mustContain(t, load("zh", "csv", "table.xlsx"), `工作表   读取了 "Users" · 未读取（列不同）："Notes"`)
	// titled.xlsx: a report's title and date line above the header, and a
	// hidden backup sheet.
	mustContain(t, load("en", "csv", "titled.xlsx"),
		`Sheets   "Report" read · title rows above the header left out: "Customer report", "exported 2024-05-01" · hidden, not read: "Backup"`)
	mustContain(t, load("zh", "csv", "titled.xlsx"),
		`工作表   读取了 "Report" · 表头上方的标题行未读取："Customer report"、"exported 2024-05-01" · 隐藏，未读取："Backup"`)
}
