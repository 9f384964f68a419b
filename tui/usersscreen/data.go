package usersscreen

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// usersData is every user of the analysed run, scored, with the orders
// the Users table shows precomputed once (in usersCmd), so sorting a
// million rows never happens in Update. It is never changed after the Cmd
// returns it, so screens share it by pointer.
type usersData struct {
	run int
	exp *experiment.Experiment // nil in synthetic tests
	// explainer is built once: building one averages every training row.
	explainer *experiment.Explainer
	ids       []string // the ID column; nil: 1-based row numbers
	prob      []float64
	label     []float64
	part      []uint8
	threshold float64
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
	probs, err := scoreAll(e)
	if err != nil {
		return nil, err
	}
	t := e.Data.Table
	var ids []string
	if t.IDColumn >= 0 {
		ids = t.Columns[t.IDColumn].Strings
	}
	u = newUsersData(run.Number, ids, probs, t.Label.Values, partOfRows(e), e.Config.Threshold, common.NewRiskWording(e.Pipeline.Label))
	u.exp, u.explainer = e, e.Explainer()
	u.typical = typicalValues(e)
	return u, nil
}

// newUsersData builds the sorted orders of scored users.
func newUsersData(run int, ids []string, prob, label []float64, part []uint8, threshold float64, risk common.RiskWording) *usersData {
	if threshold <= 0 || threshold >= 1 {
		threshold = 0.5
	}
	n := len(prob)
	u := &usersData{run: run, ids: ids, prob: prob, label: label, part: part, threshold: threshold, risk: risk}
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
func (u *usersData) rows() int { return len(u.prob) }

// id returns row r's identifier.
func (u *usersData) id(r int) string {
	if u.ids != nil {
		return u.ids[r]
	}
	return strconv.Itoa(r + 1)
}

// predicted reports whether row r is predicted positive.
func (u *usersData) predicted(r int) bool { return u.prob[r] >= u.threshold }

// correct reports whether row r's prediction matches its label.
func (u *usersData) correct(r int) bool { return u.predicted(r) == (u.label[r] == 1) }

// riskBand is a user's band by the probability of the risk class.
type riskBand int

const (
	bandAll riskBand = iota // the filter value meaning every band
	bandHigh
	bandMedium
	bandLow
)

var bandNames = [...]string{"all", "high", "medium", "low"}

// band returns row r's risk band: high from 2/3, low below 1/3.
func (u *usersData) band(r int) riskBand {
	p := u.risk.RiskProb(u.prob[r])
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
