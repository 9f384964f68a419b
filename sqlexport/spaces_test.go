package sqlexport

import (
	"slices"
	"testing"
	"unicode"
)

// TestSpacesAreIsSpace: spaces, read from unicode.White_Space's ranges,
// are exactly the code points unicode.IsSpace accepts (which bytes.TrimSpace
// and so retain's loader trim), in order: checked over every code point.
func TestSpacesAreIsSpace(t *testing.T) {
	var want []rune
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			want = append(want, r)
		}
	}
	if !slices.Equal(spaces, want) {
		t.Errorf("spaces %U, want %U", spaces, want)
	}
}
