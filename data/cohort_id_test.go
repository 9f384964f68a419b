package data

import (
	"slices"
	"strings"
	"testing"
)

// olistLog is shaped like Olist's orders joined to their customers: a
// customer_id per order and the customer's own customer_unique_id, which
// is the customer column (detected by its name).
const olistLog = `order_id,customer_id,customer_unique_id,order_status,order_purchase_timestamp,payment_value
o1,k1,u1,delivered,2018-01-05 10:00:00,10.5
o2,k2,u1,delivered,2018-02-01 11:00:00,20
o3,k3,u2,delivered,2018-01-20 09:00:00,5
o4,k4,u2,delivered,2018-03-10 09:00:00,7
o5,k5,u3,delivered,2018-03-15 09:00:00,9
`

// The id column of an Olist-shaped log's cohort is named after the
// customer column read, customer_unique_id, not customer_id (the log's own
// per-order column), so that the scores join back to the log on it.
func TestCohortIDColumnIsTheLogsCustomerColumn(t *testing.T) {
	log, err := ReadOrderLog(strings.NewReader(olistLog), "olist.csv", LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohort(log, ymd(2018, 2, 1), 30)
	if err != nil {
		t.Fatal(err)
	}
	id := tab.Columns[tab.IDColumn]
	if id.Name != "customer_unique_id" || rep.IDName != "customer_unique_id" || rep.CustomerColumn != "customer_unique_id" || rep.IDRenamed != IDKept {
		t.Errorf("id column %q, report %q from %q (%v), want customer_unique_id kept", id.Name, rep.IDName, rep.CustomerColumn, rep.IDRenamed)
	}
	// u1 and u2 ordered by 2018-02-01; u3 first on 2018-03-15.
	if got := tab.IDs(); !slices.Equal(got, []string{"u1", "u2"}) {
		t.Errorf("ids %v, want [u1 u2]", got)
	}
	if tab.Column("customer_id") != nil {
		t.Error("the cohort has a customer_id column")
	}
}

// A customer column whose name a cohort column has, or may have, or that
// reads as a column number, lends no name: the id column is customer_id.
func TestCohortIDNameFor(t *testing.T) {
	for _, c := range []struct {
		customer, want string
		why            IDRename
	}{
		{"customer_unique_id", "customer_unique_id", IDKept},
		{" Kundennummer ", "Kundennummer", IDKept},
		{"customer_id", "customer_id", IDKept},
		{"user", "user", IDKept},
		{"id", "id", IDKept},
		{"", CohortIDName, IDNumbered},
		{"3", CohortIDName, IDNumbered},
		{"frequency", CohortIDName, IDTaken},
		{"Recency_Days", CohortIDName, IDTaken},
		{"short_history", CohortIDName, IDTaken},
		{"band", CohortIDName, IDTaken},
		{"event_view_30d", CohortIDName, IDTaken},
		{"btyd_p_alive", CohortIDName, IDTaken},
		{"orders_again_30d", CohortIDName, IDTaken},
		{"probability_x", CohortIDName, IDTaken},
		{"predicted_x", CohortIDName, IDTaken},
		{"reason_1", CohortIDName, IDTaken},
	} {
		if got, why := CohortIDNameFor(c.customer); got != c.want || why != c.why {
			t.Errorf("CohortIDNameFor(%q) = %q, %v; want %q, %v", c.customer, got, why, c.want, c.why)
		}
	}
}

// A log whose customer column is called like a feature keeps its ids in
// a customer_id column, and the feature keeps its name; a log without a
// header names its columns by number, so its id column is customer_id.
func TestCohortIDColumnRenamed(t *testing.T) {
	const taken = "frequency,date,amount\na,2020-01-01,1\na,2020-01-20,2\nb,2020-01-05,3\nb,2020-03-01,3\n"
	log, err := ReadOrderLog(strings.NewReader(taken), "taken.csv", LogOptions{Columns: LogColumns{Customer: "frequency"}})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err := BuildCohort(log, ymd(2020, 1, 31), 30)
	if err != nil {
		t.Fatal(err)
	}
	if id := tab.Columns[tab.IDColumn].Name; id != CohortIDName || rep.IDRenamed != IDTaken || rep.CustomerColumn != "frequency" {
		t.Errorf("id column %q (%v from %q), want customer_id (taken from frequency)", id, rep.IDRenamed, rep.CustomerColumn)
	}
	// a ordered twice by the cutoff, b once.
	if f := tab.Column("frequency"); f == nil || !slices.Equal(f.Values, []float64{2, 1}) {
		t.Errorf("frequency feature %+v, want [2 1]", f)
	}
	const headerless = "a 2020-01-01 1\na 2020-01-20 2\nb 2020-01-05 3\nb 2020-03-01 3\n"
	log, err = ReadOrderLog(strings.NewReader(headerless), "cd.txt", LogOptions{NoHeader: true, Columns: LogColumns{Customer: "1", Time: "2", Amount: "3"}})
	if err != nil {
		t.Fatal(err)
	}
	tab, rep, err = BuildCohort(log, ymd(2020, 1, 31), 30)
	if err != nil {
		t.Fatal(err)
	}
	if id := tab.Columns[tab.IDColumn].Name; id != CohortIDName || rep.IDRenamed != IDNumbered {
		t.Errorf("headerless id column %q (%v), want customer_id (numbered)", id, rep.IDRenamed)
	}
}
