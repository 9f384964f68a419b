package usersscreen

import (
	"strconv"
	"strings"
	"testing"
)

// TestWhatIfSaysATypedValueWasClipped: typing 100 for a feature whose
// (k-anonymous) training range ends at 27.4 showed "= 27.4" without a
// word; the status line now says what was typed and the model's range.
// A value inside the range gets no note.
func TestWhatIfSaysATypedValueWasClipped(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := analysed(t, lang, 120, 40)
		s = pressAll(t, s, "down", "w")
		pc := s.Exp().Pipeline.Columns[0]
		typeValue := func(text string) {
			s = pressAll(t, s, "enter")
			for range 20 {
				s = pressAll(t, s, "backspace")
			}
			for _, r := range text {
				s = pressAll(t, s, string(r))
			}
			s = pressAll(t, s, "enter")
		}
		bound := func(b float64) string { return displayValue(strconv.FormatFloat(b, 'g', 6, 64)) }
		typeValue("1e6")
		want := pc.Name + " = " + bound(pc.Max) + s.Tf(" (typed %s; the model's range is %s – %s)",
			"（输入 %s；模型的取值范围是 %s – %s）", "1e6", bound(pc.Min), bound(pc.Max))
		if s.status.In(s.Common) != want {
			t.Errorf("%s: status %q, want %q", lang, s.status.In(s.Common), want)
		}
		if line := strings.Split(view(s), "\n")[1]; !strings.Contains(line, strings.TrimSpace(want)) {
			t.Errorf("%s: the status line at 120 columns is %q, want it to hold %q", lang, line, want)
		}
		inside := strconv.FormatFloat((pc.Min+pc.Max)/2, 'g', 4, 64)
		typeValue(inside)
		if strings.Contains(s.status.In(s.Common), "typed") || strings.Contains(s.status.In(s.Common), "输入") {
			t.Errorf("%s: a value inside the range (%s) has a note: %q", lang, inside, s.status.In(s.Common))
		}
	}
}
