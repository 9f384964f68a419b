package recommend

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
)

// ErrNoItems reports an order log without an item column, or without any
// item on its kept lines (matched with errors.Is; the message says which).
var ErrNoItems = errors.New("the log has no items")

// noItemsError is an ErrNoItems whose message stands on its own.
type noItemsError struct{ msg string }

func (e *noItemsError) Error() string        { return e.msg }
func (e *noItemsError) Is(target error) bool { return target == ErrNoItems }

// ErrCutoff reports a cutoff that leaves too little history before it, or
// is after the day after the log's last date up to today or, when
// evaluating, leaves no whole horizon after it; or a horizon too long for
// any cutoff of the log. The message gives the valid range.
var ErrCutoff = errors.New("cutoff or horizon out of range")

// Basket is one purchase: the distinct items of one invoice of one customer
// (or, in a log without invoice ids, of one customer's day).
type Basket struct {
	Customer int32
	Day      int32 // days since 1970-01-01
	Amount   float64
	Items    []int32 // indices into Log.Items, ascending
}

// Log is an order log reduced to what recommendation needs: its baskets in
// date order, each customer's baskets, and the item names.
type Log struct {
	Name      string
	Customers []string
	// Items are the item ids; Descriptions their most frequent descriptions
	// ("" for none; nil when the log has no description column).
	Items        []string
	Descriptions []string
	// ItemColumn and DescriptionColumn name the columns read.
	ItemColumn, DescriptionColumn string
	// Baskets are sorted by day, then customer, then file order.
	Baskets []Basket
	// ByCustomer lists each customer's baskets (indices into Baskets) in
	// date order.
	ByCustomer [][]int32
	// First and Last are the days of the first and last basket.
	First, Last int32
	// LastUpToToday is the day of the last basket dated on or before the
	// order log's LastKnown date (Last when there is none): baskets after
	// it are dated after today, most often by a mistyped year, and no
	// default cutoff counts them.
	LastUpToToday int32
	// Excluded are the item ids left out (those of FromOrderLog's exclude
	// the log has, trimmed), and ExcludedLines their order lines.
	Excluded      []string
	ExcludedLines int
	// NotFound are the ids of exclude that are no item of the log, and
	// LeftOutOnly those of them that are on lines the order log left out
	// (data.OrderLog.ItemsLeftOut: cancelled, without a customer id, …),
	// read with exclude watched; NotFound holds the others, on no line
	// of the log's item column at all.
	NotFound    []string
	LeftOutOnly []string
	// WithoutItems counts the orders up to today left out for having no
	// item (their lines' item cells blank, or only excluded items).
	WithoutItems int
	// ReturnedLines counts the order lines left out because their
	// customer cancelled or returned every unit of that item they bought
	// (see FromOrderLog), and ReturnedOrders the orders left with no item
	// by it.
	ReturnedLines, ReturnedOrders int
	// raw are the baskets before netting the returns (sorted as Baskets);
	// returns holds the purchases and cancellations of every pair with a
	// cancellation, and returned the pairs Baskets leaves out.
	raw      []Basket
	returns  map[custItem][]dayUnits
	returned map[custItem]bool
	// today is the order log's LastKnown day: nothing after it is read
	// as history (ReturnedCustomers).
	today int32
}

