package data

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// CohortFeaturesVersion is the latest cohort feature set, the one
// BuildCohort makes and a model file records (see CohortOptions).
const CohortFeaturesVersion = 3

// The cohort windows in days: orders_30d and orders_90d count orders in
// the first two; spend_trend compares the last TrendWindowDays with the
// TrendWindowDays before them.
const (
	ShortWindowDays = 30
	LongWindowDays  = 90
	TrendWindowDays = 30
)

// The features of version 2. Each needs a column the log may not have.
const (
	cohortDistinctItems = "distinct_items"  // distinct item ids ordered
	cohortBasket        = "basket_size_avg" // see CohortOptions
	cohortCancelShare   = "cancel_share"    // cancelled / all orders
	cohortSpendTrend    = "spend_trend"     // see CohortOptions
)

// CohortOptions chooses the features of BuildCohortWith. Every feature is
// computed from the orders dated on or before the cutoff; days are whole
// calendar days back from it (an order on the cutoff date is 0 days old).
//
// Version 1: recency_days (days since the last order), frequency (orders),
// monetary_total and monetary_avg (sum and mean of order amounts; only
// when the log has an amount or price column), tenure_days (days since the
// first purchase), orders_30d and orders_90d (orders 0–29 and 0–89 days
// old), and interval_mean_days and interval_std_days, the mean and
// population standard deviation of the days between consecutive orders. A
// customer with one order has no interval yet: the mean is then the days
// since that order (a lower bound on the interval to come) and the
// standard deviation 0, as it is for two orders.
//
// Version 2 adds:
//   - distinct_items: distinct item ids over the customer's kept lines
//     (only when the log has an item column; blank items are not ids).
//   - basket_size_avg: with a quantity column, the mean units per order
//     (the order's quantities summed); without one but with an item
//     column, the mean number of distinct items per order. Neither: not made.
//   - cancel_share: cancelled orders ÷ (kept orders + cancelled orders),
//     only when the log shows cancellations. A cancelled order is the
//     cancelled lines sharing an order id (each such line alone without
//     order ids); an order with both kinds of lines counts once as each.
//   - spend_trend: (a − b) / (a + b) with a the spend of the orders 0–29
//     days old and b of those 30–59 days old, 0 when both are 0; it runs
//     from −1 (all spend in the earlier window) to +1 (all in the latest),
//     only when the log has amounts.
//
// Version 3 has the features of version 2 with their money net of
// cancellations: a customer's cancelled orders dated on or before the
// cutoff, and on or after their first kept order, take back their refund
// (CancelledOrder.Refund) from monetary_total, hence monetary_avg, and from
// the spend_trend window they fall in. A cancellation dated before the
// customer's first kept order cancels an order the log does not hold and
// is left out; what a cancellation reverses is not otherwise matched, so a
// net spend below 0 (more cancelled than bought in the log) is floored at
// 0, per customer and per trend window, as is a net within a billionth of
// the gross (the rounding residue of a sale cancelled in full). Order counts (frequency, the
// windows, the intervals) are those of version 2: a cancelled order's
// sale still counts as an order.
type CohortOptions struct {
	// Version is the feature set, 1 to 3; 0 means CohortFeaturesVersion.
	Version int
	// Events are event types of an event log (as written, OrderLog.
	// EventTypes) to count: for each, event_<type>_30d and
	// event_<type>_90d, its events 0–29 and 0–89 days old (see
	// EventFeatureName). A log without an event type column cannot give
	// them; a type the log never shows counts 0.
	Events []string
}

// SkippedFeature is a feature of the set a log could not give: Reason in
// English, Lacks what the log lacks for programs that word it otherwise:
// "amount", "item", "quantity or item" or "cancellations".
type SkippedFeature struct {
	Name, Reason, Lacks string
}

// String reads "distinct_items (the log has no item column)".
func (s SkippedFeature) String() string { return s.Name + " (" + s.Reason + ")" }

// cohortSet is the feature set of one cohort and what the log offers.
type cohortSet struct {
	version                                      int
	hasAmount, hasQuantity, hasItems, hasCancels bool
	// net says the money features are net of cancellations (version 3).
	net bool
	// events are the event types counted, and eventSlot, for each of
	// OrderLog.EventTypes, its index in events (-1: not counted);
	// hasEvents says the log has an event type column.
	events    []string
	eventSlot []int
	hasEvents bool
}

