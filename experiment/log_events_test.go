package experiment

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// eventLog is itemLog's orders as the purchases of an event log, with
// views before them and a few cart adds.
func eventLog() string {
	var b strings.Builder
	b.WriteString("event_time,event_type,user_id,price\n")
	r := rand.New(rand.NewPCG(5, 5))
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 300 {
		for day := r.IntN(200); day < 700; day += 1 + r.IntN(60) {
			d := start.AddDate(0, 0, day).Format("2006-01-02 15:04:05 UTC")
			fmt.Fprintf(&b, "%s,view,u%d,1\n", d, c)
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "%s,cart,u%d,1\n", d, c)
			}
			if r.IntN(2) == 0 {
				fmt.Fprintf(&b, "%s,purchase,u%d,%d.5\n", d, c, 5+r.IntN(50))
			}
		}
	}
	return b.String()
}

// A model of an event log records the event types it counted, scoring a
// later event log rebuilds their features, and a log without an event
// type column is refused.
func TestModelRecordsItsEventFeatures(t *testing.T) {
	content := eventLog()
	b := logBundle(t, Source{Kind: "log", Path: "events.csv", Cutoff: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC), HorizonDays: 90},
		content, nil)
	if !reflect.DeepEqual(b.Source.Features.Events, []string{"view", "cart"}) || b.Source.EventColumn != "event_type" {
		t.Fatalf("recorded events %q, column %q", b.Source.Features.Events, b.Source.EventColumn)
	}
	d, _, err := scoreLogWith(t, b, content, time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"event_view_30d", "event_view_90d", "event_cart_30d", "event_cart_90d"} {
		if d.Table.Column(name) == nil {
			t.Errorf("scored rows lack %s", name)
		}
	}
	_, _, err = scoreLogWith(t, b, "customer,date,amount\nu1,2024-05-01,5\nu2,2024-06-01,7\nu1,2024-09-01,5\n", time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC))
	var m *MismatchError
	if !errors.As(err, &m) || !strings.Contains(err.Error(), "event_view_30d, which later.csv cannot give: the log has no event type column") {
		t.Errorf("a log without events: %v", err)
	}
}

// A backtest of an event log trains and measures with the event features
// train makes of it.
func TestBacktestUsesTheEventFeatures(t *testing.T) {
	log, err := data.ReadOrderLog(strings.NewReader(eventLog()), "events.csv", data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig()
	cfg.Train.Epochs = 2
	res, err := Backtest(context.Background(), log, BacktestOptions{HorizonDays: 60, Folds: 2, Config: cfg}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Folds {
		for _, rep := range []data.CohortReport{f.Train, f.Test} {
			if !slices.Contains(rep.Features, "event_view_30d") || !slices.Contains(rep.Features, "event_cart_90d") {
				t.Errorf("fold %d: features %v", f.Fold, rep.Features)
			}
		}
	}
}
