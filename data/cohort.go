package data

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// DefaultHorizonDays is the label horizon BuildCohort uses when given 0.
const DefaultHorizonDays = 30

// MaxHorizonDays is the longest label horizon BuildCohort accepts (ten
// years), which keeps every date computed from it in range.
const MaxHorizonDays = 3650

// The cohort table's feature columns. Days are whole calendar days counted
// back from the cutoff date; an order on the cutoff date is 0 days old.
const (
	// The monetary columns are present only when the log has amounts.
	cohortRecency      = "recency_days"       // days since the last order
	cohortFrequency    = "frequency"          // orders up to the cutoff
	cohortMonetary     = "monetary_total"     // sum of order amounts
	cohortMonetaryAvg  = "monetary_avg"       // mean order amount
	cohortTenure       = "tenure_days"        // days since the first purchase
	cohortOrders30     = "orders_30d"         // orders 0–29 days old
	cohortOrders90     = "orders_90d"         // orders 0–89 days old
	cohortIntervalMean = "interval_mean_days" // see BuildCohort
	cohortIntervalStd  = "interval_std_days"  // see BuildCohort
)

// GrowsWithCutoff reports whether the cohort column named column counts
// days up to the cutoff from a customer's first or last order
// (tenure_days, recency_days): scored at a later cutoff than a model's,
// the same customers' values are larger by up to the days between, so the
// oldest (or longest silent) customers lie above any value in training.
func GrowsWithCutoff(column string) bool {
	return column == cohortTenure || column == cohortRecency
}

// CountsFromFirstOrder reports whether the cohort column named column
// counts days from a customer's first order up to the cutoff
// (tenure_days): on a log whose customers all started at about the same
// time, every one of them is older at a later cutoff than any customer
// a model trained earlier saw.
func CountsFromFirstOrder(column string) bool { return column == cohortTenure }

// ErrCutoff reports a cutoff outside the log's dates or a negative horizon.
var ErrCutoff = errors.New("cutoff or horizon out of range")

// CohortReport describes a cohort built from an order log.
type CohortReport struct {
	Customers    int     // customers with at least one order up to the cutoff
	Positives    int     // of them, those who order again within the horizon
	PositiveRate float64 // Positives / Customers
	// Cutoff is the cutoff date (midnight UTC); history includes that day.
	Cutoff      time.Time
	HorizonDays int
	// HorizonTruncated reports that the label window runs past LastKnown,
	// so some positives cannot be seen.
	HorizonTruncated bool
	// LastKnown is the log's LastKnown date, the end a label window must
	// keep to: its last date up to today, so that a line dated after today
	// (most often a mistyped year) hides no window that runs past the
	// orders there are. It is Last when no line is dated after today.
	LastKnown time.Time
	// Later counts customers whose first order is after the cutoff; they are
	// not in the cohort.
	Later int
	// From the log: data lines, kept orders, left-out lines, date range.
	Lines, Orders, Cancelled, MissingCustomer int
	// Adjustments counts the stock adjustments left out (OrderLog.Adjustments).
	Adjustments int
	// NegativeAmounts is OrderLog.NegativeAmounts: the cancelled lines
	// whose only mark is a negative amount.
	NegativeAmounts NegativeAmounts
	// CancelRules is OrderLog.CancelRules: the other cancelled lines by
	// the rule that left them out.
	CancelRules CancelRules
	// KeptCInvoices is OrderLog.KeptCInvoices: the lines kept as orders
	// under an order id "C" + digits.
	KeptCInvoices CancelRule
	// Discounts counts the discount lines netted into their orders
	// (OrderLog.Discounts).
	Discounts   int
	First, Last time.Time
	// Short marks, per row, a customer with a short history: a first order
	// fewer than ShortHistoryDays days before the cutoff. ShortHistory
	// counts them.
	Short        []bool
	ShortHistory int
	// Features names the feature columns made, in table order; Skipped the
	// features of the set that were not made, each with the reason.
	Features []string
	Skipped  []SkippedFeature
	// DateNote is OrderLog.DateNote: how dates written with the year last
	// were read ("" when the log has none).
	DateNote string
	// OtherEvents is OrderLog.OtherEvents, the lines of an event log that
	// are not purchases, and EventNote OrderLog.EventNote.
	OtherEvents int
	EventNote   string
	// Visitors counts the visitors of an event log with an event on or
	// before the cutoff but no purchase by then: not customers, not in the
	// table, not scored (VisitorsNote).
	Visitors int
	// IDName is the name of the table's id column: the log's customer
	// column's (CustomerColumn), unless IDRenamed says why it is not.
	IDName, CustomerColumn string
	IDRenamed              IDRename
}

