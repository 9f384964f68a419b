package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/evalscreen"
	"github.com/retainlab/retain/tui/mapscreen"
	"github.com/retainlab/retain/tui/planscreen"
	"github.com/retainlab/retain/tui/usersscreen"
	"github.com/retainlab/retain/tui/walktab"
)

// analyse makes run the analysed run and starts the analysis screens'
// work on it.
func (m *Model) analyse(run common.Run) tea.Cmd {
	if run.Exp == nil {
		return nil
	}
	m.analysed = run
	m.trainScr.SetAnalysed(run.Number)
	m.runsScr.SetRuns(m.trainScr.Finished(), run.Number)
	m.mapScr.Analysing(run.Number)
	m.shareRecommendations()
	return tea.Batch(m.evalScr.SetRun(run), m.usersScr.SetRun(run), m.planScr.SetRun(run))
}

// analyseNumber makes the run with that number the analysed one, chosen
// on the Runs screen: newer runs no longer replace it.
func (m *Model) analyseNumber(number int) tea.Cmd {
	for _, r := range m.trainScr.Finished() {
		if r.Number == number {
			// Choosing the latest run means following new runs again.
			m.pinned = number != m.trainScr.Finished()[len(m.trainScr.Finished())-1].Number
			return m.analyse(r)
		}
	}
	return nil
}

// onLoadedData reports whether run was prepared from the data set loaded
// now (the same source; a new split or seed of it counts as the same).
// It compares the data the run was prepared from (Loaded): an order log's
// out-of-time run trains on a cohort at an earlier cutoff, whose source
// differs from the loaded log's, and was taken for other data (no run on
// a log was analysed).
func (m *Model) onLoadedData(run common.Run) bool {
	if m.data == nil || run.Exp == nil {
		return false
	}
	loaded := run.Exp.Loaded()
	return loaded == m.data || loaded.Source.Describe() == m.data.Source.Describe()
}

// shareTraining tells the screens that wait for an ended run which run
// trains now, when that changed, so their empty state says a run is on
// its way rather than asking for one. Screens built later get it from the
// root's context.
func (m *Model) shareTraining() {
	run, paused := 0, false
	if m.trainScr.Alive() {
		run, paused = m.trainScr.Runs(), m.trainScr.Paused()
	}
	if run == m.com.Training && paused == m.com.TrainingPaused {
		return
	}
	m.com.Training, m.com.TrainingPaused = run, paused
	msg := common.TrainingMsg{Run: run, Paused: paused}
	m.evalScr, _ = updateScreen(m.evalScr, msg)
	m.usersScr, _ = updateScreen(m.usersScr, msg)
	m.walkScr, _ = updateScreen(m.walkScr, msg)
	m.runsScr, _ = updateScreen(m.runsScr, msg)
	m.mapScr, _ = updateScreen(m.mapScr, msg)
	m.planScr, _ = updateScreen(m.planScr, msg)
}

// newAnalysisScreens builds the screens that show the analysed run
// (Evaluate, Users, Walkthrough, Map, Plan) empty: at the start, and
// again when other data has loaded.
func (m *Model) newAnalysisScreens(com common.Common) {
	m.evalScr = evalscreen.New(com)
	m.evalScr.SetParent(m.parent)
	m.usersScr = usersscreen.New(com)
	m.usersScr.SetServed(m.opts.Served, m.opts.ExportDir)
	m.usersScr.SetExportQuota(m.exportQuota)
	m.walkScr = walktab.New(com)
	m.mapScr = mapscreen.New(com)
	m.planScr = planscreen.New(com)
	m.planScr.SetServed(m.opts.Served, m.opts.ExportDir)
	m.planScr.SetExportQuota(m.exportQuota)
}

// resetAnalysis empties the analysis screens when other data has loaded:
// their run's model and preprocessing belong to the earlier data, so its
// figures must not be shown as the new data's, nor its model score the
// new rows. They say to train on the new data; the earlier runs stay on
// the Runs screen, where one can be chosen again explicitly.
func (m *Model) resetAnalysis() {
	m.evalScr.Close()
	m.evalScr.Wait()
	com := m.com
	com.DataChanged = true
	m.analysed, m.pinned = common.Run{}, false
	m.trainScr.SetAnalysed(0)
	m.newAnalysisScreens(com)
	for _, msg := range m.shared {
		m.evalScr, _ = updateScreen(m.evalScr, msg)
		m.usersScr, _ = updateScreen(m.usersScr, msg)
		m.walkScr, _ = updateScreen(m.walkScr, msg)
		m.mapScr, _ = updateScreen(m.mapScr, msg)
		m.planScr, _ = updateScreen(m.planScr, msg)
	}
	m.runsScr.SetRuns(m.trainScr.Finished(), 0)
	m.shareRecommendations()
}

