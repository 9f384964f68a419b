package data

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// DefaultHorizonDays is the label horizon BuildCohort uses when given 0.
const DefaultHorizonDays = 30

// MaxHorizonDays is the longest label horizon BuildCohort accepts (ten
// years), which keeps every date computed from it in range.
const MaxHorizonDays = 3650

// CohortIDName is the name of the cohort table's customer id column.
const CohortIDName = "customer_id"

// The cohort table's feature columns. Days are whole calendar days counted
// back from the cutoff date; an order on the cutoff date is 0 days old.
const (
	// The monetary columns are present only when the log has amounts.
	cohortRecency      = "recency_days"       // days since the last order
	cohortFrequency    = "frequency"          // orders up to the cutoff
	cohortMonetary     = "monetary_total"     // sum of order amounts
	cohortMonetaryAvg  = "monetary_avg"       // mean order amount
	cohortTenure       = "tenure_days"        // days since the first order
	cohortOrders30     = "orders_30d"         // orders 0–29 days old
	cohortOrders90     = "orders_90d"         // orders 0–89 days old
	cohortIntervalMean = "interval_mean_days" // see BuildCohort
	cohortIntervalStd  = "interval_std_days"  // see BuildCohort
)

// ErrCutoff reports a cutoff outside the log's dates or a negative horizon.
var ErrCutoff = errors.New("data: cutoff or horizon out of range")

// CohortReport describes a cohort built from an order log.
type CohortReport struct {
	Customers    int     // customers with at least one order up to the cutoff
	Positives    int     // of them, those who order again within the horizon
	PositiveRate float64 // Positives / Customers
	// Cutoff is the cutoff date (midnight UTC); history includes that day.
	Cutoff      time.Time
	HorizonDays int
	// HorizonTruncated reports that the label window runs past the log's
	// last date, so some positives cannot be seen.
	HorizonTruncated bool
	// Later counts customers whose first order is after the cutoff; they are
	// not in the cohort.
	Later int
	// From the log: data lines, kept orders, left-out lines, date range.
	Lines, Orders, Cancelled, MissingCustomer int
	// Adjustments counts the stock adjustments left out (OrderLog.Adjustments).
	Adjustments int
	First, Last time.Time
}

// String summarises the report in one line for people.
func (r CohortReport) String() string {
	s := fmt.Sprintf("%d customers, %d order again within %d days (%.1f %%), cutoff %s; log %s .. %s: %d lines, %d orders, %d cancelled, %d without a customer id",
		r.Customers, r.Positives, r.HorizonDays, 100*r.PositiveRate, r.Cutoff.Format(time.DateOnly),
		r.First.Format(time.DateOnly), r.Last.Format(time.DateOnly), r.Lines, r.Orders, r.Cancelled, r.MissingCustomer)
	if r.Adjustments > 0 {
		s += fmt.Sprintf(", %d stock adjustments (negative quantity at price 0, no customer)", r.Adjustments)
	}
	if r.Later > 0 {
		s += fmt.Sprintf("; %d customers first ordered after the cutoff", r.Later)
	}
	if r.HorizonTruncated {
		s += "; the horizon runs past the end of the log"
	}
	return s
}

