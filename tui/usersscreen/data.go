package usersscreen

import (
	"cmp"
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
	label     data.LabelSpec

	// current is the order log's current customers these users are
	// (Model.showToday); nil for the run's own labelled rows.
	current *experiment.Current
	// extrapolating lists, for the current customers, the columns beyond
	// whose kept range many of them lie (experiment.Experiment.
	// Extrapolations, worked out with the scores); nil otherwise.
	extrapolating []data.Extrapolation
	// measured is the cohort an out-of-time run is measured on, which
	// these users are (experiment.Experiment.Evaluated); nil otherwise.
	measured *data.CohortReport

	byProbDesc, byProbAsc, byRow []int32
	// rowRank is each row's position in byRow when that is not file order
	// (orderByID), nil otherwise.
	rowRank []int32
	// byProbAscFirst is lowest probability first with ties in row order:
	// the ranking of a target on the negative class (experiment.CutBands).
	byProbAscFirst []int32
	// rankDesc and rankAscFirst are each row's position in byProbDesc and
	// byProbAscFirst, so a row is found in a filtered order by binary search.
	rankDesc, rankAscFirst []int32
	// years names the feature columns of years (data.Column.YearLike),
	// whose values are shown without thousands separators.
	years map[string]bool
}

// ReadyMsg carries the scored users of a run, or with today set the
// run's order log's current customers (todayCmd).
type ReadyMsg struct {
	run   int
	users *usersData
	err   error
	today bool
}

// usersCmd scores every customer the run's figures are measured on
// (experiment.Experiment.Evaluated: the cohort at the cutoff when
// validated out of time, else every row of its table) and sorts them.
// With byID (ids pseudonymised) the users are never in file order, which
// gives the ids back when the file is sorted by them (orderByID).
func usersCmd(run common.Run, byID bool) tea.Cmd {
	return func() tea.Msg {
		u, err := scoreUsers(run, byID)
		return ReadyMsg{run: run.Number, users: u, err: err}
	}
}

func scoreUsers(run common.Run, byID bool) (u *usersData, err error) {
	defer common.Recovered(&err)
	e := run.Exp.Evaluated()
	scores, err := e.ScoreAll()
	if err != nil {
		return nil, err
	}
	u = newUsersData(run.Number, scores, e.Pipeline.Label)
	if byID {
		u.orderByID()
	}
	u.exp, u.explainer = e, e.Explainer()
	u.years = yearColumns(e)
	if e.Scheme() == experiment.OutOfTime {
		u.measured = e.Data.Cohort
	}
	return u, nil
}

// newUsersData builds the sorted orders of scored users.
func newUsersData(run int, scores *experiment.TableScores, label data.LabelSpec) *usersData {
	n := len(scores.Probabilities)
	u := &usersData{run: run, scores: scores, label: label}
	u.byRow = make([]int32, n)
	for i := range u.byRow {
		u.byRow[i] = int32(i)
	}
	u.sortByProb()
	return u
}

// orderByID puts byRow in the order of the ids (the pseudonyms) instead of
// file order, and ties of the probability orders with it: with pseudonyms
// on, file positions shown or kept next to ids give the ids back whenever
// the file is sorted by id.
func (u *usersData) orderByID() {
	slices.SortStableFunc(u.byRow, func(a, b int32) int { return cmp.Compare(u.id(int(a)), u.id(int(b))) })
	u.rowRank = make([]int32, len(u.byRow))
	for i, r := range u.byRow {
		u.rowRank[r] = int32(i)
	}
	u.sortByProb()
}

// rowPos is row r's position in byRow.
func (u *usersData) rowPos(r int32) int32 {
	if u.rowRank != nil {
		return u.rowRank[r]
	}
	return r
}

// sortByProb builds the probability orders and ranks, ties in byRow's
// order, so the table is the same on every run (experiment.RankByScore,
// the ranking bands are cut from).
func (u *usersData) sortByProb() {
	prob := u.scores.Probabilities
	n := len(prob)
	u.byProbDesc = slices.Clone(u.byRow)
	experiment.RankByScore(u.byProbDesc, prob)
	u.byProbAsc = make([]int32, n)
	for i, r := range u.byProbDesc {
		u.byProbAsc[n-1-i] = r
	}
	// By 1 − P, the score of a target on the negative class: the
	// order the bands of such a target are cut from (rebands).
	u.byProbAscFirst = slices.Clone(u.byRow)
	experiment.RankByScore(u.byProbAscFirst, experiment.Target{OnPositive: false}.Scores(prob))
	u.rankDesc, u.rankAscFirst = make([]int32, n), make([]int32, n)
	for i := range n {
		u.rankDesc[u.byProbDesc[i]] = int32(i)
		u.rankAscFirst[u.byProbAscFirst[i]] = int32(i)
	}
}

// orderKind names one of the precomputed orders.
type orderKind int

const (
	orderDesc     orderKind = iota // byProbDesc
	orderAsc                       // byProbAsc
	orderRow                       // byRow
	orderAscFirst                  // byProbAscFirst
)

// order returns the rows in order k.
func (u *usersData) order(k orderKind) []int32 {
	switch k {
	case orderAsc:
		return u.byProbAsc
	case orderRow:
		return u.byRow
	case orderAscFirst:
		return u.byProbAscFirst
	}
	return u.byProbDesc
}

// rank returns row r's position in order k.
func (u *usersData) rank(k orderKind, r int32) int32 {
	switch k {
	case orderAsc:
		return int32(len(u.byRow)-1) - u.rankDesc[r]
	case orderRow:
		return u.rowPos(r)
	case orderAscFirst:
		return u.rankAscFirst[r]
	}
	return u.rankDesc[r]
}

// rows is the number of users.
func (u *usersData) rows() int { return len(u.scores.Probabilities) }

// id returns row r's identifier.
func (u *usersData) id(r int) string { return u.scores.ID(r) }

// prob returns row r's probability of the positive class.
func (u *usersData) prob(r int) float64 { return u.scores.Probabilities[r] }

// positive reports whether row r's label is the positive class (false
// for unlabelled rows).
func (u *usersData) positive(r int) bool { return u.scores.Labels != nil && u.scores.Labels[r] == 1 }

// short reports whether row r is a customer with a short history.
func (u *usersData) short(r int) bool { return u.scores.Short != nil && u.scores.Short[r] }

// part returns the part of the split row r is in.
func (u *usersData) part(r int) experiment.RowPart { return u.scores.Parts[r] }

// predicted reports whether row r is predicted positive at threshold.
func (u *usersData) predicted(r int, threshold float64) bool { return u.prob(r) >= threshold }

// correct reports whether row r's prediction at threshold matches its label.
func (u *usersData) correct(r int, threshold float64) bool {
	return u.predicted(r, threshold) == u.positive(r)
}

// yearColumns names e's feature columns that hold years (data's rule,
// data.Column.YearLike).
func yearColumns(e *experiment.Experiment) map[string]bool {
	years := map[string]bool{}
	for _, pc := range e.Pipeline.Columns {
		if e.Data.Table.Column(pc.Name).YearLike() {
			years[pc.Name] = true
		}
	}
	return years
}
