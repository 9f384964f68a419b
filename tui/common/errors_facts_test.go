package common

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestErrorTextWordsParseFactsInChinese: a ragged row, a label without
// two classes, a title above the header and a table without a usable
// feature column (each column's reason, also numbers written with a
// decimal comma in a comma-separated file) are said wholly in Chinese
// from the error's facts, while English keeps data's own message.
func TestErrorTextWordsParseFactsInChinese(t *testing.T) {
	readCSV := func(text string) error {
		_, err := data.ReadCSV(strings.NewReader(text), "u.csv", data.CSVOptions{})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return err
	}
	readNamed := func(text, label string) error {
		_, err := data.ReadCSV(strings.NewReader(text), "u.csv", data.CSVOptions{Label: label})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return err
	}
	var many strings.Builder
	many.WriteString("age,churn\n")
	for i := range 30 {
		fmt.Fprintf(&many, "%d,c%02d\n", i, i)
	}
	var mixed strings.Builder
	mixed.WriteString("id,score,plan,churn\n")
	for i := range 300 {
		score := fmt.Sprint(i*7 + 3)
		if i%9 == 0 {
			score = "pending"
		}
		fmt.Fprintf(&mixed, "u%d,%s,basic,%s\n", i, score, []string{"yes", "no"}[i%2])
	}
	var commas strings.Builder // 30 distinct prices written "1,5", "2,25", …
	commas.WriteString("price,churn\n")
	for i := range 30 {
		fmt.Fprintf(&commas, "\"%d,%d\",%s\n", i+1, []int{5, 25}[i%2], []string{"yes", "no"}[i%2])
	}
	var wide, wideEn, wideZh strings.Builder
	for i := range 25 {
		fmt.Fprintf(&wide, "k%02d,", i)
		if i < 20 {
			fmt.Fprintf(&wideEn, ", k%02d: constant", i)
			fmt.Fprintf(&wideZh, "；k%02d：常量", i)
		}
	}
	wide.WriteString("churn\n")
	for _, y := range []string{"yes", "no"} {
		wide.WriteString(strings.Repeat("1,", 25) + y + "\n")
	}
	_, logErr := data.ReadOrderLog(strings.NewReader("customer_id,date,amount\nc1,2024-01-05,10\nc2,2024-01-06\n"), "o.csv", data.LogOptions{})
	if logErr == nil {
		t.Fatal("a ragged order log was read without error")
	}
	cases := []struct {
		err    error
		en, zh string
	}{
		{readCSV("a,b,churn\n1,2,yes\n3,4\n5,6,no\n"),
			"u.csv:3:3: row has 2 fields, header has 3",
			"u.csv:3:3：这一行的字段数不对（该行有 2 个字段，表头有 3 个）"},
		{readCSV("a,b,churn\n1,2,yes\n3,4,no,5\n"),
			"u.csv:3:4: row has 4 fields, header has 3",
			"u.csv:3:4：这一行的字段数不对（该行有 4 个字段，表头有 3 个）"},
		{logErr,
			"o.csv:3:3: 2 fields, the header has 3",
			"o.csv:3:3：这一行的字段数不对（该行有 2 个字段，表头有 3 个）"},
		{readCSV("age,churn\n1,a\n2,b\n3,c\n4,a\n"),
			`u.csv: label column "churn" has 3 classes ("a", "b", "c"); it needs exactly two`,
			`u.csv：标签不是二分类（标签列 "churn" 有 3 个类别（"a", "b", "c"），需要恰好两个）`},
		{readCSV("age,churn\n1,yes\n2,yes\n"),
			`u.csv: label column "churn" has only one class ("yes"); it needs exactly two`,
			`u.csv：标签不是二分类（标签列 "churn" 只有一个类别（"yes"），需要恰好两个）`},
		{readCSV("age,churn\n1,Yes\n2,yes\n"),
			`u.csv: label column "churn" has only one class, written two ways ("Yes" and "yes" differ only in case, spaces or how a number is written); it needs exactly two`,
			`u.csv：标签不是二分类（标签列 "churn" 只有一个类别，写成了两种形式（"Yes" 和 "yes" 只差大小写、空格或数字的写法），需要恰好两个）`},
		{readCSV(many.String()),
			`u.csv: label column "churn" has more than 20 classes ("c00", "c01", "c02", "c03", "c04", …); it needs exactly two`,
			`u.csv：标签不是二分类（标签列 "churn" 有超过 20 个类别（"c00", "c01", "c02", "c03", "c04", …），需要恰好两个）`},
		// No label found, then also the likeliest columns, then a named
		// one absent (a header cell that is no printable text quoted, as
		// the English does): the detail used to stay in English.
		{readCSV("a,b\n1,2\n"),
			"u.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …)",
			"u.csv:1：找不到标签列（查找过 churn、label、target、revenue、exited、purchased 等列名）"},
		{readCSV("id,plan,sex,paid\n1,a,F,0\n2,b,M,1\n3,c,F,1\n"),
			"u.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …) (columns with two values, the likeliest labels: sex, paid)",
			"u.csv:1：找不到标签列（查找过 churn、label、target、revenue、exited、purchased 等列名；只有两个取值的列最可能是标签：sex, paid）"},
		{readNamed("a,\"b\tc\"\n1,2\n", "churn"),
			`u.csv:1: no column named "churn" for the label (columns: a, "b\tc")`,
			`u.csv:1：找不到标签列（没有名为 "churn" 的列；现有的列：a, "b\tc"）`},
		// A first line of numbers and dates is data: the file has no header.
		{readNamed("7,2024-05-01,3.5\n8,2024-05-02,1\n", "churn"),
			`u.csv:1: no column named "churn" for the label (columns: 7, 2024-05-01, 3.5); its first line reads as data (every cell a number or a date), ` +
				`so the file seems to have no header row: a table needs a first line naming its columns`,
			`u.csv:1：找不到标签列（没有名为 "churn" 的列；现有的列：7, 2024-05-01, 3.5）；第一行读起来像数据（每个单元格都是数字或日期），文件似乎没有表头行：表格的第一行须给出各列的名称`},
		{readCSV("Customer report\nexported 2024-05-01\n\n1,2,yes\n2,3,no\n"),
			`u.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); ` +
				`line 1 holds one cell, "Customer report", and line 4 is the first with 3 cells: if the lines above line 4 are a title, not the header, remove them`,
			`u.csv:1：找不到标签列（第 1 行只有一个单元格 "Customer report"，第 4 行才是第一个有 3 个单元格的行：如果第 4 行以上是标题而不是表头，请删除这些行）`},
		{readCSV(mixed.String()),
			`u.csv: no usable feature column (id: an identifier, score: text with too many levels, mostly numbers but 34 of 300 in the first rows are not ("pending", the first at line 2, column 2), plan: constant)`,
			`u.csv：没有可用的特征列（id：标识；score：取值太多的文本，大多是数字，但前几行的 300 个值中有 34 个不是（"pending"，第一个在第 2 行第 2 列）；plan：常量）`},
		{readCSV(wide.String()),
			"u.csv: no usable feature column (" + wideEn.String()[2:] + ", and 5 more)",
			"u.csv：没有可用的特征列（" + strings.TrimPrefix(wideZh.String(), "；") + "；另有 5 列）"},
		{readCSV(commas.String()),
			`u.csv: no usable feature column (price: it looks like numbers written with a decimal comma ("1,5", "2,25"), ` +
				`which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point)`,
			`u.csv：没有可用的特征列（price：看起来是用小数逗号书写的数字（"1,5"、"2,25"），只有以分号分隔的文件才把它们读作数字：` +
				`请用分号分隔各字段，或用小数点书写数字）`},
		{readCSV("churn\nyes\nno\n"),
			"u.csv: no usable feature column",
			"u.csv：没有可用的特征列"},
	}
	for _, c := range cases {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}

// TestErrorTextWordsBadDatesInChinese: an order log's date cell that
// cannot be read is said in Chinese from its facts (blank, no calendar
// date, no known form, dates mixed with day numbers); English keeps data's
// own message.
func TestErrorTextWordsBadDatesInChinese(t *testing.T) {
	en, zh := Common{Lang: "en"}, Common{Lang: "zh"}
	for _, c := range []struct {
		dates  []string
		en, zh string
	}{
		{[]string{"", "2024-01-06"},
			"o.csv:2:2: missing date",
			"o.csv:2:2：无法识别的日期（日期为空）"},
		{[]string{"2024-13-45", "2024-01-06"},
			`o.csv:2:2: invalid calendar date "2024-13-45"`,
			`o.csv:2:2：无法识别的日期（"2024-13-45" 不是真实存在的日期）`},
		{[]string{"yesterday", "2024-01-06"},
			`o.csv:2:2: unparseable date "yesterday": want YYYY-MM-DD, YYYYMMDD, YYYY-MM-DD HH:MM:SS, D/M/YYYY or M/D/YYYY ` +
				`(read in the order the file shows or --date-order gives), D-Mon-YYYY, or Unix seconds or milliseconds`,
			`o.csv:2:2：无法识别的日期（"yesterday" 的写法无法识别：应为 YYYY-MM-DD、YYYYMMDD、YYYY-MM-DD HH:MM:SS、D/M/YYYY 或 M/D/YYYY` +
				`（按文件所示或 --date-order 给出的顺序读取）、D-Mon-YYYY，或 Unix 秒数、毫秒数）`},
		{[]string{"17", "2024-01-06"},
			`o.csv:3:2: date "2024-01-06" among day numbers: a date column holds dates or day numbers, not both`,
			`o.csv:3:2：无法识别的日期（天数编号列中出现了日期 "2024-01-06"：一个日期列要么全是日期，要么全是天数编号）`},
		{[]string{"2024-01-06", "17"},
			`o.csv:3:2: day number "17" among dates: a date column holds dates or day numbers, not both`,
			`o.csv:3:2：无法识别的日期（日期列中出现了天数编号 "17"：一个日期列要么全是日期，要么全是天数编号）`},
	} {
		text := "customer_id,date,amount\nc1," + c.dates[0] + ",10\nc2," + c.dates[1] + ",3\n"
		_, err := data.ReadOrderLog(strings.NewReader(text), "o.csv", data.LogOptions{})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		if got := err.Error(); got != c.en {
			t.Errorf("English changed:\n got %q\nwant %q", got, c.en)
		}
		if got := en.ErrorText(err); got != PlainError(err) {
			t.Errorf("en %q, want PlainError %q", got, PlainError(err))
		}
		if got := zh.ErrorText(err); got != c.zh {
			t.Errorf("zh %v\n got %q\nwant %q", err, got, c.zh)
		}
	}
}

// TestErrorTextSaysEmptyInputsInChinese: a file with nothing to read is
// said by its Chinese cause alone when data's message only restates it,
// an order log without a usable order says what its lines were, and a
// workbook of empty sheets says so; English keeps data's own message.
func TestErrorTextSaysEmptyInputsInChinese(t *testing.T) {
	readLog := func(text string) error {
		_, err := data.ReadOrderLog(strings.NewReader(text), "o.csv", data.LogOptions{})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return err
	}
	readCSV := func(text string) error {
		_, err := data.ReadCSV(strings.NewReader(text), "u.csv", data.CSVOptions{})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return err
	}
	cases := []struct {
		err    error
		en, zh string
	}{
		{readCSV(""), "u.csv: empty file (no header)", "u.csv：文件是空的"},
		{readCSV("age,churn\n"), "u.csv: only a header, no data rows", "u.csv：表头之后没有数据行"},
		{readLog(""), "o.csv: empty file", "o.csv：文件是空的"},
		{readLog("customer_id,date,amount\n"), "o.csv: no order lines after the header", "o.csv：表头之后没有数据行"},
		{readLog("customer_id,date,amount,quantity\nc1,2024-01-05,10,-1\n,2024-01-06,3,1\n"),
			"o.csv: no usable orders: 2 lines, 1 cancelled (1 for a negative quantity, the first on line 2, column 4), 1 without a customer id",
			"o.csv：没有可用的订单：共 2 行，其中 1 行已取消（1 条因数量为负，第一条在第 2 行第 4 列），1 行没有客户编号"},
		{readLog("customer_id,date,event_type\nc1,2024-01-05,view\nc2,2024-01-06,view\nc2,2024-01-06,cart\n"),
			`o.csv: no usable orders: 3 lines, 0 cancelled, 0 without a customer id, 3 events that are not purchases ("view" 2, "cart" 1): ` +
				`the event type column "event_type" marks purchases as purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交`,
			`o.csv：没有可用的订单：共 3 行，其中 0 行已取消，0 行没有客户编号，3 行不是购买事件（"view" 2、"cart" 1）：` +
				`事件类型列 "event_type" 把购买记为 purchase、purchased、buy、bought、transaction、order、ordered、checkout、sale、购买、下单、支付、成交`},
		{&data.ParseError{File: "r.parquet", Msg: "no usable orders: 5,000 lines, 0 cancelled, 0 without a customer id, 1,200 stock adjustments", Err: data.ErrHeaderOnly,
			Facts: data.NoOrders{Lines: 5000, Adjustments: 1200}},
			"r.parquet: no usable orders: 5,000 lines, 0 cancelled, 0 without a customer id, 1,200 stock adjustments",
			"r.parquet：没有可用的订单：共 5,000 行，其中 0 行已取消，0 行没有客户编号，1,200 条库存调整"},
		{&data.ParseError{File: "b.xlsx", Msg: "an Excel workbook whose sheets are all empty (no header)", Err: data.ErrEmpty, Facts: data.EmptySheets{}},
			"b.xlsx: an Excel workbook whose sheets are all empty (no header)",
			"b.xlsx：文件是空的（Excel 工作簿的每个工作表都是空的，没有表头）"},
	}
	for _, c := range cases {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}

// TestErrorTextWordsMixedDecimalsInChinese: a column that writes numbers
// with both decimal marks is said in Chinese from its facts, for a table's
// column and for an order log's amount; English keeps data's message.
func TestErrorTextWordsMixedDecimalsInChinese(t *testing.T) {
	_, table := data.ReadCSV(strings.NewReader("price;churn\n1,5;yes\n12.25;no\n"), "u.csv", data.CSVOptions{})
	_, log := data.ReadOrderLog(strings.NewReader("customer_id;date;amount\nc1;2024-01-05;1.5\nc2;2024-01-06;12,5\n"), "o.csv", data.LogOptions{})
	model := &data.ParseError{File: "new.csv", Line: 4, Column: 2, Err: data.ErrMixedDecimals,
		Msg:   `column "price" writes "3.5" with a decimal point, but the model's training data wrote it with a decimal comma: write the column's numbers one way`,
		Facts: data.MixedDecimals{Column: "price", Here: "3.5", ModelComma: true}}
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{table, `u.csv:3:1: column "price" writes "12.25" with a decimal point and "1,5" (line 2) with a decimal comma: write the column's numbers one way`,
			`u.csv:3:1：同一列既用小数点又用小数逗号写数字（列 "price" 的 "12.25" 用小数点书写，而 "1,5"（第 2 行）用小数逗号书写：同一列的数字请用同一种写法）`},
		{log, `o.csv:3:3: amount writes "12,5" with a decimal comma and "1.5" (line 2) with a decimal point: write the column's numbers one way`,
			`o.csv:3:3：同一列既用小数点又用小数逗号写数字（金额列的 "12,5" 用小数逗号书写，而 "1.5"（第 2 行）用小数点书写：同一列的数字请用同一种写法）`},
		{model, `new.csv:4:2: column "price" writes "3.5" with a decimal point, but the model's training data wrote it with a decimal comma: write the column's numbers one way`,
			`new.csv:4:2：同一列既用小数点又用小数逗号写数字（列 "price" 的 "3.5" 用小数点书写，而模型的训练数据用小数逗号书写这一列：同一列的数字请用同一种写法）`},
	} {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}

// TestErrorTextWordsNotANumberInChinese: a word in a numeric column (found
// in the first rows, with the other such cells, or after them) and in an
// order log's amount is said in Chinese from its facts; English keeps
// data's message.
func TestErrorTextWordsNotANumberInChinese(t *testing.T) {
	rows := 300
	table := func(words ...int) error {
		var b strings.Builder
		b.WriteString("age,churn\n")
		for i := range rows {
			v := fmt.Sprint(i)
			if slices.Contains(words, i) {
				v = "abc"
			}
			fmt.Fprintf(&b, "%s,%s\n", v, []string{"yes", "no"}[i%2])
		}
		_, err := data.ReadCSV(strings.NewReader(b.String()), "u.csv", data.CSVOptions{})
		if err == nil {
			t.Fatal("read without error")
		}
		return err
	}
	a, b, c := table(5, 9), table(5, 9, 20), table(280)
	// A file longer than the sample of 1,000 rows: the other cells are
	// counted in those rows only, and the message says so.
	rows = 1200
	d := table(5, 9, 1100)
	rows = 50_000
	late := table(49_000)
	_, log := data.ReadOrderLog(strings.NewReader("customer_id,date,amount\nc1,2024-01-05,abc\nc2,2024-01-06,3\n"), "o.csv", data.LogOptions{})
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{a, `u.csv:7:1: column "age": expected a finite number (298 of its 300 values in the first rows are numbers), got "abc"; 1 more such cell, on line 11; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.csv:7:1：值与该列的类型不符（列 "age" 应为有限的数字（前几行的 300 个值中有 298 个是数字），却是 "abc"；另有 1 个这样的单元格，在第 11 行；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{d, `u.csv:7:1: column "age": expected a finite number (998 of its 1000 values in the first rows are numbers), got "abc"; 1 more such cell in the first 1,000 rows, on line 11; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.csv:7:1：值与该列的类型不符（列 "age" 应为有限的数字（前几行的 1000 个值中有 998 个是数字），却是 "abc"；前 1,000 行中另有 1 个这样的单元格，在第 11 行；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{b, `u.csv:7:1: column "age": expected a finite number (297 of its 300 values in the first rows are numbers), got "abc"; 2 more such cells, on lines 11, 22; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.csv:7:1：值与该列的类型不符（列 "age" 应为有限的数字（前几行的 300 个值中有 297 个是数字），却是 "abc"；另有 2 个这样的单元格，在第 11、22 行；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{c, `u.csv:282:1: column "age": expected a finite number (299 of its 300 values in the first rows are numbers), got "abc"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.csv:282:1：值与该列的类型不符（列 "age" 应为有限的数字（前几行的 300 个值中有 299 个是数字），却是 "abc"；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{late, `u.csv:49002:1: column "age": expected a finite number (the column's first rows are numeric), got "abc"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.csv:49002:1：值与该列的类型不符（列 "age" 应为有限的数字（该列前几行都是数字），却是 "abc"；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{log, `o.csv:2:3: amount "abc" is not a number`,
			`o.csv:2:3：值与该列的类型不符（金额列的 "abc" 不是数字）`},
	} {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}

// TestErrorTextNamesWorkbookAndScaleCauses: an unreadable workbook and
// values too large to scale get a Chinese cause, the detail kept in
// English in parentheses.
func TestErrorTextNamesWorkbookAndScaleCauses(t *testing.T) {
	zh := Common{Lang: "zh"}
	for _, c := range []struct {
		err error
		zh  string
	}{
		{&data.ParseError{File: "b.xlsx", Msg: "the workbook is encrypted", Err: data.ErrWorkbook},
			"b.xlsx：无法读取的 Excel 工作簿（the workbook is encrypted）"},
		{&data.ParseError{File: "u.csv", Msg: `column "x" reaches 1e308`, Err: data.ErrTooLarge},
			`u.csv：数值太大，无法缩放（column "x" reaches 1e308）`},
	} {
		if got := zh.ErrorText(c.err); got != c.zh {
			t.Errorf("zh %v\n got %q\nwant %q", c.err, got, c.zh)
		}
	}
}

// checkErrorText checks that err (which must not be nil) reads en in
// English, that the English interface shows it as PlainError does, and
// that the Chinese one shows zh.
func checkErrorText(t *testing.T, err error, en, zh string) {
	t.Helper()
	if err == nil {
		t.Fatal("read without error")
	}
	if got := err.Error(); got != en {
		t.Errorf("English changed:\n got %q\nwant %q", got, en)
	}
	// The interface asks for a label with a column list: no text of it
	// names the command line's flag for one.
	if got, want := (Common{Lang: "en"}).ErrorText(err), PlainError(err); got != want || strings.Contains(got, "--label") {
		t.Errorf("en %q, want PlainError %q, without --label", got, want)
	}
	if got := (Common{Lang: "zh"}).ErrorText(err); got != zh {
		t.Errorf("zh %v\n got %q\nwant %q", err, got, zh)
	}
}

// TestErrorTextSaysTheSpellingInChinese: a number written in a spelling
// retain does not read ("0,5" in a comma-separated file, "1 234'567",
// grouped by spaces and apostrophes at once; "1 234" alone is read now) is said
// with its hint in both languages (review21 #4), in the first rows and
// after them.
func TestErrorTextSaysTheSpellingInChinese(t *testing.T) {
	table := func(rows, at int, cell string) error {
		var b strings.Builder
		b.WriteString("rate,churn\n")
		for i := range rows {
			v := fmt.Sprintf("%d.5", i)
			if i == at {
				v = cell
			}
			fmt.Fprintf(&b, "%s,%s\n", v, []string{"yes", "no"}[i%2])
		}
		_, err := data.ReadCSV(strings.NewReader(b.String()), "u.csv", data.CSVOptions{})
		if err == nil {
			t.Fatal("read without error")
		}
		return err
	}
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{table(300, 5, `"0,5"`), `u.csv:7:1: column "rate": expected a finite number (299 of its 300 values in the first rows are numbers), got "0,5" (written with a decimal comma, which only a semicolon-separated file reads); correct such cells (a missing value may be left blank), or leave the column out with --exclude rate`,
			`u.csv:7:1：值与该列的类型不符（列 "rate" 应为有限的数字（前几行的 300 个值中有 299 个是数字），却是 "0,5"（用了小数逗号，只有分号分隔的文件才按小数逗号读取）；请改正这些单元格（缺失值可留空），或用 --exclude rate 不用这一列）`},
		{table(1200, 1100, "1 234'567.5"), `u.csv:1102:1: column "rate": expected a finite number (the column's first rows are numeric), got "1 234'567.5" (digits grouped by spaces or apostrophes, which are not read: write the number without them); correct such cells (a missing value may be left blank), or leave the column out with --exclude rate`,
			`u.csv:1102:1：值与该列的类型不符（列 "rate" 应为有限的数字（该列前几行都是数字），却是 "1 234'567.5"（数字用空格或撇号分组，这种写法无法读取：请去掉分组符号）；请改正这些单元格（缺失值可留空），或用 --exclude rate 不用这一列）`},
	} {
		checkErrorText(t, c.err, c.en, c.zh)
	}
}
