package recommend

import (
	"math"
	"slices"
)

// Feature names, in the order of a pair's inputs. Counts and days enter as
// log1p; the network sees them standardised with the training statistics.
var FeatureNames = []string{
	"owned",                 // 1 when the customer bought the item before
	"item_invoices",         // the customer's baskets holding the item
	"item_share",            // … as a share of the customer's baskets
	"days_since_item",       // days since the customer last bought it
	"days_since_first_item", // days since the customer first bought it
	"item_invoices_90d",     // the customer's baskets holding it, last 90 days
	"item_overdue",          // log1p(days since) − log1p(mean gap between its purchases)
	"own_rank",              // its P-TopFreq rank among the customer's items
	"item_pop_30d",          // baskets (all customers) holding it, last 30 days
	"item_pop_90d",          // … last 90 days
	"item_trend",            // log1p(last 30 days) − log1p(the 30 days before)
	"item_pop_all",          // … the whole history
	"item_repurchase_rate",  // (buyers on 2+ baskets + 1) ÷ (buyers + 2)
	"item_buyers",           // distinct customers who bought it
	"item_pop_rank",         // its TopPop rank over the horizon before the cutoff
	"customer_recency",      // days since the customer's last basket
	"customer_invoices",     // the customer's baskets
	"customer_monetary",     // mean amount of the customer's baskets
	"customer_basket_size",  // mean distinct items of the customer's baskets
	"customer_items",        // distinct items the customer bought
	"customer_tenure",       // days since the customer's first basket
	"customer_invoices_90d", // the customer's baskets in the last 90 days
}

// ownStat is what one customer did with one item before a cutoff.
type ownStat struct {
	item        int32
	count, n90  int32
	first, last int32 // days
	lastBasket  int32
}

// customerStat summarises one customer's history before a cutoff.
type customerStat struct {
	invoices, invoices90 int
	first, last          int32
	amount, items        float64 // sums over the baskets
	own                  []ownStat
}

// itemStat is one item's standing across customers before a cutoff.
type itemStat struct {
	pop30, pop90, prev30, popAll, popHorizon, prevHorizon int
	buyers, repeaters                                     int
	popRank                                               int // 1-based TopPop rank over the horizon
}

// snapshot is everything known at one cutoff: per-customer and per-item
// statistics of the baskets dated before it.
type snapshot struct {
	cutoff, horizon int32
	customers       []customerStat // indexed by customer; invoices 0: no history
	items           []itemStat
	popular         []int32 // TopPop order over the horizon
}

// snapshotAt gathers the statistics of the baskets dated before the cutoff.
func (l *Log) snapshotAt(cutoff, horizon int32) *snapshot {
	s := &snapshot{cutoff: cutoff, horizon: horizon,
		customers: make([]customerStat, len(l.Customers)), items: make([]itemStat, len(l.Items))}
	_, hi := l.between(cutoff, cutoff)
	for _, b := range l.Baskets[:hi] {
		age := cutoff - b.Day // ≥ 1
		for _, it := range b.Items {
			st := &s.items[it]
			st.popAll++
			switch {
			case age <= 30:
				st.pop30++
			case age <= 60:
				st.prev30++
			}
			if age <= 90 {
				st.pop90++
			}
			if age <= horizon {
				st.popHorizon++
			} else if age <= 2*horizon {
				st.prevHorizon++
			}
		}
	}
	// Per customer: its items, in P-TopFreq order.
	slot := make([]int32, len(l.Items))
	for i := range slot {
		slot[i] = -1
	}
	for c := range l.Customers {
		n := l.history(int32(c), cutoff)
		if n == 0 {
			continue
		}
		cs := &s.customers[c]
		var own []ownStat
		for _, bi := range l.ByCustomer[c][:n] {
			b := &l.Baskets[bi]
			cs.invoices++
			if cutoff-b.Day <= 90 {
				cs.invoices90++
			}
			cs.amount += max(b.Amount, 0)
			cs.items += float64(len(b.Items))
			for _, it := range b.Items {
				k := slot[it]
				if k < 0 {
					k = int32(len(own))
					slot[it] = k
					own = append(own, ownStat{item: it, first: b.Day})
				}
				o := &own[k]
				o.count++
				o.last, o.lastBasket = b.Day, bi
				if cutoff-b.Day <= 90 {
					o.n90++
				}
			}
		}
		first := l.Baskets[l.ByCustomer[c][0]].Day
		cs.first, cs.last = first, l.Baskets[l.ByCustomer[c][n-1]].Day
		for _, o := range own {
			slot[o.item] = -1
			s.items[o.item].buyers++
			if o.count >= 2 {
				s.items[o.item].repeaters++
			}
		}
		// P-TopFreq's order (PTopFreq): popHorizon is the item's baskets
		// in TopPop's window, as Popularity(cutoff-horizon, cutoff) counts.
		slices.SortFunc(own, func(a, b ownStat) int {
			key := func(o ownStat) itemCount {
				return itemCount{item: o.item, count: int(o.count), last: int(o.lastBasket), pop: s.items[o.item].popHorizon}
			}
			return l.compareRank(key(a), key(b))
		})
		cs.own = own
	}
	s.popular = l.TopPop(cutoff, horizon, 0)
	rest := len(s.popular) + 1
	for i := range s.items {
		s.items[i].popRank = rest
	}
	for r, it := range s.popular {
		s.items[it].popRank = r + 1
	}
	return s
}

