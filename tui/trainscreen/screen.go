package trainscreen

import (
	"context"
	"errors"
	"math"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// trainState is where the Train screen's current run stands.
type trainState int

const (
	trainIdle     trainState = iota // no run yet
	trainStarting                   // the experiment is being built
	trainRunning
	trainPaused
	trainStopping // cancelled, waiting for the worker to return
	trainEnded    // finished, stopped early, diverged, stopped or failed
)

// Model is the Train screen: it starts, steers and watches training runs.
// Progress arrives through the worker's coalescer, drained on a tick; the
// charts and the whole view are redrawn then and cached, so View costs
// nothing.
type Model struct {
	common.Common
	keys   trainKeyMap
	parent context.Context // runs' contexts derive from it
	// prepSlot lets one run's preparation go at a time (takeSlot).
	prepSlot chan struct{}

	data   *experiment.Data
	cfg    experiment.Config
	limits experiment.Limits
	shape  experiment.Shape // the loaded data's, for the network's limits
	given  int              // SetInputs calls (InputsGiven)

	runs      int          // runs started so far
	pace      engine.Pace  // how fast runs train, kept across runs
	clock     engine.Clock // the clock runs use (nil: the system clock; tests fake it)
	cur       *worker
	state     trainState
	mode      startMode // how the current run was started
	exp       *experiment.Experiment
	latest    engine.Progress
	lastStep  int     // latest.Step at the previous frame, to tell stepping from holding
	batchLoss string  // the latest reported batch loss, as shown
	xHi       float64 // the charts' current x extent (see followEpochs)
	moving    bool
	history   []engine.EpochStats
	runCfg    experiment.Config   // the current (or last) run's settings
	prev      []engine.EpochStats // the previous run's epochs
	prevCfg   experiment.Config   // the previous run's settings
	runSource string              // the data the current (or last) run trained on
	outcome   common.Said         // how the last run ended, in words
	failed    bool                // the outcome is a warning (divergence, error)
	refusal   common.Said         // why the data cannot train at all, shown in a panel ("" for none)
	noData    bool                // loading failed and no data is loaded
	restart   bool                // start a new run when the current one has ended
	// restartCancelled is set when x cancelled a pending restart, until
	// the next run starts: the stopping line and the outcome say so.
	restartCancelled bool
	finished         []common.Run // every ended run kept (see forgetToFit), oldest first
	analysed         int          // the ended run the analysis screens show (0: none)

	loss, metric widget.SeriesChart
	bar          progress.Model
	view         string
	hidden       bool // another tab is shown: drain, but do not draw
	stale        bool // news arrived while hidden
}

// New returns an idle Train screen. It starts hidden: the root calls
// SetHidden(false) when its tab is shown.
func New(com common.Common) Model {
	st := com.Styles
	text := widget.ChartText{
		Latest:   com.T("last %s", "最新 %s"),
		Previous: com.T("previous run", "上一次训练"),
		Skipped:  com.T("(%d non-finite skipped)", "（跳过 %d 个非有限值）"),
		NoData:   com.T("no data yet", "还没有数据"),
		TooSmall: com.T("%s: enlarge to see the chart", "%s：放大窗口才能看到图表"),
	}
	// The training series is of batch losses (the table beside gives each
	// epoch's mean): its legend says so, or "train last 0.4035" would
	// disagree with "loss train 0.4033" without a reason.
	loss := widget.NewSeriesChart(com.T("Loss", "损失"), st.Widget, com.T("train batches", "训练批次"), com.T("validation", "验证"))
	loss.SetYLimits(0, inf)
	metric := widget.NewSeriesChart(com.T("Accuracy and AUC", "准确率与 AUC"), st.Widget,
		com.T("val accuracy", "验证准确率"), com.T("val AUC", "验证 AUC"))
	metric.SetYLimits(0, 1)
	for _, c := range []*widget.SeriesChart{&loss, &metric} {
		c.SetText(text)
		c.SetXCaption(com.T("epoch", "轮次"))
		c.SetXWhole(true)
	}
	bar := progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░'),
		progress.WithColors(lipgloss.Color("12")))
	bar.EmptyColor = lipgloss.Color("8")
	return Model{Common: com, keys: defaultTrainKeyMap(com), loss: loss, metric: metric, bar: bar, batchLoss: "–", hidden: true,
		prepSlot: make(chan struct{}, 1)}
}

