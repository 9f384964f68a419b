package data

import (
	"errors"
	"slices"
	"testing"
)

// TestLikeliestLabelsNameTheOutcome: among the columns with two values, a
// column whose values name an outcome ("churned"/"retained",
// "active"/"inactive") is offered before Yes/No and M/F columns that come
// earlier in the header (review35 #6: "likeliest labels: a05, status, …"
// with a05 Yes/No); the others keep the header's order.
func TestLikeliestLabelsNameTheOutcome(t *testing.T) {
	text := "acct,a05,a02,status,state,x\n" +
		"1,Yes,M,churned,Active,0.5\n" +
		"2,No,F,retained,Inactive,0.7\n" +
		"3,No,M,churned,Active,0.1\n"
	_, err := readString(text, CSVOptions{})
	var lnf *LabelNotFoundError
	if !errors.As(err, &lnf) {
		t.Fatalf("err %v, want no label found", err)
	}
	if want := []string{"status", "state", "a05", "a02"}; !slices.Equal(lnf.Likeliest, want) {
		t.Errorf("likeliest %q, want %q", lnf.Likeliest, want)
	}
	want := "t.csv:1: no label column found (looked for churn, label, target, revenue, exited, purchased, …) " +
		"(columns with two values, the likeliest labels: status, state, a05, a02)"
	if err.Error() != want {
		t.Errorf("err %q\nwant %q", err, want)
	}
}
