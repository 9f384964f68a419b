package cohortscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/screentest"
)

// TestAverageSaysWhomItLeavesOut: the shop log with two customers in a
// last, partial cohort counts 62 customers while its average row has 60
// (TestGoldenPartialCohort); the notes say both figures and why, so the
// two sizes on one screen do not disagree without a word.
func TestAverageSaysWhomItLeavesOut(t *testing.T) {
	text := shopText() + "c60,2024-07-03,20\nc61,2024-07-10,25\n"
	log, err := data.ReadOrderLog(strings.NewReader(text), "shop.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"en": "Average (60 customers): customer-weighted, over the cohorts that fully observed the period; the 2 of cohorts too recent for period 1 are not in it.",
		"zh": "平均（60 位客户）：按客户加权，只计完整观察到该周期的同期群；尚未观察满第 1 期的同期群的 2 位客户不在其中。",
	}
	for _, lang := range screentest.Langs {
		s := loaded(t, screentest.Common(lang, 200, 60), log, "shop.csv")
		view := strings.Join(strings.Fields(screentest.Render(s, 200, 60)), " ")
		if !strings.Contains(view, strings.Join(strings.Fields(want[lang]), " ")) {
			t.Errorf("%s: the notes do not say %q:\n%s", lang, want[lang], view)
		}
	}
}
