package recommend

import "math"

// Ks are the list lengths every ranker is measured at.
var Ks = []int{5, 10, 20}

// AtK holds a ranker's figures for its top k items, averaged over the
// evaluated customers.
type AtK struct {
	K int `json:"k"`
	// Hit is the share of customers with at least one bought item in the
	// top k.
	Hit float64 `json:"hit"`
	// Recall is |top k ∩ bought| ÷ min(|bought|, k).
	Recall float64 `json:"recall"`
	// NDCG uses binary gains: DCG = Σ 1/log2(rank+1) over the bought items
	// in the top k, divided by the DCG of min(|bought|, k) hits at the top.
	NDCG float64 `json:"ndcg"`
	// Coverage is the share of the catalogue (the items bought before the
	// cutoff) that appears in at least one customer's top k.
	Coverage float64 `json:"coverage"`
}

// Metrics are one ranker's figures at each k of Ks.
type Metrics struct {
	Ranker    string `json:"ranker"`
	Customers int    `json:"customers"`
	Catalogue int    `json:"catalogue"`
	At        []AtK  `json:"at"`
}

// AtK returns the figures for list length k (zero when not measured).
func (m Metrics) AtK(k int) AtK {
	for _, a := range m.At {
		if a.K == k {
			return a
		}
	}
	return AtK{}
}

// listScore returns whether the top k of list hit, its recall and its NDCG
// against the set bought (item → true).
func listScore(list []int32, bought map[int32]bool, k int) (hit bool, recall, ndcg float64) {
	if len(bought) == 0 {
		return false, 0, 0
	}
	hits, dcg := 0, 0.0
	for r, it := range list[:min(k, len(list))] {
		if bought[it] {
			hits++
			dcg += 1 / math.Log2(float64(r)+2)
		}
	}
	ideal, idcg := min(len(bought), k), 0.0
	for r := range ideal {
		idcg += 1 / math.Log2(float64(r)+2)
	}
	return hits > 0, float64(hits) / float64(ideal), dcg / idcg
}

// Measure averages the figures of the ranked lists over the customers:
// lists[i] is the ranking given to the customer who bought the items
// bought[i]. catalogue is the number of items coverage divides by.
func Measure(ranker string, lists [][]int32, bought []map[int32]bool, catalogue int) Metrics {
	m := Metrics{Ranker: ranker, Customers: len(lists), Catalogue: catalogue}
	for _, k := range Ks {
		a := AtK{K: k}
		covered := map[int32]bool{}
		for i, list := range lists {
			hit, recall, ndcg := listScore(list, bought[i], k)
			if hit {
				a.Hit++
			}
			a.Recall += recall
			a.NDCG += ndcg
			for _, it := range list[:min(k, len(list))] {
				covered[it] = true
			}
		}
		if n := float64(len(lists)); n > 0 {
			a.Hit, a.Recall, a.NDCG = a.Hit/n, a.Recall/n, a.NDCG/n
		}
		if catalogue > 0 {
			a.Coverage = float64(len(covered)) / float64(catalogue)
		}
		m.At = append(m.At, a)
	}
	return m
}
