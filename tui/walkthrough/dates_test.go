package walkthrough

import (
	"math"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestDateColumnRule: the input page wrote a date column's day number as
// if it were the model's input, "(ln(1+19717) − 6.1984) / 1.578", while
// the model sees the days before the column's latest date. By hand, for
// Max = 19723.1, the day 19717 (2023-12-26) is d = 6.1 days, and
// (ln(7.1) − 6.1984) / 1.578 = −2.6859; a day past Max clips to it (d = 0).
func TestDateColumnRule(t *testing.T) {
	col := &data.PipelineColumn{Name: "signup_date", Kind: data.Numeric, Date: true, Log: true, Clip: true,
		Min: 18000, Max: 19723.1, Center: 6.1984, Scale: 1.578}
	for lang, want := range map[string]string{
		"en": "d = 19723.1 − 19717 = 6.1 days; (ln(1+6.1) − 6.1984) / 1.578",
		"zh": "d = 19723.1 − 19717 = 6.1 天; (ln(1+6.1) − 6.1984) / 1.578",
	} {
		r := renderer{lang: lang}
		if got := r.scaleRule(col, 19717, data.ScaleZScore); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if got := r.scaleRule(col, 19730, data.ScaleZScore); !strings.HasPrefix(got, "d = 19723.1 − [19730→19723.1] = 0 ") {
			t.Errorf("%s: a later day: %q", lang, got)
		}
		if got := r.kindName(col); got != map[string]string{"en": "date", "zh": "日期"}[lang] {
			t.Errorf("%s: kind %q", lang, got)
		}
	}
	if x := (math.Log(7.1) - 6.1984) / 1.578; math.Abs(col.Transformed(19717)-x) > 1e-12 || math.Abs(x+2.6859) > 5e-5 {
		t.Errorf("the pipeline gives %v, by hand %v", col.Transformed(19717), x)
	}
	if got := (renderer{lang: "en"}).rawText(rawValue{col: col, number: 19717}, false); got != "2023-12-26" {
		t.Errorf("raw %q, want 2023-12-26", got)
	}
}
