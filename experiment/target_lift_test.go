package experiment

import (
	"testing"
)

// TestOnlineShoppersTopDecileLiftForThePurchase is the regression test of
// issue 13: on online_shoppers (15 % buy) the default target of the label
// Revenue is to encourage the purchase, so users are ranked by P(buy) and
// the top decile holds far more buyers than a random tenth. Ranked the
// other way (the users least likely to buy, as the label-name guess used to
// do) the top decile's lift cannot exceed 1/0.85 ≈ 1.2.
func TestOnlineShoppersTopDecileLiftForThePurchase(t *testing.T) {
	path := datasetPath(t, "online_shoppers/online_shoppers_intention.csv")
	cfg := DefaultConfig()
	cfg.Train.Epochs = 5
	cfg.TestFrac = 0.2
	e := trainedOn(t, Source{Kind: "csv", Path: path, Label: "Revenue"}, cfg)
	target := DefaultTarget(e.Pipeline.Label)
	if got := target.String(); got != `encourage "Revenue = TRUE"` {
		t.Errorf("default target %s, want to encourage the purchase", got)
	}
	probs, labels, _, err := e.Scores(TestPart)
	if err != nil {
		t.Fatal(err)
	}
	g, err := target.Gains(probs, labels, nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: top-decile lift %.2f×", target, g[0].Lift)
	if g[0].Lift <= 3 {
		t.Errorf("top-decile lift for %s is %.2f×, want above 3×", target, g[0].Lift)
	}
}
