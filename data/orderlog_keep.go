package data

import "slices"

// What an OrderLog keeps beyond its orders, for the cohort features that
// need it: the item of each kept line (only when the log has an item
// column), the cancelled orders and (in an event log) the events of known
// customers. All are compact: 8 bytes a line or a cancelled order, 12 an
// event, the item ids and event types interned once.

// OrderItem ties a kept line of the log to its order and its item.
type OrderItem struct {
	Order int32 // index into OrderLog.Orders
	Item  int32 // index into OrderLog.Items
	// Units are the line's quantity (1 when the log has no quantity
	// column).
	Units float64
}

// CancelledOrder is one cancelled order: the cancelled lines sharing an
// order id (or one cancelled line when the log has no order ids), dated by
// its earliest line.
type CancelledOrder struct {
	Customer int32 // index into OrderLog.Customers
	Day      int32 // calendar date as days since 1970-01-01
	// Refund is the money its lines take back from the customer's spend:
	// the sum of |amount| of its lines that reverse a sale (a negative
	// quantity or amount, a "C" invoice); a line cancelled by its status
	// alone is an order never counted as spend and takes back nothing.
	Refund float64
}

// CancelledItem is the item of a line of a cancelled order that reverses
// a sale, and the units it takes back (1 a line when the log has no
// quantity column).
type CancelledItem struct {
	Cancel int32 // index into OrderLog.CancelledOrders
	Item   int32 // index into OrderLog.Items
	Units  float64
}

// keepState is the parser's bookkeeping for items, cancellations and the
// events of an event log that are not purchases.
type keepState struct {
	// statuses are the order statuses seen, statusIndex their numbers and
	// statusLines their lines (orderlog_status.go).
	statusIndex map[string]int32
	statuses    []string
	statusLines []int
	// Item ids of up to 7 bytes (most SKUs) are looked up packed in an
	// integer, which hashes faster than a string; longer ones by string.
	byShortItem map[uint64]int32
	byItem      map[string]int32
	// Cancellations and events are recorded against their own customer
	// numbering, since a customer may cancel or browse before (in file
	// order) or without ever ordering; finishKeep maps them onto
	// OrderLog.Customers.
	asideCust   map[string]int32
	asideNames  []string
	cancelOrder map[orderKey]int
	// asideItem numbers the items of cancelled lines (asideItems);
	// finishKeep maps them onto OrderLog.Items, leaving out those on no
	// kept line.
	asideItem  map[string]int32
	asideItems []string
	// eventType interns the event types (OrderLog.EventTypes) and
	// eventLines counts each one's lines (orderlog_events.go).
	eventType  map[string]int32
	eventLines []int
	// descCount counts the lines of each (item, description) pair.
	descCount map[itemDesc]int
}

// itemDesc is one description seen for one item.
type itemDesc struct {
	item int32
	desc string
}

// keepItem records the item of a kept line that went into order oi and
// returns its index; blank and NA items are not recorded (-1).
func (p *logParser) keepItem(oi int, item []byte, units float64) int32 {
	if isMissing(item) {
		return -1
	}
	ii := p.internItem(item)
	if p.log.OrderItems == nil && p.maxItems > 0 {
		p.log.OrderItems = make([]OrderItem, 0, p.maxItems)
	}
	p.log.OrderItems = append(p.log.OrderItems, OrderItem{Order: int32(oi), Item: ii, Units: units})
	return ii
}

// lookupItem returns the index of item in OrderLog.Items, if a kept line
// has it.
func (p *logParser) lookupItem(item string) (int32, bool) {
	k := &p.keep
	if len(item) <= 7 {
		ii, ok := k.byShortItem[packItem(item)]
		return ii, ok
	}
	ii, ok := k.byItem[item]
	return ii, ok
}

// internItem returns the index of item in OrderLog.Items, appending it the
// first time it is seen.
func (p *logParser) internItem(item []byte) int32 {
	k := &p.keep
	if k.byItem == nil {
		k.byItem, k.byShortItem = make(map[string]int32), make(map[uint64]int32)
	}
	var ii int32
	var ok bool
	if len(item) <= 7 {
		packed := packItem(item)
		if ii, ok = k.byShortItem[packed]; !ok {
			ii = p.newItem(item)
			k.byShortItem[packed] = ii
		}
	} else if ii, ok = k.byItem[string(item)]; !ok {
		ii = p.newItem(item)
		k.byItem[p.log.Items[ii]] = ii
	}
	return ii
}

