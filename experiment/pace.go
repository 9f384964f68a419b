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

// ShiftPace returns the pace n places slower than p in Paces (n < 0:
// faster), stopping at the fastest and the slowest. A pace that is not in
// Paces counts as the fastest.
func ShiftPace(p engine.Pace, n int) engine.Pace {
	paces := Paces()
	i := 0
	for j, q := range paces {
		if q == p {
			i = j
		}
	}
	return paces[min(max(i+n, 0), len(paces)-1)]
}