// String summarises the report in one line for people.
func (r CohortReport) String() string {
	s := fmt.Sprintf("%s, %s order again within %s (%.1f %%), cutoff %s; log %s .. %s: %s, %s, %s cancelled, %s without a customer id",
		Count(r.Customers, "customer", "customers"), Thousands(r.Positives), Count(r.HorizonDays, "day", "days"), 100*r.PositiveRate,
		r.Cutoff.Format(time.DateOnly), r.First.Format(time.DateOnly), r.Last.Format(time.DateOnly),
		Count(r.Lines, "line", "lines"), Count(r.Orders, "order", "orders"), Thousands(r.Cancelled), Thousands(r.MissingCustomer))
	if r.Adjustments > 0 {
		s += ", " + Count(r.Adjustments, "stock adjustment", "stock adjustments") + " (negative quantity at price 0, no customer)"
	}
	if r.Later > 0 {
		s += "; " + Count(r.Later, "customer", "customers") + " first ordered after the cutoff"
	}
	switch {
	case r.HorizonTruncated && !r.LastKnown.Equal(r.Last):
		s += "; the horizon runs past the log's last date up to today, " + r.LastKnown.Format(time.DateOnly)
	case r.HorizonTruncated:
		s += "; the horizon runs past the end of the log"
	}
	return s
}

// ShortHistoryDays is the history a customer needs not to be marked short:
// the longest feature window (orders_90d). A customer first seen fewer days
// before the cutoff has not been watched for that whole window, so their
// windowed counts and order intervals describe a shorter life than the
// other rows' and their score rests on less. A single old order is not
// short: the long silence after it is itself what the model reads.
const ShortHistoryDays = 90

// BuildCohort builds the cohort with the latest feature set; see
// BuildCohortWith.
func BuildCohort(log *OrderLog, cutoff time.Time, horizonDays int) (*Table, CohortReport, error) {
	return BuildCohortWith(log, cutoff, horizonDays, CohortOptions{})
}

// BuildCohortWith turns an order log into one row per customer who ordered
// on or before the cutoff date, with features from that history only and
// the label "orders again within horizonDays days after the cutoff"
// (positive class "yes"). horizonDays 0 means DefaultHorizonDays. The
// cutoff's calendar date must lie in the log's range and before its last
// date. The features are listed at CohortOptions; those a log cannot give
// (no amounts, no items, …) are left out and named in CohortReport.Skipped.
func BuildCohortWith(log *OrderLog, cutoff time.Time, horizonDays int, opts CohortOptions) (*Table, CohortReport, error) {
	return BuildCohortContext(context.Background(), log, cutoff, horizonDays, opts)
}

// BuildCohortContext is BuildCohortWith that stops once ctx is done: its
// loops over the log's orders, lines and customers look at ctx every few
// thousand steps and return ctx's error, so a cancelled load does not
// build the rest of its features.
func BuildCohortContext(ctx context.Context, log *OrderLog, cutoff time.Time, horizonDays int, opts CohortOptions) (*Table, CohortReport, error) {
	if horizonDays == 0 {
		horizonDays = DefaultHorizonDays
	}
	return buildCohort(newPoll(ctx), log, cutoff, horizonDays, opts, true)
}

// BuildCurrent turns an order log into the rows BuildCohortWith makes,
// without a label: one row per customer who ordered on or before the
// cutoff, with the same features, to be scored by a model trained on an
// earlier cohort. The cutoff's calendar date must lie in the log's range
// and may be its last date ("today": every order is history). The report's
// label fields (Positives, PositiveRate, HorizonDays, HorizonTruncated)
// stay zero.
func BuildCurrent(log *OrderLog, cutoff time.Time, opts CohortOptions) (*Table, CohortReport, error) {
	return buildCohort(nil, log, cutoff, 0, opts, false)
}

// labelledCutoffError refuses a labelled cohort's cutoff outside the log's
// dates (on or after the first, before the last), saying which cutoffs
// leave the whole label window in the log, as the warning about a window
// past the log's end does.
func labelledCutoffError(log *OrderLog, cutoff time.Time, horizonDays int) error {
	e := &CutoffRangeError{Log: log.Name, Cutoff: cutoff, First: log.First, Last: log.Last, HorizonDays: horizonDays}
	switch {
	case len(log.Orders) == 0:
		e.Problem = CutoffNoOrders
		return e
	case !log.First.Before(log.Last):
		e.Problem = CutoffOneDay
		return e
	}
	// The window must end by the last date up to today (LastKnown), as
	// the warning about a window past it says.
	e.End = log.LastKnown()
	e.Latest = e.End.AddDate(0, 0, -horizonDays)
	e.Problem = CutoffBeforeFirst
	if !cutoff.Before(log.First) {
		e.Problem = CutoffAfterLast
	}
	return e
}

