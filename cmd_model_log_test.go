package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
)

// trainLogModel trains a model on orderLog at cutoff with --horizon and
// returns the log and the model file.
func trainLogModel(t *testing.T, cutoff, horizon string) (log, model string) {
	t.Helper()
	log = orderLog(t)
	model = filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--log", log, "--cutoff", cutoff, "--horizon", horizon,
		"--epochs", "2", "--val", "0.25", "--out", model)
	if code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return log, model
}

// cohortPositives counts the customers of log at cutoff who order again
// within horizonDays, computed directly by data.BuildCohort.
func cohortPositives(t *testing.T, log, cutoff string, horizonDays int) int {
	t.Helper()
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := data.ReadOrderLog(f, log, data.LogOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cut, _ := time.Parse(time.DateOnly, cutoff)
	_, rep, err := data.BuildCohort(l, cut, horizonDays)
	if err != nil {
		t.Fatal(err)
	}
	return rep.Positives
}

// A model trained at 90 days is evaluated at a later cutoff with its own
// 90-day label, not with the default 30 days under the 90-day label name.
func TestEvalLogModelLabelsWithTheModelsHorizon(t *testing.T) {
	log, model := trainLogModel(t, "2024-05-01", "90d")
	want := cohortPositives(t, log, "2024-08-01", 90)
	if def := cohortPositives(t, log, "2024-08-01", data.DefaultHorizonDays); def == want {
		t.Fatalf("the log gives %d positives at both 30 and 90 days: the test cannot tell the horizons apart", want)
	}
	c := newCLI(t)
	code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2024-08-01", "--json")
	if code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Rows      int     `json:"rows"`
		Positives float64 `json:"positives"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if int(doc.Positives) != want {
		t.Errorf("eval counted %v positives, want %d (the 90-day label at 2024-08-01)", doc.Positives, want)
	}
	if !strings.Contains(c.stderr.String(), "cutoff 2024-08-01, horizon 90 days") {
		t.Errorf("stderr does not name the 90-day cohort: %q", c.stderr.String())
	}
	// Without --cutoff, the latest cutoff the log covers at 90 days.
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", log); code != exitOK {
		t.Fatalf("eval without --cutoff: exit %d, stderr %q", code, c.stderr.String())
	}
	// No in-sample warning; the customers, scored at a later cutoff, do
	// get the warnings on values beyond the model's ranges.
	if !strings.Contains(c.stderr.String(), "horizon 90 days") || strings.Contains(c.stderr.String(), "in-sample") {
		t.Errorf("eval without --cutoff: stderr %q", c.stderr.String())
	}
	// At the training cutoff the customers are the ones it learned from.
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2024-05-01"); code != exitOK {
		t.Fatalf("eval at the training cutoff: exit %d, stderr %q", code, c.stderr.String())
	}
	const warning = "warning: the cutoff 2024-05-01 is the one the model was trained at: on its training log these are the customers it learned from, " +
		"and the figures are in-sample, better than on customers it has not seen; give a later --cutoff to measure it on a later period (out of time)\n"
	if !strings.Contains(c.stderr.String(), warning) {
		t.Errorf("eval at the training cutoff: stderr %q lacks %q", c.stderr.String(), warning)
	}
}

func TestEvalLogModelRefusesWhatItWasNotTrainedFor(t *testing.T) {
	log, model := trainLogModel(t, "2024-05-01", "90d")
	users := writeFile(t, "users.csv", "tenure,churn\n1,yes\n2,no\n3,yes\n4,no\n")
	// The log's last order is on 2024-12-30 (day 364 of a leap year).
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--log", log, "--cutoff", "2024-11-01"},
			log + " ends 2024-12-30: a 90-day label from cutoff 2024-11-01 needs orders up to 2025-01-30; choose a cutoff on or before 2024-10-01"},
		// On or after the last date, or before the first (customer c000's
		// 2024-01-01), the same advice; it used to say only "it must be on
		// or after the first and before the last".
		{[]string{"--log", log, "--cutoff", "2030-01-01"},
			log + ": cutoff 2030-01-01 is on or after the log's last date 2024-12-30, so no order after it can label the customers; " +
				"choose a cutoff from 2024-01-01 to 2024-10-01, so that its 90-day label window ends by the last date"},
		{[]string{"--log", log, "--cutoff", "2024-12-30"},
			log + ": cutoff 2024-12-30 is on or after the log's last date 2024-12-30, so no order after it can label the customers; " +
				"choose a cutoff from 2024-01-01 to 2024-10-01, so that its 90-day label window ends by the last date"},
		{[]string{"--log", log, "--cutoff", "2023-12-31"},
			log + ": cutoff 2023-12-31 is before the log's first date 2024-01-01, so no customer has any history; " +
				"choose a cutoff from 2024-01-01 to 2024-10-01, so that its 90-day label window ends by the last date"},
		{[]string{"--log", log, "--cutoff", "2024-08-01", "--horizon", "30d"},
			"--horizon of 30 days disagrees with " + model + ", which was trained to predict orders within 90 days (label orders_again_90d): leave --horizon out and the model's own horizon is used"},
		{[]string{"--data", users},
			model + " was trained on an order log (path not stored), so it cannot score --data " + users + ": give it an order log with --log (and --cutoff), which builds its rows the same way"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"eval", "--model", model}, tc.args...)...)
		if code != exitUsage || !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("eval %v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, c.stderr.String(), tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("eval %v printed %q", tc.args, c.stdout.String())
		}
	}
}

func TestEvalTableModelRefusesAnOrderLog(t *testing.T) {
	log := orderLog(t)
	// 40 rows: a model file needs statistics of at least 10 customers, and a
	// numeric column 28 present training values (data.MinNumeric). The
	// path is stored on request, so the refusal can name it.
	users := writeFile(t, "users.csv", tenureUsers(40))
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	// --val 0.25: a validation part of 10 of the 40 rows.
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--val", "0.25", "--out", model, "--store-source-path"); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	c = newCLI(t)
	code := c.run(context.Background(), "eval", "--model", model, "--log", log)
	want := model + " was trained on " + users + ", not on an order log, so it cannot score --log " + log + ": give it a per-user table with --data"
	if code != exitUsage || !strings.Contains(c.stderr.String(), want) {
		t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, c.stderr.String(), want)
	}
}

// A model file that does not record its horizon (written before the field,
// or by hand) still loads and labels with the horizon its label names.
func TestEvalLogModelWithoutRecordedHorizon(t *testing.T) {
	log, model := trainLogModel(t, "2024-05-01", "90d")
	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	src := doc["source"].(map[string]any)
	delete(src, "horizon_days")
	delete(src, "log_columns")
	old, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(model, old, 0o600); err != nil {
		t.Fatal(err)
	}
	want := cohortPositives(t, log, "2024-08-01", 90)
	c := newCLI(t)
	code := c.run(context.Background(), "eval", "--model", model, "--log", log, "--cutoff", "2024-08-01", "--json")
	if code != exitOK {
		t.Fatalf("eval: exit %d, stderr %q", code, c.stderr.String())
	}
	var rep struct {
		Positives float64 `json:"positives"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if int(rep.Positives) != want || !strings.Contains(c.stderr.String(), "horizon 90 days") {
		t.Errorf("positives %v (want %d), stderr %q", rep.Positives, want, c.stderr.String())
	}
}

// tenureUsers returns a per-user table of n rows: tenure i + 0.5 of row i
// (not whole numbers, so not an identifier; no two rows alike, so none is
// dropped as a duplicate), churn yes on odd rows.
func tenureUsers(n int) string {
	var b strings.Builder
	b.WriteString("tenure,churn\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%d.5,%s\n", i, []string{"no", "yes"}[i%2])
	}
	return b.String()
}
