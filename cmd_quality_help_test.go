package main

import (
	"context"
	"strings"
	"testing"
)

// TestQualityHelpNamesTheReferenceItUses checks that `retain quality
// --help` says what the table compares with: on the real data the better
// of scikit-learn's MLPClassifier and its logistic regression (telco_churn's
// reference is the logistic regression's 0.845, experiment/quality.go), not
// the MLP alone.
func TestQualityHelpNamesTheReferenceItUses(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "quality", "--help"); code != exitOK {
		t.Fatalf("quality --help: exit %d, stderr %q", code, c.stderr.String())
	}
	const want = "reference it is held to (on the real data the better of scikit-learn's\n" +
		"MLPClassifier and its logistic regression, from shared/reference/README.md;\n" +
		"the Bayes limit on the built-in data)."
	if !strings.Contains(c.stdout.String(), want) {
		t.Errorf("quality --help: stdout %q lacks %q", c.stdout.String(), want)
	}
}
