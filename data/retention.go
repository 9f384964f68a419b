package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// RetentionPeriod is the calendar unit of a retention triangle.
type RetentionPeriod int

// The retention periods.
const (
	// ByMonth groups by calendar month.
	ByMonth RetentionPeriod = iota
	// ByWeek groups by ISO week: Monday to Sunday.
	ByWeek
)

// String is the period's name: "month" or "week".
func (p RetentionPeriod) String() string {
	if p == ByWeek {
		return "week"
	}
	return "month"
}

// ErrRetentionPeriod reports a period name other than month or week.
var ErrRetentionPeriod = errors.New("unknown retention period")

// ParseRetentionPeriod reads "month" or "week" (any case, plural allowed).
func ParseRetentionPeriod(s string) (RetentionPeriod, error) {
	switch strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "s") {
	case "month":
		return ByMonth, nil
	case "week":
		return ByWeek, nil
	}
	return ByMonth, fmt.Errorf("%w %q (want month or week)", ErrRetentionPeriod, s)
}

// RetentionCell is one cell of a retention triangle: what one acquisition
// cohort did in one period since its acquisition.
type RetentionCell struct {
	// Customers counts the cohort's customers with at least one order in
	// the period; Share is Customers over the cohort's size.
	Customers int     `json:"customers"`
	Share     float64 `json:"share"`
	// Orders counts the cohort's orders in the period and Revenue sums
	// their amounts (0 when the log has no amounts) less the refunds of
	// the cancellations dated in the period (see CohortRetention), so it
	// can be below 0.
	Orders  int     `json:"orders"`
	Revenue float64 `json:"revenue"`
	// Partial marks the period in which the log ends before the period
	// does: it is only partly observed, so its figures are low.
	Partial bool `json:"partial,omitempty"`
}

// RetentionCohort is one row of a retention triangle: the customers whose
// first order falls in one period.
type RetentionCohort struct {
	// Start is the first day of the acquisition period; Label names it
	// ("1997-01" for a month, the Monday "1996-12-30" for a week).
	Start time.Time `json:"start"`
	Label string    `json:"label"`
	// Size is the number of customers acquired in the period.
	Size int `json:"size"`
	// Cells holds periods 0, 1, … since acquisition up to the one holding
	// the log's last order; period 0 is the acquisition period itself.
	// Periods after the log's end are absent, not zero.
	Cells []RetentionCell `json:"cells"`
}

// RetentionPoint is one point of the average retention curve.
type RetentionPoint struct {
	// Period counts periods since acquisition.
	Period int `json:"period"`
	// Active sums the customers who bought in the period over the
	// cohorts counted, Base sums those cohorts' sizes, and Share is
	// Active over Base.
	Active int     `json:"active"`
	Base   int     `json:"base"`
	Share  float64 `json:"share"`
	// Cohorts is the number of cohorts counted.
	Cohorts int `json:"cohorts"`
}

// Retention is a retention triangle: acquisition cohorts by the period of
// their first order × periods since, and the average retention curve.
type Retention struct {
	Name   string          `json:"log"`
	Period RetentionPeriod `json:"-"`
	// PeriodName is Period's name, for JSON.
	PeriodName string `json:"period"`
	HasAmount  bool   `json:"has_amount"`
	// First and Last are the dates of the first and last order counted.
	First time.Time `json:"first"`
	Last  time.Time `json:"last"`
	// StartPartial says the log begins after the first day of its first
	// period; EndPartial says it ends before the last day of its last
	// period (whose cells are then Partial).
	StartPartial bool `json:"start_partial"`
	EndPartial   bool `json:"end_partial"`
	// Customers and Orders count the customers and orders of the log,
	// those dated after today left out.
	Customers int `json:"customers"`
	Orders    int `json:"orders"`
	// FutureOrders counts the orders left out as dated after today (after
	// the log's LastKnown date), and FutureCustomers the customers whose
	// every order is.
	FutureOrders    int `json:"future_orders,omitempty"`
	FutureCustomers int `json:"future_customers,omitempty"`
	// EarlyOrders counts the orders left out as dated far before the rest
	// of the log (OrderLog.EarlyDated: a mistyped year), and EarlyCustomers
	// the customers whose every order is.
	EarlyOrders    int               `json:"early_orders,omitempty"`
	EarlyCustomers int               `json:"early_customers,omitempty"`
	Cohorts        []RetentionCohort `json:"cohorts"`
	// Average is the customer-weighted average retention curve: for each
	// period since acquisition, the customers active in it summed over the
	// cohorts that have fully observed it, divided by the sum of those
	// cohorts' sizes. Partly observed cells are left out.
	Average []RetentionPoint `json:"average"`
	// AverageWithoutFirst is Average over every cohort but the first,
	// which starts with the log and may hold customers who bought before
	// it (see FirstCohortCheck); empty with one cohort.
	AverageWithoutFirst []RetentionPoint `json:"average_without_first"`
	// FirstCohort compares the first cohort with the later ones.
	FirstCohort FirstCohortCheck `json:"first_cohort"`
}

