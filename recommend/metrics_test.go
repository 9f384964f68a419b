package recommend

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestListScore checks one ranked list. The NDCG values were worked out by
// hand with binary gains, 1/log2(rank+1) per hit.
func TestListScore(t *testing.T) {
	list := []int32{1, 2, 3, 4, 5}
	bought := map[int32]bool{2: true, 5: true, 9: true}
	cases := []struct {
		k            int
		hit          bool
		recall, ndcg float64
		why          string
	}{
		// Hits at ranks 2 and 5 of 3 bought items: recall 2/min(3,5);
		// DCG 1/log2(3) + 1/log2(6) = 0.6309298 + 0.3868528 = 1.0177826,
		// IDCG 1 + 1/log2(3) + 1/log2(4) = 2.1309298, NDCG 0.4776237.
		{5, true, 2.0 / 3, 0.4776237035032179, "two hits in five"},
		// Top 1 is item 1, not bought.
		{1, false, 0, 0, "no hit"},
		// Top 2 holds item 2: recall 1/min(3,2) = 0.5; DCG 1/log2(3),
		// IDCG 1 + 1/log2(3) = 1.6309298: NDCG 0.3868528.
		{2, true, 0.5, 0.6309297535714575 / 1.6309297535714575, "recall divides by k when k < |bought|"},
		// k beyond the list: the same hits as k = 5, but the ideal has
		// min(3, 20) = 3 hits, so the figures equal k = 5's.
		{20, true, 2.0 / 3, 0.4776237035032179, "short list"},
	}
	for _, c := range cases {
		hit, recall, ndcg := listScore(list, bought, c.k)
		if hit != c.hit || !near(recall, c.recall) || !near(ndcg, c.ndcg) {
			t.Errorf("%s: k=%d gives hit %v recall %.7f NDCG %.7f, want %v %.7f %.7f", c.why, c.k, hit, recall, ndcg, c.hit, c.recall, c.ndcg)
		}
	}
	if hit, recall, ndcg := listScore(list, map[int32]bool{}, 5); hit || recall != 0 || ndcg != 0 {
		t.Errorf("nothing bought: %v %v %v, want zeros", hit, recall, ndcg)
	}
}

// TestMeasure averages over two customers and counts coverage over a
// catalogue of 10 items.
func TestMeasure(t *testing.T) {
	lists := [][]int32{{1, 2, 3, 4, 5, 6}, {7, 1, 2, 3, 4, 8}}
	bought := []map[int32]bool{{1: true}, {9: true, 4: true}}
	m := Measure("x", lists, bought, 10)
	at5 := m.AtK(5)
	// Customer 1: hit at rank 1, recall 1, NDCG 1. Customer 2: item 4 at
	// rank 5: recall 1/min(2,5) = 0.5, DCG 1/log2(6) = 0.3868528, IDCG
	// 1 + 1/log2(3) = 1.6309298, NDCG 0.2371977. Means: hit 1, recall 0.75,
	// NDCG 0.6185989. Top 5s cover items 1,2,3,4,5,7: 6 of 10.
	ndcg2 := (1 / math.Log2(6)) / (1 + 1/math.Log2(3))
	if m.Customers != 2 || at5.K != 5 || !near(at5.Hit, 1) || !near(at5.Recall, 0.75) ||
		!near(at5.NDCG, (1+ndcg2)/2) || !near(at5.Coverage, 0.6) {
		t.Errorf("@5 = %+v (customers %d)", at5, m.Customers)
	}
	if math.Abs(ndcg2-0.2371977) > 1e-7 {
		t.Errorf("hand value of customer 2's NDCG: %.7f", ndcg2)
	}
	// @10 adds items 6 and 8 to the coverage: 8 of 10; the figures are
	// those of @5 (no further hits, same ideal).
	if at10 := m.AtK(10); !near(at10.Coverage, 0.8) || !near(at10.Recall, 0.75) {
		t.Errorf("@10 = %+v", at10)
	}
	if len(m.At) != len(Ks) {
		t.Errorf("%d list lengths, want %d", len(m.At), len(Ks))
	}
}
