package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// trainWithTarget trains a small churn model with extra train flags and
// returns its path and train's stderr.
func trainWithTarget(t *testing.T, csvPath string, extra ...string) (string, string) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	args := append([]string{"train", "--data", csvPath, "--label", "churn", "--epochs", "2", "--layers", "8", "--out", out}, extra...)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return out, c.stderr.String()
}

func TestTargetIsPrintedRecordedAndUsed(t *testing.T) {
	users := usersCSV(t, 300)
	model, stderr := trainWithTarget(t, users)
	if want := "target: prevent \"churn = yes\" (from the label name; --target encourage to change)\n"; !hasLine(stderr, want) {
		t.Errorf("train stderr %q has no line %q", stderr, want)
	}
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"direction": "prevent"`) || !strings.Contains(string(raw), `"class": "yes"`) {
		t.Errorf("the model file does not record the target")
	}

	model2, stderr := trainWithTarget(t, users, "--target", "encourage")
	if want := "target: encourage \"churn = no\" (from --target)\n"; !hasLine(stderr, want) {
		t.Errorf("train --target stderr %q has no line %q", stderr, want)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model2, "--data", users); code != exitOK {
		t.Fatalf("eval: exit %d, %s", code, c.stderr.String())
	}
	// users is the model's training file: the in-sample warning follows.
	if want := "target: encourage \"churn = no\" (from the model file; --target prevent to change)\n"; !onlyBeforeInSample(c.stderr.String(), want) {
		t.Errorf("eval stderr %q, want %q and the in-sample warning", c.stderr.String(), want)
	}
	out := c.stdout.String()
	for _, want := range []string{
		`Cumulative gains for encourage "churn = no" (users ranked by P(churn = no), highest first; each tenth rounded up to whole users, as bands count):`,
		`Bands (shares; users ranked by P(churn = no), ties by row order):`,
		// ⌈5 %·300⌉ = 15, ⌈10 %·300⌉ = 30, ⌈20 %·300⌉ = 60, ⌈50 %·300⌉ = 150.
		"    top 5 %     15", "     5–10 %     15", "    10–20 %     30", "    20–50 %     90", "       rest    150",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}

	// An older model file without a target falls back to the guess.
	old := strings.Replace(string(raw), `"target"`, `"unknown_field"`, 1)
	oldPath := writeFile(t, "old.json", old)
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", oldPath, "--data", users, "--bands", "capacity:40"); code != exitOK {
		t.Fatalf("eval of an older file: exit %d, %s", code, c.stderr.String())
	}
	if want := "target: prevent \"churn = yes\" (from the label name; the model file records none; --target encourage to change)\n"; !onlyBeforeInSample(c.stderr.String(), want) {
		t.Errorf("older file: stderr %q, want %q and the in-sample warning", c.stderr.String(), want)
	}
	if !strings.Contains(c.stdout.String(), "   top 40     40") || !strings.Contains(c.stdout.String(), "     rest    260") {
		t.Errorf("capacity bands:\n%s", c.stdout.String())
	}
}

// onlyBeforeInSample reports whether stderr is first, then one line: eval's
// warning that the file holds the model's training rows; before them come
// only eval's notes on the cells it scored at a bound of the training
// range (the training file's extremes lie beyond its k-anonymous bounds).
func onlyBeforeInSample(stderr, first string) bool {
	for strings.HasPrefix(stderr, "note: ") {
		line, rest, _ := strings.Cut(stderr, "\n")
		if !strings.Contains(line, ": outside the range the model keeps [") {
			return false
		}
		stderr = rest
	}
	rest, ok := strings.CutPrefix(stderr, first)
	return ok && strings.HasPrefix(rest, "warning: ") && strings.Contains(rest, " rows ") &&
		strings.Contains(rest, "the figures are in-sample") && strings.Count(rest, "\n") == 1 && strings.HasSuffix(rest, "\n")
}

func TestPredictBandsColumn(t *testing.T) {
	users := usersCSV(t, 300)
	model, _ := trainWithTarget(t, users)
	c := newCLI(t)
	if code := c.run(context.Background(), "predict", "--model", model, "--data", users, "--bands", "capacity:7", "--target", "prevent"); code != exitOK {
		t.Fatalf("predict: exit %d, %s", code, c.stderr.String())
	}
	// The target, then only the notes on cells scored at a bound of the
	// training range (the training file's own extremes).
	if want := "target: prevent \"churn = yes\" (from --target)\n"; !strings.HasPrefix(c.stderr.String(), want) ||
		strings.Count(c.stderr.String(), "\n") != 1+strings.Count(c.stderr.String(), "outside the range the model keeps") {
		t.Errorf("stderr %q, want %q and notes on values outside the range the model keeps", c.stderr.String(), want)
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "user_id,probability_churn_yes,predicted_churn,band" {
		t.Errorf("header %q", got)
	}
	top, lowestTop, highestRest := 0, 2.0, -1.0
	for _, r := range recs[1:] {
		p := parseFloat(t, r[1])
		switch r[3] {
		case "top 7":
			top++
			lowestTop = min(lowestTop, p)
		case "rest":
			highestRest = max(highestRest, p)
		default:
			t.Fatalf("band %q", r[3])
		}
	}
	if top != 7 || lowestTop < highestRest {
		t.Errorf("%d users in the top 7; lowest top %v, highest rest %v", top, lowestTop, highestRest)
	}
}

func TestTargetAndBandsRefusals(t *testing.T) {
	users := usersCSV(t, 300)
	model, _ := trainWithTarget(t, users)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", users, "--label", "churn", "--epochs", "1", "--target", "retain"},
			`retain: --target "retain": want prevent or encourage (optionally :CLASS, one of "yes" and "no")`},
		{[]string{"eval", "--model", model, "--data", users, "--target", "prevent:maybe"},
			`retain: --target "prevent:maybe": "maybe" is not a class of the label churn (want "yes" or "no")`},
		{[]string{"eval", "--model", model, "--data", users, "--bands", "thirds"},
			`retain: --bands "thirds": want shares or capacity:N (N users to contact)`},
		{[]string{"predict", "--model", model, "--data", users, "--bands", "capacity:0"},
			`retain: --bands "capacity:0": the capacity must be a whole number of users ≥ 1`},
		{[]string{"predict", "--model", model, "--data", users, "--target", "encourage"},
			`retain: --target applies with --bands: the CSV's probabilities are P(positive class) whatever the target`},
		{[]string{"eval", "--cv", "2", "--data", users, "--label", "churn", "--bands", "shares"},
			`retain: --bands applies to --model`},
	}
	for _, c := range cases {
		cl := newCLI(t)
		code := cl.run(context.Background(), c.args...)
		// train notes the identifier column before the target is read.
		if code != exitUsage || !strings.HasSuffix(cl.stderr.String(), "\n"+c.want+"\n") && cl.stderr.String() != c.want+"\n" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, cl.stderr.String(), c.want)
		}
	}
}

