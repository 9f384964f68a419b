package data

import (
	"errors"
	"strings"
	"testing"
)

// TestFindLabelAffixed checks the label read from public layouts whose label
// carries a prefix or suffix, and that scores and reasons are never taken.
func TestFindLabelAffixed(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   int
	}{
		{[]string{"msno", "is_churn", "city"}, 1},
		{[]string{"CLIENTNUM", "Attrition_Flag", "Customer_Age"}, 1},
		{[]string{"id", "churn_flag"}, 1},
		{[]string{"id", "is_churned"}, 1},
		{[]string{"id", "exited_flag"}, 1},
		{[]string{"id", "Has-Churned"}, 1},
		// Telco v11: the 0/1 value wins over the Yes/No label column,
		// and the score and reason are passed over.
		{[]string{"CustomerID", "Churn Label", "Churn Value", "Churn Score", "Churn Reason"}, 2},
		{[]string{"CustomerID", "Churn Score", "Churn Label"}, 2},
		// A prefix beats a suffix; an exact name beats both.
		{[]string{"churn_status", "is_churn"}, 1},
		{[]string{"is_churn", "Churn"}, 1},
		// Never a score, probability, reason or amount.
		{[]string{"id", "Churn Score", "Churn Reason", "churn_probability"}, -1},
		{[]string{"id", "purchase_value", "conversion_value", "target_value", "class_label"}, -1},
		{[]string{"id", "is_active", "history"}, -1},
	} {
		got, err := findLabel("t.csv", tc.header, "")
		if got != tc.want {
			t.Errorf("findLabel(%q) = %d, %v; want %d", tc.header, got, err, tc.want)
		}
		if tc.want < 0 && err == nil {
			t.Errorf("findLabel(%q): no error", tc.header)
		}
	}
}

// TestLabelNotFoundTwoValuedFirst: with no label recognised, the columns
// with two values in the first rows are named in the error and in
// Likeliest, and come first in Columns (sex: F/M, paid: 0/1; plan has
// three values, id four).
func TestLabelNotFoundTwoValuedFirst(t *testing.T) {
	csv := "id,plan,sex,age,paid\n1,a,F,30,0\n2,b,M,40,1\n3,c,F,,1\n4,a,, 50,0\n"
	_, err := ReadCSV(strings.NewReader(csv), "t.csv", CSVOptions{})
	want := "t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …) (columns with two values, the likeliest labels: sex, paid)"
	var lnf *LabelNotFoundError
	if err == nil || err.Error() != want || !errors.As(err, &lnf) || !errors.Is(err, ErrNoLabel) {
		t.Fatalf("error\n got %v\nwant %s", err, want)
	}
	if got := strings.Join(lnf.Columns, ","); got != "sex,paid,id,plan,age" {
		t.Errorf("columns %s", got)
	}
	if got := strings.Join(lnf.Likeliest, ","); got != "sex,paid" {
		t.Errorf("likeliest %s", got)
	}
}
