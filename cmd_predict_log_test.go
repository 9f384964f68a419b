package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/internal/shareddata"
)

// cdnowFirstOrders reads the CDNOW master log directly (whitespace-separated
// id, YYYYMMDD date, quantity, amount, under a header line), without
// package data,
// and returns each customer's first order date.
func cdnowFirstOrders(t *testing.T) map[string]time.Time {
	t.Helper()
	f, err := os.Open(cdnowMaster)
	if errors.Is(err, os.ErrNotExist) {
		shareddata.Missing(t, cdnowMaster, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	first := make(map[string]time.Time)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[1] == "date" {
			continue
		}
		day, err := time.Parse("20060102", fields[1])
		if err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		if old, ok := first[fields[0]]; !ok || day.Before(old) {
			first[fields[0]] = day
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return first
}

// trainCDNOW trains a 90-day model on CDNOW master at 1997-06-30.
func trainCDNOW(t *testing.T) string {
	t.Helper()
	shareddata.Need(t, cdnowMaster)
	model := filepath.Join(t.TempDir(), "cdnow90.json")
	c := newCLI(t)
	code := c.run(context.Background(), "train", "--log", cdnowMaster, "--cutoff", "1997-06-30", "--horizon", "90d",
		"--epochs", "1", "--out", model)
	if code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	return model
}

// Every customer with an order on or before the cutoff is scored once, and
// those first seen fewer than 90 days before it are marked short.
func TestPredictLogScoresTheCustomersAtTheCutoff(t *testing.T) {
	first := cdnowFirstOrders(t)
	model := trainCDNOW(t)
	for _, tc := range []struct {
		cutoff string // "" for the default
		at     time.Time
		line   string
	}{
		{"", time.Date(1998, 6, 30, 0, 0, 0, 0, time.UTC),
			"scored 23,570 customers active at 1998-06-30; 0 have a short history (first order fewer than 90 days before; marked)"},
		{"1997-02-20", time.Date(1997, 2, 20, 0, 0, 0, 0, time.UTC), ""},
		{"1997-05-15", time.Date(1997, 5, 15, 0, 0, 0, 0, time.UTC), ""},
	} {
		wantShort := make(map[string]bool)
		for id, d := range first {
			if !d.After(tc.at) {
				wantShort[id] = tc.at.Sub(d) < 90*24*time.Hour
			}
		}
		short := 0
		for _, s := range wantShort {
			if s {
				short++
			}
		}
		args := []string{"predict", "--model", model, "--log", cdnowMaster}
		if tc.cutoff != "" {
			args = append(args, "--cutoff", tc.cutoff)
		}
		c := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		header := strings.Join(recs[0], ",")
		if header != "customer_id,probability_orders_again_90d_yes,predicted_orders_again_90d,short_history" {
			t.Errorf("header %q", header)
		}
		if len(recs)-1 != len(wantShort) {
			t.Errorf("cutoff %q: %d rows, want %d customers with an order on or before it", tc.cutoff, len(recs)-1, len(wantShort))
		}
		got := make(map[string]bool)
		for _, r := range recs[1:] {
			if _, dup := got[r[0]]; dup {
				t.Errorf("customer %s scored twice", r[0])
			}
			got[r[0]] = r[3] == "true"
			if want, ok := wantShort[r[0]]; !ok || got[r[0]] != want || (r[3] != "true" && r[3] != "false") {
				t.Errorf("cutoff %q: customer %s: short_history %q, want %v (in the cohort: %v)", tc.cutoff, r[0], r[3], want, ok)
			}
		}
		line := tc.line
		if line == "" {
			line = "scored " + data.Thousands(len(wantShort)) + " customers active at " + tc.at.Format(time.DateOnly) + "; " +
				data.Thousands(short) + " have a short history (first order fewer than 90 days before; marked)"
		}
		// The load notes (the columns read, the features made) come
		// first, as train prints them; the count closes.
		if got := lastLine(c.stderr.String()); got != line {
			t.Errorf("stderr %q, want its last line %q", c.stderr.String(), line)
		}
		if tc.cutoff == "1997-05-15" && (short == 0 || short == len(wantShort)) {
			t.Errorf("at 1997-05-15, %d of %d customers are short: the case tells nothing", short, len(wantShort))
		}
	}
}

// predict --log --out --explain writes the file, with the reasons after
// the short-history mark.
func TestPredictLogOutAndExplain(t *testing.T) {
	model := trainCDNOW(t)
	out := filepath.Join(t.TempDir(), "today.csv")
	c := newCLI(t)
	code := c.run(context.Background(), "predict", "--model", model, "--log", cdnowMaster, "--cutoff", "1997-01-05",
		"--explain", "2", "--out", out)
	if code != exitOK || c.stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, c.stdout.String(), c.stderr.String())
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(recs[0], ","); h != "customer_id,probability_orders_again_90d_yes,predicted_orders_again_90d,short_history,reason_1,reason_2" {
		t.Errorf("header %q", h)
	}
	for _, r := range recs[1:] {
		if r[3] != "true" || !strings.ContainsAny(r[4], "=≥≤") || !strings.ContainsAny(r[5], "=≥≤") {
			t.Fatalf("row %q", r)
		}
	}
}

func TestPredictLogRefusals(t *testing.T) {
	model := trainCDNOW(t)
	// 40 rows: a model file needs statistics of at least 10 customers, and a
	// numeric column 28 present training values (data.MinNumeric).
	users := writeFile(t, "users.csv", tenureUsers(40))
	tableModel := filepath.Join(t.TempDir(), "table.json")
	c := newCLI(t)
	// --val 0.25: a validation part of 5 yes and 5 no.
	if code := c.run(context.Background(), "train", "--data", users, "--epochs", "1", "--val", "0.25", "--out", tableModel); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	span := "choose a cutoff from 1997-01-01 to 1998-06-30 (without one, the last date is used)"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--model", model, "--log", cdnowMaster, "--cutoff", "1998-07-01"},
			cdnowMaster + " ends 1998-06-30: cutoff 1998-07-01 is after its last order, so what the customers did since is unknown; " + span},
		{[]string{"--model", model, "--log", cdnowMaster, "--cutoff", "1996-12-31"},
			cdnowMaster + " starts 1997-01-01: cutoff 1996-12-31 is before its first order, so no customer has any history to score; " + span},
		{[]string{"--model", model, "--log", cdnowMaster, "--cutoff", "1998-6-30"},
			`--cutoff "1998-6-30": want a date as YYYY-MM-DD`},
		{[]string{"--model", tableModel, "--log", cdnowMaster},
			tableModel + " was trained on a per-user table (path not stored), not on an order log, so it cannot score --log " + cdnowMaster + ": give it a per-user table with --data"},
		{[]string{"--model", model, "--data", users},
			model + " was trained on an order log (path not stored), so it cannot score --data " + users + ": give it an order log with --log (and --cutoff), which builds its rows the same way"},
		{[]string{"--model", tableModel, "--data", users, "--cutoff", "1998-01-01"},
			"--cutoff and --log-columns apply to --log, not --data"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"predict"}, tc.args...)...)
		if code != exitUsage || strings.TrimSpace(c.stderr.String()) != "retain: "+tc.want {
			t.Errorf("predict %v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, c.stderr.String(), tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("predict %v printed %q", tc.args, c.stdout.String())
		}
	}
}
