package tui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/anomalyscreen"
	"github.com/retainlab/retain/tui/cohortscreen"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/evalscreen"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/mapscreen"
	"github.com/retainlab/retain/tui/modelscreen"
	"github.com/retainlab/retain/tui/planscreen"
	"github.com/retainlab/retain/tui/recscreen"
	"github.com/retainlab/retain/tui/runsscreen"
	"github.com/retainlab/retain/tui/trainscreen"
	"github.com/retainlab/retain/tui/tunescreen"
	"github.com/retainlab/retain/tui/usersscreen"
	"github.com/retainlab/retain/tui/walktab"
)

// tab identifies a screen.
type tab int

const (
	tabData tab = iota
	tabModel
	tabTrain
	tabEvaluate
	tabUsers
	tabWalk
	tabRuns
	tabMap
	tabCohorts
	tabPlan
	tabRecommend
	tabTune
	tabAnomalies
	tabCount
)

// tabNames are the tabs' names in English and Chinese; tabShort are used
// when the full names do not fit the window.
var (
	tabNames   = [tabCount]string{"Data", "Model", "Train", "Evaluate", "Users", "Walkthrough", "Runs", "Map", "Cohorts", "Plan", "Recommend", "Tune", "Anomalies"}
	tabShort   = [tabCount]string{"Data", "Model", "Train", "Eval", "Users", "Walk", "Runs", "Map", "Cohorts", "Plan", "Rec", "Tune", "Anom"}
	tabNamesZh = [tabCount]string{"数据", "模型", "训练", "评估", "用户", "逐步讲解", "训练记录", "决策图", "同期群", "计划", "推荐", "调参", "异常"}
	tabShortZh = [tabCount]string{"数据", "模型", "训练", "评估", "用户", "讲解", "记录", "决策图", "同期群", "计划", "推荐", "调参", "异常"}
)

// Model is the root model of the TUI: a router over the screens that owns
// the loaded data, the window size and the help footer.
//
// It holds every screen by value and is large (some 200 kB): only the
// tea.Model methods and Close take it by value; the others take a pointer,
// as every copy of a value this large is made on the heap and one key
// press would otherwise copy it dozens of times.
type Model struct {
	opts   Options
	parent context.Context // training contexts derive from it
	// exportQuota bounds a served session's exports, on every screen and
	// across reloads (nil: not served into a folder).
	exportQuota *exporter.Quota
	com         common.Common // the language, styles and keys of the root frame
	styles      *common.Styles
	keys        common.KeyMap
	help        help.Model
	// helpTop is the first line of the help overlay shown (help.ShowAll),
	// when the overlay is taller than the window.
	helpTop int

	width, height int
	laidW, laidH  int // the content size the screens were last given
	active        tab
	tabs          tabsDrawn // the tab bar's labels, drawn by layout

	gen     int    // generation of the latest load, to drop stale results
	loads   *loads // the latest load's context, cancelled by the next and by Close
	loading string // what is being loaded or split, a whole phrase ("" when idle)
	// loadingText says loading in a language (nil when idle), so that a
	// switch of language says it again (setLoading).
	loadingText func(common.Common) string
	// resplit is the re-split in progress (nil: none); see root_cancel.go.
	resplit *resplitting
	// noData is why no data is loaded, as setNoData was last told (nil:
	// none failed), which a switch of language says again.
	noData error
	data   *experiment.Data
	prep   *experiment.Experiment
	// bare is a per-user table loaded without a label, for the Anomalies
	// screen only (nil: none); data is nil while it is set. See
	// root_nolabel.go.
	bare *experiment.Data
	err  error // shown in the error panel until dismissed
	// loadShown is how far the file loading now has come, as last sent
	// (nil: nothing sent yet, or nothing loading); see loadPanel.
	loadShown *loadProgressMsg
	// send gives the program a message from another goroutine (a load's
	// progress); nil in tests, which then see no progress.
	send func(tea.Msg)
	// asked is the path of the file last asked for on the Data screen,
	// typed or pasted: an error quotes a long one short (ShortPathIn).
	asked string
	// aside is the data a preset's own data (asideFor) replaced, kept
	// until the Model screen asks for it back or other data are loaded
	// (nil: none); see root_preset.go.
	aside    *experiment.Data
	asideFor experiment.Source

	dataScr  datascreen.Model
	modelScr modelscreen.Model
	trainScr trainscreen.Model
	evalScr  evalscreen.Model
	usersScr usersscreen.Model
	walkScr  walktab.Model
	runsScr  runsscreen.Model
	mapScr   mapscreen.Model
	cohScr   cohortscreen.Model
	planScr  planscreen.Model
	recScr   recscreen.Model
	tuneScr  tunescreen.Model
	anomScr  anomalyscreen.Model

	// trainGot, tuneGot and anomGot are the inputs pushInputs last gave
	// the Train, Tune and Anomalies screens.
	trainGot, tuneGot, anomGot inputs

	quitting bool
	// confirmQuit is set while q asks whether to quit and lose the runs
	// (root_quit.go).
	confirmQuit bool
	// interrupted is set by ctrl+c outside a served session: the program
	// ends as interrupted, not quit.
	interrupted bool
	notice      string // a server's notice (see noticer), until the next key

	// analysed is the ended run the analysis screens look at (number 0:
	// none yet); pinned is set when the Runs screen chose it, so a newer
	// run does not replace it.
	analysed common.Run
	pinned   bool
	// shared are the target and band choices broadcast so far, in order,
	// replayed to analysis screens built afresh.
	shared []tea.Msg
}