// BuildCohort turns an order log into one row per customer who ordered on or
// before the cutoff date, with features from that history and the label
// "orders again within horizonDays days after the cutoff" (positive class
// "yes"). horizonDays 0 means DefaultHorizonDays. The cutoff's calendar date
// must lie in the log's range and before its last date.
//
// Features: recency_days, frequency, monetary_total and monetary_avg (when
// the log has amounts), tenure_days, orders_30d, orders_90d, and the mean
// and population standard deviation of the days between consecutive orders.
// A customer with one order has no interval yet: the mean is then the days
// since that order (a lower bound on the interval to come) and the standard
// deviation 0, as it is for two orders.
func BuildCohort(log *OrderLog, cutoff time.Time, horizonDays int) (*Table, CohortReport, error) {
	if horizonDays == 0 {
		horizonDays = DefaultHorizonDays
	}
	cut := dayNumber(cutoff)
	rep := CohortReport{
		Cutoff: dayTime(cut), HorizonDays: horizonDays, Lines: log.Lines, Orders: len(log.Orders),
		Cancelled: log.Cancelled, MissingCustomer: log.MissingCustomer, Adjustments: log.Adjustments,
		First: log.First, Last: log.Last,
	}
	if horizonDays < 0 || horizonDays > MaxHorizonDays {
		return nil, rep, fmt.Errorf("%w: %s: horizon of %d days (want 1 to %d)", ErrCutoff, log.Name, horizonDays, MaxHorizonDays)
	}
	first, last := dayNumber(log.First), dayNumber(log.Last)
	if len(log.Orders) == 0 || cut < first || cut >= last {
		return nil, rep, fmt.Errorf("%w: %s: cutoff %s is outside the log's dates %s .. %s (it must be on or after the first and before the last)",
			ErrCutoff, log.Name, rep.Cutoff.Format(time.DateOnly), log.First.Format(time.DateOnly), log.Last.Format(time.DateOnly))
	}
	rep.HorizonTruncated = int64(cut)+int64(horizonDays) > int64(last)

	// Group the days of each customer's orders up to the cutoff (CSR layout).
	nc := len(log.Customers)
	start := make([]int, nc+1)
	positive := make([]bool, nc)
	for _, o := range log.Orders {
		switch {
		case o.Day <= cut:
			start[o.Customer+1]++
		case int64(o.Day) <= int64(cut)+int64(horizonDays):
			positive[o.Customer] = true
		}
	}
	for c := range nc {
		start[c+1] += start[c]
	}
	days := make([]int32, start[nc])
	amounts := make([]float64, start[nc])
	fill := slices.Clone(start[:nc])
	for _, o := range log.Orders {
		if o.Day <= cut {
			days[fill[o.Customer]] = o.Day
			amounts[fill[o.Customer]] = o.Amount
			fill[o.Customer]++
		}
	}

	b := newCohortBuilder(log.HasAmount)
	for c := range nc {
		if start[c] == start[c+1] {
			rep.Later++
			continue
		}
		b.add(log.Customers[c], cut, days[start[c]:start[c+1]], amounts[start[c]:start[c+1]], positive[c])
	}
	rep.Customers = len(b.ids)
	for _, v := range b.label {
		rep.Positives += int(v)
	}
	rep.PositiveRate = float64(rep.Positives) / float64(rep.Customers)
	label := Label{Name: fmt.Sprintf("orders_again_%dd", horizonDays), Values: b.label, Positive: "yes", Negative: "no"}
	tab, err := NewTable(log.Name, b.columns(), label)
	return tab, rep, err
}

// cohortBuilder accumulates the feature columns row by row.
type cohortBuilder struct {
	hasAmount bool
	ids       []string
	cols      map[string][]float64
	label     []float64
}

func newCohortBuilder(hasAmount bool) *cohortBuilder {
	return &cohortBuilder{hasAmount: hasAmount, cols: make(map[string][]float64)}
}

func (b *cohortBuilder) names() []string {
	names := []string{cohortRecency, cohortFrequency, cohortMonetary, cohortMonetaryAvg, cohortTenure,
		cohortOrders30, cohortOrders90, cohortIntervalMean, cohortIntervalStd}
	if !b.hasAmount {
		names = slices.DeleteFunc(names, func(n string) bool { return n == cohortMonetary || n == cohortMonetaryAvg })
	}
	return names
}

// add appends one customer; days and amounts are their orders up to the
// cutoff, in any order (days is sorted in place).
func (b *cohortBuilder) add(id string, cut int32, days []int32, amounts []float64, positive bool) {
	slices.Sort(days)
	n := float64(len(days))
	var total float64
	for _, a := range amounts {
		total += a
	}
	var in30, in90 float64
	for _, d := range days {
		age := cut - d
		if age < 30 {
			in30++
		}
		if age < 90 {
			in90++
		}
	}
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
	b.ids = append(b.ids, id)
	put := func(name string, v float64) { b.cols[name] = append(b.cols[name], v) }
	put(cohortRecency, float64(cut-days[len(days)-1]))
	put(cohortFrequency, n)
	if b.hasAmount {
		put(cohortMonetary, total)
		put(cohortMonetaryAvg, total/n)
	}
	put(cohortTenure, tenure)
	put(cohortOrders30, in30)
	put(cohortOrders90, in90)
	put(cohortIntervalMean, mean)
	put(cohortIntervalStd, std)
	if positive {
		b.label = append(b.label, 1)
	} else {
		b.label = append(b.label, 0)
	}
}

// columns returns the id column then the features in a fixed order.
func (b *cohortBuilder) columns() []*Column {
	cols := []*Column{NewIDColumn(CohortIDName, b.ids)}
	for _, name := range b.names() {
		cols = append(cols, &Column{Name: name, Kind: Numeric, Values: b.cols[name]})
	}
	return cols
}