// buildCohort builds the rows of BuildCohortWith, and of BuildCurrent when
// labelled is false: then there is no label and no horizon, and the cutoff
// may be the log's last date. Its loops stop once pl is done (nil: never),
// and it returns pl's error.
func buildCohort(pl *poll, log *OrderLog, cutoff time.Time, horizonDays int, opts CohortOptions, labelled bool) (*Table, CohortReport, error) {
	cut := dayNumber(cutoff)
	rep := CohortReport{
		Cutoff: dayTime(cut), HorizonDays: horizonDays, Lines: log.Lines, Orders: len(log.Orders),
		Cancelled: log.Cancelled, MissingCustomer: log.MissingCustomer, Adjustments: log.Adjustments, NegativeAmounts: log.NegativeAmounts,
		CancelRules: log.CancelRules, KeptCInvoices: log.KeptCInvoices,
		Discounts: log.Discounts, First: log.First, Last: log.Last, LastKnown: log.LastKnown(), DateNote: log.DateNote(), OtherEvents: log.OtherEvents, EventNote: log.EventNote(),
		CustomerColumn: log.Columns.Customer,
	}
	rep.IDName, rep.IDRenamed = cohortIDName(log)
	rep.Visitors = log.visitorsWithoutPurchase(cut)
	if opts.Version < 0 || opts.Version > CohortFeaturesVersion {
		return nil, rep, fmt.Errorf("%w: %s: cohort feature set version %d (this build makes 1 to %d)",
			ErrCutoff, log.Name, opts.Version, CohortFeaturesVersion)
	}
	if labelled && (horizonDays < 0 || horizonDays > MaxHorizonDays) {
		return nil, rep, fmt.Errorf("%w: %s: horizon of %s (want 1 to %s)", ErrCutoff, log.Name, Count(horizonDays, "day", "days"), Thousands(MaxHorizonDays))
	}
	first, last := dayNumber(log.First), dayNumber(log.Last)
	if !labelled {
		if len(log.Orders) == 0 || cut < first || cut > last {
			return nil, rep, &CutoffRangeError{Log: log.Name, Problem: CutoffOutside, Cutoff: rep.Cutoff, First: log.First, Last: log.Last}
		}
	} else if len(log.Orders) == 0 || cut < first || cut >= last {
		return nil, rep, labelledCutoffError(log, rep.Cutoff, horizonDays)
	}
	rep.HorizonTruncated = int64(cut)+int64(horizonDays) > int64(dayNumber(rep.LastKnown))

	// Group each customer's orders up to the cutoff (CSR layout).
	nc := len(log.Customers)
	start := make([]int, nc+1)
	positive := make([]bool, nc)
	for i, o := range log.Orders {
		if pl.at(i) {
			return nil, rep, pl.err
		}
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
	set := newCohortSet(log, opts)
	days := make([]int32, start[nc])
	amounts := make([]float64, start[nc])
	var qty []float64
	if set.hasQuantity {
		qty = make([]float64, start[nc])
	}
	fill := slices.Clone(start[:nc])
	for i, o := range log.Orders {
		if pl.at(i) {
			return nil, rep, pl.err
		}
		if o.Day <= cut {
			i := fill[o.Customer]
			days[i], amounts[i] = o.Day, o.Amount
			if qty != nil {
				qty[i] = o.Quantity
			}
			fill[o.Customer]++
		}
	}
	extra := set.perCustomer(pl, log, cut)
	if pl.stopped() {
		return nil, rep, pl.err
	}

	b := newCohortBuilder(set)
	for c := range nc {
		if pl.at(c) {
			return nil, rep, pl.err
		}
		if start[c] == start[c+1] {
			rep.Later++
			continue
		}
		h := history{days: days[start[c]:start[c+1]], amounts: amounts[start[c]:start[c+1]]}
		if qty != nil {
			h.qty = qty[start[c]:start[c+1]]
		}
		extra.fill(&h, c)
		b.add(log.Customers[c], cut, h, positive[c])
	}
	rep.Customers = len(b.ids)
	rep.Short = b.short
	for _, s := range b.short {
		if s {
			rep.ShortHistory++
		}
	}
	rep.Features, rep.Skipped = set.names(), set.skipped()
	if !labelled {
		tab, err := NewTable(log.Name, b.columns(rep.IDName), Label{})
		return tab, rep, err
	}
	for _, v := range b.label {
		rep.Positives += int(v)
	}
	rep.PositiveRate = float64(rep.Positives) / float64(rep.Customers)
	label := Label{Name: fmt.Sprintf("orders_again_%dd", horizonDays), Values: b.label, Positive: "yes", Negative: "no"}
	tab, err := NewTable(log.Name, b.columns(rep.IDName), label)
	return tab, rep, err
}
