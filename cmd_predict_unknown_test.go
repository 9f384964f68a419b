package main

import (
	"context"
	"strings"
	"testing"
)

// A numeric cell written as a missing word ("Unknown", "未知", …) scores as
// a blank cell does, whatever file the model was trained on (here one
// without such words), in a comma and in a semicolon file.
func TestPredictReadsUnknownInANumericColumnAsMissing(t *testing.T) {
	model := trainModel(t, usersCSV(t, 200))
	// Rows a..d: spend is a missing word (three spellings, one padded);
	// rows e..h: the same rows with spend blank; row i: a number, the
	// control. Each pair must score alike.
	words := []string{"Unknown", " unknown ", "未知", "N.A."}
	for _, sep := range []string{",", ";"} {
		var b strings.Builder
		b.WriteString(strings.ReplaceAll("user_id,visits,spend,plan\n", ",", sep))
		for i, w := range words {
			row := []string{string(rune('a' + i)), "3", w, "basic"}
			b.WriteString(strings.Join(row, sep) + "\n")
		}
		for i := range words {
			row := []string{string(rune('e' + i)), "3", "", "basic"}
			b.WriteString(strings.Join(row, sep) + "\n")
		}
		b.WriteString(strings.Join([]string{"i", "3", "12", "basic"}, sep) + "\n")
		path := writeFile(t, "score.csv", b.String())
		c := newCLI(t)
		if code := c.run(context.Background(), "predict", "--model", model, "--data", path); code != exitOK {
			t.Fatalf("%q: exit %d, stderr %q", sep, code, c.stderr.String())
		}
		lines := strings.Split(strings.TrimSpace(c.stdout.String()), "\n")
		if len(lines) != 10 {
			t.Fatalf("%q: %d lines:\n%s", sep, len(lines), c.stdout.String())
		}
		prob := func(line string) string { return line[strings.Index(line, ",")+1:] }
		for i := range words {
			if got, want := prob(lines[1+i]), prob(lines[5+i]); got != want {
				t.Errorf("%q: spend %q scores %s, a blank spend %s", sep, words[i], got, want)
			}
		}
		if prob(lines[9]) == prob(lines[5]) {
			t.Errorf("%q: spend 12 scores as a blank (%s): the control does not tell them apart", sep, prob(lines[9]))
		}
	}
}
