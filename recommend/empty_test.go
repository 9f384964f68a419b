package recommend

import (
	"errors"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestEvaluateRefusesAnEmptyHorizon: the synthetic log without its July
// lines has no order in the 30-day horizon from 2011-07-01, so evaluating
// there is refused (an ErrCutoff, as the CLI's other cutoff errors),
// naming the horizon and the next order's date (the synthetic log orders
// every day, so 2011-08-01, the first day after July); with one order of a
// new customer in it, that order is named instead. Without --evaluate the
// same cutoff still ranks.
func TestEvaluateRefusesAnEmptyHorizon(t *testing.T) {
	var kept []string
	for _, line := range strings.SplitAfter(syntheticLog(), "\n") {
		if !strings.Contains(line, ",2011-07-") {
			kept = append(kept, line)
		}
	}
	gap := strings.Join(kept, "")
	cfg := DefaultModelConfig()
	cfg.Train.Epochs = 1
	opts := Options{Cutoff: ymd(2011, 7, 1), HorizonDays: 30, Evaluate: true, Model: cfg}
	for _, c := range []struct{ text, want string }{
		{gap, "log.csv: no customer with history before 2011-07-01 buys in the 30-day horizon 2011-07-01 .. 2011-07-30 " +
			"(the log has no order in it; its next is on 2011-08-01), so there is nothing to measure; choose another --cutoff"},
		{gap + "9001,I03,1,2011-07-10 09:00:00,1.5,NEW\n", "log.csv: no customer with history before 2011-07-01 buys in the 30-day horizon 2011-07-01 .. 2011-07-30 " +
			"(its only order is of customers without history), so there is nothing to measure; choose another --cutoff"},
	} {
		l := readLog(t, c.text, "log.csv", data.LogOptions{})
		_, err := Prepare(l, opts)
		var empty *EmptyHorizonError
		if !errors.As(err, &empty) || !errors.Is(err, ErrCutoff) || err.Error() != c.want {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
		listOnly := opts
		listOnly.Evaluate = false
		if _, err := Prepare(l, listOnly); err != nil {
			t.Errorf("without evaluating: %v", err)
		}
	}
}
