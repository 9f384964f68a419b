package data

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// An event log (REES46's e-commerce behaviour data, Retail Rocket's, the
// Taobao UserBehavior set) writes one line per event — a view, a cart add,
// a purchase — with its type in one column. Only its purchases are orders;
// the other events are counted, by type, and left out, as cancellations
// are.

// purchaseEvents are the event types, compared without regard to case and
// surrounding spaces, that mark a purchase.
var purchaseEvents = []string{"purchase", "purchased", "buy", "bought", "transaction", "order", "ordered", "checkout", "sale",
	"购买", "下单", "支付", "成交"}

var purchaseEventBytes = asBytes(purchaseEvents)

// asBytes converts words once for foldedIn.
func asBytes(words []string) [][]byte {
	b := make([][]byte, len(words))
	for i, w := range words {
		b[i] = []byte(w)
	}
	return b
}

// foldedIn reports whether b, trimmed, equals one of words in any case.
func foldedIn(b []byte, words [][]byte) bool {
	b = trimSpace(b)
	for _, w := range words {
		if bytes.EqualFold(b, w) {
			return true
		}
	}
	return false
}

// PurchaseEvents lists the event types read as purchases (lower case).
func PurchaseEvents() []string { return slices.Clone(purchaseEvents) }

// IsPurchaseEvent reports whether an event type, trimmed, is one of
// PurchaseEvents in any case.
func IsPurchaseEvent(event []byte) bool { return foldedIn(event, purchaseEventBytes) }

// cancelledStatuses are the order statuses, compared as purchaseEvents
// are, that mark a cancelled order (Olist's "canceled", a Chinese shop's
// 已取消 or 交易关闭, …).
var cancelledStatuses = []string{"canceled", "cancelled", "cancel", "refunded", "refund", "returned", "failed", "declined",
	"rejected", "void", "voided", "unavailable", "已取消", "取消", "已退款", "退款", "已退货", "退货", "交易关闭", "已关闭",
	// Not paid or never placed: a failed payment, an abandoned checkout,
	// a shop system's drafts and bin (WooCommerce's wc- statuses), an
	// order awaiting payment. A bare "pending" is not here: some shops
	// use it for paid orders awaiting shipment (StatusNote shows it).
	"payment_failed", "payment failed", "paymentfailed", "abandoned", "trash", "draft", "checkout-draft", "unpaid",
	"pending_payment", "pending payment", "awaiting_payment", "awaiting payment", "wc-cancelled", "wc-failed", "wc-refunded",
	"wc-pending", "wc-checkout-draft", "退货退款", "待付款", "待支付", "未付款", "等待买家付款", "支付失败", "交易失败", "已失效"}

var cancelledStatusBytes = asBytes(cancelledStatuses)

// CancelledStatuses lists the order statuses read as cancellations (lower
// case).
func CancelledStatuses() []string { return slices.Clone(cancelledStatuses) }

// IsCancelledStatus reports whether an order status, trimmed, is one of
// CancelledStatuses in any case.
func IsCancelledStatus(status []byte) bool { return foldedIn(status, cancelledStatusBytes) }

// EventCount is how many lines of an event log have one event type.
type EventCount struct {
	Event string
	Lines int
}

// OtherEventTypes is the name under which the lines of the event types
// past the first maxEventTypes of a log are counted together.
func OtherEventTypes() string { return otherEventTypes }

// maxEventTypes bounds the event types counted one by one; the lines of
// any further type are counted under otherEventTypes.
const (
	maxEventTypes   = 100
	otherEventTypes = "(other types)"
)

// LogEvent is one event of an event log that is not a purchase, kept for
// the cohort's event features (CohortOptions.Events).
type LogEvent struct {
	Customer int32 // index into OrderLog.Customers
	Day      int32 // calendar date as days since 1970-01-01
	Type     int32 // index into OrderLog.EventTypes
}

