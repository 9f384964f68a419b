package common

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// TestErrorTextWithholdsCells: with pseudonyms on (a served session), a
// load error's cells that may name someone are withheld in English and in
// Chinese: the identifier's cells that are not numbers, the cells of text
// that looks like decimal-comma numbers, a cell that is not UTF-8 (the
// same tables as TestErrorTextWordsParseFactsInChinese's, whose texts
// quote them without pseudonyms); an order log's event types that name
// people.
func TestErrorTextWithholdsCells(t *testing.T) {
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	read := func(text string) error {
		_, err := data.ReadCSV(strings.NewReader(text), "u.csv", data.CSVOptions{})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return experiment.WithholdCells(key, err)
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
	var commas strings.Builder
	commas.WriteString("price,churn\n")
	for i := range 30 {
		fmt.Fprintf(&commas, "\"%d,%d\",%s\n", i+1, []int{5, 25}[i%2], []string{"yes", "no"}[i%2])
	}
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{read(mixed.String()),
			`u.csv: no usable feature column (id: an identifier, score: text with too many levels, mostly numbers but 34 of 300 in the first rows are not (the first at line 2, column 2; their values withheld, as they may name someone), plan: constant)`,
			`u.csv：没有可用的特征列（id：标识；score：取值太多的文本，大多是数字，但前几行的 300 个值中有 34 个不是（第一个在第 2 行第 2 列；这些值可能指明某人，不予显示）；plan：常量）`},
		{read(commas.String()),
			`u.csv: no usable feature column (price: it looks like numbers written with a decimal comma, ` +
				`which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point)`,
			`u.csv：没有可用的特征列（price：看起来是用小数逗号书写的数字，只有以分号分隔的文件才把它们读作数字：` +
				`请用分号分隔各字段，或用小数点书写数字）`},
		{read("id,churn\nJos\xe9,yes\n"),
			"u.csv:2:1: the cell is not UTF-8 (byte 0xE9 at its byte 4; its value withheld, as it may name someone); " +
				"its bytes read as Latin-1 / Windows-1252 text; convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8 u.csv > u-utf8.csv)",
			"u.csv:2:1：不是 UTF-8 文本文件：单元格（其值可能指明某人，不予显示）的第 4 个字节 0xE9 不是有效的 UTF-8；" +
				"这些字节读起来像 Latin-1 / Windows-1252 文本；请先把它转换为 UTF-8（iconv -f WINDOWS-1252 -t UTF-8 u.csv > u-utf8.csv）"},
	} {
		checkErrorText(t, c.err, c.en, c.zh)
	}
	// An order log without orders whose event types are e-mail addresses
	// counts them without naming them.
	_, err = data.ReadOrderLog(strings.NewReader("customer,date,event\nc1,2024-01-01,a@example.com\nc2,2024-01-02,b@example.com\n"),
		"o.csv", data.LogOptions{Columns: data.LogColumns{Customer: "customer", Time: "date", Event: "event"}})
	const purchases = "purchase, purchased, buy, bought, transaction, order, ordered, checkout, sale, 购买, 下单, 支付, 成交"
	checkErrorText(t, experiment.WithholdCells(key, err),
		`o.csv: no usable orders: 2 lines, 0 cancelled, 0 without a customer id, 2 events that are not purchases `+
			`(of 2 types, their values withheld, as they may name someone): the event type column "event" marks purchases as `+purchases,
		`o.csv：没有可用的订单：共 2 行，其中 0 行已取消，0 行没有客户编号，2 行不是购买事件（共 2 种类型，这些值可能指明某人，不予显示）：`+
			`事件类型列 "event" 把购买记为 `+strings.ReplaceAll(purchases, ", ", "、"))
}

// TestErrorTextWithholdsLabelAndNumberCells (review36 #2, #3): with
// pseudonyms on, a label column the user chose that has too many classes
// (the id column, an e-mail column) is refused with its class count but
// none of its values, and a cell of a numeric column that is not a number
// (an e-mail address) is not quoted: in English and in Chinese. Without
// the fix both quoted the cells.
func TestErrorTextWithholdsLabelAndNumberCells(t *testing.T) {
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	var ids, numbers strings.Builder
	ids.WriteString("customerID,tenure,Churn\n")
	numbers.WriteString("customerID,tenure,Churn\n")
	for i := range 30 {
		fmt.Fprintf(&ids, "%04d-SECRET,%d,%s\n", i, i+1, []string{"Yes", "No"}[i%2])
		tenure := fmt.Sprint(i + 1)
		if i == 3 {
			tenure = "john.smith@example.com"
		}
		fmt.Fprintf(&numbers, "%04d-SECRET,%s,%s\n", i, tenure, []string{"Yes", "No"}[i%2])
	}
	read := func(text, label string) error {
		_, err := data.ReadCSV(strings.NewReader(text), "u.csv", data.CSVOptions{Label: label})
		if err == nil {
			t.Fatalf("%q was read without error", text)
		}
		return experiment.WithholdCells(key, err)
	}
	for _, c := range []struct {
		err    error
		en, zh string
	}{
		{read(ids.String(), "customerID"),
			`u.csv: label column "customerID" has more than 20 classes (their values withheld, as they may name someone); it needs exactly two`,
			`u.csv：标签不是二分类（标签列 "customerID" 有超过 20 个类别（这些值可能指明某人，不予显示），需要恰好两个）`},
		{read(numbers.String(), ""),
			`u.csv:5:2: column "tenure": expected a finite number (29 of its 30 values in the first rows are numbers), got a cell that is not one ` +
				`(its value withheld, as it may name someone); correct such cells (missing values may be left blank) or leave the column out`,
			`u.csv:5:2：值与该列的类型不符（列 "tenure" 应为有限的数字（前几行的 30 个值中有 29 个是数字），却有一个单元格不是（其值可能指明某人，不予显示）；` +
				`请改正这些单元格（缺失值可留空），或不用这一列）`},
	} {
		for _, secret := range []string{"SECRET", "john.smith"} {
			if strings.Contains(PlainError(c.err), secret) {
				t.Errorf("%s quotes %q", PlainError(c.err), secret)
			}
		}
		checkErrorText(t, c.err, c.en, c.zh)
	}
}
