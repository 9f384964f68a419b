package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A table whose CustomerID is written as whole-valued floats with one blank
// (as pandas writes an id column after a NaN) and whose promo is "Y" or
// blank: train notes the identifier with its blank id and the flag, and
// keeps the id out of the inputs; inspect words the flag; predict keys
// its rows by the ids as the file writes them, the blank one blank.
func TestTrainFlagAndBlankID(t *testing.T) {
	var b strings.Builder
	b.WriteString("CustomerID,promo,visits,churn\n")
	for i := range 60 {
		id, promo := fmt.Sprintf("%d.0", 50001+i), ""
		if i == 4 {
			id = ""
		}
		if i%3 == 0 {
			promo = "Y"
		}
		fmt.Fprintf(&b, "%s,%s,%d,%s\n", id, promo, i%9, []string{"no", "yes"}[i%3/2])
	}
	path := writeFile(t, "users.csv", b.String())
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", path, "--epochs", "1", "--out", model); code != exitOK {
		t.Fatalf("exit %d: %s", code, c.stderr.String())
	}
	for _, want := range []string{
		"note: " + path + `: column "CustomerID" is not a feature: an identifier (unique integers; 1 blank id)` + "\n",
		"note: " + path + `: column "promo": one value ("Y") and 40 blanks: read as yes/no, present or blank` + "\n",
	} {
		if !strings.Contains(c.stderr.String(), want) {
			t.Errorf("stderr %q\nwant a line %q", c.stderr.String(), want)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String()
	for _, want := range []string{
		"Id column (not an input): CustomerID.\n",
		`1. promo (boolean), inputs 1..1; 0 missing in training.` + "\n" + `   a blank (or missing) value = 0, "Y" = 1: present or blank` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect lacks %q:\n%s", want, out)
		}
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
		t.Fatalf("predict: exit %d, stderr %q", code, c.stderr.String())
	}
	lines := strings.Split(c.stdout.String(), "\n")
	if !strings.HasPrefix(lines[0], "CustomerID,") || !strings.HasPrefix(lines[1], "50001.0,") || !strings.HasPrefix(lines[5], ",") ||
		!strings.HasPrefix(lines[60], "50060.0,") {
		t.Errorf("predict keys its rows %q … %q", lines[:6], lines[60])
	}
}
