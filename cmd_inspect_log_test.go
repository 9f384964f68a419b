package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
)

// TestInspectOrderLogLine: inspect describes an order-log model's column
// roles as --log-columns takes them and its feature set once. The line used
// to print Go's struct dump and repeat itself: "columns {Customer: Time:
// Amount: Price: Quantity: Order: Item: Description:}, feature set feature
// set 2, …".
func TestInspectOrderLogLine(t *testing.T) {
	log := filepath.Join("testdata", "hostile", "log_good.csv")
	for _, tc := range []struct {
		roles []string
		want  string
	}{
		{nil, ", column roles detected when a log is read (none named), feature set 3, windows 30/90 days, trend 30 days.\n"},
		{[]string{"--log-columns", "customer=customer_id,time=order_date"},
			", column roles customer=customer_id,time=order_date, feature set 3, windows 30/90 days, trend 30 days.\n"},
	} {
		model := filepath.Join(t.TempDir(), "log_model.json")
		c := newCLI(t)
		args := append([]string{"train", "--log", log, "--epochs", "1", "--layers", "4", "--out", model}, tc.roles...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		c = newCLI(t)
		if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
			t.Fatalf("inspect: exit %d, stderr %q", code, c.stderr.String())
		}
		var line string
		for _, l := range strings.SplitAfter(c.stdout.String(), "\n") {
			if strings.HasPrefix(l, "Order log: ") {
				line = l
			}
		}
		if !strings.HasSuffix(line, tc.want) || strings.Count(line, "feature set") != 1 {
			t.Errorf("%v: %q, want it to end with %q", tc.roles, line, tc.want)
		}
	}
}

// TestInspectSaysWhereCalibrationWasFitted: inspect names the part a
// model's Platt map was fitted on — the validation part by default, a
// carved calibration part with --calib 0.2 — with its rows and positives
// (the built-in 5,000 users hold 1,330 positives: 10 % of each class is
// 500 rows with 133 positives, 20 % is 1,000 with 266), and writes the
// map's intercept with its sign, never "+ -0.04".
func TestInspectSaysWhereCalibrationWasFitted(t *testing.T) {
	for _, tc := range []struct {
		calib, want string
	}{
		{"val", "Platt scaling fitted on 500 rows (133 positive), the validation part (held out from training; early stopping watched it too): P = "},
		{"0.2", "Platt scaling fitted on 1000 rows (266 positive), a calibration part held out from training and early stopping: P = "},
	} {
		model := filepath.Join(t.TempDir(), "m.json")
		c := newCLI(t)
		if code := c.run(context.Background(), "train", "--epochs", "2", "--calib", tc.calib, "--out", model); code != exitOK {
			t.Fatalf("train --calib %s: exit %d: %s", tc.calib, code, c.stderr.String())
		}
		c = newCLI(t)
		if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
			t.Fatalf("inspect: exit %d: %s", code, c.stderr.String())
		}
		if !strings.Contains(c.stdout.String(), tc.want) || strings.Contains(c.stdout.String(), "+ -") {
			t.Errorf("--calib %s: inspect lacks %q:\n%s", tc.calib, tc.want, c.stdout.String())
		}
	}
}

// TestTrainAndInspectSayWhatTheDecayCheckKept: train says on stderr what
// the default's decay check compared and kept, the model file records it,
// and inspect prints the same line from the file.
func TestTrainAndInspectSayWhatTheDecayCheckKept(t *testing.T) {
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--epochs", "3", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, c.stderr.String())
	}
	f, err := os.Open(model)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := experiment.ReadBundle(f, model)
	if err != nil {
		t.Fatal(err)
	}
	if b.DecayCheck == nil || b.DecayCheck.Prior != 20 || b.DecayCheck.AltPrior != 2 || b.DecayCheck.Rows != b.ValidationRows {
		t.Fatalf("decay check in the file: %+v", b.DecayCheck)
	}
	line := describeDecay(b.DecayCheck)
	if !strings.HasPrefix(line, "Decay check on the 500 validation rows: log loss ") || !strings.Contains(c.stderr.String(), line+"\n") {
		t.Fatalf("train's stderr lacks %q:\n%s", line, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d: %s", code, c.stderr.String())
	}
	if !strings.Contains(c.stdout.String(), "\n"+line+"\n") {
		t.Errorf("inspect lacks %q:\n%s", line, c.stdout.String())
	}
}

// TestInspectListsTheColumnsTheModelIgnores: a table with a second
// identifier and a constant besides its id gives a model file that lists
// them, and inspect prints them after the id column.
func TestInspectListsTheColumnsTheModelIgnores(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	lines[0] += ",CustomerId,country"
	for i := 1; i < len(lines); i++ {
		lines[i] += fmt.Sprintf(",%d,NL", 15600000+3*i)
	}
	out := inspectTrained(t, writeFile(t, "wide.csv", strings.Join(lines, "\n")+"\n"))
	want := "Id column (not an input): user_id.\nOther columns of the training data, not inputs (rows may carry them): CustomerId, country.\n"
	if !strings.Contains(out, want) {
		t.Errorf("inspect lacks\n%s in\n%s", want, out)
	}
}

// TestInspectSaysAColumnWroteDecimalCommas: a model trained on a semicolon
// file with decimal commas says so for its columns (what that changes in
// scoring is TestPipelineRemembersDecimalComma's).
func TestInspectSaysAColumnWroteDecimalCommas(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	semi := strings.ReplaceAll(strings.ReplaceAll(string(raw), ",", ";"), ".", ",")
	out := inspectTrained(t, writeFile(t, "semi.csv", semi))
	const line = "   its training file (semicolon-separated) wrote decimal commas: in new semicolon files its points group thousands\n"
	if n := strings.Count(out, line); n == 0 {
		t.Errorf("inspect never says a column wrote decimal commas:\n%s", out)
	}
}

// inspectTrained trains a two-epoch model on data (label churn) and returns
// what inspect prints of it.
func inspectTrained(t *testing.T, data string) string {
	t.Helper()
	model := filepath.Join(t.TempDir(), "m.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", data, "--label", "churn", "--epochs", "2", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, c.stderr.String())
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "inspect", "--model", model); code != exitOK {
		t.Fatalf("inspect: exit %d: %s", code, c.stderr.String())
	}
	return c.stdout.String()
}