// noticer is a message from whatever runs the TUI that the user should
// read, such as serve's warning before it closes an idle session. It is
// shown in the status corner until the next key.
type noticer interface{ Notice() string }

// langNoticer is a noticer that can say its notice in the interface
// language ("en" or "zh").
type langNoticer interface{ NoticeIn(lang string) string }

// NewModel returns the root model; serve builds one per SSH session.
func NewModel(opts Options) Model {
	if opts.Config.Hidden == nil && opts.Config.Train.Epochs == 0 {
		opts.Config = experiment.DefaultConfig()
	}
	if opts.Config.Validation == "" {
		opts.Config.Validation = experiment.OutOfTime // order logs only; see experiment.Prepare
	}
	if opts.Source.Kind == "" {
		opts.Source.Kind = "builtin"
	}
	com := common.New(opts.Lang)
	com.Pseudonym = opts.Pseudonym
	if com.Served = opts.Served; opts.Served && opts.Source.Path != "" {
		com.ServedFile = opts.Source
	}
	st := com.Styles
	h := help.New()
	h.Styles = st.Help
	m := Model{
		opts:   opts,
		parent: context.Background(),
		loads:  &loads{},
		com:    com,
		styles: st,
		keys:   com.Keys,
		help:   h,
	}
	m.setLoading(func(c common.Common) string {
		return c.Tf("loading %s…", "正在加载 %s…", c.DescribeSource(opts.Source))
	})
	if opts.Served && opts.ExportDir != "" {
		m.exportQuota = exporter.NewQuota(opts.MaxExports, opts.MaxExportBytes, opts.ExportFolder)
	}
	m.dataScr = datascreen.New(com)
	m.modelScr = modelscreen.New(com, opts.Config, opts.Limits)
	m.trainScr = trainscreen.New(com)
	m.trainScr.SetParent(m.parent)
	m.newAnalysisScreens(com)
	m.runsScr = runsscreen.New(com)
	m.cohScr = cohortscreen.New(com)
	m.recScr = recscreen.New(com, opts.Open)
	m.recScr.SetLimits(opts.Limits)
	m.tuneScr = tunescreen.New(com)
	m.tuneScr.SetLimits(opts.Limits)
	m.anomScr = anomalyscreen.New(com)
	// Until data loads, the Train screen plans with the configured
	// settings, not zero ones.
	m.pushInputs()
	return m
}

// Init implements tea.Model: it loads the starting data.
func (m Model) Init() tea.Cmd {
	return loadCmd(m.loads.start(m.parent), m.gen, m.opts, m.modelScr.Config(), nil, m.send)
}