// MaxPeriods is the number of periods of the longest cohort row (the
// first cohort's).
func (r *Retention) MaxPeriods() int {
	n := 0
	for _, c := range r.Cohorts {
		n = max(n, len(c.Cells))
	}
	return n
}

// CohortRetention computes the retention triangle of an order log by
// calendar month or ISO week of each customer's first order. Every order of
// the log up to its LastKnown date counts (cancelled lines and lines
// without a customer are already left out by ReadOrderLog); orders dated
// after today, most often mistyped years, are left out and counted in
// FutureOrders, as they would otherwise add a column for every period up
// to them. Likewise orders dated far before the rest of the log
// (OrderLog.EarlyDated) are left out and counted in EarlyOrders, as they
// would add a cohort and a column for every period since them. A customer is active in a period when they have at least one
// order in it. Revenue is net of cancellations: a cancelled order's
// refund (CancelledOrder.Refund) is taken from the cohort's revenue in the
// period the cancellation is dated in, the usual accounting rule, not in
// the order's; a cancellation dated before the customer's first order (of
// an order the log does not hold) or after the log's last order up to
// today has no cell and is left out. Orders and customers count the
// orders as they are: a cancelled order's sale still counts. The average curve is customer-weighted:
// the sum of active customers over the sum of cohort sizes, over the
// cohorts that have fully observed the period.
func CohortRetention(log *OrderLog, period RetentionPeriod) (*Retention, error) {
	if log == nil || len(log.Orders) == 0 {
		return nil, errors.New("cohort retention needs an order log with at least one order")
	}
	if period != ByMonth && period != ByWeek {
		return nil, fmt.Errorf("%w %d", ErrRetentionPeriod, int(period))
	}
	index := func(day int32) int { return periodIndex(period, day) }
	upTo := int32(math.MaxInt32)
	if log.Future > 0 {
		upTo = dayNumber(log.LastKnown())
	}
	from := int32(math.MinInt32)
	if e := log.EarlyDated(); e != nil {
		from = dayNumber(e.RestFirst)
	}
	// Each customer's acquisition period, the period of their first order
	// (none: every order is dated after today), then the first and last
	// days of the log.
	const none = int(^uint(0) >> 1)
	firstDay := firstOrderDaysIn(nil, log, from, upTo)
	acquired := make([]int, len(log.Customers))
	for c, day := range firstDay {
		acquired[c] = none
		if day != math.MaxInt32 {
			acquired[c] = index(day)
		}
	}
	first, last := upTo, int32(math.MinInt32)
	futureOrders, earlyOrders := 0, 0
	for _, o := range log.Orders {
		if o.Day > upTo {
			futureOrders++
			continue
		}
		if o.Day < from {
			earlyOrders++
			continue
		}
		first, last = min(first, o.Day), max(last, o.Day)
	}
	customers, earlyCustomers := 0, 0
	for _, p := range acquired {
		if p != none {
			customers++
		}
	}
	if earlyOrders > 0 {
		for c, day := range firstOrderDays(log, upTo) {
			if acquired[c] == none && day < from {
				earlyCustomers++
			}
		}
	}
	firstP, lastP := index(first), index(last)
	r := &Retention{Name: log.Name, Period: period, PeriodName: period.String(), HasAmount: log.HasAmount,
		First: dayTime(first), Last: dayTime(last), Customers: customers, Orders: len(log.Orders) - futureOrders - earlyOrders,
		FutureOrders: futureOrders, FutureCustomers: len(log.Customers) - customers - earlyCustomers,
		EarlyOrders: earlyOrders, EarlyCustomers: earlyCustomers,
		StartPartial: periodStart(period, firstP) != first, EndPartial: periodStart(period, lastP+1)-1 != last}
	// One row per period that acquired at least one customer.
	row := make([]int, lastP-firstP+1)
	for i := range row {
		row[i] = -1
	}
	for _, p := range acquired {
		if p != none && row[p-firstP] < 0 {
			row[p-firstP] = 0
		}
	}
	for i, p := 0, firstP; p <= lastP; p++ {
		if row[p-firstP] < 0 {
			continue
		}
		row[p-firstP] = i
		i++
		r.Cohorts = append(r.Cohorts, RetentionCohort{Start: dayTime(periodStart(period, p)),
			Label: periodLabel(period, p), Cells: make([]RetentionCell, lastP-p+1)})
	}
	for _, p := range acquired {
		if p != none {
			r.Cohorts[row[p-firstP]].Size++
		}
	}
	// Orders and revenue per cell; customers through distinct
	// (customer, period) pairs.
	pairs := make([]uint64, 0, len(log.Orders))
	for _, o := range log.Orders {
		if o.Day > upTo || o.Day < from {
			continue
		}
		p := index(o.Day)
		cell := &r.Cohorts[row[acquired[o.Customer]-firstP]].Cells[p-acquired[o.Customer]]
		cell.Orders++
		cell.Revenue += o.Amount
		pairs = append(pairs, uint64(o.Customer)<<32|uint64(p-firstP))
	}
	for _, o := range log.CancelledOrders {
		if o.Refund == 0 || o.Day > last || o.Day < firstDay[o.Customer] {
			continue
		}
		p := index(o.Day)
		r.Cohorts[row[acquired[o.Customer]-firstP]].Cells[p-acquired[o.Customer]].Revenue -= o.Refund
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	for _, pair := range pairs {
		cust, p := int32(pair>>32), int(pair&0xffffffff)+firstP
		r.Cohorts[row[acquired[cust]-firstP]].Cells[p-acquired[cust]].Customers++
	}
	r.finish()
	return r, nil
}

// finish fills the shares, the partial marks, the average curves and the
// check of the first cohort.
func (r *Retention) finish() {
	for ci := range r.Cohorts {
		c := &r.Cohorts[ci]
		for k := range c.Cells {
			cell := &c.Cells[k]
			cell.Share = float64(cell.Customers) / float64(c.Size)
			cell.Partial = r.EndPartial && k == len(c.Cells)-1
		}
	}
	// A last point no cohort has fully observed says nothing: averageOf
	// trims it.
	r.Average = averageOf(r.Cohorts)
	r.checkFirstCohort()
}

// periodIndex numbers the period holding a day: months since year 0, or
// weeks (Monday to Sunday) since the one holding 1970-01-01.
func periodIndex(p RetentionPeriod, day int32) int {
	if p == ByWeek {
		// Day 0 (1970-01-01) was a Thursday, 3 days after a Monday.
		return floorDiv(int(day)+3, 7)
	}
	y, m, _ := dayTime(day).Date()
	return y*12 + int(m) - 1
}

// periodStart is the day number of the first day of period index i.
func periodStart(p RetentionPeriod, i int) int32 {
	if p == ByWeek {
		return int32(i*7 - 3)
	}
	return dayNumber(time.Date(floorDiv(i, 12), time.Month(i-12*floorDiv(i, 12)+1), 1, 0, 0, 0, 0, time.UTC))
}

// periodLabel names period index i: "2006-01" for a month, the Monday's
// date for a week.
func periodLabel(p RetentionPeriod, i int) string {
	if p == ByWeek {
		return dayTime(periodStart(p, i)).Format(time.DateOnly)
	}
	return dayTime(periodStart(p, i)).Format("2006-01")
}

// floorDiv divides rounding towards minus infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// AverageSize is the customers the average curve's first period covers:
// those of the cohorts not partial there (the log's last period, partly
// observed, is left out of the average); 0 without an average.
func (r *Retention) AverageSize() int {
	if len(r.Average) == 0 {
		return 0
	}
	return r.Average[0].Base
}
