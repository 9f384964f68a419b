package anomalyscreen

import (
	"slices"
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
	reasons := [][]string{{"interval_mean_days 340", " 预期 68.5", "（通常 12）"}, {"tenure_days 7", " 预期 259", "（通常 254）"}}
	whole := []string{"interval_mean_days 340 预期 68.5（通常 12）", "tenure_days 7 预期 259（通常 254）"}
	// What a row may show: the first reason cut after a whole piece, one
	// whole reason or both.
	allowed := []string{"interval_mean_days 340", "interval_mean_days 340 预期 68.5", whole[0], strings.Join(whole, "；")}
	prefix := "     1  17850   2.437  ▲  "
	for w := ansi.StringWidth(prefix) + 2; w <= 110; w++ {
		line := fitReasons(prefix, reasons, "；", w)
		if ansi.StringWidth(line) > w {
			t.Fatalf("width %d: %q is wider", w, line)
		}
		got := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(line, prefix), "…"), " ")
		if ansi.StringWidth(prefix+"interval_mean_days 340 …") > w {
			// Too narrow for the first piece: it is cut where it must be.
			if !strings.HasPrefix("interval_mean_days 340", got) {
				t.Errorf("width %d: %q is not the start of the first reason", w, got)
			}
			continue
		}
		if !slices.Contains(allowed, got) {
			t.Errorf("width %d: %q cuts inside a piece of %q", w, got, whole)
		}
	}
}

// TestFirstReasonCutNotDropped: the zh list at 80×24 showed only "…" for a
// row whose first reason was wider than the room left by a 14-cell id
// (review 14, L1); it is cut after its last whole piece that fits. The
// prefix is a list row's with a 14-cell id (6 + 2 + 14 + 2 + 6 + 2 + 5 +
// 2 = 39 cells), leaving 41: the whole first reason takes 40 and " …" 2.
func TestFirstReasonCutNotDropped(t *testing.T) {
	prefix := "     2  0000000000000…   1.932  ▲      "
	reasons := [][]string{{"interval_std_days 189", " 预期 27.9", "（通常 0）"}, {"tenure_days 7", " 预期 259", "（通常 254）"}}
	got := fitReasons(prefix, reasons, "；", 80)
	if want := prefix + "interval_std_days 189 预期 27.9 …"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
