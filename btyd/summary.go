package btyd

import (
	"errors"
	"fmt"
	"sort"
)

// Purchase is one purchase of a customer on a calendar day (any integer day
// numbering, e.g. days since 1970-01-01).
type Purchase struct {
	Customer int
	Day      int
}

// Customer is the BG/NBD summary of one customer over the calibration
// period, in weeks.
type Customer struct {
	ID int     // Purchase.Customer
	X  float64 // repeat purchases: distinct purchase days after the first
	TX float64 // weeks from the first purchase to the last one (0 when X = 0)
	T  float64 // weeks from the first purchase to the end of calibration
}

// ErrNoCustomers reports a calibration period without any purchase.
var ErrNoCustomers = errors.New("no purchase in the calibration period")

// Summarize builds the per-customer summary of the purchases made on days
// first … last (inclusive), the calibration period. Purchases on the same day
// are merged into one, purchases outside the period are ignored, and T runs
// from the customer's first purchase to day last. Customers are returned in
// increasing ID order.
func Summarize(purchases []Purchase, first, last int) ([]Customer, error) {
	if last < first {
		return nil, fmt.Errorf("calibration period ends (day %d) before it starts (day %d)", last, first)
	}
	days := make(map[int][]int)
	for _, p := range purchases {
		if p.Day < first || p.Day > last {
			continue
		}
		days[p.Customer] = append(days[p.Customer], p.Day)
	}
	if len(days) == 0 {
		return nil, ErrNoCustomers
	}
	ids := make([]int, 0, len(days))
	for id := range days {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]Customer, 0, len(ids))
	for _, id := range ids {
		d := days[id]
		sort.Ints(d)
		distinct := 1
		for i := 1; i < len(d); i++ {
			if d[i] != d[i-1] {
				distinct++
			}
		}
		c := Customer{ID: id, X: float64(distinct - 1), T: float64(last-d[0]) / 7}
		if distinct > 1 {
			c.TX = float64(d[len(d)-1]-d[0]) / 7
		}
		out = append(out, c)
	}
	return out, nil
}