// packItem packs an item id of up to 7 bytes into an integer, its length
// in the top byte (the key of keepState.byShortItem).
func packItem[ID string | []byte](item ID) uint64 {
	packed := uint64(len(item)) << 56
	for i := range len(item) {
		packed |= uint64(item[i]) << (8 * i)
	}
	return packed
}

// newItem appends a new distinct item id and returns its index.
func (p *logParser) newItem(item []byte) int32 {
	p.log.Items = append(p.log.Items, string(item))
	return int32(len(p.log.Items) - 1)
}

// keepCancel records a cancelled line of customer cust (left out when
// blank), merging it into its cancelled order when the log has order ids:
// the money it takes back (refund) and, when the line names an item and
// takes back units, that item.
func (p *logParser) keepCancel(cust []byte, orderID string, day int32, refund float64, item []byte, units float64) {
	if isMissing(cust) {
		return
	}
	k := &p.keep
	if k.cancelOrder == nil {
		k.cancelOrder, k.asideItem = make(map[orderKey]int), make(map[string]int32)
	}
	at := p.cancelledOrder(p.asideCustomer(cust), orderID, day, refund)
	if units > 0 && len(item) > 0 && !isMissing(item) {
		p.log.CancelledItems = append(p.log.CancelledItems,
			CancelledItem{Cancel: int32(at), Item: intern(k.asideItem, &k.asideItems, item), Units: units})
	}
}

// cancelledOrder adds a cancelled line of aside customer ci to its
// cancelled order (its day the earliest, its refund the sum), or starts
// one when the log has no order ids or the order is new, and returns the
// order's index in OrderLog.CancelledOrders.
func (p *logParser) cancelledOrder(ci int32, orderID string, day int32, refund float64) int {
	k := &p.keep
	if orderID != "" {
		key := orderKey{ci, orderID}
		if i, ok := k.cancelOrder[key]; ok {
			o := &p.log.CancelledOrders[i]
			o.Day = min(o.Day, day)
			o.Refund += refund
			return i
		}
		k.cancelOrder[key] = len(p.log.CancelledOrders)
	}
	p.log.CancelledOrders = append(p.log.CancelledOrders, CancelledOrder{Customer: ci, Day: day, Refund: refund})
	return len(p.log.CancelledOrders) - 1
}

// asideCustomer returns the number of customer cust among those of the
// lines kept aside (cancellations, events).
func (p *logParser) asideCustomer(cust []byte) int32 {
	k := &p.keep
	if k.asideCust == nil {
		k.asideCust = make(map[string]int32)
	}
	return intern(k.asideCust, &k.asideNames, cust)
}

// finishKeep maps the cancelled orders and the events onto
// OrderLog.Customers, leaving out those of customers without a kept order
// (they have no cohort row), and lists the event types' counts.
func (p *logParser) finishKeep() {
	k := &p.keep
	customer := make([]int32, len(k.asideNames)) // aside number → OrderLog.Customers, -1: none
	for i, name := range k.asideNames {
		customer[i] = -1
		if ci, ok := p.byCustomer[name]; ok {
			customer[i] = ci
		}
	}
	cancels := p.log.CancelledOrders[:0]
	renumber := make([]int32, len(p.log.CancelledOrders)) // old index → new, -1: left out
	for i, o := range p.log.CancelledOrders {
		renumber[i] = -1
		if o.Customer = customer[o.Customer]; o.Customer >= 0 {
			renumber[i] = int32(len(cancels))
			cancels = append(cancels, o)
		}
	}
	p.log.CancelledOrders = cancels
	items := p.log.CancelledItems[:0]
	for _, it := range p.log.CancelledItems {
		ii, sold := p.lookupItem(k.asideItems[it.Item])
		if it.Cancel = renumber[it.Cancel]; it.Cancel >= 0 && sold {
			it.Item = ii
			items = append(items, it)
		}
	}
	p.log.CancelledItems = items
	p.log.EventOnly = eventOnlyFirstDays(p.log.Events, customer)
	events := p.log.Events[:0]
	for _, e := range p.log.Events {
		if e.Customer = customer[e.Customer]; e.Customer >= 0 {
			events = append(events, e)
		}
	}
	p.log.Events = slices.Clip(events)
	p.finishEventCounts()
	p.finishStatusCounts()
	*k = keepState{}
}
