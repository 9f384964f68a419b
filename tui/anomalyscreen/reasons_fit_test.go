package anomalyscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/screentest"
)

// TestReasonValuesAreWholeAndGrouped: at 91×27 in Chinese the list cut a
// reason inside its expected value ("interval_mean_days 340 预期 6…") and
// wrote 77183.6 where the other screens write 77,183.6. Values are grouped
// by thousands and written with the minus sign, and the list cuts its
// reasons between whole reasons, never inside one (a row read
// "orders_90d 12 exp …").
func TestReasonValuesAreWholeAndGrouped(t *testing.T) {
	s := New(screentest.Common("zh", 91, 27))
	money := s.reasonText(anomaly.Reason{Column: "monetary_total", Value: 77183.6, Expected: 968.68, Typical: 1482})
	if want := "monetary_total 77,183.6 预期 968.68（通常 1,482）"; money != want {
		t.Errorf("reason %q, want %q", money, want)
	}
	trend := s.reasonText(anomaly.Reason{Column: "spend_trend", Value: -0.08, Expected: 0.01, Typical: 0})
	if !strings.HasPrefix(trend, "spend_trend −0.08 ") {
		t.Errorf("reason %q, want the minus sign", trend)
	}
	level := s.reasonText(anomaly.Reason{Column: "postcode", Level: "10115", ExpectedLevel: "20095", TypicalLevel: "10115"})
	if !strings.Contains(level, "10115") || strings.Contains(level, "10,115") {
		t.Errorf("a level is grouped as a number: %q", level)
	}
	reasons := []string{"interval_mean_days 340 预期 68.5（通常 12）", "tenure_days 7 预期 259（通常 254）"}
	prefix := "     1  17850   2.437  ▲  "
	for w := ansi.StringWidth(prefix) + 2; w <= 110; w++ {
		line := fitReasons(prefix, reasons, "；", w)
		if ansi.StringWidth(line) > w {
			t.Fatalf("width %d: %q is wider", w, line)
		}
		got := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(line, prefix), "…"), " ")
		if got != "" && got != reasons[0] && got != strings.Join(reasons, "；") {
			t.Errorf("width %d: %q cuts inside a reason of %q", w, got, reasons)
		}
	}
}
