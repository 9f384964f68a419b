package usersscreen

import (
	"cmp"
	"math"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// usersData is every user of the analysed run, scored by
// experiment.ScoreAll, with the orders the Users table shows precomputed
// once (in usersCmd), so sorting a million rows never happens in Update.
// It is never changed after the Cmd returns it, so screens share it by
// pointer.
type usersData struct {
	run int
	exp *experiment.Experiment // nil in synthetic tests
	// explainer is built once: building one averages every training row.
	explainer *experiment.Explainer
	scores    *experiment.TableScores
	risk      common.RiskWording

	byProbDesc, byProbAsc, byRow []int32
	// typical is each pipeline column's training median (numeric) or most
	// common value (categorical, boolean), in original units.
	typical []string
}

// ReadyMsg carries the scored users of a run.
type ReadyMsg struct {
	run   int
	users *usersData
	err   error
}

// usersCmd scores every row of run's table and sorts them.
func usersCmd(run common.Run) tea.Cmd {
	return func() tea.Msg {
		u, err := scoreUsers(run)
		return ReadyMsg{run: run.Number, users: u, err: err}
	}
}

func scoreUsers(run common.Run) (u *usersData, err error) {
	defer common.Recovered(&err)
	e := run.Exp
	scores, err := e.ScoreAll()
	if err != nil {
		return nil, err
	}
	u = newUsersData(run.Number, scores, common.NewRiskWording(e.Pipeline.Label))
	u.exp, u.explainer = e, e.Explainer()
	u.typical = typicalValues(e)
	return u, nil
}

// newUsersData builds the sorted orders of scored users.
func newUsersData(run int, scores *experiment.TableScores, risk common.RiskWording) *usersData {
	prob := scores.Probabilities
	n := len(prob)
	u := &usersData{run: run, scores: scores, risk: risk}
	u.byRow = make([]int32, n)
	for i := range u.byRow {
		u.byRow[i] = int32(i)
	}
	u.byProbDesc = slices.Clone(u.byRow)
	// Ties keep row order, so the table is the same on every run.
	slices.SortFunc(u.byProbDesc, func(a, b int32) int {
		if c := cmp.Compare(prob[b], prob[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	u.byProbAsc = make([]int32, n)
	for i, r := range u.byProbDesc {
		u.byProbAsc[n-1-i] = r
	}
	return u
}

// rows is the number of users.
func (u *usersData) rows() int { return len(u.scores.Probabilities) }

// id returns row r's identifier.
func (u *usersData) id(r int) string { return u.scores.ID(r) }

// prob returns row r's probability of the positive class.
func (u *usersData) prob(r int) float64 { return u.scores.Probabilities[r] }

// positive reports whether row r's label is the positive class.
func (u *usersData) positive(r int) bool { return u.scores.Labels[r] == 1 }

// part returns the part of the split row r is in.
func (u *usersData) part(r int) experiment.RowPart { return u.scores.Parts[r] }

// predicted reports whether row r is predicted positive at threshold.
func (u *usersData) predicted(r int, threshold float64) bool { return u.prob(r) >= threshold }

// correct reports whether row r's prediction at threshold matches its label.
func (u *usersData) correct(r int, threshold float64) bool {
	return u.predicted(r, threshold) == u.positive(r)
}

// riskBand is a user's band by the probability of the risk class.
type riskBand int

const (
	bandAll riskBand = iota // the filter value meaning every band
	bandHigh
	bandMedium
	bandLow
	bandCount // the number of band filters
)

// band returns row r's risk band: high from 2/3, low below 1/3.
func (u *usersData) band(r int) riskBand {
	p := u.risk.RiskProb(u.prob(r))
	switch {
	case p >= 2.0/3:
		return bandHigh
	case p >= 1.0/3:
		return bandMedium
	}
	return bandLow
}

// typicalValues returns each pipeline column's median or mode over the
// training rows, in original units.
func typicalValues(e *experiment.Experiment) []string {
	t := e.Data.Table
	out := make([]string, len(e.Pipeline.Columns))
	for i, pc := range e.Pipeline.Columns {
		c := t.Column(pc.Name)
		if c == nil {
			continue
		}
		switch c.Kind {
		case data.Numeric:
			vals := make([]float64, 0, len(e.TrainRows))
			for _, r := range e.TrainRows {
				if v := c.Values[r]; !math.IsNaN(v) {
					vals = append(vals, v)
				}
			}
			out[i] = "–"
			if len(vals) > 0 {
				slices.Sort(vals)
				m := vals[len(vals)/2]
				if len(vals)%2 == 0 {
					m = (vals[len(vals)/2-1] + m) / 2
				}
				out[i] = common.Number(m)
			}
		case data.Boolean:
			ones := 0
			for _, r := range e.TrainRows {
				if c.Values[r] == 1 {
					ones++
				}
			}
			out[i] = c.Levels[0]
			if 2*ones > len(e.TrainRows) && len(c.Levels) > 1 {
				out[i] = c.Levels[1]
			}
		default:
			out[i] = modeOf(c.Strings, e.TrainRows)
		}
	}
	return out
}

// modeOf returns the most common non-empty string among rows (the first
// in sort order on a tie).
func modeOf(values []string, rows []int) string {
	counts := map[string]int{}
	for _, r := range rows {
		if r < len(values) && values[r] != "" {
			counts[values[r]]++
		}
	}
	best, bestN := "–", 0
	for v, n := range counts {
		if n > bestN || (n == bestN && v < best) {
			best, bestN = v, n
		}
	}
	return best
}