// SetParent makes the contexts of later runs derive from ctx, so that
// cancelling ctx stops training too.
func (s *Model) SetParent(ctx context.Context) { s.parent = ctx }

// SetInputs gives the screen the data and settings the next run will use.
// The root calls it when one of them changed (not on every key), so it
// redraws what they plan: before the first run, the axes' epochs.
func (s *Model) SetInputs(d *experiment.Data, cfg experiment.Config, limits experiment.Limits) {
	s.given++
	if d != s.data {
		s.refusal = common.Said{} // said of the data replaced
	}
	s.data, s.cfg, s.limits = d, cfg, limits
	if s.state == trainIdle {
		// The axes show the planned epochs before the first run.
		s.loss.SetXRange(0, float64(cfg.Train.Epochs))
		s.metric.SetXRange(0, float64(cfg.Train.Epochs))
		s.redrawCharts()
	}
	if s.state == trainIdle || s.state == trainEnded {
		s.render()
	}
}

// InputsGiven returns how many times SetInputs was called, so tests can
// check the root gives inputs only when they changed.
func (s Model) InputsGiven() int { return s.given }

// SetShape tells the screen the loaded data's model inputs and training
// rows, against which a run's network is checked.
func (s *Model) SetShape(shape experiment.Shape) {
	s.shape = shape
	s.render() // the progress line counts the next run's batches
}

// SetNoData tells the screen whether loading failed with no data loaded
// (false: the data is loading or loaded).
func (s *Model) SetNoData(failed bool) {
	s.noData = failed
	if s.state == trainIdle {
		// A refusal to start ("still loading", "no data") is stale now.
		s.outcome, s.failed = common.Said{}, false
	}
	if s.state == trainIdle || s.state == trainEnded {
		s.render()
	}
}

// SetSize sets the size of the screen's area and lays the charts out.
func (s *Model) SetSize(w, h int) {
	s.Common.SetSize(w, h)
	l := trainLayout(w, h)
	s.loss.SetSize(l.chartW, l.chartH)
	s.metric.SetSize(l.metricW, l.metricH)
	s.bar.SetWidth(max(l.barW, 1))
	s.redrawCharts()
	s.render()
}

// step handles keys and the worker's messages.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		cmd := s.handleKey(msg)
		s.render()
		return s, cmd
	case StartedMsg:
		if s.cur == nil || msg.id != s.cur.id || s.state != trainStarting {
			return s, nil
		}
		if msg.err == nil {
			s.exp = msg.exp
			s.state = trainRunning
			if s.mode != startRunning {
				s.state = trainPaused
			}
		}
		s.render()
		return s, nil
	case TickMsg:
		if s.cur == nil || msg.id != s.cur.id || !s.Alive() {
			return s, nil
		}
		// Draw only what changed, and nothing while another tab is shown:
		// the UI then costs the training goroutine next to nothing.
		before := s.state
		if s.drain() || s.state != before {
			if !s.hidden {
				s.redrawCharts()
				s.render()
			} else {
				s.stale = true
			}
		}
		return s, tickCmd(s.cur.id)
	case DoneMsg:
		if s.cur == nil || msg.id != s.cur.id || s.state == trainEnded {
			return s, nil
		}
		cmd := s.finish()
		return s, cmd
	}
	return s, nil
}

