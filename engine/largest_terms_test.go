package engine

import (
	"slices"
	"testing"
)

// LargestTerms shows the two largest |terms| in index order (−5 at 1 and
// 4 at 3; of the equal 2 and −2 neither) and adds the rest up:
// 1 + 2 − 2 = 1 (by hand); shown plus rest is the sum, 0. Of equal
// |terms| the first is picked; a short sum is shown whole.
func TestLargestTerms(t *testing.T) {
	terms := []float64{1, -5, 2, 4, -2}
	shown, rest := LargestTerms(terms, 2)
	if !slices.Equal(shown, []int{1, 3}) || rest != 1 {
		t.Errorf("shown %v, rest %v, want [1 3] and 1", shown, rest)
	}
	if shown, _ := LargestTerms([]float64{3, -3, 1}, 1); !slices.Equal(shown, []int{0}) {
		t.Errorf("ties: shown %v, want [0]", shown)
	}
	if shown, rest := LargestTerms(terms, 5); !slices.Equal(shown, []int{0, 1, 2, 3, 4}) || rest != 0 {
		t.Errorf("whole: shown %v, rest %v", shown, rest)
	}
}
