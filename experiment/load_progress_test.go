package experiment

import (
	"io"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// TestLoadTellsAWatchedLogOfItsFeatures loads an order log through a
// watched opener (data.Watch, as the TUI and the CLI open files): after the
// log has been read, the watch hears that its lines are being turned
// into per-customer features, which is the last stage it reports.
func TestLoadTellsAWatchedLogOfItsFeatures(t *testing.T) {
	var got []data.Progress
	open := func(path string) (io.ReadCloser, error) {
		f, err := stringOpener(currentLog())(path)
		if err != nil {
			return nil, err
		}
		return data.Watch(f, 0, func(p data.Progress) { got = append(got, p) }), nil
	}
	_, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 30, Cutoff: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)},
		open, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || got[len(got)-1].Stage != data.StageFeatures {
		t.Fatalf("reports %+v, want the last at the features stage", got)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Stage < got[i-1].Stage || got[i].Read < got[i-1].Read {
			t.Errorf("report %d went back: %+v after %+v", i, got[i], got[i-1])
		}
	}
}
