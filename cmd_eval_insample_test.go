package main

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestEvalWarnsOnTheTrainingRows: eval --model M --data F warns that its
// figures are in-sample when F holds exactly the rows M was trained on,
// in the file's order or another, and not when one cell differs, nor for
// a model file written before the fingerprint.
func TestEvalWarnsOnTheTrainingRows(t *testing.T) {
	users := handMadeUsers()
	train := writeFile(t, "users.csv", users)
	model := trainSmallModel(t, train)

	lines := strings.Split(strings.TrimSuffix(users, "\n"), "\n")
	body := slices.Clone(lines[1:])
	slices.Reverse(body)
	reordered := writeFile(t, "reordered.csv", lines[0]+"\n"+strings.Join(body, "\n")+"\n")
	oneCell := writeFile(t, "onecell.csv", strings.Replace(users, "u05,25,", "u05,26,", 1))
	if !strings.Contains(users, "u05,25,") {
		t.Fatal("the hand-made users changed: no row u05,25,")
	}

	raw, err := os.ReadFile(model)
	if err != nil {
		t.Fatal(err)
	}
	field := regexp.MustCompile(`(?s),\s*"training_rows_fingerprint": \{[^}]*\}`)
	if !field.Match(raw) {
		t.Fatalf("the model file holds no training rows fingerprint:\n%s", raw)
	}
	older := writeFile(t, "older.json", string(field.ReplaceAll(raw, nil)))

	for _, tc := range []struct {
		model, data string
		warn        bool
	}{
		{model, train, true},
		{model, reordered, true},
		{model, oneCell, false},
		{older, train, false},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "eval", "--model", tc.model, "--data", tc.data); code != exitOK {
			t.Fatalf("eval %s on %s: exit %d, stderr %q", tc.model, tc.data, code, c.stderr.String())
		}
		stderr := c.stderr.String()
		want := "warning: " + tc.data + " holds exactly the 60 rows " + tc.model + " was trained on (in any order, validation rows included): " +
			"the figures are in-sample, better than on customers it has not seen; give it rows it has not seen, " +
			"or measure the configuration on held-out folds with eval --cv 5 --data " + tc.data + "\n"
		if got := strings.Contains(stderr, want); got != tc.warn {
			t.Errorf("eval %s on %s: warned %v, want %v; stderr:\n%s", tc.model, tc.data, got, tc.warn, stderr)
		}
		if !tc.warn && strings.Contains(stderr, "in-sample") {
			t.Errorf("eval %s on %s: an in-sample warning:\n%s", tc.model, tc.data, stderr)
		}
	}
}

// TestEvalWarnsOnTheTrainingRowsFromStdin: eval --data - warns as eval
// --data F does when standard input holds the training rows (it said
// nothing: stdin cannot be read twice, so the check was skipped), with the
// same figures as from the file, and not when one cell differs.
func TestEvalWarnsOnTheTrainingRowsFromStdin(t *testing.T) {
	users := handMadeUsers()
	train := writeFile(t, "users.csv", users)
	model := trainSmallModel(t, train)
	fromFile := newCLI(t)
	if code := fromFile.run(context.Background(), "eval", "--model", model, "--data", train, "--json"); code != exitOK {
		t.Fatalf("eval on the file: exit %d, stderr %q", code, fromFile.stderr.String())
	}
	for _, tc := range []struct {
		input string
		warn  bool
	}{
		{users, true},
		{strings.Replace(users, "u05,25,", "u05,26,", 1), false},
	} {
		c := newCLI(t)
		c.app.stdin = strings.NewReader(tc.input)
		if code := c.run(context.Background(), "eval", "--model", model, "--data", "-", "--json"); code != exitOK {
			t.Fatalf("eval on stdin: exit %d, stderr %q", code, c.stderr.String())
		}
		stderr := c.stderr.String()
		want := "warning: <stdin> holds exactly the 60 rows " + model + " was trained on (in any order, validation rows included): " +
			"the figures are in-sample, better than on customers it has not seen; give it rows it has not seen, " +
			"or measure the configuration on held-out folds with eval --cv 5 --data -\n"
		if got := strings.Contains(stderr, want); got != tc.warn {
			t.Errorf("eval on stdin (one cell changed: %v): warned %v, want %v; stderr:\n%s", !tc.warn, got, tc.warn, stderr)
		}
		if tc.warn {
			file := strings.Replace(fromFile.stdout.String(), `"data": "`+train+`"`, `"data": "\u003cstdin\u003e"`, 1) // encoding/json escapes < and >
			if got := c.stdout.String(); got != file {
				t.Errorf("eval on stdin printed\n%s\nwant the file's\n%s", got, file)
			}
		}
	}
}
