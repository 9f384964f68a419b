package data

import "math"

// The rule that tells whether a log's first cohort looks like customers
// who were already buying before the log began (see FirstCohortCheck).
const (
	// FirstCohortRatio is the least ratio of the first cohort's returns to
	// the later cohorts' at the same ages that flags it.
	FirstCohortRatio = 1.25
	// FirstCohortZ is the least excess of the first cohort's returns over
	// the expected, in standard deviations (√expected), that flags it, so
	// that a few customers more in a small log do not.
	FirstCohortZ = 3
)

// FirstCohortCheck compares a log's first cohort with the later ones.
// The first cohort holds every customer whose first order in the log is in
// the log's first period: when the log starts in the middle of a shop's
// history, they include the customers already buying then, who are not
// new and come back more often than a real acquisition cohort. For each
// period since acquisition k ≥ 1 that the first cohort and at least one
// later cohort have fully observed, Expected adds what the first cohort's
// active customers would be at the later cohorts' customer-weighted share
// of period k; Observed adds what they are. LooksExisting is Ratio
// (Observed / Expected) of at least FirstCohortRatio with Observed −
// Expected at least FirstCohortZ × √Expected.
type FirstCohortCheck struct {
	// Label and Size are the first cohort's.
	Label string `json:"label"`
	Size  int    `json:"size"`
	// Periods is the number of periods compared (0: none, so no ratio).
	Periods  int     `json:"periods"`
	Observed int     `json:"observed"`
	Expected float64 `json:"expected"`
	Ratio    float64 `json:"ratio"`
	// LooksExisting says the first cohort comes back markedly more than
	// the later cohorts at the same ages: it looks like it holds customers
	// who bought before the log began.
	LooksExisting bool `json:"looks_existing"`
}

// checkFirstCohort fills r.FirstCohort and r.AverageWithoutFirst from the
// finished cells.
func (r *Retention) checkFirstCohort() {
	if len(r.Cohorts) == 0 {
		return
	}
	first := r.Cohorts[0]
	chk := FirstCohortCheck{Label: first.Label, Size: first.Size}
	r.AverageWithoutFirst = averageOf(r.Cohorts[1:])
	for k := 1; k < len(first.Cells) && k < len(r.AverageWithoutFirst); k++ {
		later := r.AverageWithoutFirst[k]
		if first.Cells[k].Partial || later.Base == 0 {
			continue
		}
		chk.Periods++
		chk.Observed += first.Cells[k].Customers
		chk.Expected += float64(first.Size) * later.Share
	}
	if chk.Expected > 0 {
		chk.Ratio = float64(chk.Observed) / chk.Expected
		excess := float64(chk.Observed) - chk.Expected
		chk.LooksExisting = chk.Ratio >= FirstCohortRatio && excess >= FirstCohortZ*math.Sqrt(chk.Expected)
	}
	r.FirstCohort = chk
}

// averageOf is the customer-weighted average curve of cohorts: per period
// since acquisition, the active customers of the cohorts that fully
// observed it over the sum of their sizes; periods no cohort fully
// observed are trimmed from the end.
func averageOf(cohorts []RetentionCohort) []RetentionPoint {
	n := 0
	for _, c := range cohorts {
		n = max(n, len(c.Cells))
	}
	avg := make([]RetentionPoint, n)
	for k := range avg {
		avg[k].Period = k
	}
	for _, c := range cohorts {
		for k, cell := range c.Cells {
			if cell.Partial {
				continue
			}
			pt := &avg[k]
			pt.Active += cell.Customers
			pt.Base += c.Size
			pt.Cohorts++
		}
	}
	for k := range avg {
		if pt := &avg[k]; pt.Base > 0 {
			pt.Share = float64(pt.Active) / float64(pt.Base)
		}
	}
	for len(avg) > 0 && avg[len(avg)-1].Base == 0 {
		avg = avg[:len(avg)-1]
	}
	return avg
}

// FirstDominates is the first period since acquisition k ≥ 1 from which
// on the first cohort holds more than half of the customers the average
// is over (its Base), and whether there is one: from there the average
// curve is mostly the first cohort's own row. Meaningful only with at
// least two cohorts.
func (r *Retention) FirstDominates() (int, bool) {
	if len(r.Cohorts) < 2 {
		return 0, false
	}
	first := r.Cohorts[0]
	for k := 1; k < len(r.Average); k++ {
		if k < len(first.Cells) && !first.Cells[k].Partial && 2*first.Size > r.Average[k].Base {
			return k, true
		}
	}
	return 0, false
}
