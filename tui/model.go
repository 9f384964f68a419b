package tui

import (
	"context"

	"charm.land/bubbles/v2/help"
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