func (s *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := s.keyMap()
	switch {
	case key.Matches(k, km.Toggle):
		switch s.state {
		case trainIdle, trainEnded:
			return s.startRun(startRunning)
		case trainRunning:
			s.exp.Trainer.Pause()
			s.state = trainPaused
		case trainPaused:
			s.exp.Trainer.Resume()
			s.state = trainRunning
		}
	case key.Matches(k, km.StepBatch), key.Matches(k, km.StepEpoch):
		mode := startStepBatch
		if key.Matches(k, km.StepEpoch) {
			mode = startStepEpoch
		}
		switch s.state {
		case trainIdle, trainEnded:
			return s.startRun(mode)
		case trainRunning, trainPaused:
			if mode == startStepBatch {
				s.exp.Trainer.StepBatch()
			} else {
				s.exp.Trainer.StepEpoch()
			}
			s.state = trainPaused
		}
	case key.Matches(k, km.Stop):
		switch {
		case s.state == trainStopping && s.restart:
			// The run is stopping for a restart: x cancels the restart,
			// so no new run starts when it has stopped.
			s.restart, s.restartCancelled = false, true
			s.render()
		case s.Alive() && s.state != trainStopping:
			s.cur.stop()
			s.state = trainStopping
		}
	case key.Matches(k, km.Faster), key.Matches(k, km.Slower):
		n := 1
		if key.Matches(k, km.Slower) {
			n = -1
		}
		s.pace = experiment.ShiftPace(s.pace, n)
		if s.Alive() {
			s.cur.setPace(s.pace)
		}
	case key.Matches(k, km.Restart):
		if s.Alive() {
			s.restart = true
			if s.state != trainStopping {
				s.cur.stop()
				s.state = trainStopping
			}
			return nil
		}
		return s.startRun(startRunning)
	}
	return nil
}

// startRun creates the worker here, in Update, so the screen owns its
// context before any goroutine exists; the Cmds build and run it.
func (s *Model) startRun(mode startMode) tea.Cmd {
	if s.data == nil && s.noData {
		s.outcome, s.failed = s.say(func(s Model) string { return s.NoData() }), true
		return nil
	}
	if s.data == nil {
		s.outcome, s.failed = s.say(func(s Model) string {
			return s.T("The data is still loading; try again in a moment.", "数据仍在加载，请稍后再试。")
		}), true
		return nil
	}
	s.refusal = common.Said{}
	// A label of one class trains nothing the Evaluate screen could
	// measure: refused before anything of the last run is replaced.
	var one *experiment.OneClassError
	if errors.As(experiment.CheckClasses(s.data), &one) {
		s.outcome, s.failed = s.say(func(s Model) string {
			return s.T("Cannot train on this data: its label has one class (below).", "无法用这份数据训练：标签只有一类（见下）。")
		}), true
		s.refusal = s.say(func(s Model) string { return s.OneClassReason(one) })
		return nil
	}
	// A part too small to measure the run on is refused as train refuses
	// it (experiment.CheckPart), while the last run stays on screen.
	var small *experiment.PartTooSmallError
	if errors.As(experiment.CheckSplit(s.data, s.cfg), &small) {
		s.outcome, s.failed = s.say(func(s Model) string {
			return s.T("Cannot train on this data: too few rows to measure a model (below).", "无法用这份数据训练：行数太少，无法评估模型（见下）。")
		}), true
		s.refusal = s.say(func(s Model) string { return s.PartTooSmallReason(small) })
		return nil
	}
	// The last guard before a worker allocates anything: the Model screen
	// refuses such settings already, but the data's width may have changed
	// under them since.
	err := s.limits.Check(s.data, s.cfg)
	if err == nil {
		err = s.limits.CheckNetwork(s.shape, s.cfg, 1)
	}
	if err != nil {
		s.outcome, s.failed = s.say(func(s Model) string { return s.ErrorText(err) }), true
		return nil
	}
	_, need := experiment.NetworkNeed(s.shape, s.cfg)
	forgot := s.forgetToFit(need)
	s.runs++
	src := s.data.Source.Describe()
	switch {
	case src != s.runSource:
		// Another data set: its curves would compare nothing and stretch
		// the axes, so no previous run is drawn.
		s.prev = nil
		s.loss.Reset()
		s.metric.Reset()
	case len(s.history) > 0:
		s.prev, s.prevCfg = s.history, s.runCfg
		s.loss.Reset() // its previous run is chosen below (setPreviousLoss)
		s.metric.NewRun()
	}
	s.runCfg, s.runSource = s.cfg, src
	if len(s.prev) > 0 {
		s.setPreviousLoss()
	}
	s.history, s.exp, s.latest, s.lastStep, s.moving = nil, nil, engine.Progress{}, 0, false
	s.batchLoss = "–"
	s.outcome, s.failed, s.restart, s.restartCancelled = common.Said{}, false, false, false
	s.cur = newWorker(s.parentContext(), s.runs)
	s.cur.pace, s.cur.clock = s.pace, s.clock
	s.state, s.mode = trainStarting, mode
	s.followEpochs(0)
	s.redrawCharts()
	return tea.Batch(forgot, startCmd(s.cur, s.data, s.cfg, mode, s.prepSlot), waitCmd(s.cur), tickCmd(s.cur.id))
}

