package common

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestDayGapsAreSaidInBothLanguages: a log whose only time column counts
// the days since the previous order (Instacart's orders.csv) is refused,
// in the terminal interface, with the interface's advice and the reason
// the gaps give no date, in English and Chinese.
func TestDayGapsAreSaidInBothLanguages(t *testing.T) {
	_, err := data.ReadOrderLog(strings.NewReader("order_id,user_id,days_since_prior_order\n1,1,\n2,1,30.0\n"), "o.csv", data.LogOptions{})
	if err == nil {
		t.Fatal("the log was read")
	}
	cases := []struct{ lang, want string }{
		{"en", "o.csv:1: no date column found (columns: order_id, user_id, days_since_prior_order); open the log again (g on the Data screen) to choose it; " +
			`column "days_since_prior_order" holds days since the customer's previous order, not dates: the orders of a log need a date each, and relative day gaps do not give one`},
		{"zh", "o.csv:1：找不到日期列（列：order_id, user_id, days_since_prior_order）；请重新打开日志（在“数据”页按 g）并选择该列；" +
			`列 "days_since_prior_order" 记录的是距客户上一笔订单的天数，不是日期：日志中的每笔订单都需要一个日期，相对的间隔天数无法给出日期`},
	}
	for _, c := range cases {
		if got := (Common{Lang: c.lang}).ErrorText(err); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.lang, got, c.want)
		}
	}
}
