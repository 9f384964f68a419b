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
		"en": "Average (60 customers): customer-weighted, over the cohorts that fully observed the period; the 2 customers of cohorts too recent for period 1 are not in it.",
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

// TestPeriodNoteKeepsTheNumberWithItsUnit: the zh note "第 11 期的平均…"
// broke between 第 and 11 (review29 #4), the period number torn from its
// unit. That note is now the first cohort's "自第 5 期起，^ 占…" (from period
// 5 on the first cohort holds over half the customers averaged); at every
// width from 80 to 140 its "第 5 期" is on one line.
func TestPeriodNoteKeepsTheNumberWithItsUnit(t *testing.T) {
	text := shopText() + "c60,2024-07-03,20\nc61,2024-07-10,25\n"
	log, err := data.ReadOrderLog(strings.NewReader(text), "shop.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for w := 80; w <= 140; w++ {
		s := loaded(t, screentest.Common("zh", w, 60), log, "shop.csv")
		view := screentest.Render(s, w, 60)
		if !strings.Contains(view, "期起，^") {
			continue // the chart's place at some widths
		}
		shown++
		lines := strings.Split(view, "\n")
		for i, l := range lines {
			if strings.HasSuffix(strings.TrimRight(l, " "), "第") && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "5 期") {
				t.Errorf("%d columns: 第 and 5 期 on two lines:\n%s\n%s", w, l, lines[i+1])
			}
			if strings.HasSuffix(strings.TrimRight(l, " "), "第 5") {
				t.Errorf("%d columns: 第 5 and 期 on two lines:\n%s", w, l)
			}
		}
	}
	if shown < 40 {
		t.Errorf("the period note shows at %d widths of 61", shown)
	}
}
