package main

import (
	"context"
	"os"
	"strings"
	"testing"
)

// TestInputTheUserGotWrongExitsTwo covers inputs that used to exit 1 (or,
// for --lr 0, train with another rate than the one reported).
func TestInputTheUserGotWrongExitsTwo(t *testing.T) {
	dir := t.TempDir()
	users := usersCSV(t, 100)
	small := writeFile(t, "small.csv", "x,churn\n1,yes\n2,no\n3,no\n4,yes\n5,no\n")
	oneCustomer := writeFile(t, "one.csv", "customer,date,amount\nc1,2024-01-01,10\nc1,2024-02-01,12\n"+
		"c1,2024-03-01,15\nc1,2024-05-01,15\n")
	usersNote := "note: " + users + ": column \"user_id\" is not a feature: an identifier (every value is unique)\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", dir}, "retain: " + dir + ": is a directory, not a file\n"},
		{[]string{"train", "--log", dir}, "retain: " + dir + ": is a directory, not a file\n"},
		{[]string{"predict", "--model", dir, "--data", users}, "retain: " + dir + ": is a directory, not a file\n"},
		{[]string{"predict", "--model", dir, "--data", dir}, "retain: " + dir + ": is a directory, not a file\n"},
		{[]string{"eval", "--model", dir, "--data", users}, "retain: " + dir + ": is a directory, not a file\n"},
		{[]string{"eval", "--cv", "200", "--data", users},
			usersNote + "retain: too few rows: " + users + ": 200 folds need at least 200 positive and 200 negative rows, the data has 51 and 49\n"},
		{[]string{"eval", "--cv", "3", "--data", small},
			"retain: too few rows: " + small + ": 3 folds need at least 3 positive and 3 negative rows, the data has 2 and 3\n"},
		{[]string{"eval", "--cv", "2", "--log", oneCustomer},
			"note: " + oneCustomer + ": columns read: customer id = customer, date = date, amount = amount\n" +
				"note: " + oneCustomer + ": features made from the log (feature set 3, windows 30/90 days, trend 30 days): recency_days, " +
				"frequency, monetary_total, monetary_avg, tenure_days, orders_30d, orders_90d, interval_mean_days, interval_std_days, spend_trend\n" +
				"note: " + oneCustomer + ": features not made: distinct_items (the log has no item column); basket_size_avg (the log has " +
				"neither a quantity nor an item column); cancel_share (the log shows no cancellations)\n" +
				"note: " + oneCustomer + ": column \"customer\" is not a feature: an identifier\n" +
				"retain: " + oneCustomer + " (order log, cutoff 2024-04-01, horizon 30 days): the log has one customer at the cutoff: the label has one class " +
				"whatever the horizon, and a model needs customers who order again and customers who do not: train on a log of many customers\n"},
		{[]string{"train", "--data", users, "--val", "0.999"},
			usersNote + "retain: too few rows: " + users + ": validation share 0.999 and test share 0 leave no rows to train on (100 validation, 0 test)\n"},
		{[]string{"eval", "--cv", "0"}, "retain: --cv 0: want at least 2 folds\n"},
		{[]string{"train", "--lr", "0"}, "retain: --lr 0: want a positive learning rate such as 0.001\n"},
		{[]string{"eval", "--cv", "3", "--lr", "-0.5"}, "retain: --lr -0.5: want a positive learning rate such as 0.001\n"},
		{[]string{"train", "--lr", "NaN"}, "retain: --lr NaN: want a positive learning rate such as 0.001\n"},
		// NaN shares passed the checks and failed in the split (exit 1, "data: inconsistent shape").
		{[]string{"train", "--val", "NaN"}, "retain: --val NaN: want a share from 0 up to (not including) 1, such as 0.2\n"},
		{[]string{"train", "--test", "NaN"}, "retain: --test NaN: want a share from 0 up to (not including) 1, such as 0.2\n"},
		// Out-of-range values name their flag, as --lr does (they said
		// "invalid configuration: …" without it).
		{[]string{"train", "--threshold", "1.5"}, "retain: --threshold 1.5: want a probability between 0 and 1, such as 0.5\n"},
		{[]string{"train", "--val", "0.5", "--test", "0.5"}, "retain: --val 0.5 and --test 0.5 leave no rows to train on: want shares that add up to less than 1\n"},
		{[]string{"train", "--epochs", "0"}, "retain: --epochs 0: want at least 1 epoch\n"},
		{[]string{"eval", "--cv", "3", "--batch", "0"}, "retain: --batch 0: want at least 1 row per batch\n"},
		{[]string{"train", "--early-stop", "-1"}, "retain: --early-stop -1: want a patience of 1 epoch or more, or 0 for no early stopping\n"},
		{[]string{"train", "--l2", "-1"}, "retain: --l2 -1: want a decay ≥ 0, such as 0.0001\n"},
		{[]string{"eval", "--cv", "3", "--l2-prior", "-1"}, "retain: --l2-prior -1: want N from 0 to 1e9 (the decay is N / training rows, at most 0.1; 0: none)\n"},
		// Cross-validation ignored --test (each held-out fold is the test part).
		{[]string{"eval", "--cv", "3", "--test", "0.2"}, "retain: --test does not apply to cross-validation: each held-out fold is the test part\n"},
		{[]string{"eval", "--folds", "folds.txt", "--test", "0.2"}, "retain: --test does not apply to cross-validation: each held-out fold is the test part\n"},
	}
	for _, tc := range cases {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestZeroIsNotTheDefault: 0 meant "the default" where the engine or the
// model file takes 0 as unset: --pos-weight 0 trained with weight 1 and
// eval --model-threshold 0 used the model's threshold, while -1 and 1 were
// refused as outside the range. 0 is outside it too.
func TestZeroIsNotTheDefault(t *testing.T) {
	users := usersCSV(t, 100)
	model := trainModel(t, users)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", users, "--pos-weight", "0"},
			"retain: --pos-weight 0: want a positive weight (1 weighs both classes alike)\n"},
		{[]string{"eval", "--cv", "2", "--data", users, "--pos-weight", "-1"},
			"retain: --pos-weight -1: want a positive weight (1 weighs both classes alike)\n"},
		{[]string{"eval", "--model", model, "--data", users, "--model-threshold", "0"},
			"retain: --model-threshold 0: want a probability in (0, 1)\n"},
	} {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestEvalSaysBlankLabelsAreLeftOut: eval --model scored a file with
// blank labels on the other rows without a word (train refuses such a
// file); the metrics leave those rows out, and stderr says how many.
func TestEvalSaysBlankLabelsAreLeftOut(t *testing.T) {
	users := usersCSV(t, 100)
	model := trainModel(t, users)
	lines := strings.Split(mustRead(t, users), "\n")
	for _, i := range []int{3, 7} { // rows u0003 and u0007
		lines[i] = strings.TrimSuffix(strings.TrimSuffix(lines[i], "yes"), "no")
	}
	blank := writeFile(t, "blank.csv", strings.Join(lines, "\n"))
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--data", blank, "--json"); code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, c.stderr.String())
	}
	if want := "note: " + blank + ": 2 rows with a blank \"churn\" left out of the metrics\n"; !strings.HasSuffix(c.stderr.String(), want) {
		t.Errorf("stderr %q, want it to end %q", c.stderr.String(), want)
	}
	if !strings.Contains(c.stdout.String(), `"rows": 98`) {
		t.Errorf("the metrics are not of the 98 labelled rows: %.300s", c.stdout.String())
	}
}

