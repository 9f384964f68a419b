package cohortscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// A first cohort compared over periods in which nobody bought again (a
// log of one order a customer) gets no "0.00×" ratio, in either language
// (review 38 #5).
func TestFirstNotesNoZeroRatio(t *testing.T) {
	r := &data.Retention{Cohorts: make([]data.RetentionCohort, 2),
		FirstCohort: data.FirstCohortCheck{Label: "2010-12", Size: 1400, Periods: 10}}
	for lang, want := range map[string]string{
		"en": "Neither its customers nor later cohorts' bought again at the same ages: nothing to compare.",
		"zh": "其客户和之后同期群的客户在相同周期都没有再次购买：无从比较。",
	} {
		notes := strings.Join((Model{Common: common.Common{Lang: lang}}).firstNotes(r), "\n")
		if !strings.Contains(notes, want) || strings.Contains(notes, "0.00") {
			t.Errorf("%s:\n%s", lang, notes)
		}
	}
}
