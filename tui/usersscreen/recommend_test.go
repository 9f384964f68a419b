package usersscreen

import (
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/screentest"
)

// TestRecommendationLines checks the detail pane's top 5 against a
// recommendation run on the hand-made item log, the hint without one, and
// nothing for data without items.
func TestRecommendationLines(t *testing.T) {
	open := func(p string) (io.ReadCloser, error) { return os.Open(p) }
	src := experiment.Source{Kind: "log", Path: "../testdata/recommend/orders_items.csv"}
	l, _, err := experiment.ReadItemLog(src, open, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	run, err := recommend.Prepare(l, recommend.Options{Evaluate: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := run.Model.Trainer.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	res, err := run.Finish(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	s := New(screentest.Common("en", 80, 24))
	if got := s.recLines("c07", 80); got != nil {
		t.Errorf("without items: %q, want nothing", got)
	}
	s.SetRecommendations(nil, true)
	if got := ansi.Strip(strings.Join(s.recLines("c07", 80), "\n")); got != "\nItems to offer: train the recommender on the Recommend screen (R)." {
		t.Errorf("hint: %q", got)
	}
	s.SetRecommendations(res, true)
	got := ansi.Strip(strings.Join(s.recLines("c07", 80), "\n"))
	want := []string{"", "Top 5 items to offer (cutoff 2024-05-30)"}
	for i, it := range res.Customer("c07").Items[:5] {
		line := strconv.Itoa(i+1) + ". " + it.ItemID + "  " + it.Description
		if it.Bought {
			line += " ✓"
		}
		want = append(want, line)
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("top 5:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if got := ansi.Strip(strings.Join(s.recLines("nobody", 80), "\n")); got != "\nTop 5 items to offer (cutoff 2024-05-30): no history before the cutoff" {
		t.Errorf("unknown customer: %q", got)
	}
}
