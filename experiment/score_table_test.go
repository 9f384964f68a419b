package experiment

import (
	"math"
	"testing"
)

// untrained returns an experiment on the built-in data whose network keeps
// its seeded initial weights: scoring needs a network, not a good one.
func untrained(t *testing.T, users int) *Experiment {
	t.Helper()
	d, err := Load(Source{Kind: "builtin", Users: users, DataSeed: 3}, fileOpener)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(d, quickConfig(1))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestScoreAllMatchesRowByRowPredictions checks every probability against
// the network run on that row alone, over more rows than one chunk, and the
// labels, parts and ids against the table and the split.
func TestScoreAllMatchesRowByRowPredictions(t *testing.T) {
	e := untrained(t, scoreChunk+1500)
	s, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	tab := e.Data.Table
	if len(s.Probabilities) != tab.Rows || len(s.Parts) != tab.Rows || len(s.Labels) != tab.Rows {
		t.Fatalf("%d probabilities, %d parts, %d labels for %d rows", len(s.Probabilities), len(s.Parts), len(s.Labels), tab.Rows)
	}
	for r := 0; r < tab.Rows; r += 97 {
		in, err := e.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		// A batched forward pass sums in another order than a single
		// row's, so the two agree to rounding, not bit for bit.
		if want := e.Net.Predict(in)[0]; math.Abs(s.Probabilities[r]-want) > 1e-12 {
			t.Fatalf("row %d: ScoreAll %v, the network on the row alone %v", r, s.Probabilities[r], want)
		}
		if s.Labels[r] != tab.Label.Values[r] {
			t.Fatalf("row %d: label %v, table %v", r, s.Labels[r], tab.Label.Values[r])
		}
	}
	// The last row of the first chunk and the first of the second.
	for _, r := range []int{scoreChunk - 1, scoreChunk} {
		in, _ := e.Row(r)
		if want := e.Net.Predict(in)[0]; math.Abs(s.Probabilities[r]-want) > 1e-12 {
			t.Errorf("row %d at the chunk edge: ScoreAll %v, the network %v", r, s.Probabilities[r], want)
		}
	}
	counts := map[RowPart]int{}
	for _, p := range s.Parts {
		counts[p]++
	}
	if counts[RowValidation] != len(e.Split.Validation) || counts[RowTest] != len(e.Split.Test) ||
		counts[RowTrain] != len(e.Split.Train) {
		t.Errorf("parts %v; split has %d train, %d validation, %d test", counts, len(e.Split.Train),
			len(e.Split.Validation), len(e.Split.Test))
	}
	// Experiment.Scores, which the metrics use, agrees on the validation rows.
	probs, _, rows, err := e.Scores(ValPart)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if s.Parts[r] != RowValidation || math.Abs(s.Probabilities[r]-probs[i]) > 1e-12 {
			t.Fatalf("validation row %d: part %v, probability %v; Scores gives %v", r, s.Parts[r].Part(), s.Probabilities[r], probs[i])
		}
	}
	if got, want := s.ID(0), tab.Columns[tab.IDColumn].Strings[0]; got != want {
		t.Errorf("ID(0) = %q, want %q", got, want)
	}
	if got := (&TableScores{}).ID(41); got != "42" {
		t.Errorf("ID without an id column = %q, want the 1-based row 42", got)
	}
}

// TestScoreAllIsBitIdenticalToTheTUIsScoring checks ScoreAll against the
// loop the Users screen ran before it called ScoreAll (tui/analysis.go
// scoreAll: Pipeline.Transform of 32,768 rows at a time, then
// Network.PredictBatch), so the screen's figures do not move by a bit.
func TestScoreAllIsBitIdenticalToTheTUIsScoring(t *testing.T) {
	e := untrained(t, scoreChunk+1500)
	s, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	const chunk = 1 << 15
	tab := e.Data.Table
	for start := 0; start < tab.Rows; start += chunk {
		var rows []int
		for r := start; r < min(start+chunk, tab.Rows); r++ {
			rows = append(rows, r)
		}
		x, err := e.Pipeline.Transform(tab, rows)
		if err != nil {
			t.Fatal(err)
		}
		p, err := e.Net.PredictBatch(x)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if got, want := s.Probabilities[r], p.At(i, 0); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("row %d: ScoreAll %v, the TUI's loop %v", r, got, want)
			}
		}
	}
}
