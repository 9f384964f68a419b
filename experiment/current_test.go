package experiment

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
)

// currentLog is 60 customers over 2020: customer k orders every 20 days
// from day 6k of the year, so the late ones are first seen near the end.
func currentLog() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := range 60 {
		for d := 6 * k; d < 366; d += 20 + k%7 {
			fmt.Fprintf(&b, "c%02d,%s,%d\n", k, start.AddDate(0, 0, d).Format(time.DateOnly), 10+k)
		}
	}
	return b.String()
}

// An experiment trained on an order log scores the log's customers at its
// last date: every customer, unlabelled, short histories marked, with the
// training network and the same export format plus short_history.
func TestExperimentScoresItsLogsCurrentCustomers(t *testing.T) {
	log := currentLog()
	d, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 30, Cutoff: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)},
		stringOpener(log), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, quickConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	if !e.HasCurrent() {
		t.Fatal("a log experiment has no current customers")
	}
	c, err := e.Current()
	if err != nil {
		t.Fatal(err)
	}
	// Customer k is first seen on day 6k: short when that is fewer than 90
	// days before the last date.
	last := c.Report.Last
	if !c.Report.Cutoff.Equal(last) || c.Table.Rows != 60 || c.Table.Label.Name != "" {
		t.Fatalf("cutoff %v (last %v), %d rows, label %q", c.Report.Cutoff, last, c.Table.Rows, c.Table.Label.Name)
	}
	lastDay := int(last.Sub(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	want := make([]bool, 60)
	short := 0
	for k := range want {
		want[k] = lastDay-6*k < 90
		if want[k] {
			short++
		}
	}
	if !slices.Equal(c.Report.Short, want) || c.Report.ShortHistory != short || short == 0 {
		t.Errorf("short %v (%d), want %v (%d)", c.Report.Short, c.Report.ShortHistory, want, short)
	}
	cur := e.OnCurrent(c)
	s, err := cur.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	if s.Labels != nil || !slices.Equal(s.Short, want) || len(s.Probabilities) != 60 {
		t.Fatalf("scores %+v", s)
	}
	for r := range 60 {
		x, err := cur.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		p := make([]float64, 1)
		engine.NewPredictor(e.Net).PredictFlat(p, nil, x, 1)
		if math.Abs(p[0]-s.Probabilities[r]) > 1e-12 {
			t.Errorf("row %d: %v, the network alone %v", r, s.Probabilities[r], p[0])
		}
	}
	o := cur.ExportOptions(1, 0.5)
	o.History = true
	var out bytes.Buffer
	if err := WriteScoresCSV(context.Background(), &out, cur.ExportRows(s, []int{59, 0}), o); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(recs[0], ","); h != "customer,probability_orders_again_30d_yes,predicted_orders_again_30d,short_history,reason_1" {
		t.Errorf("header %q", h)
	}
	if recs[1][0] != "c59" || recs[1][3] != "true" || recs[2][0] != "c00" || recs[2][3] != "false" {
		t.Errorf("rows %q", recs[1:])
	}
}

func TestCurrentOfRefusesACutoffOutsideTheLog(t *testing.T) {
	log := currentLog()
	for _, tc := range []struct {
		cutoff string
		want   string
	}{
		{"2019-12-31", "orders.csv starts 2020-01-01: cutoff 2019-12-31 is before its first order, so no customer has any history to score; choose a cutoff from 2020-01-01 to 2020-12-31 (without one, the last date is used)"},
		{"2021-01-01", "orders.csv ends 2020-12-31: cutoff 2021-01-01 is after its last order, so what the customers did since is unknown; choose a cutoff from 2020-01-01 to 2020-12-31 (without one, the last date is used)"},
	} {
		cut, _ := time.Parse(time.DateOnly, tc.cutoff)
		_, err := LoadCurrent(Source{Kind: "log", Path: "orders.csv", Cutoff: cut}, stringOpener(log), time.Now())
		if !errors.Is(err, ErrSource) || err.Error() != tc.want {
			t.Errorf("cutoff %s: %v", tc.cutoff, err)
		}
	}
	c, err := LoadCurrent(Source{Kind: "log", Path: "orders.csv"}, stringOpener(log), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Summary(); !strings.HasPrefix(got, "scored 60 customers active at 2020-12-31; ") {
		t.Errorf("summary %q", got)
	}
}

// The current customers of a log experiment trained at 2020-09-01 are
// scored about four months later: tenure_days, which counts days since a
// customer's first order, lies above the range the model keeps for many
// of them. Extrapolations of the OnCurrent experiment lists it, and each
// count it gives equals the rows counted here straight from the current
// table's values against the pipeline column's kept range (review 33,
// finding 4: the Users screen's current customers said nothing of it).
func TestCurrentCustomersExtrapolations(t *testing.T) {
	d, err := LoadAt(Source{Kind: "log", Path: "orders.csv", HorizonDays: 30, Cutoff: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)},
		stringOpener(currentLog()), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, quickConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	c, err := e.Current()
	if err != nil {
		t.Fatal(err)
	}
	cur := e.OnCurrent(c)
	xs := cur.Extrapolations()
	tenure := false
	for _, x := range xs {
		pc := e.Pipeline.Columns[slices.IndexFunc(e.Pipeline.Columns, func(pc data.PipelineColumn) bool { return pc.Name == x.Column })]
		n := 0
		for _, v := range c.Table.Column(x.Column).Values {
			if (x.Above && v > pc.Max) || (!x.Above && v < pc.Min) {
				n++
			}
		}
		if x.Rows != n || x.Of != c.Table.Rows {
			t.Errorf("%s above %v: %d of %d, counted %d of %d", x.Column, x.Above, x.Rows, x.Of, n, c.Table.Rows)
		}
		tenure = tenure || (x.Column == "tenure_days" && x.Above)
	}
	if !tenure {
		t.Errorf("extrapolations %+v: want tenure_days above its range", xs)
	}
}
