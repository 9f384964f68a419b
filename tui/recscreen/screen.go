package recscreen

import (
	"context"
	"errors"
	"reflect"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// runState is where the current run stands.
type runState int

const (
	runIdle      runState = iota // no run yet
	runPreparing                 // building the training pairs
	runRunning
	runPaused
	runStopping // cancelled, waiting for the worker
	runEnded
)

// field is the setting being edited.
type field int

const (
	fieldNone field = iota
	fieldCutoff
	fieldHorizon
	fieldExclude
)

// Model is the Recommend screen. The view is drawn in Update and cached.
type Model struct {
	common.Common
	keys   keyMap
	parent context.Context
	open   experiment.Opener

	// limits bound a served session: MaxRows bounds the (customer, item)
	// pairs the recommender trains on, as it bounds a table's rows.
	limits  experiment.Limits
	loaded  bool
	source  experiment.Source
	srcLog  *data.OrderLog // the loaded order log (nil for a table)
	refusal common.Said    // why there is nothing to recommend ("" when there is)
	reading bool
	log     *recommend.Log
	future  *experiment.FutureWarning // the log's lines dated after today (nil: none)
	amount  *recommend.AmountItems    // the item column looks like amounts (nil: it does not)
	// customers counts the log's customers as read, with the items left
	// out (i) and up to today, as recommend counts them: one whose every
	// order held only items left out is none.
	customers int
	// exclude are the item ids left out (i), keptExclude those of the log
	// read last: a refused list goes back to them.
	exclude, keptExclude []string

	cutoff    int32 // the chosen cutoff, in days (see recommend.Day)
	horizon   int   // the chosen horizon in days
	cutoffSet bool  // the user chose the cutoff: a new horizon keeps it
	// hcheck says whether anyone buys in the horizon after the cutoff
	// (checkHorizon); runEmpty is its answer for the current run and
	// resEmpty for res: why they were not measured (nil: they were, or
	// the log has no whole horizon after the cutoff).
	hcheck             horizonCheck
	runEmpty, resEmpty *recommend.EmptyHorizonError
	editing            field
	input              common.Field
	fieldErr           common.Said // why the typed value was refused

	runs      int
	cur       *worker
	state     runState
	run       *recommend.Run
	latest    engine.Progress
	batchLoss float64 // the latest reported batch loss (pauses report none)
	loss      widget.SeriesChart
	outcome   common.Said // how the last run ended, when it did not give a result
	failed    bool
	res       *recommend.Result
	showCust  bool // the customers rather than the metrics, when both do not fit
	selected  int  // index into res.Customers
	listTop   int  // first customer shown in the list
	// metricTop is the first line of the metrics in view when they show
	// alone and do not fit, metricMost the largest (0: they fit).
	metricTop, metricMost int
	scrollKeys            common.ScrollKeys
	cols                  columns // the customer view's column widths over res

	view string
}

// New returns the Recommend screen; open reads the loaded log again with
// its item descriptions.
func New(com common.Common, open experiment.Opener) Model {
	loss := widget.NewSeriesChart(com.T("Loss", "损失"), com.Styles.Widget, com.T("train", "训练"), com.T("validation", "验证"))
	loss.SetText(widget.ChartText{
		Latest:   com.T("last %s", "最新 %s"),
		Skipped:  com.T("(%d non-finite skipped)", "（跳过 %d 个非有限值）"),
		NoData:   com.T("no data yet", "还没有数据"),
		TooSmall: com.T("%s: enlarge to see the chart", "%s：放大窗口才能看到图表"),
	})
	loss.SetXCaption(com.T("epoch", "轮次"))
	loss.SetXWhole(true)
	loss.SetYLimits(0, 1e308)
	s := Model{Common: com, keys: defaultKeyMap(com), scrollKeys: common.NewScrollKeys(com), parent: context.Background(), open: open,
		horizon: recommend.DefaultHorizonDays, loss: loss, input: common.NewField(com, "")}
	s.render()
	return s
}

// SetLimits sets the session's limits (zero: none): the recommender trains
// on at most limits.MaxRows (customer, item) pairs.
func (s *Model) SetLimits(l experiment.Limits) { s.limits = l }

// SetParent makes the runs' contexts derive from ctx.
func (s *Model) SetParent(ctx context.Context) { s.parent = ctx }

// SetData hands the screen the loaded data set. For an order log with an
// item column it returns the Cmd reading it again with its descriptions;
// the same log again (a new split) keeps everything.
func (s *Model) SetData(d *experiment.Data) tea.Cmd {
	var log *data.OrderLog
	if d != nil {
		log = d.Log
	}
	if d != nil && s.loaded && log == s.srcLog && (log != nil || reflect.DeepEqual(d.Source, s.source)) {
		return nil
	}
	s.Close()
	*s = Model{Common: s.Common, keys: s.keys, scrollKeys: s.scrollKeys, parent: s.parent, open: s.open, limits: s.limits, horizon: recommend.DefaultHorizonDays,
		loss: s.loss, input: s.input, runs: s.runs, loaded: d != nil, srcLog: log}
	s.loss.Reset()
	var cmd tea.Cmd
	switch {
	case d == nil:
	case log == nil:
		s.source = d.Source
		s.refusal = s.say(func(s Model) string {
			return s.T("Recommendation needs an order log with an item column; a per-user table has no items. ",
				"推荐需要带商品列的订单日志；按用户汇总的表没有商品。") +
				s.OpenLogSentence("customer, date, item, …", "客户、日期、商品……")
		})
	case log.Columns.Item == "":
		s.source = d.Source
		s.refusal = s.say(func(s Model) string { return s.noItems(log) })
	default:
		s.source, s.reading = d.Source, true
		cmd = readCmd(d.Source, s.open, log, s.Pseudonym, nil)
	}
	s.render()
	return cmd
}

// noItems is the refusal of a log without an item column. The CLI's
// sentence names recommend's --item-column, a flag of the command line:
// here the column is chosen with the Data screen's l.
func (s Model) noItems(log *data.OrderLog) string {
	_, err := recommend.FromOrderLog(log)
	if err == nil {
		return ""
	}
	if log.Columns.Item == "" && errors.Is(err, recommend.ErrNoItems) {
		return s.Tf("%s has no item column (columns: %s); recommendation needs one — %s",
			"%s 没有商品列（列：%s）；推荐需要商品列——%s", log.Name, data.ColumnList(log.Header), s.ColumnsAdvice("item", "the item column", "商品列"))
	}
	return err.Error()
}

// Close cancels a live run without waiting.
func (s Model) Close() {
	if s.cur != nil {
		s.cur.stop()
	}
}

// Wait blocks until the current worker has returned (after the program).
func (s Model) Wait() {
	if s.cur != nil && s.state != runIdle {
		<-s.cur.done
	}
}

// Alive reports whether a run's worker may still be running.
func (s Model) Alive() bool {
	return s.cur != nil && s.state != runEnded && s.state != runIdle
}

// Result is the latest finished run's result for the loaded log (nil when
// none).
func (s Model) Result() *recommend.Result { return s.res }

// Source is the data set the screen was last given: its result and hint
// are for that order log's customers.
func (s Model) Source() experiment.Source { return s.source }

// OrderLog is the loaded order log the screen was last given (nil for a
// table or none).
func (s Model) OrderLog() *data.OrderLog { return s.srcLog }

// Available reports whether the loaded data can be recommended on (an
// order log with an item column).
func (s Model) Available() bool { return s.loaded && s.refusal.In(s.Common) == "" }

// Settings returns the chosen cutoff (as a date) and horizon in days.
func (s Model) Settings() (cutoff string, horizon int) { return date(s.cutoff), s.horizon }

// Selected is the index of the selected customer in Result().Customers.
func (s Model) Selected() int { return s.selected }

// SetSize sets the screen's size and redraws it.
func (s *Model) SetSize(w, h int) {
	s.Common.SetSize(w, h)
	if s.Editing() {
		common.SetFieldWidth(&s.input.Model, s.inputWidth())
	}
	s.render()
}

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: a setting is being typed.
func (s Model) Editing() bool { return s.editing != fieldNone }

// View implements common.Screen.
func (s Model) View() string { return s.view }
