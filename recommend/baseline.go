package recommend

import (
	"cmp"
	"slices"
)

// itemCount is an item with a count and its tie-breakers.
type itemCount struct {
	item  int32
	count int
	last  int // index of the latest basket holding the item (0 in TopPop)
	pop   int // the item's baskets in TopPop's window (0 in TopPop)
}

// compareRank orders by count (most first), then the latest basket (latest
// first), then popularity (most first), then item id (as text, ascending):
// the order of TopPop, of P-TopFreq and of the network's candidates.
func (l *Log) compareRank(a, b itemCount) int {
	if c := cmp.Compare(b.count, a.count); c != 0 {
		return c
	}
	if c := cmp.Compare(b.last, a.last); c != 0 {
		return c
	}
	if c := cmp.Compare(b.pop, a.pop); c != 0 {
		return c
	}
	return cmp.Compare(l.Items[a.item], l.Items[b.item])
}

// rankCounts orders cs by compareRank and returns up to n items (n ≤ 0:
// all).
func (l *Log) rankCounts(cs []itemCount, n int) []int32 {
	slices.SortFunc(cs, l.compareRank)
	if n <= 0 || n > len(cs) {
		n = len(cs)
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = cs[i].item
	}
	return out
}

// Popularity counts, for every item, the distinct baskets holding it dated
// from day from to before day to.
func (l *Log) Popularity(from, to int32) []int {
	counts := make([]int, len(l.Items))
	lo, hi := l.between(from, to)
	for _, b := range l.Baskets[lo:hi] {
		for _, it := range b.Items {
			counts[it]++
		}
	}
	return counts
}

// TopPop returns up to n items ranked by the number of distinct baskets
// (invoices) holding them in the horizon days before the cutoff day, most
// first; ties go to the item id first in text order. Items not bought in
// that period are not listed.
func (l *Log) TopPop(cutoff, horizon int32, n int) []int32 {
	counts := l.Popularity(cutoff-horizon, cutoff)
	var cs []itemCount
	for it, c := range counts {
		if c > 0 {
			cs = append(cs, itemCount{item: int32(it), count: c})
		}
	}
	return l.rankCounts(cs, n)
}

// PTopFreq returns up to n (n ≤ 0: all) of customer c's own items bought
// before the cutoff day, ranked by the number of their baskets holding the
// item; on a tie the item of the later basket comes first (the later day,
// then, within a day, the basket whose first line comes later in the file:
// the time of day is not read), then the item on more baskets in pop (an
// item's baskets in TopPop's window, Log.Popularity(cutoff-horizon,
// cutoff)), then the item id first in text order.
//
// Most customers have one or two baskets, so most of their list is items
// tied on count and basket; SOURCE.md's pandas reference (most recent
// timestamp first, the same rule wherever a file lists one customer's
// invoices of a day in time order) leaves those ties in an arbitrary
// order, and the id's text order is as arbitrary (`POST`, which most
// foreign customers buy again, comes last). Breaking them by the shop's
// recent popularity uses nothing TopPop does not, keeps the baseline a
// customer's own repurchase frequency, and makes it a fair one to beat
// (docs/recommendation.md has the figures). With pop nil the ties go to
// the id, as SOURCE.md's reference table is reproduced.
func (l *Log) PTopFreq(c, cutoff int32, pop []int, n int) []int32 {
	bs := l.ByCustomer[c][:l.history(c, cutoff)]
	at := map[int32]int{}
	var cs []itemCount
	for _, b := range bs {
		for _, it := range l.Baskets[b].Items {
			k, ok := at[it]
			if !ok {
				k = len(cs)
				at[it] = k
				cs = append(cs, itemCount{item: it})
			}
			cs[k].count++
			cs[k].last = int(b)
		}
	}
	if pop != nil {
		for i := range cs {
			cs[i].pop = pop[cs[i].item]
		}
	}
	return l.rankCounts(cs, n)
}

// GPTopFreq fills the personal list own up to n items with the popular
// list pop, skipping items already listed.
func GPTopFreq(own, pop []int32, n int) []int32 {
	out := make([]int32, 0, n)
	seen := make(map[int32]bool, n)
	for _, list := range [][]int32{own, pop} {
		for _, it := range list {
			if len(out) == n {
				return out
			}
			if !seen[it] {
				seen[it] = true
				out = append(out, it)
			}
		}
	}
	return out
}