// follow keeps the screens that depend on the selected user up to date:
// the walkthrough and the decision map are computed only while shown.
func (m *Model) follow() tea.Cmd {
	if !sameRuns(m.runsScr.Runs(), m.trainScr.Finished()) {
		m.runsScr.SetRuns(m.trainScr.Finished(), m.analysed.Number)
	}
	if cmd, ok := m.followPaused(); ok {
		return cmd
	}
	if cmd, ok := m.followTrainingMap(); ok {
		return cmd
	}
	row := m.usersScr.SelectedRow()
	if m.analysed.Exp == nil || row < 0 {
		return nil
	}
	// The Users screen lists the customers the run is measured on (for out
	// of time, the cohort at the cutoff); the walkthrough and the map step
	// and plot the same ones, not the current customers it may show instead.
	shown := m.analysed
	shown.Exp = m.analysed.Exp.Evaluated()
	if m.usersScr.Exp() != shown.Exp {
		return nil
	}
	switch m.active {
	case tabWalk:
		return m.walkScr.Want(shown, row, m.usersScr.ID(row))
	case tabMap:
		return m.mapScr.Want(shown, row)
	}
	return nil
}

// followPaused shows a paused run on the Walkthrough, on its weights of
// now, for the user selected on Users when Users lists the same table's
// rows, else for the first training row; ok says a paused run is shown.
// A walkthrough of a paused run that trains on or has ended is dropped.
func (m *Model) followPaused() (cmd tea.Cmd, ok bool) {
	if !m.trainScr.Paused() {
		m.walkScr.DropPaused()
		return nil, false
	}
	exp, run, step, held := m.trainScr.Held()
	if m.active != tabWalk {
		return nil, false
	}
	if !held {
		return nil, m.walkScr.ShowsPaused() // a step trains: keep what is shown
	}
	table := exp.Data.Table
	row, listed := m.trainingUser(exp, table)
	if row < 0 {
		return nil, false
	}
	// The listed row's id as Users shows it (a pseudonym when ids are
	// pseudonymised), else the table's own.
	id := table.ID(row)
	if listed {
		id = m.usersScr.ID(row)
	}
	return m.walkScr.WantPaused(exp, run, step, row, id, listed), true
}

// followTrainingMap shows the run that trains now on the Map screen,
// epoch by epoch (or a paused run on its weights of now), unless a run was
// chosen on the Runs screen: for the user selected on Users when Users
// lists the same table's rows, else for the first training row. ok is
// false when no run trains on the loaded data, or none has ended an epoch
// or is held yet: the map then shows the analysed run, which its title
// names.
func (m *Model) followTrainingMap() (cmd tea.Cmd, ok bool) {
	if m.active != tabMap || m.pinned {
		return nil, false
	}
	exp, run, training := m.trainScr.Training()
	if !training || !m.onLoadedData(common.Run{Exp: exp}) {
		return nil, false
	}
	held, step := false, 0
	if heldExp, _, s, ok := m.trainScr.Held(); ok && heldExp == exp {
		held, step = true, s
	}
	table := exp.Data.Table
	row, listed := m.trainingUser(exp, table)
	return m.mapScr.WantTraining(exp, run, held, step, row, listed)
}

// sameRuns reports whether two lists hold the same runs: a session that
// forgot old runs may hold as many as before, but not the same.
func sameRuns(a, b []common.Run) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Number != b[i].Number {
			return false
		}
	}
	return true
}

// shareRecommendations gives the Users screen the Recommend screen's
// result, or a hint when the loaded log has items but no result yet. The
// Recommend screen works on the loaded log; a run chosen again on the
// Runs screen may have been trained on other data, whose customers are
// other people, perhaps under the same ids: the Users screen is then given
// neither, and says nothing about items to offer.
func (m *Model) shareRecommendations() {
	if m.analysed.Exp != nil && !m.recommendsFor(m.analysed) {
		m.usersScr.SetRecommendations(nil, false)
		return
	}
	m.usersScr.SetRecommendations(m.recScr.Result(), m.recScr.Available())
}

// recommendsFor reports whether the Recommend screen's order log is the
// one run was trained on, so that a customer id names the same customer
// in both: the very log read (a new split of it keeps it), or the same
// file read with the same columns again, as another cutoff or horizon
// reads it. An unnamed source (no path) counts only as the very log.
func (m *Model) recommendsFor(run common.Run) bool {
	if run.Exp == nil {
		return false
	}
	trained, rec := run.Exp.Loaded(), m.recScr.Source()
	if trained.Log != nil && trained.Log == m.recScr.OrderLog() {
		return true
	}
	src := trained.Source
	return src.Kind == "log" && rec.Kind == "log" && src.Path != "" && src.Path == rec.Path && src.LogColumns == rec.LogColumns
}

// trainingUser is the row a training run is shown on: the user selected
// on Users when Users lists table's rows (listed), else exp's first
// training row, or -1 when it has none.
func (m *Model) trainingUser(exp *experiment.Experiment, table *data.Table) (row int, listed bool) {
	row = m.usersScr.SelectedRow()
	if users := m.usersScr.Exp(); users != nil && users.Data != nil && users.Data.Table == table && row >= 0 {
		return row, true
	}
	if len(exp.TrainRows) > 0 {
		return exp.TrainRows[0], false
	}
	return -1, false
}