func newCohortSet(log *OrderLog, opts CohortOptions) cohortSet {
	version := opts.Version
	if version == 0 {
		version = CohortFeaturesVersion
	}
	s := cohortSet{version: version, hasAmount: log.HasAmount, hasQuantity: log.Columns.Quantity != "",
		hasItems: log.Columns.Item != "", hasCancels: log.Cancelled > 0,
		events: opts.Events, hasEvents: log.Columns.Event != ""}
	s.net = version >= 3 && s.hasAmount
	s.eventSlot = make([]int, len(log.EventTypes))
	for t, name := range log.EventTypes {
		s.eventSlot[t] = slices.Index(opts.Events, name)
	}
	return s
}

// features lists every feature of the set with the reason it cannot be
// made from this log ("" when it can), in table order.
func (s cohortSet) features() []SkippedFeature {
	f := func(name string, ok bool, reason, lacks string) SkippedFeature {
		if ok {
			return SkippedFeature{Name: name}
		}
		return SkippedFeature{name, reason, lacks}
	}
	amount := func(name string) SkippedFeature {
		return f(name, s.hasAmount, "the log has no amount or price column", "amount")
	}
	fs := []SkippedFeature{{Name: cohortRecency}, {Name: cohortFrequency}, amount(cohortMonetary),
		amount(cohortMonetaryAvg), {Name: cohortTenure}, {Name: cohortOrders30}, {Name: cohortOrders90},
		{Name: cohortIntervalMean}, {Name: cohortIntervalStd}}
	if s.version >= 2 {
		fs = append(fs,
			f(cohortDistinctItems, s.hasItems, "the log has no item column", "item"),
			f(cohortBasket, s.hasQuantity || s.hasItems, "the log has neither a quantity nor an item column", "quantity or item"),
			f(cohortCancelShare, s.hasCancels, "the log shows no cancellations", "cancellations"),
			amount(cohortSpendTrend))
	}
	for _, e := range s.events {
		for _, days := range []int{ShortWindowDays, LongWindowDays} {
			fs = append(fs, f(EventFeatureName(e, days), s.hasEvents, "the log has no event type column", "event type"))
		}
	}
	return fs
}

// names returns the features made, in table order.
func (s cohortSet) names() []string {
	var names []string
	for _, f := range s.features() {
		if f.Reason == "" {
			names = append(names, f.Name)
		}
	}
	return names
}

// skipped returns the features not made and why.
func (s cohortSet) skipped() []SkippedFeature {
	var out []SkippedFeature
	for _, f := range s.features() {
		if f.Reason != "" {
			out = append(out, f)
		}
	}
	return out
}

// customerExtras holds the per-customer counts that do not come from the
// orders themselves (nil slices when the set does not need them).
type customerExtras struct {
	items, lines, cancelled []int32
	// refunds are the refunds each customer's cancellations take back
	// (version 3): all, then those 0–29 and 30–59 days old (spend_trend's
	// windows).
	refunds [3][]float64
	// events holds, for each counted event type, its events 0–29 and
	// 0–89 days old per customer, in cohortSet.features' order.
	events [][]int32
}

// perCustomer counts, for each customer up to the cutoff, the distinct
// items and distinct (order, item) lines, and the cancelled orders. Once pl
// is done it stops, its counts partial (the caller looks at pl).
func (s cohortSet) perCustomer(pl *poll, log *OrderLog, cut int32) customerExtras {
	var e customerExtras
	nc := len(log.Customers)
	e.events = s.countEvents(pl, log, cut)
	if s.version < 2 {
		return e
	}
	if s.net && s.hasCancels {
		e.refunds = refunds(pl, log, cut)
	}
	if s.hasCancels {
		e.cancelled = make([]int32, nc)
		for i, o := range log.CancelledOrders {
			if pl.at(i) {
				return e
			}
			if o.Day <= cut {
				e.cancelled[o.Customer]++
			}
		}
	}
	if !s.hasItems {
		return e
	}
	start := make([]int, nc+1)
	for i, li := range log.OrderItems {
		if pl.at(i) {
			return e
		}
		if o := log.Orders[li.Order]; o.Day <= cut {
			start[o.Customer+1]++
		}
	}
	for c := range nc {
		start[c+1] += start[c]
	}
	// Item in the high half, order in the low: sorted, a change in the
	// high half is a new item and any change a new line.
	keys := make([]uint64, start[nc])
	fill := slices.Clone(start[:nc])
	for i, li := range log.OrderItems {
		if pl.at(i) {
			return e
		}
		if o := log.Orders[li.Order]; o.Day <= cut {
			keys[fill[o.Customer]] = uint64(uint32(li.Item))<<32 | uint64(uint32(li.Order))
			fill[o.Customer]++
		}
	}
	e.items, e.lines = make([]int32, nc), make([]int32, nc)
	for c := range nc {
		if pl.at(c) {
			return e
		}
		seg := keys[start[c]:start[c+1]]
		slices.Sort(seg)
		for i, k := range seg {
			if i == 0 || k>>32 != seg[i-1]>>32 {
				e.items[c]++
			}
			if i == 0 || k != seg[i-1] {
				e.lines[c]++
			}
		}
	}
	return e
}