// hasLine reports whether text has line (ending in a newline) as a whole line.
func hasLine(text, line string) bool { return strings.Contains("\n"+text, "\n"+line) }

func parseFloat(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestTargetOfANameThatSaysNothingIsADefault: train --label gender said
// "prevent "gender = Female" (from the label name; …)" although nothing in
// "gender" says which class is bad. A name without such a word now gives
// a default guess, said as such with how to set the target, from train
// and from a model file that records no target.
func TestTargetOfANameThatSaysNothingIsADefault(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 300))
	if err != nil {
		t.Fatal(err)
	}
	flagged := writeFile(t, "flagged.csv", strings.Replace(string(raw), ",churn\n", ",flag\n", 1))
	out := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", flagged, "--label", "flag", "--epochs", "2", "--layers", "8", "--out", out); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	// yes/no: yes is the positive class (a boolean pair).
	want := `target: prevent "flag = yes" (a default guess: the label's name says nothing of which class is good or bad; ` +
		`set it with --target prevent:CLASS or encourage:CLASS, CLASS "yes" or "no")` + "\n"
	if !hasLine(c.stderr.String(), want) {
		t.Errorf("train stderr %q has no line %q", c.stderr.String(), want)
	}
	model, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	old := writeFile(t, "old.json", strings.Replace(string(model), `"target"`, `"unknown_field"`, 1))
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", old, "--data", flagged); code != exitOK {
		t.Fatalf("eval: exit %d, %s", code, c.stderr.String())
	}
	want = `target: prevent "flag = yes" (a default guess: the model file records none, and the label's name says nothing of which ` +
		`class is good or bad; set it with --target prevent:CLASS or encourage:CLASS, CLASS "yes" or "no")` + "\n"
	if !onlyBeforeInSample(c.stderr.String(), want) {
		t.Errorf("eval of a file without a target: stderr %q, want %q and the in-sample warning", c.stderr.String(), want)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", old, "--data", flagged); code != exitOK {
		t.Fatalf("plan: exit %d, %s", code, c.stderr.String())
	}
	want = "| target | prevent flag = yes (a default guess: the label's name says nothing of which class is good or bad; --target to change) |\n"
	if !strings.Contains(c.stdout.String(), want) {
		t.Errorf("plan of a file without a target: no line %q in\n%s", want, c.stdout.String())
	}
}
