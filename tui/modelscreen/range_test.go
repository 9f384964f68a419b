package modelscreen

import (
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestNumbersOutOfRangeAreNotCalledNotANumber: 1e309 was refused as "not
// a number".
func TestNumbersOutOfRangeAreNotCalledNotANumber(t *testing.T) {
	cases := []struct{ lang, text, want string }{
		{"en", "1e309", "out of range: too large (beyond about 1.8e308)"},
		{"en", "-1e309", "out of range: too large (beyond about 1.8e308)"},
		{"en", "abc", "not a number"},
		{"en", "inf", "not a number"},
		{"zh", "1e309", "超出范围：太大（超过约 1.8e308）"},
	}
	for _, c := range cases {
		_, err := parseFloat(common.New(c.lang), c.text)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s %q: %v, want %q", c.lang, c.text, err, c.want)
		}
	}
}
