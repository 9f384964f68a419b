package anomaly

import (
	"math"

	"github.com/retainlab/retain/data"
)

// constantColumn reports a column whose every row holds the same cell: one
// number (or level) everywhere, or a blank everywhere. A column of one
// value with some blanks is not constant: its was-missing input differs.
// An order log's features are built without inference, so a log where
// every customer bought once gives frequency 1 for all of them.
func constantColumn(c *data.Column) bool {
	if c.Values == nil && len(c.Strings) == 0 {
		return false
	}
	if c.Values != nil {
		first := c.Values[0]
		for _, v := range c.Values[1:] {
			if v != first && !(math.IsNaN(v) && math.IsNaN(first)) {
				return false
			}
		}
		return true
	}
	for _, s := range c.Strings[1:] {
		if s != c.Strings[0] {
			return false
		}
	}
	return true
}
