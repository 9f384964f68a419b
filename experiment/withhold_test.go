package experiment

import (
	"errors"
	"fmt"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// TestWithholdCells: with a key, a ScoreError leaves its row's id out and
// a ParseError that can withhold its cell (wrapped or not) says its
// Withheld text; a ParseError without one keeps its message; without a
// key nothing changes.
func TestWithholdCells(t *testing.T) {
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	score := func() error {
		return &ScoreError{Model: "m.json", Data: "u.csv", Row: 7, ID: "alice@example.com", What: "a probability", Value: 0}
	}
	parse := func() error {
		return fmt.Errorf("preparing u.csv: %w", &data.ParseError{File: "u.csv", Line: 3, Column: 2,
			Msg: `the cell "al\xefce" is bad`, Withheld: "the cell is bad (its value withheld)", Err: data.ErrNotText})
	}
	number := func() error {
		return &data.ParseError{File: "u.csv", Line: 3, Column: 4, Msg: `column "spend": expected a finite number, got "abc"`}
	}
	for _, tc := range []struct {
		err         func() error
		plain, priv string
	}{
		{score, "model file m.json gives row 7 (id alice@example.com) of u.csv a probability of 0: its numbers are too extreme to score with",
			"model file m.json gives row 7 (its id withheld) of u.csv a probability of 0: its numbers are too extreme to score with"},
		{parse, `preparing u.csv: u.csv:3:2: the cell "al\xefce" is bad`, "preparing u.csv: u.csv:3:2: the cell is bad (its value withheld)"},
		{number, `u.csv:3:4: column "spend": expected a finite number, got "abc"`, `u.csv:3:4: column "spend": expected a finite number, got "abc"`},
	} {
		if got := WithholdCells(nil, tc.err()).Error(); got != tc.plain {
			t.Errorf("without a key: %s\nwant %s", got, tc.plain)
		}
		got := WithholdCells(key, tc.err())
		if got.Error() != tc.priv {
			t.Errorf("with a key: %s\nwant %s", got, tc.priv)
		}
		if errors.Is(tc.err(), data.ErrNotText) != errors.Is(got, data.ErrNotText) {
			t.Errorf("%s: the cause changed", got)
		}
	}
	if WithholdCells(key, nil) != nil {
		t.Error("nil is not nil")
	}
}