// Close stops a training run, if one is alive, and waits for its goroutine;
// it cancels the load and the exports in flight (they end on their own
// shortly after). Run calls it after the program ends; serve should call it
// when a session closes without the user quitting.
func (m Model) Close() {
	m.loads.close()
	m.usersScr.CloseExports()
	m.planScr.CloseExports()
	m.trainScr.Close()
	m.evalScr.Close()
	m.recScr.Close()
	m.tuneScr.Close()
	m.anomScr.Close()
	m.trainScr.Wait()
	m.evalScr.Wait()
	m.recScr.Wait()
	m.tuneScr.Wait()
	m.anomScr.Wait()
}

// setParent makes training contexts derive from ctx, so cancelling it stops
// training too.
func (m *Model) setParent(ctx context.Context) {
	m.parent = ctx
	m.trainScr.SetParent(ctx)
	m.evalScr.SetParent(ctx)
	m.recScr.SetParent(ctx)
	m.tuneScr.SetParent(ctx)
	m.anomScr.SetParent(ctx)
}

// Update implements tea.Model. After any message the screens are resized
// if the space left by the footer and error panel changed.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.step(msg)
	return m, cmd
}

// step is Update in place: Update on a copy, Live's Update on the model
// the program runs.
func (m *Model) step(msg tea.Msg) tea.Cmd {
	cmd := m.update(msg)
	m.shareTraining()
	m.pushInputs()
	if follow := m.follow(); follow != nil {
		cmd = tea.Batch(cmd, follow)
	}
	if w, h := m.contentSize(); m.width > 0 && (w != m.laidW || h != m.laidH) {
		m.layout()
	}
	return cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return nil
	case tea.KeyPressMsg:
		m.notice = ""
		return m.handleKey(msg)
	case noticer:
		m.notice = msg.Notice()
		if l, ok := msg.(langNoticer); ok {
			m.notice = l.NoticeIn(m.com.Lang)
		}
		return nil
	case loadProgressMsg:
		if msg.gen == m.gen && m.loading != "" {
			m.loadShown = &msg
		}
		return nil
	case loadedMsg:
		bare := m.loaded(msg)
		cmd := tea.Batch(m.cohScr.SetData(m.shown()), m.recScr.SetData(m.shown()))
		m.shareRecommendations()
		if bare {
			// Loaded for the Anomalies screen alone: it scores at once.
			m.pushInputs()
			cmd = tea.Batch(cmd, m.anomScr.Score())
		}
		return cmd
	case datascreen.OpenMsg:
		m.asked = msg.Src.Path
		if msg.NoLabel {
			return m.openBare(msg.Src, msg.Columns)
		}
		return m.open(msg.Src, msg.Columns)
	case modelscreen.PresetDataMsg:
		return m.presetData(msg)
	case modelscreen.RestoreDataMsg:
		return m.restoreAside()
	case datascreen.LabelCancelMsg:
		m.err = m.resplitFailed(msg.Err)
		if m.data == nil && m.bare == nil {
			m.setNoData(msg.Err)
		}
		m.layout()
		return nil
	case datascreen.ResplitMsg:
		m.modelScr.SetSeed(msg.Seed)
		return m.reprepare()
	case datascreen.SchemeMsg:
		m.modelScr.SetValidation(msg.Scheme)
		return m.reprepare()
	case trainscreen.DoneMsg:
		var cmd tea.Cmd
		ended := len(m.trainScr.Finished())
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
		if m.quitting && !m.trainScr.Alive() {
			return m.end()
		}
		if m.confirmQuit {
			m.layout() // the question now names an ended run, not a training
		}
		if runs := m.trainScr.Finished(); len(runs) > ended && !m.pinned && m.onLoadedData(runs[len(runs)-1]) {
			cmd = tea.Batch(cmd, m.analyse(runs[len(runs)-1]))
		}
		return cmd
	case evalscreen.ReadyMsg, evalscreen.ImportanceMsg, evalscreen.CompareTickMsg, evalscreen.CompareDoneMsg:
		var cmd tea.Cmd
		m.evalScr, cmd = updateScreen(m.evalScr, msg)
		return cmd
	case usersscreen.ReadyMsg, usersscreen.ExplainMsg, usersscreen.SweepMsg, usersscreen.WhatIfExplainMsg, usersscreen.FilterMsg, usersscreen.FindMsg:
		var cmd tea.Cmd
		m.usersScr, cmd = updateScreen(m.usersScr, msg)
		return cmd
	case walktab.ReadyMsg:
		m.walkScr, _ = updateScreen(m.walkScr, msg)
		return nil
	case mapscreen.ReadyMsg:
		m.mapScr, _ = updateScreen(m.mapScr, msg)
		return nil
	case cohortscreen.ReadyMsg:
		m.cohScr, _ = updateScreen(m.cohScr, msg)
		return nil
	case planscreen.ReadyMsg:
		m.planScr, _ = updateScreen(m.planScr, msg)
		return nil
	case recscreen.Msg:
		var cmd tea.Cmd
		m.recScr, cmd = updateScreen(m.recScr, msg)
		m.shareRecommendations()
		return cmd
	case exporter.ErrorMsg:
		m.err = msg.Err
		m.layout()
		return nil
	case exporter.Msg:
		// Each screen's exports come back to it, wherever the user is.
		var cmd tea.Cmd
		switch msg.For() {
		case usersscreen.ExportOwner:
			m.usersScr, cmd = updateScreen(m.usersScr, msg)
		case planscreen.ExportOwner:
			m.planScr, cmd = updateScreen(m.planScr, msg)
		}
		return cmd
	case common.AnalyseRunMsg:
		return m.analyseNumber(msg.Number)
	case common.ThresholdMsg, common.TargetMsg, common.BandsMsg:
		// One threshold, target and band scheme everywhere: every screen
		// hears the one chosen.
		return m.broadcast(msg)
	case trainscreen.StartedMsg, trainscreen.TickMsg:
		var cmd tea.Cmd
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
		return cmd
	case tunescreen.TickMsg, tunescreen.DoneMsg:
		var cmd tea.Cmd
		m.tuneScr, cmd = updateScreen(m.tuneScr, msg)
		return cmd
	case anomalyscreen.Msg:
		var cmd tea.Cmd
		m.anomScr, cmd = updateScreen(m.anomScr, msg)
		return cmd
	case tunescreen.ApplyMsg:
		return m.applyTuned(msg)
	case datascreen.DirListMsg:
		var cmd tea.Cmd
		m.dataScr, cmd = updateScreen(m.dataScr, msg)
		return cmd
	}
	return m.routeToActive(msg)
}