// FromOrderLog builds a Log from a parsed order log. A log whose lines carry
// invoice ids gets one basket per invoice; otherwise the lines of one
// customer on one day form a basket. The lines of the items exclude names
// (ids as written; postage or a fee is no product to offer) are left out,
// and then orders without any item; ids that are no item of the log are
// listed in LeftOutOnly when the order log saw them on lines it left out
// (data.LogOptions.WatchItems), else in NotFound. An item whose units the
// customer cancelled or returned in full, by cancellations not dated
// after today (data.LogOptions.Today), is left out of that customer's
// baskets: its net units are 0, so it is no purchase to repeat
// (data.OrderLog.CancelledItems; a partial return keeps it). Baskets holds
// the log so netted as it stands today; a run at a cutoff reads AsOf(cutoff)
// instead, whose history before the cutoff nets only the cancellations
// dated before it, as a shop would have known them that day.
func FromOrderLog(ol *data.OrderLog, exclude ...string) (*Log, error) {
	if ol.Columns.Item == "" {
		return nil, &noItemsError{fmt.Sprintf("%s has no item column (columns: %s); recommendation needs one — name it with --item-column",
			ol.Name, strings.Join(ol.Header, ", "))}
	}
	if len(ol.OrderItems) == 0 {
		return nil, &noItemsError{fmt.Sprintf("%s: no kept order line has an item in column %q", ol.Name, ol.Columns.Item)}
	}
	l := &Log{Name: ol.Name, Customers: ol.Customers, Items: ol.Items, Descriptions: ol.ItemDescriptions,
		ItemColumn: ol.Columns.Item, DescriptionColumn: ol.Columns.Description}
	excluded, notFound := excludedItems(ol, exclude)
	for _, id := range exclude {
		if id = strings.TrimSpace(id); id != "" && !slices.Contains(notFound, id) && !slices.Contains(l.Excluded, id) {
			l.Excluded = append(l.Excluded, id)
		}
	}
	for _, id := range notFound {
		if slices.Contains(ol.ItemsLeftOut, id) {
			l.LeftOutOnly = append(l.LeftOutOnly, id)
		} else {
			l.NotFound = append(l.NotFound, id)
		}
	}
	today := Day(ol.LastKnown())
	l.today = today
	// basketOf maps an order to its basket: itself with invoice ids, its
	// customer's day without.
	basketOf := make([]int32, len(ol.Orders))
	type custDay struct{ customer, day int32 }
	byDay := map[custDay]int32{}
	var raw []Basket
	for i, o := range ol.Orders {
		if ol.Columns.Order != "" {
			basketOf[i] = int32(len(raw))
		} else if b, ok := byDay[custDay{o.Customer, o.Day}]; ok {
			basketOf[i] = b
			raw[b].Amount += o.Amount
			continue
		} else {
			basketOf[i] = int32(len(raw))
			byDay[custDay{o.Customer, o.Day}] = basketOf[i]
		}
		raw = append(raw, Basket{Customer: o.Customer, Day: o.Day, Amount: o.Amount})
	}
	l.returns = returnEvents(ol)
	l.returned = map[custItem]bool{}
	for k, ev := range l.returns {
		if returnedBefore(ev, math.MaxInt32) {
			l.returned[k] = true
		}
	}
	for _, oi := range ol.OrderItems {
		if excluded[oi.Item] {
			l.ExcludedLines++
			continue
		}
		if l.returned[custItem{ol.Orders[oi.Order].Customer, oi.Item}] {
			l.ReturnedLines++
		}
		b := &raw[basketOf[oi.Order]]
		b.Items = append(b.Items, oi.Item)
	}
	kept := raw[:0]
	for _, b := range raw {
		if len(b.Items) == 0 {
			if b.Day <= today {
				l.WithoutItems++
			}
			continue
		}
		slices.Sort(b.Items)
		b.Items = slices.Compact(b.Items)
		kept = append(kept, b)
	}
	slices.SortStableFunc(kept, func(a, b Basket) int {
		if a.Day != b.Day {
			return int(a.Day - b.Day)
		}
		return int(a.Customer - b.Customer)
	})
	l.raw = kept
	l.Baskets, l.ReturnedOrders = l.netted(func(int32) map[custItem]bool { return l.returned })
	if len(l.Baskets) == 0 {
		return nil, &noItemsError{fmt.Sprintf("%s: no order has an item left once %s are left out", ol.Name, strings.Join(exclude, ", "))}
	}
	l.index()
	l.First, l.Last = l.Baskets[0].Day, l.Baskets[len(l.Baskets)-1].Day
	l.LastUpToToday = l.Last
	if _, hi := l.between(l.First, Day(ol.LastKnown())+1); hi > 0 {
		l.LastUpToToday = l.Baskets[hi-1].Day
	}
	return l, nil
}

// netted returns the raw baskets less the items of the pairs drop gives
// for each basket's day, and the number of baskets left with no item (not
// returned).
func (l *Log) netted(drop func(day int32) map[custItem]bool) (baskets []Basket, emptied int) {
	for _, b := range l.raw {
		gone := drop(b.Day)
		items := b.Items
		if slices.ContainsFunc(b.Items, func(it int32) bool { return gone[custItem{b.Customer, it}] }) {
			items = nil
			for _, it := range b.Items {
				if !gone[custItem{b.Customer, it}] {
					items = append(items, it)
				}
			}
		}
		if len(items) == 0 {
			emptied++
			continue
		}
		b.Items = items
		baskets = append(baskets, b)
	}
	return baskets, emptied
}

// ReturnedCustomers counts the customers with an order with items up to
// today of which they cancelled or returned every item in full: the
// netted log keeps no basket of theirs up to today, so recommend ranks
// nothing for them, while the churn side (data.OrderLog, which counts
// orders, not net items) keeps them as customers.
func (l *Log) ReturnedCustomers() int {
	had := map[int32]bool{}
	for _, b := range l.raw {
		if b.Day <= l.today {
			had[b.Customer] = true
		}
	}
	n := 0
	for c := range had {
		if own := l.ByCustomer[c]; len(own) == 0 || l.Baskets[own[0]].Day > l.today {
			n++
		}
	}
	return n
}

