package experiment

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestScoreMeasuredIsTheValidationRows checks a random split's measured
// customers against what is computed here row by row: the rows are the
// split's validation rows in table order, each id and label read from the
// table, each input the pipeline's transform of that row alone and each
// probability the network run on it alone (the untrained experiment has
// no calibration map, so the network's own).
func TestScoreMeasuredIsTheValidationRows(t *testing.T) {
	e := untrained(t, 600)
	if cal, _ := e.Calibration(); cal != nil {
		t.Fatal("the untrained experiment calibrates: the probabilities below are the network's own")
	}
	m, err := e.ScoreMeasured()
	if err != nil {
		t.Fatal(err)
	}
	tab := e.Data.Table
	rows := slices.Sorted(slices.Values(e.Split.Validation))
	if !slices.Equal(m.Rows, rows) || len(rows) == 0 {
		t.Fatalf("rows %v, want the validation rows %v", m.Rows, rows)
	}
	if m.Table != tab || m.Pipeline != e.Pipeline || m.Explainer == nil || m.X == nil {
		t.Fatal("want the experiment's table and pipeline, inputs and an explainer")
	}
	if len(m.IDs) != len(rows) || len(m.Pos) != len(rows) || len(m.Labels) != len(rows) {
		t.Fatalf("%d ids, %d probabilities, %d labels for %d rows", len(m.IDs), len(m.Pos), len(m.Labels), len(rows))
	}
	c := m.Plan(true)
	numeric := -1
	for j, pc := range e.Pipeline.Columns {
		if pc.Kind == data.Numeric {
			numeric = j
			break
		}
	}
	if numeric < 0 || !c.TiesByID || !slices.Equal(c.IDs, m.IDs) || !slices.Equal(c.Rows, rows) || c.Table != tab {
		t.Fatalf("Plan(true) = %+v: want the customers, ties by id (numeric column %d)", c, numeric)
	}
	pc := &e.Pipeline.Columns[numeric]
	for i, r := range rows {
		in, err := e.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		// A batched forward pass sums in another order than a single
		// row's: the two agree to rounding.
		if want := e.Net.Predict(in)[0]; math.Abs(m.Pos[i]-want) > 1e-12 {
			t.Fatalf("customer %d (row %d): probability %v, the network on the row alone %v", i, r, m.Pos[i], want)
		}
		if !slices.Equal(m.X.RawRowView(i), in) || !slices.Equal(c.Row(i), in) {
			t.Fatalf("customer %d (row %d): inputs %v, the row transformed alone %v", i, r, m.X.RawRowView(i), in)
		}
		if id := tab.Columns[tab.IDColumn].Strings[r]; m.IDs[i] != id || m.Labels[i] != tab.Label.Values[r] {
			t.Fatalf("customer %d: %s labelled %v, row %d is %s labelled %v", i, m.IDs[i], m.Labels[i], r, id, tab.Label.Values[r])
		}
		if got, want := c.Own(i, pc), tab.Column(pc.Name).Values[r]; got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("customer %d: own %s %v, row %d holds %v", i, pc.Name, got, r, want)
		}
	}
}

// TestScoreMeasuredIsTheLaterCohort checks an out-of-time run's measured
// customers: every customer of the cohort at the loaded cutoff (day 50),
// ids and labels as cohortLabels counts them from the order log's
// description, probabilities the network's on each row alone.
func TestScoreMeasuredIsTheLaterCohort(t *testing.T) {
	d := loadedAt(t, "2024-02-20")
	cfg := schemeConfig()
	cfg.Validation = OutOfTime
	e, err := Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	m, err := e.ScoreMeasured()
	if err != nil {
		t.Fatal(err)
	}
	v := e.Evaluated()
	if m.Table != v.Data.Table || m.Table == e.Data.Table {
		t.Fatal("want the cohort at the loaded cutoff, not the one the network trained on")
	}
	got := map[string]float64{}
	for i, r := range m.Rows {
		if r != i {
			t.Fatalf("customer %d is row %d: want every row of the cohort in order", i, r)
		}
		got[m.IDs[i]] = m.Labels[i]
		in, err := v.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		if want := v.Net.Predict(in)[0]; math.Abs(m.Pos[i]-want) > 1e-12 {
			t.Fatalf("customer %s: probability %v, the network on the row alone %v", m.IDs[i], m.Pos[i], want)
		}
	}
	if want := cohortLabels(50, 10); len(got) != 60 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("measured customers and labels\n got %v\nwant %v", got, want)
	}
}