// handleKey applies global keys unless a text field has the keyboard, then
// hands the key to the active screen.
func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	if k.String() == "ctrl+c" {
		// An interrupt, which the program reports (exit 130); a served
		// session's ctrl+c ends that session as q does.
		m.interrupted = !m.opts.Served
		return m.quit()
	}
	if key.Matches(k, m.keys.Lang) {
		// Before the rest: it works in the quit question, the help and a
		// text field too (a field types no control key).
		m.switchLang()
		return nil
	}
	if m.confirmQuit {
		return m.confirmKey(k)
	}
	if !m.editing() && key.Matches(k, m.keys.Quit) {
		return m.quitKey()
	}
	if m.editing() && k.String() == "ctrl+v" {
		return m.pasteClipboard()
	}
	if m.active == tabWalk && m.walkScr.WantsTab(k) {
		return m.routeToActive(k) // tab moves to the walkthrough's next layer
	}
	if m.active == tabWalk && !m.editing() && key.Matches(k, m.walkScr.StepKey()) {
		m.trainScr.StepBatch() // the paused run trains one batch; follow shows it
		return nil
	}
	if m.help.ShowAll && !m.editing() {
		return m.helpKey(k)
	}
	if !m.editing() {
		switch {
		case key.Matches(k, m.keys.Help):
			m.help.ShowAll, m.helpTop = true, 0
			return nil
		case m.loading != "" && k.String() == "esc":
			// A load or re-split in progress: esc cancels it, before it
			// dismisses an error or reaches the screen.
			m.cancelLoad()
			return nil
		case m.err != nil && key.Matches(k, m.keys.Dismiss):
			m.err = nil
			m.layout()
			return nil
		case key.Matches(k, m.keys.NextTab):
			m.switchTo((m.active + 1) % tabCount)
			return nil
		case key.Matches(k, m.keys.PrevTab):
			m.switchTo((m.active + tabCount - 1) % tabCount)
			return nil
		}
		for t, b := range m.keys.TabKeys() {
			if key.Matches(k, b) {
				m.switchTo(tab(t))
				return nil
			}
		}
	}
	return m.routeToActive(k)
}

