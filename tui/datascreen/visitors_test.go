package datascreen

import (
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// The Cohort line says an event log's other events are used as features
// and counts the visitors not scored, in both languages (review 38 #7).
func TestEventsNoteCountsVisitors(t *testing.T) {
	c := &data.CohortReport{OtherEvents: 58221, Visitors: 2556}
	for lang, want := range map[string]string{
		"en": " · 58,221 events that are not purchases (not orders; used as features) · 2,556 visitors with events but no purchase by the cutoff: not customers, not scored",
		"zh": " · 58,221 条非购买事件（不算订单，用作特征） · 2,556 位访客截止日前有事件但没有购买：不算客户，不评分",
	} {
		if got := (Model{Common: common.Common{Lang: lang}}).eventsNote(c); got != want {
			t.Errorf("%s:\n got %q\nwant %q", lang, got, want)
		}
	}
	one := &data.CohortReport{Visitors: 1}
	if got := (Model{Common: common.Common{Lang: "en"}}).eventsNote(one); got != " · 1 visitor with events but no purchase by the cutoff: not a customer, not scored" {
		t.Errorf("one visitor: %q", got)
	}
}
