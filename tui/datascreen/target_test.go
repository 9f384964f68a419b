package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// shoppersCSV is a small table shaped like online_shoppers: the label
// Revenue (TRUE: bought) names the good outcome.
func shoppersCSV() string {
	var b strings.Builder
	b.WriteString("PageValues,Weekend,Revenue\n")
	for i := range 40 {
		fmt.Fprintf(&b, "%d,%s,%s\n", i%7*5, []string{"TRUE", "FALSE"}[i%2], []string{"FALSE", "FALSE", "FALSE", "TRUE"}[i%4])
	}
	return b.String()
}

func shoppersScreen(t *testing.T, c common.Common) Model {
	return loaded(t, c, experiment.Source{Kind: "csv", Path: "shoppers.csv"}, shoppersCSV())
}

func TestGoldenTargetPrompt(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, shoppersScreen(t, c), c.Width, c.Height)
	})
}

func TestGoldenTargetChosen(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, keys(shoppersScreen(t, c), "p"), c.Width, c.Height)
	})
}

func TestTargetAskedOnceWhenTheLabelIsChosen(t *testing.T) {
	s := shoppersScreen(t, screentest.Common("en", 100, 30))
	mustContain(t, s.View(), "encourage Revenue = TRUE (guessed from the label's name · p prevent, e encourage)")
	s, cmd := s.step(screentest.Press("p"))
	if msg, ok := cmd().(common.TargetMsg); !ok || msg.Target.String() != `prevent "Revenue = FALSE"` {
		t.Fatalf("p answered %#v", cmd())
	}
	mustContain(t, s.View(), "prevent Revenue = FALSE (your choice · p to change)")
	// p now switches.
	s, cmd = s.step(screentest.Press("p"))
	if msg, ok := cmd().(common.TargetMsg); !ok || msg.Target.String() != `encourage "Revenue = TRUE"` {
		t.Fatalf("second p sent %#v", cmd())
	}
	// e is no answer once the question is closed.
	if _, cmd := s.step(screentest.Press("e")); cmd != nil {
		t.Error("e did something after the question was answered")
	}
	// Re-splitting the same data does not ask again; another label does.
	s.SetData(s.data, s.info)
	if s.tgt.asking {
		t.Error("asked again for the same label")
	}
	other := csvScreen(t, "en", 100, 30)
	s.SetData(other.data, other.info)
	mustContain(t, s.View(), "prevent churn = yes (guessed from the label's name · p prevent, e encourage)")
	s, _ = s.step(screentest.Press("e"))
	mustContain(t, s.View(), "encourage churn = no (your choice · p to change)")
}