// refunds sums, per customer, the refunds of the cancelled orders dated on
// or before the cutoff and on or after the customer's first kept order:
// all of them, those 0–29 days old and those 30–59 days old. Once pl is
// done it stops, its sums partial.
func refunds(pl *poll, log *OrderLog, cut int32) [3][]float64 {
	nc := len(log.Customers)
	first := firstOrderDaysIn(pl, log, math.MinInt32, cut)
	var out [3][]float64
	for i := range out {
		out[i] = make([]float64, nc)
	}
	for i, o := range log.CancelledOrders {
		if pl.at(i) {
			break
		}
		if o.Day > cut || o.Day < first[o.Customer] {
			continue
		}
		out[0][o.Customer] += o.Refund
		switch age := cut - o.Day; {
		case age < TrendWindowDays:
			out[1][o.Customer] += o.Refund
		case age < 2*TrendWindowDays:
			out[2][o.Customer] += o.Refund
		}
	}
	return out
}

// firstOrderDays returns the day of each customer's first order dated on
// or before upTo (math.MaxInt32 for a customer with none): the day from
// which the customer's cancelled orders take back their refunds.
func firstOrderDays(log *OrderLog, upTo int32) []int32 {
	return firstOrderDaysIn(nil, log, math.MinInt32, upTo)
}

// firstOrderDaysIn is firstOrderDays counting only the orders dated from
// from on; once pl is done (nil: never) it stops, its days partial.
func firstOrderDaysIn(pl *poll, log *OrderLog, from, upTo int32) []int32 {
	first := make([]int32, len(log.Customers))
	for c := range first {
		first[c] = math.MaxInt32
	}
	for i, o := range log.Orders {
		if pl.at(i) {
			break
		}
		if o.Day <= upTo && o.Day >= from {
			first[o.Customer] = min(first[o.Customer], o.Day)
		}
	}
	return first
}

// fill copies customer c's counts into h.
func (e customerExtras) fill(h *history, c int) {
	if e.refunds[0] != nil {
		h.refund, h.refundRecent, h.refundBefore = e.refunds[0][c], e.refunds[1][c], e.refunds[2][c]
	}
	if e.items != nil {
		h.items, h.lines = float64(e.items[c]), float64(e.lines[c])
	}
	if e.cancelled != nil {
		h.cancelled = float64(e.cancelled[c])
	}
	h.events = h.events[:0]
	for _, counts := range e.events {
		h.events = append(h.events, float64(counts[c]))
	}
}

// countEvents counts each customer's events of each counted type 0–29 and
// 0–89 days old at the cutoff; once pl is done it stops, its counts
// partial.
func (s cohortSet) countEvents(pl *poll, log *OrderLog, cut int32) [][]int32 {
	if len(s.events) == 0 {
		return nil
	}
	nc := len(log.Customers)
	out := make([][]int32, 2*len(s.events))
	for i := range out {
		out[i] = make([]int32, nc)
	}
	for k, ev := range log.Events {
		if pl.at(k) {
			break
		}
		i := s.eventSlot[ev.Type]
		if i < 0 || ev.Day > cut {
			continue
		}
		age := cut - ev.Day
		if age < ShortWindowDays {
			out[2*i][ev.Customer]++
		}
		if age < LongWindowDays {
			out[2*i+1][ev.Customer]++
		}
	}
	return out
}