// index fills ByCustomer from Baskets.
func (l *Log) index() {
	l.ByCustomer = make([][]int32, len(l.Customers))
	for i, b := range l.Baskets {
		l.ByCustomer[b.Customer] = append(l.ByCustomer[b.Customer], int32(i))
	}
}

// AsOf returns the log as a run at the cutoff day reads it: its baskets
// dated before the cutoff net only the cancellations dated before it (a
// return made on or after the cutoff was unknown that day, so the purchase
// it takes back stays in the history), and those from the cutoff on, which
// only an evaluation reads as what was bought in the horizon, net every
// cancellation up to today, as Baskets does. It is l itself when that
// changes nothing. First, Last, LastUpToToday and the counts stay l's.
func (l *Log) AsOf(cutoff int32) *Log {
	before := map[custItem]bool{}
	differs := false
	for k, ev := range l.returns {
		r := returnedBefore(ev, cutoff)
		if r {
			before[k] = true
		}
		differs = differs || r != l.returned[k]
	}
	if !differs {
		return l
	}
	v := *l
	v.Baskets, _ = l.netted(func(day int32) map[custItem]bool {
		if day < cutoff {
			return before
		}
		return l.returned
	})
	v.index()
	return &v
}

// custItem is one customer's item.
type custItem struct{ customer, item int32 }

// dayUnits is a change in the units a customer holds of an item on a day:
// bought (positive) or cancelled or returned (negative).
type dayUnits struct {
	day   int32
	units float64
}

// returnEvents returns, for each (customer, item) pair the customer
// bought and cancelled or returned some of by a cancelled line not dated
// after today (the order log's Today, when it has one), the pair's
// purchases and cancellations.
func returnEvents(ol *data.OrderLog) map[custItem][]dayUnits {
	if len(ol.CancelledItems) == 0 {
		return nil
	}
	today := int32(math.MaxInt32)
	if !ol.Today.IsZero() {
		today = Day(ol.Today)
	}
	ev := map[custItem][]dayUnits{}
	for _, ci := range ol.CancelledItems {
		if co := ol.CancelledOrders[ci.Cancel]; co.Day <= today {
			k := custItem{co.Customer, ci.Item}
			ev[k] = append(ev[k], dayUnits{co.Day, -ci.Units})
		}
	}
	bought := map[custItem]bool{}
	for _, oi := range ol.OrderItems {
		o := ol.Orders[oi.Order]
		k := custItem{o.Customer, oi.Item}
		if _, ok := ev[k]; ok {
			ev[k] = append(ev[k], dayUnits{o.Day, oi.Units})
			bought[k] = true
		}
	}
	for k := range ev {
		if !bought[k] {
			delete(ev, k)
		}
	}
	return ev
}

// returnedBefore reports whether the pair's units bought before the day
// limit were all cancelled or returned by cancellations dated before it:
// net units of 0 or less, with some bought.
func returnedBefore(ev []dayUnits, limit int32) bool {
	net, bought := 0.0, false
	for _, e := range ev {
		if e.day < limit {
			net += e.units
			bought = bought || e.units > 0
		}
	}
	// A tolerance for units written with decimals (weights).
	return bought && net <= 1e-9
}

// Description returns item i's description, or "" when there is none.
func (l *Log) Description(i int32) string {
	if int(i) < len(l.Descriptions) {
		return l.Descriptions[i]
	}
	return ""
}

// Day is the day number of t's calendar date.
func Day(t time.Time) int32 {
	y, m, d := t.Date()
	secs := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
	if secs < 0 {
		secs -= 86400 - 1 // round towards minus infinity
	}
	return int32(secs / 86400)
}

// Date is midnight UTC of a day number.
func Date(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// history returns the number of customer c's baskets dated before day t.
func (l *Log) history(c int32, t int32) int {
	bs := l.ByCustomer[c]
	n, _ := slices.BinarySearchFunc(bs, t, func(b int32, t int32) int { return int(l.Baskets[b].Day - t) })
	return n
}

// between returns the range [lo, hi) of Baskets dated from day a to before
// day b.
func (l *Log) between(a, b int32) (lo, hi int) {
	find := func(t int32) int {
		n, _ := slices.BinarySearchFunc(l.Baskets, t, func(x Basket, t int32) int { return int(x.Day - t) })
		return n
	}
	return find(a), find(b)
}

// ItemCount is the number of items the log offers: its item ids less those
// left out (Excluded), which Items still holds.
func (l *Log) ItemCount() int { return len(l.Items) - len(l.Excluded) }
