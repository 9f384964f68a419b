package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestPredictNotesMarkedNumbers: predict read "$12.5" as 12.5 without the
// note train prints for the same cells; it now says so, one note per
// column, and scores the rows as it scores the plain file.
func TestPredictNotesMarkedNumbers(t *testing.T) {
	plain := usersCSV(t, 200)
	text, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	column := strings.Split(lines[0], ",")[2]
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		f[2] = fmt.Sprintf("$%g", v)
		lines[i] = strings.Join(f, ",")
	}
	marked := writeFile(t, "marked.csv", strings.Join(lines, "\n")+"\n")
	model := trainModel(t, plain)
	run := func(path string) *cli {
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "-m", model, "--data", path); code != exitOK {
			t.Fatalf("predict %s: exit %d, stderr %q", path, code, c.stderr.String())
		}
		return c
	}
	a, b := run(plain), run(marked)
	want := fmt.Sprintf("note: %s: column %q: numbers read without their currency sign \"$\"\n", marked, column)
	if !strings.Contains(b.stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", b.stderr.String(), want)
	}
	if strings.Contains(a.stderr.String(), "numbers read without") {
		t.Errorf("the plain file has a marks note: %q", a.stderr.String())
	}
	if a.stdout.String() != b.stdout.String() {
		t.Errorf("the marked file scores otherwise:\n%s\nwant\n%s", b.stdout.String(), a.stdout.String())
	}
}