// followEpochs sets the charts' x axis to a round extent ahead of the
// training position: with early stopping most runs end far before the
// planned epochs, and an axis to the plan would squeeze the curves into its
// left edge. The axis grows in steps (never beyond the plan), so it stays
// still between them.
func (s *Model) followEpochs(position float64) {
	planned := float64(s.cfg.Train.Epochs)
	hi := min(planned, max(10, 10*math.Ceil(position*1.5/10)))
	if prevHi := float64(len(s.prev)); prevHi > hi {
		hi = min(planned, 10*math.Ceil(prevHi/10))
	}
	if hi == s.xHi {
		return
	}
	s.xHi = hi
	s.loss.SetXRange(0, hi)
	s.metric.SetXRange(0, hi)
}

// drain moves everything the coalescer holds into the charts and reports
// whether there was anything.
func (s *Model) drain() bool {
	u, news := s.cur.coal.Drain()
	if news {
		s.apply(u)
	}
	if s.exp != nil && (s.state == trainRunning || s.state == trainPaused) {
		if s.exp.Trainer.IsPaused() {
			s.state = trainPaused
		} else {
			s.state = trainRunning
		}
	}
	moving := s.latest.Step != s.lastStep
	news = news || moving != s.moving
	s.moving, s.lastStep = moving, s.latest.Step
	return news
}

// SetHidden tells the screen whether another tab covers it; it catches up
// when shown again.
func (s *Model) SetHidden(hidden bool) {
	s.hidden = hidden
	if !hidden && s.stale {
		s.stale = false
		s.redrawCharts()
		s.render()
	}
}

// apply adds one drained update to the history and the charts. Non-finite
// values are dropped by the charts and shown as words in the text.
func (s *Model) apply(u engine.Update) {
	for _, p := range u.Points {
		s.loss.Push(0, p.Position, p.Loss)
	}
	for _, e := range u.Epochs {
		s.history = append(s.history, e)
		x := float64(e.Epoch)
		if e.HasVal {
			s.loss.Push(1, x, e.ValLoss)
		}
		if e.HasAccuracy {
			acc := e.TrainAcc
			if e.HasVal {
				acc = e.ValAcc
			}
			s.metric.Push(0, x, acc)
		}
		if e.HasAUC {
			s.metric.Push(1, x, e.ValAUC)
		}
	}
	s.latest = u.Latest
	s.followEpochs(max(u.Latest.Position, float64(len(s.history))))
	switch n := len(u.Points); {
	case u.Latest.BatchCount > 0:
		s.batchLoss = common.FmtMetric(u.Latest.BatchLoss)
	case n > 0:
		// The latest report (paused, or the run's end) carries no batch
		// loss, but the reports before it in this drain did: a short run
		// drains whole, often with its end.
		s.batchLoss = common.FmtMetric(u.Points[n-1].Loss)
	}
	// Else keep the last shown.
}

// finish records how the run ended and, if asked, starts the next one.
func (s *Model) finish() tea.Cmd {
	s.drain()
	exp, err := s.cur.outcome()
	if exp != nil {
		s.exp = exp
	}
	s.state = trainEnded
	cancelled := s.restartCancelled
	s.outcome = s.say(func(s Model) string {
		text, _ := describeOutcome(s.Common, exp, s.latest, err)
		if cancelled {
			text = s.T("Restart cancelled; no new run started. ", "已取消重新开始，未开始新的训练。") + text
		}
		return text
	})
	_, s.failed = describeOutcome(s.Common, exp, s.latest, err)
	if exp != nil {
		hist := s.history
		if exp.Decay != nil && exp.Decay.Switched {
			hist = exp.Trainer.History() // the network kept is the check's
		}
		s.finished = append(s.finished, common.Run{Number: s.runs, Exp: exp, History: hist, Err: err})
	}
	s.redrawCharts()
	var cmd tea.Cmd
	if s.restart {
		cmd = s.startRun(startRunning)
	}
	s.render()
	return cmd
}

func (s *Model) redrawCharts() {
	s.loss.Redraw()
	s.metric.Redraw()
}
