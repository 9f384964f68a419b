package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLabelAdviceOnEveryCommand: every command that reads a per-user table
// with a label says, when it recognises none, to name one with --label,
// right after that sentence and before the columns likeliest to be the
// label (the data package's message names no flag; the command line adds
// it). A label named with --label and absent gets no such advice.
func TestLabelAdviceOnEveryCommand(t *testing.T) {
	users := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(users, []byte("id,visits,plan\n1,3,a\n2,5,b\n3,1,a\n4,2,b\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	notFound := "retain: " + users + ":1: no label column found (looked for churn, label, target, revenue, exited, purchased, …); " +
		"name it with --label COLUMN (columns with two values, the likeliest labels: plan)\n"
	named := "retain: " + users + `:1: no column named "churned" for the label (columns: id, visits, plan)` + "\n"
	for _, args := range [][]string{
		{"train", "--epochs", "1"},
		{"eval", "--cv", "2", "--epochs", "1"},
		{"tune"},
		{"bench"},
	} {
		mustRefuse(t, append(args, "--data", users), notFound)
		mustRefuse(t, append(args, "--data", users, "--label", "churned"), named)
	}
}