func (m *Model) routeToActive(msg tea.Msg) tea.Cmd {
	if m.blocked(m.active) {
		return m.blockedKey(msg)
	}
	var cmd tea.Cmd
	switch m.active {
	case tabData:
		m.dataScr, cmd = updateScreen(m.dataScr, msg)
	case tabModel:
		version, before := m.modelScr.ConfigVersion(), m.modelScr.Config()
		m.modelScr, cmd = updateScreen(m.modelScr, msg)
		if m.data != nil && m.modelScr.ConfigVersion() != version && modelscreen.SplitChanged(before, m.modelScr.Config()) {
			return tea.Batch(cmd, m.reprepare())
		}
	case tabTrain:
		m.trainScr, cmd = updateScreen(m.trainScr, msg)
	case tabEvaluate:
		m.evalScr, cmd = updateScreen(m.evalScr, msg)
	case tabUsers:
		m.usersScr, cmd = updateScreen(m.usersScr, msg)
	case tabWalk:
		m.walkScr, cmd = updateScreen(m.walkScr, msg)
	case tabRuns:
		m.runsScr, cmd = updateScreen(m.runsScr, msg)
	case tabMap:
		m.mapScr, cmd = updateScreen(m.mapScr, msg)
	case tabCohorts:
		m.cohScr, cmd = updateScreen(m.cohScr, msg)
	case tabPlan:
		m.planScr, cmd = updateScreen(m.planScr, msg)
	case tabRecommend:
		m.recScr, cmd = updateScreen(m.recScr, msg)
		m.shareRecommendations()
	case tabTune:
		m.tuneScr, cmd = updateScreen(m.tuneScr, msg)
	case tabAnomalies:
		m.anomScr, cmd = updateScreen(m.anomScr, msg)
	}
	return cmd
}

// quit stops training first: the program ends when the worker has.
func (m *Model) quit() tea.Cmd {
	if !m.trainScr.Alive() {
		return m.end()
	}
	m.quitting = true
	return m.trainScr.Stop()
}

// end ends the program: tea.Interrupt after ctrl+c (Run then returns
// tea.ErrInterrupted, exit 130, as for SIGINT), tea.Quit after q.
func (m *Model) end() tea.Cmd {
	if m.interrupted {
		return tea.Interrupt
	}
	return tea.Quit
}

func (m *Model) switchTo(t tab) {
	// Messages about what was done on a screen expire when the user
	// leaves it (an export's outcome, a refused value).
	if t != m.active {
		switch m.active {
		case tabUsers:
			m.usersScr.Leave()
		case tabPlan:
			m.planScr.Leave()
		}
	}
	m.active = t
	m.trainScr.SetHidden(t != tabTrain)
	m.layout()
}

// editing reports whether the active screen has a text field focused.
func (m *Model) editing() bool {
	if m.blocked(m.active) {
		return false
	}
	switch m.active {
	case tabData:
		return m.dataScr.Editing()
	case tabModel:
		return m.modelScr.Editing()
	case tabUsers:
		return m.usersScr.Editing()
	case tabPlan:
		return m.planScr.Editing()
	case tabRecommend:
		return m.recScr.Editing()
	case tabTune:
		return m.tuneScr.Editing()
	}
	return false
}

// reprepare splits the loaded data again with the current configuration.
func (m *Model) reprepare() tea.Cmd {
	if m.data == nil {
		return nil
	}
	m.gen++
	src := m.data.Source
	m.setLoading(func(c common.Common) string {
		return c.Tf("splitting %s…", "正在划分 %s…", c.DescribeSource(src))
	})
	if m.resplit == nil && m.prep != nil {
		m.resplit = &resplitting{from: m.prep.Config}
	}
	if m.resplit != nil {
		m.resplit.to, m.resplit.superseded = m.modelScr.Config(), false
	}
	return resplitCmd(m.loads.start(m.parent), m.gen, m.data, m.modelScr.Config())
}

