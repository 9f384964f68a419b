package data

import (
	"strings"
	"unicode"
)

// CohortIDName is the name the cohort table's customer id column takes when
// the log's customer column cannot lend its own (see CohortIDNameFor).
const CohortIDName = "customer_id"

// cohortReservedNames are the names, lower-cased, of every fixed column a
// cohort table or a scores file written from it can have beside its id.
var cohortReservedNames = []string{cohortRecency, cohortFrequency, cohortMonetary, cohortMonetaryAvg,
	cohortTenure, cohortOrders30, cohortOrders90, cohortIntervalMean, cohortIntervalStd,
	cohortDistinctItems, cohortBasket, cohortCancelShare, cohortSpendTrend, "short_history", "band"}

// cohortReservedPrefixes start the names, lower-cased, of the columns that
// depend on the log or the horizon: event counts (EventFeatureName), the
// BG/NBD inputs, the label (orders_again_<N>d) and a scores file's
// probability, class and reason columns.
var cohortReservedPrefixes = []string{"event_", "btyd_", "orders_again_", "probability_", "predicted_", "reason_"}

// IDRename says why a cohort table's id column is not named after the
// log's customer column.
type IDRename int

const (
	// IDKept is no rename: the id column has the customer column's name.
	IDKept IDRename = iota
	// IDNumbered is a customer column known by its number only (a log
	// without a header, or roles given by number).
	IDNumbered
	// IDTaken is a customer column whose name, ignoring case, is one a
	// feature, the label or a scores file's column has or may have.
	IDTaken
)

// CohortIDNameFor returns the name of the id column of a cohort table
// made from a log whose customer column is called customer (as read, or
// as given by role): that name, so that the scores join back to the log on
// it, unless it is a column number or a name the table or its scores
// (features, label, short_history, probability_…) have or may have,
// ignoring case; then CohortIDName, with why.
func CohortIDNameFor(customer string) (string, IDRename) {
	name := strings.TrimSpace(customer)
	if name == "" || strings.IndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		return CohortIDName, IDNumbered
	}
	lower := strings.ToLower(name)
	for _, r := range cohortReservedNames {
		if lower == r {
			return CohortIDName, IDTaken
		}
	}
	for _, p := range cohortReservedPrefixes {
		if strings.HasPrefix(lower, p) {
			return CohortIDName, IDTaken
		}
	}
	return name, IDKept
}

// cohortIDName is CohortIDNameFor of log's customer column; a log without
// a header names its columns by number.
func cohortIDName(log *OrderLog) (string, IDRename) {
	if log.Headerless {
		return CohortIDName, IDNumbered
	}
	return CohortIDNameFor(log.Columns.Customer)
}
