package recommend

import (
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
)

// excludedItems marks the items of ol named in exclude (ids as written,
// trimmed) and returns the ids that are none of ol's items (a list kept
// for several logs names items one of them lacks).
func excludedItems(ol *data.OrderLog, exclude []string) (map[int32]bool, []string) {
	if len(exclude) == 0 {
		return nil, nil
	}
	index := make(map[string]int32, len(ol.Items))
	for i, id := range ol.Items {
		index[id] = int32(i)
	}
	marked := make(map[int32]bool, len(exclude))
	var unknown []string
	for _, id := range exclude {
		id = strings.TrimSpace(id)
		if id == "" {
			continue
		}
		i, ok := index[id]
		if !ok {
			if !slices.Contains(unknown, id) {
				unknown = append(unknown, id)
			}
			continue
		}
		marked[i] = true
	}
	return marked, unknown
}

// UpToToday counts the customers and baskets of the log dated on or before
// LastUpToToday: what recommend reads (a basket after it is dated after
// today, and a customer with only such baskets is not ranked).
func (l *Log) UpToToday() (customers, baskets int) {
	_, baskets = l.between(l.First, l.LastUpToToday+1)
	for _, own := range l.ByCustomer {
		if len(own) > 0 && l.Baskets[own[0]].Day <= l.LastUpToToday {
			customers++
		}
	}
	return customers, baskets
}