// EventFeatureName is the name of the feature counting an event type's
// events in the last days: event_<type>_<days>d, the type in lower case
// with every run of characters other than letters and digits written "_"
// ("add to cart" → event_add_to_cart_30d).
func EventFeatureName(event string, days int) string {
	var b strings.Builder
	b.WriteString("event_")
	gap := false
	for _, c := range strings.ToLower(strings.TrimSpace(event)) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if gap && b.Len() > len("event_") {
				b.WriteByte('_')
			}
			b.WriteRune(c)
			gap = false
		} else {
			gap = true
		}
	}
	fmt.Fprintf(&b, "_%dd", days)
	return b.String()
}

// history is one customer's orders up to the cutoff: days, amounts and
// (with a quantity column) quantities in the same order, and the counts of
// customerExtras.
type history struct {
	days                    []int32
	amounts, qty            []float64
	items, lines, cancelled float64
	// refund is the refunds taken back from the spend (version 3), and
	// refundRecent and refundBefore those of spend_trend's two windows.
	refund, refundRecent, refundBefore float64
	// events are customerExtras.events' counts for this customer.
	events []float64
}

// cohortBuilder accumulates the feature columns row by row.
type cohortBuilder struct {
	set   cohortSet
	ids   []string
	names []string
	made  []int // index of each made feature in the values of add
	cols  [][]float64
	label []float64
	short []bool
}

func newCohortBuilder(set cohortSet) *cohortBuilder {
	b := &cohortBuilder{set: set}
	for i, f := range set.features() {
		if f.Reason == "" {
			b.names = append(b.names, f.Name)
			b.made = append(b.made, i)
		}
	}
	b.cols = make([][]float64, len(b.names))
	return b
}

// add appends one customer (h.days is sorted in place last).
func (b *cohortBuilder) add(id string, cut int32, h history, positive bool) {
	n := float64(len(h.days))
	var total, units, recent, before float64
	var in30, in90 float64
	for i, d := range h.days {
		age := cut - d
		total += h.amounts[i]
		if h.qty != nil {
			units += h.qty[i]
		}
		switch {
		case age < TrendWindowDays:
			recent += h.amounts[i]
		case age < 2*TrendWindowDays:
			before += h.amounts[i]
		}
		if age < ShortWindowDays {
			in30++
		}
		if age < LongWindowDays {
			in90++
		}
	}
	if b.set.net {
		total = netSpend(total, h.refund)
		recent, before = netSpend(recent, h.refundRecent), netSpend(before, h.refundBefore)
	}
	days := h.days
	slices.Sort(days)
	tenure := float64(cut - days[0])
	mean, std := tenure, 0.0
	if len(days) >= 2 {
		mean = float64(days[len(days)-1]-days[0]) / (n - 1)
		var ss float64
		for i := 1; i < len(days); i++ {
			g := float64(days[i]-days[i-1]) - mean
			ss += g * g
		}
		std = math.Sqrt(ss / (n - 1))
	}
	trend := 0.0
	if recent+before > 0 {
		trend = (recent - before) / (recent + before)
	}
	basket := h.lines / n
	if b.set.hasQuantity {
		basket = units / n
	}
	// In the order of cohortSet.features.
	fixed := [...]float64{float64(cut - days[len(days)-1]), n, total, total / n, tenure, in30, in90,
		mean, std, h.items, basket, h.cancelled / (n + h.cancelled), trend}
	values := fixed[:]
	if b.set.version < 2 {
		values = fixed[:9] // version 1 has the first nine
	}
	values = append(values, h.events...)
	b.ids = append(b.ids, id)
	b.short = append(b.short, tenure < ShortHistoryDays)
	for j, i := range b.made {
		b.cols[j] = append(b.cols[j], values[i])
	}
	if positive {
		b.label = append(b.label, 1)
	} else {
		b.label = append(b.label, 0)
	}
}

// netSpend is gross spend less refunds, 0 when that is not above a
// billionth of the gross: a sale cancelled in full leaves a rounding residue
// of either sign (1e-13), which would swing spend_trend to ±1, and
// which the SQL export, summing in another order, must read alike.
func netSpend(gross, refunds float64) float64 {
	if net := gross - refunds; net > 1e-9*gross {
		return net
	}
	return 0
}

// columns returns the id column, called idName, then the features in a
// fixed order.
func (b *cohortBuilder) columns(idName string) []*Column {
	cols := []*Column{NewIDColumn(idName, b.ids)}
	for j, name := range b.names {
		cols = append(cols, &Column{Name: name, Kind: Numeric, Values: b.cols[j]})
	}
	return cols
}