// candidate is one (customer, item) pair to score.
type candidate struct {
	customer, item int32
	own            int32 // index into the customer's own list, -1: not bought before
}

// candidates lists customer c's pairs: up to maxOwn of their own items in
// P-TopFreq order, then the first maxPopular TopPop items they have not
// bought.
func (s *snapshot) candidates(c int32, maxOwn, maxPopular int, out []candidate) []candidate {
	cs := &s.customers[c]
	owned := map[int32]bool{}
	for k, o := range cs.own {
		owned[o.item] = true
		if k < maxOwn {
			out = append(out, candidate{customer: c, item: o.item, own: int32(k)})
		}
	}
	added := 0
	for _, it := range s.popular {
		if added == maxPopular {
			break
		}
		if !owned[it] {
			out = append(out, candidate{customer: c, item: it, own: -1})
			added++
		}
	}
	return out
}

// features writes the inputs of a pair into x (len(FeatureNames) values).
func (s *snapshot) features(p candidate, x []float64) {
	cs := &s.customers[p.customer]
	it := &s.items[p.item]
	lg := func(v float64) float64 { return math.Log1p(max(v, 0)) }
	clear(x[:8])
	if p.own >= 0 {
		o := &cs.own[p.own]
		since := float64(s.cutoff - o.last)
		x[0] = 1
		x[1] = lg(float64(o.count))
		x[2] = float64(o.count) / float64(cs.invoices)
		x[3] = lg(since)
		x[4] = lg(float64(s.cutoff - o.first))
		x[5] = lg(float64(o.n90))
		if o.count >= 2 {
			gap := float64(o.last-o.first) / float64(o.count-1)
			x[6] = lg(since) - lg(gap)
		}
		x[7] = lg(float64(p.own + 1))
	} else {
		x[7] = lg(float64(len(cs.own) + 1))
	}
	x[8] = lg(float64(it.pop30))
	x[9] = lg(float64(it.pop90))
	x[10] = lg(float64(it.pop30)) - lg(float64(it.prev30))
	x[11] = lg(float64(it.popAll))
	x[12] = float64(it.repeaters+1) / float64(it.buyers+2)
	x[13] = lg(float64(it.buyers))
	x[14] = lg(float64(it.popRank))
	n := float64(cs.invoices)
	x[15] = lg(float64(s.cutoff - cs.last))
	x[16] = lg(n)
	x[17] = lg(cs.amount / n)
	x[18] = lg(cs.items / n)
	x[19] = lg(float64(len(cs.own)))
	x[20] = lg(float64(s.cutoff - cs.first))
	x[21] = lg(float64(cs.invoices90))
}