// TestFlagsThatDoNotApplyAreRefused: these were accepted and ignored
// (the output was the same as without them), where the other commands
// refuse a flag that does not apply.
func TestFlagsThatDoNotApplyAreRefused(t *testing.T) {
	log := writeFile(t, "log.csv", "customer,date,amount\nc1,2024-01-01,10\nc2,2024-02-01,12\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"recommend", "--log", log, "--evaluate", "--top", "3"},
			"retain: --top sets the length of the lists written without --evaluate; --evaluate measures the top 5, 10 and 20\n"},
		{[]string{"cohorts", "--log", log, "--csv", "--periods", "2"},
			"retain: --periods shapes the table: --csv and --json give every period and every figure of each cell\n"},
		{[]string{"cohorts", "--log", log, "--json", "--metric", "orders"},
			"retain: --metric shapes the table: --csv and --json give every period and every figure of each cell\n"},
		{[]string{"bench", "--calibration", "isotonic"},
			"retain: --calibration does not apply to bench: it measures training speed, and calibrates nothing\n"},
		{[]string{"bench", "--calib", "0.3"},
			"retain: --calib does not apply to bench: it measures training speed, and calibrates nothing\n"},
	} {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestCompletionOfAnUnknownShell: "completion tcsh" printed the help and
// exited 0; the four shells still get their scripts.
func TestCompletionOfAnUnknownShell(t *testing.T) {
	mustRefuse(t, []string{"completion", "tcsh"}, "retain: completion \"tcsh\": want bash, zsh, fish or powershell\n")
	c := newCLI(t)
	if code := c.run(context.Background(), "completion", "zsh"); code != exitOK || !strings.HasPrefix(c.stdout.String(), "#compdef retain") {
		t.Errorf("completion zsh: exit %d, stdout %.40q", code, c.stdout.String())
	}
}

// TestOutInAFolderNoFileCanBeCreatedIn: --out /proc/x.json (or
// /proc/version) passed the folder check for root, whom access(2) lets
// write anywhere, trained, and then failed to write. The check now
// creates a file to see. Linux only: /proc is where it shows.
func TestOutInAFolderNoFileCanBeCreatedIn(t *testing.T) {
	if st, err := os.Stat("/proc/self"); err != nil || !st.IsDir() {
		t.Skip("no /proc here")
	}
	users := usersCSV(t, 100)
	for _, out := range []string{"/proc/x.json", "/proc/version"} {
		mustRefuse(t, []string{"train", "--data", users, "--out", out},
			"retain: --out "+out+": directory /proc is not writable\n")
	}
	if !dirWritable(t.TempDir()) {
		t.Error("a test's own folder reads as not writable")
	}
}