// loaded installs a loaded data set, or shows why it failed while keeping
// what was there before. It reports whether it installed a table without
// a label (loadedBare).
func (m *Model) loaded(msg loadedMsg) bool {
	if msg.gen != m.gen {
		return false
	}
	m.setLoading(nil)
	if m.askLabel(msg) || m.askLogColumns(msg) {
		// The question is about this file: an error panel left by the one
		// before would name another file under it (esc on the question
		// shows this file's own error).
		m.err = nil
		m.switchTo(tabData)
		return false
	}
	if msg.err != nil {
		m.err = m.resplitFailed(msg.err)
		if m.data == nil && m.bare == nil {
			m.setNoData(msg.err)
		}
		m.settleAside()
		m.layout()
		return false
	}
	m.resplit = nil // the data loaded are split with the settings asked for
	if msg.bare {
		m.loadedBare(msg)
		return true
	}
	m.err, m.bare = nil, nil
	if m.data == nil {
		m.setNoData(nil)
	}
	m.data, m.prep = msg.data, msg.prep
	m.settleAside()
	if m.analysed.Exp != nil && !m.onLoadedData(m.analysed) {
		m.resetAnalysis()
	}
	m.dataScr.SetData(msg.data, msg.info)
	shape := experiment.Shape{Inputs: msg.info.Inputs, TrainRows: msg.info.Train}
	m.modelScr.SetShape(shape)
	m.trainScr.SetShape(shape)
	m.tuneScr.SetShape(shape)
	m.layout()
	return false
}

// inputs are what the Train, Tune and Anomalies screens plan with: the
// loaded data, the session's limits and the Model screen's configuration,
// which its ConfigVersion stands for.
type inputs struct {
	data    *experiment.Data
	limits  experiment.Limits
	version uint64
	given   bool // false until first given
}

// pushInputs gives the Train, Tune and Anomalies screens the inputs that
// changed since it last gave them theirs. Update calls it after every
// message (NewModel once), so whatever changed them (a key on the Model
// screen, a tuned configuration applied, a reshuffle, a load) they are
// given them once, and never for a key that changed nothing.
//
// The Train screen is given them at once: its idle view plans the epochs.
// So is the Anomalies screen, which draws the data and retrains with the
// configuration. The Tune screen is given them only while shown and no
// search runs: a running search keeps its base, and the next one starts
// from the configuration of the moment it is shown or its search ended.
func (m *Model) pushInputs() {
	now := inputs{data: m.data, limits: m.opts.Limits, version: m.modelScr.ConfigVersion(), given: true}
	if m.trainGot != now {
		m.trainScr.SetInputs(m.data, m.modelScr.Config(), m.opts.Limits)
		m.trainGot = now
	}
	if anom := (inputs{data: m.shown(), limits: now.limits, version: now.version, given: true}); m.anomGot != anom {
		m.anomScr.SetInputs(m.shown(), m.modelScr.Config())
		m.anomGot = anom
	}
	if m.tuneGot != now && m.active == tabTune && !m.tuneScr.Running() {
		m.tuneScr.SetInputs(m.data, m.modelScr.Config())
		m.tuneGot = now
	}
}

// setNoData tells the screens that need data why none is loaded: loading
// failed with err, or (nil) data is loading or has loaded.
func (m *Model) setNoData(err error) {
	m.noData = err
	reason := ""
	if err != nil {
		reason = m.errorText(err)
	}
	m.dataScr.SetLoadFailed(reason)
	m.trainScr.SetNoData(err != nil)
	m.modelScr.SetNoData(err != nil)
}

// errorText is err as the error panel and the Data screen say it, the
// path typed on the Data screen quoted short if long.
func (m *Model) errorText(err error) string {
	return common.ShortPathIn(strings.TrimSpace(m.com.ErrorText(err)), m.asked)
}

// updateScreen hands msg to a screen through the common.Screen interface
// and returns the screen's next value with its concrete type.
func updateScreen[S common.Screen](s S, msg tea.Msg) (S, tea.Cmd) {
	next, cmd := s.Update(msg)
	return next.(S), cmd
}
