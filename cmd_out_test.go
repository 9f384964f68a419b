package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputNamingAnInputIsRefused: an output file that is one of the files
// the command reads is refused (exit 2) before anything is read or written.
// 'train --data users.csv --out users.csv' used to replace the training
// data with the model, and predict, plan, export, tune, eval --write-folds
// and anomalies --export-features replaced their inputs the same way.
func TestOutputNamingAnInputIsRefused(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	// A second path to the same file, through the folder's parent.
	dir := filepath.Dir(users)
	sameUsers := filepath.Join(dir, "..", filepath.Base(dir), "users.csv")
	tuneData := filepath.Join(dir, "m.json.tune.json")
	if err := os.WriteFile(tuneData, []byte(mustRead(t, users)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d.json.tune.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	for _, p := range []string{users, model, tuneData} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		before[p] = b
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", users, "--out", users},
			"retain: --out " + users + " would replace the --data file it reads\n"},
		{[]string{"train", "--data", users, "--out", sameUsers},
			"retain: --out " + sameUsers + " would replace the --data file it reads\n"},
		{[]string{"tune", "--data", users, "--budget", "1s", "--out", users},
			"retain: --out " + users + " would replace the --data file it reads\n"},
		// The search's result goes to FILE.tune.json, which was not checked:
		// it replaced a --data file of that name after the whole search.
		{[]string{"tune", "--data", tuneData, "--budget", "1s", "--out", strings.TrimSuffix(tuneData, ".tune.json")},
			"retain: --out " + tuneData + " would replace the --data file it reads\n"},
		{[]string{"tune", "--data", users, "--budget", "1s", "--out", filepath.Join(dir, "d.json")},
			"retain: --out " + filepath.Join(dir, "d.json.tune.json") + " is a directory: give the name of a regular file (new or to replace)\n"},
		{[]string{"predict", "--model", model, "--data", users, "--out", users},
			"retain: --out " + users + " would replace the --data file it reads\n"},
		{[]string{"predict", "--model", model, "--data", users, "--out", model},
			"retain: --out " + model + " would replace the --model file it reads\n"},
		{[]string{"plan", "--model", model, "--data", users, "--out", users},
			"retain: --out " + users + " would replace the --data file it reads\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--out", model},
			"retain: --out " + model + " would replace the --model file it reads\n"},
		{[]string{"eval", "--cv", "2", "--data", users, "--write-folds", users},
			"retain: --write-folds " + users + " would replace the --data file it reads\n"},
		{[]string{"anomalies", "--data", users, "--export-features", users},
			"retain: --export-features " + users + " would replace the --data file it reads\n"},
		// --export-features was only tried after every autoencoder had trained.
		{[]string{"anomalies", "--builtin-users", "200", "--export-features", filepath.Join(dir, "missing", "f.csv")},
			"retain: --export-features " + filepath.Join(dir, "missing", "f.csv") + ": directory " + filepath.Join(dir, "missing") + " does not exist\n"},
	}
	for _, tc := range cases {
		mustRefuse(t, tc.args, tc.want)
		for p, b := range before {
			if now, err := os.ReadFile(p); err != nil || string(now) != string(b) {
				t.Fatalf("%v: %s changed (err %v)", tc.args, p, err)
			}
		}
	}
}

// TestOutDash: "--out -" used to write a file named "-" in the working
// folder. predict, plan and export, whose output goes to stdout without
// --out, now take it as stdout; the other outputs refuse it.
func TestOutDash(t *testing.T) {
	users := usersCSV(t, 120)
	model := trainModel(t, users)
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"predict", "--model", model, "--data", users, "--out", "-"},
		{"plan", "--model", model, "--data", users, "-o", "-"},
		{"export", "--model", model, "--dialect", "sqlite", "--out", "-"},
	} {
		c := newCLI(t)
		want := newCLI(t)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		if code := want.run(context.Background(), args[:len(args)-2]...); code != exitOK {
			t.Fatalf("%v: exit %d", args[:len(args)-2], code)
		}
		if c.stdout.Len() == 0 || c.stdout.String() != want.stdout.String() {
			t.Errorf("%v: stdout %d bytes, not what it prints without --out (%d bytes)", args, c.stdout.Len(), want.stdout.Len())
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"train", "--data", users, "--out", "-"}, "retain: --out -: give a file name (stdout carries the results)\n"},
		{[]string{"eval", "--cv", "2", "--data", users, "--write-folds", "-"},
			"retain: --write-folds -: give a file name (stdout carries the results)\n"},
	} {
		mustRefuse(t, tc.args, tc.want)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error(`a file named "-" was written`)
	}
}
