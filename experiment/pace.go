package experiment

import (
	"time"

	"github.com/retainlab/retain/engine"
)

// Paces are the training paces a viewer chooses from, fastest first: as
// fast as possible, one epoch per 0.5 s, one batch per 0.1 s. The slow ones
// let people watch the curves grow on data sets that train in a second.
func Paces() []engine.Pace {
	return []engine.Pace{
		{},
		{PerEpoch: 500 * time.Millisecond},
		{PerBatch: 100 * time.Millisecond},
	}
}

// PaceIndex returns p's place in Paces (0 for a pace not in the list, which
// counts as the fastest), for a view that labels the paces in its language.
func PaceIndex(p engine.Pace) int {
	for i, q := range Paces() {
		if q == p {
			return i
		}
	}
	return 0
}

// ShiftPace returns the pace n places faster than p in Paces (n < 0:
// slower), stopping at the fastest and the slowest: a "+" key calls it with
// 1, a "-" key with -1.
func ShiftPace(p engine.Pace, n int) engine.Pace {
	paces := Paces()
	return paces[min(max(PaceIndex(p)-n, 0), len(paces)-1)]
}
