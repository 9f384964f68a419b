package planscreen

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestROIColumnRightAligned: the curve's last column, ROI, was written
// from the left while every other figure is right-aligned ("135.8 %" over
// "75.4 %"). Figures in the last column end where the column ends.
func TestROIColumnRightAligned(t *testing.T) {
	s := New(screentest.Common("en", 100, 30))
	head := []string{"share", "contacted", "net", "ROI"}
	lines := s.table(head, [][]string{{"★ 19 %", "4,544", "6,172", "135.8 %"}, {"30 %", "7,071", "5,335", "75.4 %"}, {"0 %", "0", "0", "–"}})
	end := ansi.StringWidth(ansi.Strip(lines[1]))
	for _, l := range lines[2:] {
		if got := ansi.StringWidth(ansi.Strip(l)); got != end {
			t.Errorf("row %q ends at cell %d, the first at %d:\n%s", ansi.Strip(l), got, end, ansi.Strip(strings.Join(lines, "\n")))
		}
	}
}

// TestLeverValuesGrouped: a lever's values were written without thousands
// separators ("monetary_total 1482 → 3380") where every other figure has
// them.
func TestLeverValuesGrouped(t *testing.T) {
	for lang, want := range map[string][2]string{
		"en": {"monetary_total 1,482 → 3,380: P 0.83 → 0.84", "monetary_total 12,500 (model: 9,875.5) → 3,380: P 0.83 → 0.84"},
		"zh": {"monetary_total 1,482 → 3,380: P 0.83 → 0.84", "monetary_total 12,500（模型按 9,875.5） → 3,380: P 0.83 → 0.84"},
	} {
		s := New(screentest.Common(lang, 160, 48))
		m := &experiment.LeverMove{Column: "monetary_total", From: "1482", To: "3380", Before: 0.83, After: 0.84}
		if got := s.leverText(m, false); got != want[0] {
			t.Errorf("%s: %q, want %q", lang, got, want[0])
		}
		if got := s.leverText(m, true); got != "monetary_total 1,482 → 3,380: 0.83 → 0.84" {
			t.Errorf("%s narrow: %q", lang, got)
		}
		m.From, m.Model = "12500", "9875.5"
		if got := s.leverText(m, false); got != want[1] {
			t.Errorf("%s clipped: %q, want %q", lang, got, want[1])
		}
	}
}

// TestAmountColumnsWrittenAlike: the curve table wrote the value column
// whole ("4,544") and the cost column to the cent ("339.00") in the same
// rows. The three amount columns are written alike, a loss and a negative
// ROI with the minus sign, a large ROI grouped.
func TestAmountColumnsWrittenAlike(t *testing.T) {
	s := New(screentest.Common("en", 100, 30))
	s.report = &experiment.PlanReport{
		Best:  experiment.PlanPoint{Share: 0.19, Contacted: 339, Outcomes: 45, Value: 4544, Cost: 33.9, Net: 4510.1, ROI: 12.4},
		Curve: []experiment.PlanPoint{{Share: 0.5, Contacted: 900, Outcomes: 50, Value: 800, Cost: 900, Net: -100, ROI: -0.11}},
	}
	text := ansi.Strip(strings.Join(s.curve(), "\n"))
	for _, want := range []string{"4,544.00", "33.90", "4,510.10", "−100.00", "1,240.0 %", "−11.0 %"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
}
