package common

import (
	"testing"

	"github.com/retainlab/retain/recommend"
)

// TestReasonShort: the short wording of each kind of reason, beside the
// full one it stands for on a narrow screen. In Chinese a customer's own
// item reads the same at every width (review26: 最近 at 80 columns,
// 最近一次 at 200).
func TestReasonShort(t *testing.T) {
	repeat := func(n, days int) recommend.Reason {
		return recommend.Reason{Kind: recommend.ReasonRepeat, Invoices: n, DaysAgo: days}
	}
	popular := recommend.Reason{Kind: recommend.ReasonPopular, Invoices: 1234, WindowDays: 30, HasTrend: true, Trend: 1.37}
	fresh := recommend.Reason{Kind: recommend.ReasonPopular, Invoices: 1, WindowDays: 30}
	for _, tc := range []struct {
		r      recommend.Reason
		en, zh string
	}{
		{repeat(17, 343), "17 orders, last 343 days ago", "买过 17 次，最近一次 343 天前"},
		{repeat(1, 2), "1 order, 2 days ago", "买过 1 次，2 天前"},
		{repeat(3, 1), "3 orders, last 1 day ago", "买过 3 次，最近一次 1 天前"},
		{repeat(1, 1), "1 order, 1 day ago", "买过 1 次，1 天前"},
		{popular, "popular: 1,234 orders, +137 %", "热门：1,234 单，+137 %"},
		{fresh, "popular: 1 order, new", "热门：1 单，新上榜"},
	} {
		if got := New("en").ReasonShort(tc.r); got != tc.en {
			t.Errorf("en %+v: %q, want %q", tc.r, got, tc.en)
		}
		if got := New("zh").ReasonShort(tc.r); got != tc.zh {
			t.Errorf("zh %+v: %q, want %q", tc.r, got, tc.zh)
		}
		if full := New("zh").ReasonText(tc.r); tc.r.Kind == recommend.ReasonRepeat && full != tc.zh {
			t.Errorf("zh %+v: %q in full, %q short", tc.r, full, tc.zh)
		}
	}
}
