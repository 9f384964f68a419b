package experiment

import (
	"cmp"
	"runtime"
	"slices"
	"sync"
)

// cellDrivers explains a sample of each cell's customers, the cells spread
// over the processors (an explanation is independent of the others, so the
// result does not depend on the schedule). drivers[k] belongs to cells[k].
func cellDrivers(in PlanInput, cells []Cell, sample int) ([][]Driver, error) {
	drivers := make([][]Driver, len(cells))
	errs := make([]error, len(cells))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(cells)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				drivers[k], errs[k] = in.Explainer.Drivers(in.Row, cells[k].Members, sample, in.Positive)
			}
		}()
	}
	for k := range cells {
		next <- k
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return drivers, nil
}

// overallDrivers estimates the drivers over all n customers from the
// cells' (a mean over the cells weighted by their sizes); largest mean
// size first.
func overallDrivers(cells []Cell, drivers [][]Driver, n int) []Driver {
	sums := map[string]*Driver{}
	var order []string
	for k, ds := range drivers {
		w := float64(cells[k].Customers) / float64(n)
		for _, d := range ds {
			s := sums[d.Column]
			if s == nil {
				s = &Driver{Column: d.Column}
				sums[d.Column] = s
				order = append(order, d.Column)
			}
			s.Mean += w * d.Mean
			s.MeanAbs += w * d.MeanAbs
		}
	}
	out := make([]Driver, 0, len(order))
	for _, name := range order {
		out = append(out, *sums[name])
	}
	slices.SortStableFunc(out, func(p, q Driver) int { return cmp.Compare(q.MeanAbs, p.MeanAbs) })
	return out
}
