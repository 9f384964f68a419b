package datascreen

import (
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestWarningsInChinese: each load warning the Data screen shows is
// worded in Chinese from its fields, and in English as experiment words
// it. A warning about rows built without a label (LoadCurrent) does not
// say the horizon was taken off the default cutoff, as its English does
// not.
func TestWarningsInChinese(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	future := data.FutureDated{Name: "o.csv", Future: 680, Lines: 2000, Today: day("2026-12-05"), First: day("2025-01-01"), Last: day("2027-12-28")}
	allFuture := data.FutureDated{Name: "o.csv", Future: 2000, Lines: 2000, Today: day("2026-12-05"), First: day("2030-12-01"), Last: day("2031-06-14")}
	cases := []struct {
		w      experiment.LoadWarning
		en, zh string
	}{
		{&experiment.FutureWarning{FutureDated: future, LastUpToToday: day("2026-12-04")},
			"o.csv: 680 of 2,000 lines are dated after today (2026-12-05); the log's dates run 2025-01-01 .. 2027-12-28",
			"o.csv：2,000 行中有 680 行的日期晚于今天（2026-12-05）；日志的日期范围为 2025-01-01 .. 2027-12-28"},
		// Every order after today (no LastUpToToday): none is left out,
		// and the warning says so rather than nothing.
		{&experiment.FutureWarning{FutureDated: allFuture},
			"o.csv: 2,000 of 2,000 lines are dated after today (2026-12-05); the log's dates run 2030-12-01 .. 2031-06-14; " +
				"as no order is dated up to today, none of them is left out: the log is read as if today were its last date, 2031-06-14",
			"o.csv：2,000 行中有 2,000 行的日期晚于今天（2026-12-05）；日志的日期范围为 2030-12-01 .. 2031-06-14；" +
				"没有订单的日期在今天及以前，所以这些行都不排除：日志按今天就是其最后日期 2031-06-14 来读"},
		{&experiment.FutureWarning{FutureDated: future, DefaultCutoff: true, LastUpToToday: day("2026-12-04")},
			"o.csv: 680 of 2,000 lines are dated after today (2026-12-05); the log's dates run 2025-01-01 .. 2027-12-28; " +
				"the default cutoff ignores them (it is the last date up to today, 2026-12-04, minus the horizon)",
			"o.csv：2,000 行中有 680 行的日期晚于今天（2026-12-05）；日志的日期范围为 2025-01-01 .. 2027-12-28；" +
				"默认截止日不计这些行（取今天及以前的最后日期 2026-12-04，减去观察期）"},
		{&experiment.FutureWarning{FutureDated: future, DefaultCutoff: true, LastUpToToday: day("2026-12-04"), Unlabelled: true},
			"o.csv: 680 of 2,000 lines are dated after today (2026-12-05); the log's dates run 2025-01-01 .. 2027-12-28; " +
				"the default cutoff ignores them (it is the last date up to today, 2026-12-04)",
			"o.csv：2,000 行中有 680 行的日期晚于今天（2026-12-05）；日志的日期范围为 2025-01-01 .. 2027-12-28；" +
				"默认截止日不计这些行（取今天及以前的最后日期 2026-12-04）"},
		{&experiment.WindowWarning{Path: "o.csv", Cutoff: day("1998-05-31"), End: day("1998-08-29"), Last: day("1998-06-30"), Latest: day("1998-03-31"), Negative: "no"},
			`o.csv: the label window 1998-05-31 .. 1998-08-29 runs past the log's last date 1998-06-30: orders after it are unseen, ` +
				`so some customers who will order again are labelled "no"; choose a cutoff on or before 1998-03-31`,
			`o.csv：标签窗口 1998-05-31 .. 1998-08-29 超出了日志的最后日期 1998-06-30：之后的订单看不到，` +
				`所以部分会再次下单的客户被标为 "no"；请选择不晚于 1998-03-31 的截止日`},
		{&experiment.EarlyWarning{EarlyDated: data.EarlyDated{Name: "o.csv", Early: 1, Lines: 6919, Line: 6, Col: 2,
			Day: day("0001-01-01"), RestFirst: day("1997-01-01"), Last: day("1998-06-30")}},
			"o.csv: 1 of 6,919 lines is dated far before the rest of the log (the earliest: line 6, column 2, 0001-01-01; the rest run 1997-01-01 .. 1998-06-30): " +
				"a mistyped year? Correct or remove such lines: cohorts, features and charts count from the earliest date",
			"o.csv：6,919 行中有 1 行的日期远早于日志的其余部分（最早一处：第 6 行第 2 列，0001-01-01；其余日期为 1997-01-01 .. 1998-06-30）：" +
				"年份写错了？请更正或删除这些行：同期群、特征和图表都从最早的日期算起"},
		// A horizon longer than the log (review21 finding 6): no cutoff
		// fits, and no date before the log's first is suggested. 1997-01-01
		// .. 1998-06-30 is 365 + 180 = 545 days; 1998-06-01 + 1000 days is
		// 2001-02-25 (by hand).
		{&experiment.WindowWarning{Path: "o.csv", Cutoff: day("1998-06-01"), End: day("2001-02-25"), First: day("1997-01-01"),
			Last: day("1998-06-30"), Latest: day("1995-10-04"), Negative: "no"},
			`o.csv: the label window 1998-06-01 .. 2001-02-25 runs past the log's last date 1998-06-30: orders after it are unseen, ` +
				`so some customers who will order again are labelled "no"; no cutoff fits: the log spans 545 days (1997-01-01 .. 1998-06-30) ` +
				`and the horizon is 1000 days; choose a horizon of at most 545 days`,
			`o.csv：标签窗口 1998-06-01 .. 2001-02-25 超出了日志的最后日期 1998-06-30：之后的订单看不到，` +
				`所以部分会再次下单的客户被标为 "no"；没有合适的截止日：日志只跨 545 天（1997-01-01 .. 1998-06-30），而观察期为 1000 天；请选择不超过 545 天的观察期`},
		// A log with lines dated after today: the window's end is its last
		// date up to today.
		{&experiment.WindowWarning{Path: "o.csv", Cutoff: day("2011-11-20"), End: day("2011-12-20"), Last: day("2011-12-09"), Latest: day("2011-11-09"),
			Negative: "no", UpToToday: true},
			`o.csv: the label window 2011-11-20 .. 2011-12-20 runs past the log's last date up to today 2011-12-09: orders after it are unseen, ` +
				`so some customers who will order again are labelled "no"; choose a cutoff on or before 2011-11-09`,
			`o.csv：标签窗口 2011-11-20 .. 2011-12-20 超出了日志今天及以前的最后日期 2011-12-09：之后的订单看不到，` +
				`所以部分会再次下单的客户被标为 "no"；请选择不晚于 2011-11-09 的截止日`},
		{&experiment.HistoryWarning{Path: "short.csv", First: day("2018-06-01"), Cutoff: day("2018-07-01"), Days: 31, WindowDays: 90},
			"short.csv: 31 days of history up to the cutoff 2018-07-01 (from 2018-06-01), less than the 90-day feature window: " +
				"orders_90d, tenure_days, recency_days and the order intervals are truncated for every customer",
			"short.csv：到截止日 2018-07-01 为止的历史只有 31 天（从 2018-06-01 起），短于 90 天的特征窗口：" +
				"每位客户的 orders_90d、tenure_days、recency_days 和下单间隔都被截短"},
		{&experiment.LeakWarning{Path: "u.csv", Column: "Churn Reason", AUC: 1},
			`u.csv: column "Churn Reason" alone separates the label (ROC AUC 1.0000 on its own): it may be the label under another name ` +
				`or known only after the outcome; leave it out with x on its row of the Schema`,
			`u.csv：列 "Churn Reason" 单独就能区分标签（单列 ROC AUC 1.0000）：它可能是换了名字的标签，或只有在结果发生后才知道；` +
				`请在“结构”中选中该列的行，按 x 将其排除`},
		{&experiment.DecimalCommaWarning{Path: "u.csv", Column: "price", Cells: [2]string{"1,25", "2,5"}},
			`u.csv: column "price" is read as a category: it looks like numbers written with a decimal comma ("1,25", "2,5"), ` +
				"which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point",
			`u.csv：列 "price" 按类别读取：看起来是用小数逗号书写的数字（"1,25"、"2,5"），只有以分号分隔的文件才把它们读作数字：` +
				"请用分号分隔各字段，或用小数点书写数字"},
		{&experiment.DecimalCommaWarning{Path: "u.csv", Column: "fee", Cells: [2]string{"p_1", "p_2"}, Pseudonymised: true},
			`u.csv: column "fee" is not read as numbers: it looks like numbers written with a decimal comma, ` +
				"which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point",
			`u.csv：列 "fee" 未按数字读取：看起来是用小数逗号书写的数字，只有以分号分隔的文件才把它们读作数字：` +
				"请用分号分隔各字段，或用小数点书写数字"},
		{&experiment.BlankWarning{Path: "o.csv", BlankNumbers: data.BlankNumbers{Lines: 2615, Line: 5, Column: 3, Role: "quantity"}},
			"o.csv: 2,615 kept lines have no amount, price or quantity (the first: line 5, column 3, quantity blank): " +
				"their orders count and the missing number is read as 0, so spend and unit sums leave those lines out",
			"o.csv：2,615 条保留的行没有金额、单价或数量（第一处：第 5 行第 3 列，数量为空）：" +
				"这些订单照常计入，缺少的数按 0 读，所以消费额和件数的合计不含这些行"},
		{&experiment.BlankWarning{Path: "o.csv", BlankNumbers: data.BlankNumbers{Lines: 1, Line: 9, Column: 4, Role: "amount", Cell: "N/A"}},
			`o.csv: 1 kept line has no amount, price or quantity (the first: line 9, column 4, amount "N/A"): ` +
				"their orders count and the missing number is read as 0, so spend and unit sums leave those lines out",
			`o.csv：1 条保留的行没有金额、单价或数量（第一处：第 9 行第 4 列，金额 "N/A"）：` +
				"这些订单照常计入，缺少的数按 0 读，所以消费额和件数的合计不含这些行"},
	}
	en, zh := New(screentest.Common("en", 120, 40)), New(screentest.Common("zh", 120, 40))
	for _, c := range cases {
		if got := en.warning(c.w); got != c.en {
			t.Errorf("en:\n got %q\nwant %q", got, c.en)
		}
		// The screen's English is the command line's, but for a leak,
		// whose advice is a key here and --exclude there.
		cli := c.en
		if l, ok := c.w.(*experiment.LeakWarning); ok {
			cli = strings.Replace(c.en, "x on its row of the Schema", "--exclude "+experiment.ShellWord(l.Column), 1)
		}
		if c.w.String() != cli {
			t.Errorf("en (command line):\n got %q\nwant %q", c.w.String(), cli)
		}
		if got := zh.warning(c.w); got != c.zh {
			t.Errorf("zh:\n got %q\nwant %q", got, c.zh)
		}
	}
}

// TestOrderLogWarningNamesTheKey: the warning on a table with a label that
// reads as an order log says, in both languages, that g on the Data screen
// opens it as one; the command line's --log means nothing here.
func TestOrderLogWarningNamesTheKey(t *testing.T) {
	w := &experiment.OrderLogWarning{Path: "o.csv", Look: data.LogLook{Customer: "customer_id", Date: "order_date", Lines: 6, Customers: 3}}
	for lang, want := range map[string]string{
		"en": `o.csv: it looks like an order log, not a table of one row per customer (its 6 lines hold 3 customers in column "customer_id", ` +
			`with dates in column "order_date"): each line is read as a row of its own; press g on the Data screen to open it as an order log, ` +
			"which makes one row per customer and labels it by whether they order again",
		"zh": `o.csv：它看起来是订单日志，而不是每个客户一行的表（它的 6 行中列 "customer_id" 有 3 个客户，日期在列 "order_date"）：` +
			"每一行都被读作单独的一行；请在数据页按 g 以订单日志打开，它会为每个客户生成一行，并按客户是否再次下单打标签",
	} {
		if got := New(screentest.Common(lang, 120, 40)).warning(w); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
}
