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
// Withheld text; a ParseError without one quotes no value either: a cell
// that is not a number says its column and kind of problem, an error
// without facts (whose message may quote anything) keeps only its cause
// (review36 #3); an error whose facts quote no value keeps its message;
// without a key nothing changes.
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
		return &data.ParseError{File: "u.csv", Line: 3, Column: 4, Msg: `column "spend": expected a finite number, got "john@example.com"`,
			Err: data.ErrNotNumeric, Facts: data.NotANumber{Column: "spend", Cell: "john@example.com"}}
	}
	bare := func() error {
		return &data.ParseError{File: "u.csv", Line: 3, Column: 4, Msg: `label "churn": expected "yes" or "no", got "7590-VHVEG"`, Err: data.ErrLabelNotBinary}
	}
	ragged := func() error {
		return &data.ParseError{File: "u.csv", Line: 3, Column: 4, Msg: "row has 3 fields, header has 4", Err: data.ErrRagged, Facts: data.FieldCount{Got: 3, Want: 4}}
	}
	for _, tc := range []struct {
		err         func() error
		plain, priv string
	}{
		{score, "model file m.json gives row 7 (id alice@example.com) of u.csv a probability of 0: its numbers are too extreme to score with",
			"model file m.json gives row 7 (its id withheld) of u.csv a probability of 0: its numbers are too extreme to score with"},
		{parse, `preparing u.csv: u.csv:3:2: the cell "al\xefce" is bad`, "preparing u.csv: u.csv:3:2: the cell is bad (its value withheld)"},
		{number, `u.csv:3:4: column "spend": expected a finite number, got "john@example.com"`,
			`u.csv:3:4: column "spend": expected a finite number (the column's first rows are numeric), got a cell that is not one (its value withheld, as it may name someone); correct such cells (missing values may be left blank) or leave the column out`},
		{bare, `u.csv:3:4: label "churn": expected "yes" or "no", got "7590-VHVEG"`,
			"u.csv:3:4: label is not binary (the detail is withheld, as it may quote a value that names someone)"},
		{ragged, "u.csv:3:4: row has 3 fields, header has 4", "u.csv:3:4: row has 3 fields, header has 4"},
	} {
		if got := WithholdCells(nil, tc.err()).Error(); got != tc.plain {
			t.Errorf("without a key: %s\nwant %s", got, tc.plain)
		}
		got := WithholdCells(key, tc.err())
		if got.Error() != tc.priv {
			t.Errorf("with a key: %s\nwant %s", got, tc.priv)
		}
		if errors.Is(tc.err(), data.ErrNotText) != errors.Is(got, data.ErrNotText) || errors.Is(tc.err(), data.ErrNotNumeric) != errors.Is(got, data.ErrNotNumeric) {
			t.Errorf("%s: the cause changed", got)
		}
	}
	if WithholdCells(key, nil) != nil {
		t.Error("nil is not nil")
	}
}
