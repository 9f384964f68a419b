package common

import (
	"fmt"

	"github.com/retainlab/retain/recommend"
)

// ReasonText words why an item is offered, in the interface language:
// "bought in 6 orders, last 12 days ago" or "popular: 120 orders in 30
// days, +40 %" (the trend is left out when nobody bought the item in the
// period before, which makes it "new").
func (c Common) ReasonText(r recommend.Reason) string {
	if r.Kind == recommend.ReasonRepeat {
		switch {
		case r.Invoices == 1 && r.DaysAgo == 1:
			return c.T("bought in 1 order, 1 day ago", "买过 1 次，1 天前")
		case r.Invoices == 1:
			return c.Tf("bought in 1 order, %d days ago", "买过 1 次，%d 天前", r.DaysAgo)
		case r.DaysAgo == 1:
			return c.Tf("bought in %d orders, last 1 day ago", "买过 %d 次，最近一次 1 天前", r.Invoices)
		}
		return c.Tf("bought in %d orders, last %d days ago", "买过 %d 次，最近一次 %d 天前", r.Invoices, r.DaysAgo)
	}
	invoices := c.Tf("%d orders", "%d 个订单", r.Invoices)
	if r.Invoices == 1 {
		invoices = c.T("1 order", "1 个订单")
	}
	trend := c.T("new", "新上榜")
	if r.HasTrend {
		trend = recommend.TrendPercent(r.Trend)
	}
	return fmt.Sprintf(c.T("popular: %s in %d days, %s", "热门：近 %[2]d 天 %[1]s，%[3]s"), invoices, r.WindowDays, trend)
}

// ReasonShort words a reason as ReasonText does, shorter, for a narrow
// screen: "6 orders, last 12 days ago" (the customer's own orders),
// "popular: 120 orders, +40 %" (the window left out). In Chinese a
// customer's own item reads as in ReasonText, so that one reason is worded
// one way at every width.
func (c Common) ReasonShort(r recommend.Reason) string {
	if r.Kind == recommend.ReasonRepeat {
		switch {
		case r.Invoices == 1 && r.DaysAgo == 1:
			return c.T("1 order, 1 day ago", "买过 1 次，1 天前")
		case r.Invoices == 1:
			return c.Tf("1 order, %d days ago", "买过 1 次，%d 天前", r.DaysAgo)
		case r.DaysAgo == 1:
			return c.Tf("%d orders, last 1 day ago", "买过 %d 次，最近一次 1 天前", r.Invoices)
		}
		return c.Tf("%d orders, last %d days ago", "买过 %d 次，最近一次 %d 天前", r.Invoices, r.DaysAgo)
	}
	invoices := c.Tf("%s orders", "%s 单", Thousands(r.Invoices))
	if r.Invoices == 1 {
		invoices = c.T("1 order", "1 单")
	}
	trend := c.T("new", "新上榜")
	if r.HasTrend {
		trend = recommend.TrendPercent(r.Trend)
	}
	return c.Tf("popular: %s, %s", "热门：%s，%s", invoices, trend)
}
