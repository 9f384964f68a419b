package anomaly

import (
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// scoreShop plants 1 % abusers in a built-in shop and scores it.
func scoreShop(t testing.TB, users int, seed uint64) *Result {
	t.Helper()
	shop, err := data.GenerateShopWithAbusers(users, seed, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	_, res := trainAndFinish(t, shop.Table, Options{Truth: data.AbuserColumnName, Archetype: data.ArchetypeColumnName})
	return res
}

// TestShopNetworkBeatsBaseline scores the built-in shop of 5,000 users with
// 1 % planted and checks what the network reaches: a better average
// precision than the robust baseline, ROC AUC ≥ 0.9, at least 80 % of each
// archetype in the top 2k (issue 16's recall target) and, with the score
// smoothed over neighbours, issue 16's precision@k ≥ 0.90 (1.00 on this
// shop; the raw error's 0.83 is logged).
func TestShopNetworkBeatsBaseline(t *testing.T) {
	res := scoreShop(t, 5000, 0)
	ev := res.Evaluation
	t.Logf("k=%d network %+v", ev.Positives, ev.Network)
	t.Logf("baseline %+v", ev.Baseline)
	t.Logf("cutoff %g: %d above", res.Cutoff, res.Above(res.Cutoff))
	if ev.Network.AveragePrecision <= ev.Baseline.AveragePrecision {
		t.Errorf("average precision %.3f not above the baseline's %.3f", ev.Network.AveragePrecision, ev.Baseline.AveragePrecision)
	}
	if ev.Error != nil {
		t.Logf("raw error %+v", *ev.Error)
	}
	if ev.Network.PrecisionAtK < 0.9 {
		t.Errorf("precision@k %.3f < 0.90", ev.Network.PrecisionAtK)
	}
	if ev.Network.AUC < 0.9 {
		t.Errorf("ROC AUC %.3f < 0.9", ev.Network.AUC)
	}
	if len(ev.Network.Recall) != len(data.Archetypes()) {
		t.Errorf("recall of %d archetypes, want %d", len(ev.Network.Recall), len(data.Archetypes()))
	}
	for _, r := range ev.Network.Recall {
		if r.Recall < 0.8 {
			t.Errorf("%s: %d of %d in the top 2k, want ≥ 80 %%", r.Archetype, r.Found, r.Count)
		}
	}
}

// TestClickFarmReasonsNameClicks checks that the reasons of the planted
// click farms the network ranks in the top 2k name a click or session
// column among their top three.
func TestClickFarmReasonsNameClicks(t *testing.T) {
	res := scoreShop(t, 5000, 0)
	clicks := []string{"sessions_30d", "pages_per_session"}
	seen := 0
	for _, row := range res.Order[:2*res.Evaluation.Positives] {
		if res.Archetype[row] != data.ArchetypeClickFarm {
			continue
		}
		seen++
		reasons := res.Reasons(row, 3)
		if !slices.ContainsFunc(reasons, func(r Reason) bool { return slices.Contains(clicks, r.Column) }) {
			t.Errorf("click farm %s: reasons %v name no click or session column", res.IDs[row], reasons)
		}
	}
	if seen == 0 {
		t.Fatal("no click farm in the top 2k")
	}
}
