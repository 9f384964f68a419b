package data

import (
	"errors"
	"testing"
)

func TestExcludeColumns(t *testing.T) {
	tab := mustRead(t, trainCSV, CSVOptions{})
	err := ExcludeColumns(tab, []string{"plan", "agee"})
	const want = "unknown column: t.csv: no column \"agee\" (columns: customerID, age, plan, promo)"
	if !errors.Is(err, ErrUnknownColumn) || err.Error() != want {
		t.Fatalf("unknown name: %v, want %q", err, want)
	}
	if tab.Column("plan").Excluded {
		t.Error("a refused list changed the table")
	}
	if err := ExcludeColumns(tab, []string{"Churn"}); err == nil || err.Error() != "unknown column: t.csv: \"Churn\" is the label, not a feature column" {
		t.Errorf("the label: %v", err)
	}
	if err := ExcludeColumns(tab, []string{"PLAN", "customerID"}); err != nil {
		t.Fatal(err)
	}
	if got := tab.ExcludedNames(); len(got) != 2 || got[0] != "customerID" || got[1] != "plan" {
		t.Errorf("excluded %v", got)
	}
	p, err := FitPipeline(tab, []int{0, 1, 2}, PipelineOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range p.Outputs {
		if o.Name == "plan=basic" || o.Name == "plan=pro" {
			t.Errorf("excluded plan is an input: %v", p.FeatureNames())
		}
	}
	for _, c := range Schema(tab, p).Columns {
		if c.Name == "plan" && (c.Role != "excluded" || c.Action != "excluded from the features") {
			t.Errorf("plan: role %q, action %q", c.Role, c.Action)
		}
	}
	// Toggling back in, then refusing to leave no feature at all.
	if err := SetExcluded(tab, "plan", false); err != nil || tab.Column("plan").Excluded {
		t.Errorf("back in: %v", err)
	}
	for _, name := range []string{"age", "plan"} {
		if err := SetExcluded(tab, name, true); err != nil {
			t.Fatal(err)
		}
	}
	err = SetExcluded(tab, "promo", true)
	if !errors.Is(err, ErrNoFeatures) || err.Error() != "no usable feature column: t.csv: excluding \"promo\" would leave no feature column" {
		t.Errorf("last feature: %v", err)
	}
	if tab.Column("promo").Excluded {
		t.Error("the refused toggle changed the table")
	}
}
