package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalWriteFoldsThenFoldsGivesTheSameFolds: the folds --write-folds
// writes, read back with --folds, give the same figures, and the header
// says where the folds came from.
func TestEvalWriteFoldsThenFoldsGivesTheSameFolds(t *testing.T) {
	users := usersCSV(t, 150)
	folds := filepath.Join(t.TempDir(), "folds.txt")
	c := newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "3", "--data", users, "--epochs", "3", "--layers", "4",
		"--write-folds", folds); code != exitOK {
		t.Fatalf("--write-folds: exit %d, stderr %q", code, c.stderr.String())
	}
	written, err := os.ReadFile(folds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(written), "\n"), "\n")
	if len(lines) != 151 || lines[0] != "fold" {
		t.Fatalf("folds file: %d lines starting %q, want the header and 150 rows", len(lines), lines[0])
	}
	count := map[string]int{}
	for _, l := range lines[1:] {
		count[l]++
	}
	if len(count) != 3 || count["0"] != 50 || count["1"] != 50 || count["2"] != 50 {
		t.Errorf("fold sizes %v, want 50 rows in each of 0, 1, 2", count)
	}
	r := newCLI(t)
	if code := r.run(context.Background(), "eval", "--folds", folds, "--data", users, "--epochs", "3", "--layers", "4"); code != exitOK {
		t.Fatalf("--folds: exit %d, stderr %q", code, r.stderr.String())
	}
	dealt, given := strings.SplitN(c.stdout.String(), "\n", 2), strings.SplitN(r.stdout.String(), "\n", 2)
	if dealt[1] != given[1] {
		t.Errorf("figures differ:\ndealt:\n%s\ngiven:\n%s", dealt[1], given[1])
	}
	if want := "3-fold cross-validation on " + users + " (folds from " + folds + ", seed 1, "; !strings.HasPrefix(given[0], want) {
		t.Errorf("header %q, want it to start %q", given[0], want)
	}
}

// TestEvalFoldsFromStandardInput: --folds - reads the fold file from
// standard input, with the same figures as from the file; a malformed
// fold on stdin is reported as <stdin>:line:col, and --data - with
// --folds - is refused, standard input being read once.
func TestEvalFoldsFromStandardInput(t *testing.T) {
	users := usersCSV(t, 150)
	folds := filepath.Join(t.TempDir(), "folds.txt")
	args := []string{"eval", "--data", users, "--epochs", "3", "--layers", "4"}
	c := newCLI(t)
	if code := c.run(context.Background(), append(args, "--cv", "3", "--write-folds", folds)...); code != exitOK {
		t.Fatalf("--write-folds: exit %d, stderr %q", code, c.stderr.String())
	}
	raw, err := os.ReadFile(folds)
	if err != nil {
		t.Fatal(err)
	}
	r := newCLI(t)
	r.app.stdin = bytes.NewReader(raw)
	if code := r.run(context.Background(), append(args, "--folds", "-")...); code != exitOK {
		t.Fatalf("--folds -: exit %d, stderr %q", code, r.stderr.String())
	}
	dealt, given := strings.SplitN(c.stdout.String(), "\n", 2), strings.SplitN(r.stdout.String(), "\n", 2)
	if dealt[1] != given[1] || !strings.Contains(given[0], "(folds from <stdin>, seed 1, ") {
		t.Errorf("--folds - gave\n%s\nwant the figures of\n%s", r.stdout.String(), c.stdout.String())
	}
	bad := newCLI(t)
	bad.app.stdin = strings.NewReader("fold\n0\n1\nyes\n")
	if code := bad.run(context.Background(), append(args, "--folds", "-")...); code != exitUsage ||
		!strings.HasSuffix(bad.stderr.String(), "\nretain: <stdin>:4:1: \"yes\" is not a fold number (an integer)\n") {
		t.Errorf("a bad fold on stdin: exit %d, stderr %q", code, bad.stderr.String())
	}
	both := newCLI(t)
	both.app.stdin = bytes.NewReader(raw)
	if code := both.run(context.Background(), "eval", "--data", "-", "--folds", "-", "--epochs", "3"); code != exitUsage ||
		both.stderr.String() != "retain: --folds - and the data both read standard input, which can be read only once: give one of them as a file\n" {
		t.Errorf("--data - --folds -: exit %d, stderr %q", code, both.stderr.String())
	}
}

func TestEvalFoldsRefusesBadFoldFiles(t *testing.T) {
	users := usersCSV(t, 40)
	three := writeFile(t, "three.txt", "fold\n"+strings.Repeat("0\n1\n2\n3\n", 10))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--cv", "3", "--folds", three}, "retain: --cv 3, but " + three + " has 4 folds\n"},
		{[]string{"--folds", writeFile(t, "bad.txt", "fold\n0\n1\nyes\n")}, `bad.txt:4:1: "yes" is not a fold number (an integer)` + "\n"},
		{[]string{"--folds", writeFile(t, "short.txt", "0\n1\n")}, "short.txt: 2 fold numbers for 40 data rows: want one per row, in the data's order\n"},
		{[]string{"--folds", three, "--write-folds", three}, "retain: --write-folds " + three + " would replace the --folds file it reads\n"},
		{[]string{"--folds", filepath.Join(t.TempDir(), "none.txt")}, "none.txt: no such file or directory\n"},
	} {
		cli := newCLI(t)
		args := append([]string{"eval", "--data", users, "--epochs", "2", "--layers", "2"}, c.args...)
		if code := cli.run(context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", c.args, code, cli.stderr.String())
		}
		if got := cli.stderr.String(); !strings.HasSuffix(got, c.want) {
			t.Errorf("%v: stderr %q, want it to end with %q", c.args, got, c.want)
		}
	}
	cli := newCLI(t)
	if code := cli.run(context.Background(), "eval", "--model", "m.json", "--data", users, "--folds", three); code != exitUsage {
		t.Errorf("--model with --folds: exit %d, want 2", code)
	}
}
