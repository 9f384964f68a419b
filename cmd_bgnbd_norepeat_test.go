package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// noRepeatLog is the shape of the review's x0.csv: 300 customers with one
// order each in January to March 2024, every third ordering again in May
// (up to 31 May), after the cutoff 2024-04-15: in the calibration period
// no customer bought again.
func noRepeatLog() string {
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	for i := range 300 {
		fmt.Fprintf(&b, "c%03d,2024-%02d-%02d,%d\n", i, 1+i%3, 1+(i*7)%28, 10+(i*37)%50)
		if i%3 == 0 {
			fmt.Fprintf(&b, "c%03d,2024-05-%02d,5\n", i, 1+(i/3)%31)
		}
	}
	return b.String()
}

// TestBGNBDNoRepeatsSaid: with no repeat purchase up to the cutoff,
// BG/NBD cannot be fitted, and eval says so where the fit was shown (it
// printed "r 4.868e-06, alpha 593.2, a 1, b 1", the optimiser's start
// values, as a fit); --btyd-features refuses with the same reason (it
// filled btyd_expected_40d with 0 for every customer).
func TestBGNBDNoRepeatsSaid(t *testing.T) {
	path := writeFile(t, "x0.csv", noRepeatLog())
	model := filepath.Join(t.TempDir(), "x0.json")
	const why = "no customer bought again in the calibration period (every repeat count x is 0): " +
		"the dropout parameters a and b do not enter the likelihood, so BG/NBD cannot be fitted on this history"
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--cutoff", "2024-04-15", "--horizon", "40d", "--epochs", "2", "-o", model); code != exitOK {
		t.Fatalf("train: exit %d; stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", path, "--cutoff", "2024-04-15"); code != exitOK {
		t.Fatalf("eval: exit %d; stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String() + c.stderr.String()
	if !strings.Contains(out, "no BG/NBD baseline: "+path+" up to 2024-04-15: "+why) || strings.Contains(out, "BG/NBD fitted on") {
		t.Errorf("eval says:\n%s\nwant the reason %q and no fit", out, why)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "train", "--log", path, "--cutoff", "2024-04-15", "--horizon", "40d", "--btyd-features",
		"-o", filepath.Join(t.TempDir(), "b.json")); code != exitUsage {
		t.Fatalf("train --btyd-features: exit %d, want %d; stderr %q", code, exitUsage, c.stderr.String())
	}
	if !strings.Contains(c.stderr.String(), "--btyd-features: BG/NBD baseline: "+path+" up to 2024-04-15: "+why+"; train without it") {
		t.Errorf("train --btyd-features: stderr %q lacks the reason", c.stderr.String())
	}
}
