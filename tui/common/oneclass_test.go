package common

import (
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// The Train panel's reason for a one-class label points to the Data
// screen's h, which labels the log again in place, not to the command
// line, in both languages; a 1-day horizon has no shorter one to offer.
func TestOneClassReasonPointsToTheDataScreen(t *testing.T) {
	cut := time.Date(2024, 2, 18, 0, 0, 0, 0, time.UTC)
	every := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 30, Customers: 1200, Positives: 1200}}
	none := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 10, Customers: 25}}
	day := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 1, Customers: 3, Positives: 3}}
	for _, c := range []struct {
		e    *experiment.OneClassError
		lang string
		want string
	}{
		{every, "en", "Every customer orders again within the 30-day horizon: 1,200 of the 1,200 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. " +
			"Press h on the Data screen (1) for a horizon shorter than 30 days: the log is labelled again in place."},
		{every, "zh", "在 30 天的观察期内每位客户都再次下单：截止 2024-02-18 的 1,200 位客户中 1,200 位，所以标签只有一类，而模型需要两类都有。" +
			"可以在“数据”页（按 1）按 h 选短于 30 天的观察期：日志会就地重新标注。"},
		{none, "en", "No customer orders again within the 10-day horizon: 0 of the 25 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. " +
			"Press h on the Data screen (1) for a horizon longer than 10 days: the log is labelled again in place."},
		{none, "zh", "在 10 天的观察期内没有客户再次下单：截止 2024-02-18 的 25 位客户中 0 位，所以标签只有一类，而模型需要两类都有。" +
			"可以在“数据”页（按 1）按 h 选长于 10 天的观察期：日志会就地重新标注。"},
		{day, "en", "Every customer orders again within the 1-day horizon: 3 of the 3 customers at the cutoff 2024-02-18, so the label has one class and a model needs both."},
	} {
		got := (Common{Lang: c.lang}).OneClassReason(c.e)
		if got != c.want {
			t.Errorf("%s, %d days:\n got %q\nwant %q", c.lang, c.e.Report.HorizonDays, got, c.want)
		}
		if strings.Contains(got, "--") || strings.Contains(got, "retain tui") {
			t.Errorf("%s: names the command line: %q", c.lang, got)
		}
	}
}

// TestOneClassSingleOrdersPointsToTheColumns: when every customer has one
// order, the customer column may be a per-order key. The Train panel
// said to open the log again with --log-columns, a flag of the command
// line; it points to the Data screen's l, which reads the log again with
// the column chosen, in both languages. With pseudonymised customer ids
// l is refused (a column read under another role would show its values
// as they are), and the reason says who can choose the columns: the user
// on the command line, or in a served session the server.
func TestOneClassSingleOrdersPointsToTheColumns(t *testing.T) {
	cut := time.Date(2024, 2, 18, 0, 0, 0, 0, time.UTC)
	e := &experiment.OneClassError{Log: "orders.csv", Report: data.CohortReport{Cutoff: cut, HorizonDays: 30, Customers: 40},
		SingleOrders: true, CustomerColumn: "InvoiceNo"}
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	const en = "No customer orders again within the 30-day horizon: 0 of the 40 customers at the cutoff 2024-02-18, so the label has one class and a model needs both. " +
		`Every customer of orders.csv has exactly one order: the customer column "InvoiceNo" may name orders, not customers. To try another, `
	const zh = "在 30 天的观察期内没有客户再次下单：截止 2024-02-18 的 40 位客户中 0 位，所以标签只有一类，而模型需要两类都有。" +
		`orders.csv 中每位客户都恰好只有一笔订单：客户列 "InvoiceNo" 可能是订单编号，而不是客户编号。要换一列，`
	for _, c := range []struct {
		com        Common
		want, note string
	}{
		{Common{Lang: "en"}, en + "press l on the Data screen (1) and choose the customer id column: the log is read again with it.",
			`the label has one class: no customer orders again within 30 days, as every customer has one order (is the customer column "InvoiceNo" a per-order key? l chooses another); Train refuses it`},
		{Common{Lang: "zh"}, zh + "可在“数据”页（按 1）按 l 选择客户编号列：日志会按所选的列重新读取。",
			`标签只有一类：没有客户在 30 天内再次下单，因为每位客户都只有一笔订单（客户列 "InvoiceNo" 是否是订单编号？按 l 可换一列）；无法训练`},
		{Common{Lang: "en", Pseudonym: key}, en + "with pseudonymised customer ids the columns are not chosen here: open the log again with retain tui --log FILE --log-columns customer=COLUMN.",
			`the label has one class: no customer orders again within 30 days, as every customer has one order (is the customer column "InvoiceNo" a per-order key?); Train refuses it`},
		{Common{Lang: "zh", Pseudonym: key, Served: true}, zh + "日志的列由服务器决定（客户编号已假名化）：服务器可以用 --log-columns customer=列名 提供该日志。",
			`标签只有一类：没有客户在 30 天内再次下单，因为每位客户都只有一笔订单（客户列 "InvoiceNo" 是否是订单编号？）；无法训练`},
	} {
		if got := c.com.OneClassReason(e); got != c.want {
			t.Errorf("%s, pseudonymised %v, served %v:\n got %q\nwant %q", c.com.Lang, c.com.Pseudonym.Enabled(), c.com.Served, got, c.want)
		}
		if got := c.com.OneClassNote(e); got != c.note {
			t.Errorf("%s, pseudonymised %v: note\n got %q\nwant %q", c.com.Lang, c.com.Pseudonym.Enabled(), got, c.note)
		}
	}
}
