package recommend

import (
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// sameItems compares two lists of recommendations by value (a score is a
// pointer).
func sameItems(a, b []Recommendation) bool {
	return slices.EqualFunc(a, b, func(x, y Recommendation) bool {
		if (x.Score == nil) != (y.Score == nil) || (x.Score != nil && *x.Score != *y.Score) {
			return false
		}
		x.Score, y.Score = nil, nil
		return x == y
	})
}

// The gain's point figure is the ratio of the sums less one (recall 1.2 /
// 0.8 − 1 = +50 %, NDCG 0.9 / 0.9 − 1 = 0), inside its interval; lists
// that score the same have a gain of exactly 0 in every resample; a
// baseline scoring nothing has no relative gain.
func TestGainOver(t *testing.T) {
	g, ok := gainOver([]float64{0.5, 0.5, 0.2}, []float64{0.4, 0.2, 0.2}, []float64{0.3, 0.3, 0.3}, []float64{0.3, 0.4, 0.2})
	if !ok || math.Abs(g.Recall-0.5) > 1e-12 || math.Abs(g.NDCG) > 1e-12 || g.Resamples != gainResamples {
		t.Fatalf("gain %+v, %v; want recall +0.5, NDCG 0", g, ok)
	}
	if g.RecallLow > g.Recall || g.RecallHigh < g.Recall || g.NDCGLow > 0 || g.NDCGHigh < 0 {
		t.Errorf("intervals do not hold the point figures: %+v", g)
	}
	same := []float64{0.1, 0.7, 0.4, 0.9}
	if g, ok := gainOver(same, same, same, same); !ok || g != (Gain{Resamples: gainResamples}) {
		t.Errorf("equal lists: %+v, %v; want all 0", g, ok)
	}
	if _, ok := gainOver([]float64{0.5}, []float64{0}, []float64{0.5}, []float64{0}); ok {
		t.Error("a baseline of 0 gave a relative gain")
	}
}

// On the synthetic log (60 customers, a few held out) the network is not
// ahead of GP-TopFreq beyond chance: the lists written are GP-TopFreq's,
// without scores, item for item as BaselineLists ranks them, and their
// figures are GP-TopFreq's row. With --top 25 and the network's
// candidates cut to 3 popular items the lists are still GP-TopFreq's 25,
// not the network's candidates.
func TestCheckFallsBackToGPTopFreq(t *testing.T) {
	l := readLog(t, syntheticLog(), "log.csv", data.LogOptions{})
	cutoff := Day(ymd(2011, 7, 20))
	cfg := DefaultModelConfig()
	cfg.Train.Epochs = 3
	cfg.MaxPopular = 3
	const top = 25
	run, res := trainedWith(t, l, Options{Cutoff: Date(cutoff), HorizonDays: 30, Evaluate: true, Model: cfg, Top: top})
	c := res.Check
	if c.UseModel || res.Ranker != GPTopFreqName || c.Customers == 0 || c.Z >= CheckZ {
		t.Fatalf("check %+v, ranker %s: want GP-TopFreq chosen, z below %v", c, res.Ranker, CheckZ)
	}
	held := map[int32]bool{}
	for _, h := range run.Model.held {
		held[h.customer] = true
	}
	if len(held) != c.Customers || len(run.Model.held) <= c.Customers {
		t.Errorf("%d customers checked, %d held out at %d cutoffs: want each customer once, held at several cutoffs",
			c.Customers, len(held), len(run.Model.held))
	}
	pop := l.TopPop(cutoff, 30, top)
	counts := l.Popularity(cutoff-30, cutoff)
	byCustomer := map[int32][]int32{}
	long := 0
	for _, cr := range res.Customers {
		want := GPTopFreq(l.PTopFreq(cr.Customer, cutoff, counts, top), pop, top)
		if len(want) > 20 {
			long++
		}
		var got []int32
		for _, it := range cr.Items {
			got = append(got, it.Item)
			if it.Score != nil {
				t.Fatalf("customer %s item %s has a score under GP-TopFreq", cr.ID, it.ItemID)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("customer %s: lists %s, GP-TopFreq %s", cr.ID, ids(l, got), ids(l, want))
		}
		byCustomer[cr.Customer] = got[:min(len(got), 20)]
	}
	if long == 0 {
		t.Error("no list is longer than the network's candidates: the test shows nothing")
	}
	truth := l.TruthAt(cutoff, 30)
	lists := make([][]int32, len(truth.Customers))
	for i, cu := range truth.Customers {
		lists[i] = byCustomer[cu]
	}
	written := Measure("written", lists, truth.Bought, truth.Catalogue).AtK(10)
	gp := res.Metrics[3].AtK(10)
	if res.Metrics[3].Ranker != GPTopFreqName || written.Recall != gp.Recall || written.NDCG != gp.NDCG || written.Hit != gp.Hit {
		t.Errorf("the written lists score %+v, GP-TopFreq's row %+v", written, gp)
	}
}
