package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDecimalCommaCategoryWarning: train on a comma-separated file whose
// prices are written with a decimal comma, three of them, says on stderr
// that the column is read as a category and why (it used to make the
// prices a category without a word), before the load notes.
func TestDecimalCommaCategoryWarning(t *testing.T) {
	dir := t.TempDir()
	users := filepath.Join(dir, "users.csv")
	var b strings.Builder
	b.WriteString("id,price,visits,churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "u%02d,\"%s\",%d,%s\n", i, []string{"1,25", "2,5", "3,75"}[i%3], i%7, []string{"no", "yes"}[i%2])
	}
	if err := os.WriteFile(users, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--layers", "4", "--out", filepath.Join(dir, "m.retain")); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	lines := strings.SplitN(c.stderr.String(), "\n", 3)
	want := []string{
		"warning: " + users + `: column "price" is read as a category: it looks like numbers written with a decimal comma ("1,25", "2,5"), ` +
			"which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point",
		"note: " + users + `: column "id" is not a feature: an identifier (every value is unique)`,
	}
	if len(lines) < 3 || lines[0] != want[0] || lines[1] != want[1] {
		t.Errorf("stderr begins\n%q\nwant\n%q", lines[:min(2, len(lines))], want)
	}
}