// keepEvent records a line whose event is not a purchase: counted by
// type, and kept for the features unless its customer is blank.
func (p *logParser) keepEvent(cust, event []byte, day int32) {
	p.log.OtherEvents++
	k := &p.keep
	if k.eventType == nil {
		k.eventType = make(map[string]int32)
	}
	ti, ok := k.eventType[string(event)]
	if !ok {
		name := string(event)
		if len(p.log.EventTypes) >= maxEventTypes {
			name = otherEventTypes
		}
		ti = intern(k.eventType, &p.log.EventTypes, []byte(name))
		if int(ti) == len(k.eventLines) {
			k.eventLines = append(k.eventLines, 0)
		}
	}
	k.eventLines[ti]++
	if !isMissing(cust) {
		p.log.Events = append(p.log.Events, LogEvent{Customer: p.asideCustomer(cust), Day: day, Type: ti})
	}
}

// finishEventCounts lists the event types' lines, most first.
func (p *logParser) finishEventCounts() {
	for ti, n := range p.keep.eventLines {
		if n > 0 {
			p.log.EventCounts = append(p.log.EventCounts, EventCount{Event: p.log.EventTypes[ti], Lines: n})
		}
	}
	slices.SortFunc(p.log.EventCounts, func(a, b EventCount) int {
		return cmp.Or(cmp.Compare(b.Lines, a.Lines), strings.Compare(a.Event, b.Event))
	})
}

// EventNote lists the events left out in words: "3,000 events that are
// not purchases (view 2,800, cart 200)"; "" when there were none. At most
// five types are named.
func (l *OrderLog) EventNote() string {
	if l.OtherEvents == 0 {
		return ""
	}
	noun := "events that are not purchases"
	if l.OtherEvents == 1 {
		noun = "event that is not a purchase"
	}
	if l.EventTypesWithheld {
		other := slices.ContainsFunc(l.EventCounts, func(e EventCount) bool { return e.Event == otherEventTypes })
		return Thousands(l.OtherEvents) + " " + noun + " (" + typesWithheld(len(l.EventCounts), other, "type", "types") + ")"
	}
	parts := make([]string, 0, 6)
	for i, e := range l.EventCounts {
		if i == 5 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, quoteCut([]byte(e.Event))+" "+Thousands(e.Lines))
	}
	return Thousands(l.OtherEvents) + " " + noun + " (" + strings.Join(parts, ", ") + ")"
}

// typesWithheld says how many distinct values a note counts without
// naming them: "of 3 types, their values withheld, as they may name
// someone"; other tells that one of the n counted is "(other types)",
// which stands for more than one.
func typesWithheld(n int, other bool, one, many string) string {
	count := Count(n, one, many)
	if other {
		count = "more than " + Thousands(n-1) + " " + many
	}
	return "of " + count + ", their values withheld, as they may name someone"
}

// behaviourEvents are event types, compared as purchaseEvents are, that
// only an event log has: a column of them is an event type column even
// when it holds no purchase.
var behaviourEvents = asBytes([]string{"view", "pv", "pageview", "page_view", "click", "cart", "addtocart", "add_to_cart",
	"add to cart", "remove_from_cart", "fav", "favorite", "favourite", "wishlist", "search", "visit", "session_start",
	"浏览", "点击", "加购", "收藏", "搜索"})

// sawBehaviour reports whether one of the log's event types is one of
// behaviourEvents.
func (p *logParser) sawBehaviour() bool {
	return slices.ContainsFunc(p.log.EventTypes, func(e string) bool { return foldedIn([]byte(e), behaviourEvents) })
}

// notEventsError ends a first reading of a log whose event type column,
// detected by its name, holds no purchase: it is read again as an order
// log, the column an ordinary one.
type notEventsError struct{ column string }

func (e *notEventsError) Error() string {
	return fmt.Sprintf("column %q holds no purchase event", e.column)
}

// maxEventFeatures bounds the event types DefaultEventTypes chooses.
const maxEventFeatures = 4

// DefaultEventTypes chooses the event types of a log whose events become
// features: the most frequent types that are not purchases, at most
// maxEventFeatures of them, each with at least 1 % of those events, and
// no two with the same feature name. None for a log without events.
func DefaultEventTypes(l *OrderLog) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range l.EventCounts {
		if len(out) == maxEventFeatures || 100*e.Lines < l.OtherEvents {
			break
		}
		name := EventFeatureName(e.Event, ShortWindowDays)
		if e.Event == otherEventTypes || seen[name] || name == EventFeatureName("", ShortWindowDays) {
			continue
		}
		seen[name] = true
		out = append(out, e.Event)
	}
	return out
}
