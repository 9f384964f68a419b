package recommend

// Truth is what the customers bought in the window after a cutoff.
type Truth struct {
	// Customers are those with a basket before the cutoff and one in the
	// window, ascending; Bought[i] holds the distinct items Customers[i]
	// bought in the window.
	Customers []int32
	Bought    []map[int32]bool
	// Catalogue is the number of distinct items bought before the cutoff.
	Catalogue int
}

// TruthAt collects the purchases of the horizon days from the cutoff day on
// of the customers with history before it.
func (l *Log) TruthAt(cutoff, horizon int32) Truth {
	var t Truth
	seen := make([]bool, len(l.Items))
	lo, hi := l.between(cutoff, cutoff+horizon)
	for _, b := range l.Baskets[:lo] {
		for _, it := range b.Items {
			if !seen[it] {
				seen[it] = true
				t.Catalogue++
			}
		}
	}
	at := map[int32]int{}
	for _, b := range l.Baskets[lo:hi] {
		if l.history(b.Customer, cutoff) == 0 {
			continue
		}
		k, ok := at[b.Customer]
		if !ok {
			k = len(t.Customers)
			at[b.Customer] = k
			t.Customers = append(t.Customers, b.Customer)
			t.Bought = append(t.Bought, map[int32]bool{})
		}
		for _, it := range b.Items {
			t.Bought[k][it] = true
		}
	}
	return t
}

// Baseline names, as shown beside the model.
const (
	TopPopName    = "TopPop"
	PTopFreqName  = "P-TopFreq"
	GPTopFreqName = "GP-TopFreq"
)

// BaselineLists ranks n items for each customer with each baseline, in the
// order TopPop, P-TopFreq, GP-TopFreq. P-TopFreq's remaining ties go to
// the item more popular in TopPop's window (PTopFreq).
func (l *Log) BaselineLists(customers []int32, cutoff, horizon int32, n int) (names []string, lists [][][]int32) {
	pop := l.TopPop(cutoff, horizon, n)
	counts := l.Popularity(cutoff-horizon, cutoff)
	top, own, both := make([][]int32, len(customers)), make([][]int32, len(customers)), make([][]int32, len(customers))
	for i, c := range customers {
		top[i] = pop
		own[i] = l.PTopFreq(c, cutoff, counts, n)
		both[i] = GPTopFreq(own[i], pop, n)
	}
	return []string{TopPopName, PTopFreqName, GPTopFreqName}, [][][]int32{top, own, both}
}
