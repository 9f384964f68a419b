package data

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// eventsLog: customer a buys on 2024-03-01 and 2024-03-31 (the cutoff)
// and views at ages 0, 29, 30, 89 and 90 days and one day after the
// cutoff; adds to cart at age 5; customer b buys once and has no events;
// customer c only views (in no cohort).
const eventsLog = "user_id,event_time,event_type,price\n" +
	"a,2024-03-01,purchase,10\n" +
	"a,2024-03-31 10:00:00,view,1\n" +
	"a,2024-03-02,view,1\n" +
	"a,2024-03-01,view,1\n" +
	"a,2024-01-02,view,1\n" +
	"a,2024-01-01,view,1\n" +
	"a,2024-04-01,view,1\n" +
	"a,2024-03-26,add to cart,1\n" +
	"b,2024-02-10,purchase,20\n" +
	"c,2024-03-30,view,1\n" +
	"a,2024-03-31,purchase,5\n"

func TestCohortEventFeatures(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(eventsLog), "events.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := DefaultEventTypes(log); !reflect.DeepEqual(got, []string{"view", "add to cart"}) {
		t.Errorf("DefaultEventTypes = %q", got)
	}
	// c's view is not kept: c has no order.
	if len(log.Events) != 7 {
		t.Errorf("%d events kept, want 7", len(log.Events))
	}
	tab, rep, err := BuildCurrent(log, time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC),
		CohortOptions{Events: []string{"view", "add to cart", "wishlist"}})
	if err != nil {
		t.Fatal(err)
	}
	// Ages at 2024-03-31: 0, 29, 30, 89, 90 (and -1, after the cutoff).
	want := map[string][]float64{
		"event_view_30d": {2, 0}, "event_view_90d": {4, 0},
		"event_add_to_cart_30d": {1, 0}, "event_add_to_cart_90d": {1, 0},
		"event_wishlist_30d": {0, 0}, "event_wishlist_90d": {0, 0},
	}
	for name, v := range want {
		c := tab.Column(name)
		if c == nil || !reflect.DeepEqual(c.Values, v) {
			t.Errorf("%s = %v, want %v", name, c, v)
		}
	}
	if got := strings.Join(rep.Features[len(rep.Features)-6:], ","); got != "event_view_30d,event_view_90d,event_add_to_cart_30d,event_add_to_cart_90d,event_wishlist_30d,event_wishlist_90d" {
		t.Errorf("features end %s", got)
	}
	// An order log cannot give them: not made, and said why.
	orders, err := ReadOrderLog(strings.NewReader("customer,date,amount\na,2024-03-01,5\n"), "o.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, rep, err = BuildCurrent(orders, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), CohortOptions{Events: []string{"view"}})
	if err != nil || len(rep.Skipped) == 0 || rep.Skipped[len(rep.Skipped)-1].String() != "event_view_90d (the log has no event type column)" {
		t.Errorf("%v, skipped %v", err, rep.Skipped)
	}
}

func TestEventFeatureName(t *testing.T) {
	for in, want := range map[string]string{"view": "event_view_30d", " Add to Cart ": "event_add_to_cart_30d",
		"remove_from_cart": "event_remove_from_cart_30d", "pv": "event_pv_30d", "加购": "event_加购_30d", "--": "event__30d"} {
		if got := EventFeatureName(in, 30); got != want {
			t.Errorf("EventFeatureName(%q) = %q, want %q", in, got, want)
		}
	}
}

// At most four types, each with at least 1 % of the events, no two with
// one feature name.
func TestDefaultEventTypes(t *testing.T) {
	l := &OrderLog{OtherEvents: 1000, EventCounts: []EventCount{{"view", 700}, {"cart", 150}, {"Cart", 60}, {"fav", 40},
		{"share", 30}, {"remove", 15}, {"rare", 5}}}
	if got := DefaultEventTypes(l); !reflect.DeepEqual(got, []string{"view", "cart", "fav", "share"}) {
		t.Errorf("DefaultEventTypes = %q", got)
	}
	l.EventCounts = l.EventCounts[4:]
	if got := DefaultEventTypes(l); !reflect.DeepEqual(got, []string{"share", "remove"}) {
		t.Errorf("DefaultEventTypes of the rarer = %q", got)
	}
}
