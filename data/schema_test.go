package data

import (
	"math"
	"slices"
	"testing"
)

func TestSchemaReport(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{MissingIndicators: true})
	rep := Schema(tab, p)
	if rep.Rows != 6 || rep.Duplicates != 1 || rep.Features != 6 || math.Abs(rep.PositiveRate-2.0/6) > 1e-15 {
		t.Errorf("report %+v", rep)
	}
	want := []struct {
		name, role, action string
		kind               Kind
		missing            int
	}{
		{"customerID", "id", "kept to identify rows; not a feature (named like an identifier, 5 distinct values in 6 rows)", ID, 0},
		{"age", "feature", "1 missing in training filled with the median 40; plus a was-missing indicator; min-max scaled from [20, 60] to [0, 1]", Numeric, 1},
		{"plan", "feature", "one-hot encoded into 3 columns (unseen levels: all zeros)", Categorical, 0},
		{"promo", "feature", "encoded No = 0, Yes = 1", Boolean, 0},
		{"churn", "label", `label: "yes" = 1 (33.3 % of rows), "no" = 0`, Boolean, 0},
	}
	if len(rep.Columns) != len(want) {
		t.Fatalf("%d columns, want %d", len(rep.Columns), len(want))
	}
	for i, w := range want {
		c := rep.Columns[i]
		if c.Name != w.name || c.Role != w.role || c.Action != w.action || c.Kind != w.kind || c.Missing != w.missing {
			t.Errorf("column %d = %+v\nwant %+v", i, c, w)
		}
	}
	if age := rep.Columns[1]; age.Min != 20 || age.Max != 1000 {
		t.Errorf("age range [%v, %v], want the table's [20, 1000]", age.Min, age.Max)
	}
	if plan := rep.Columns[2]; !slices.Equal(plan.Levels, []string{"basic", "max", "pro"}) || !math.IsNaN(plan.Min) {
		t.Errorf("plan levels %q min %v", plan.Levels, plan.Min)
	}
}

func TestSchemaWithoutPipeline(t *testing.T) {
	tab := mustRead(t, "k,x,z,churn\na,1,,yes\na,2.5,,no\n", CSVOptions{Label: "churn"})
	rep := Schema(tab, nil)
	if rep.Features != 0 || rep.Columns[0].Action != "dropped: a single value" || rep.Columns[2].Action != "dropped: every value is missing" || rep.Columns[1].Action != "" {
		t.Errorf("report %+v", rep.Columns)
	}
	if rep.Columns[1].Min != 1 || rep.Columns[1].Max != 2.5 {
		t.Errorf("x range %v %v", rep.Columns[1].Min, rep.Columns[1].Max)
	}
}
