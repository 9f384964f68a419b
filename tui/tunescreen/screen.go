// Package tunescreen is the Tune screen: a search for a better
// configuration (experiment.Tune) started and stopped with a key, its
// time budget edited in place, a live leaderboard whose rows ↑/↓ select,
// and a key that copies the selected configuration (the best until another
// is selected) into the Model screen.
package tunescreen

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// DefaultBudget is the search's time budget until the user edits it.
const DefaultBudget = time.Minute

// tickEvery is how often the leaderboard is redrawn while a search runs.
const tickEvery = 150 * time.Millisecond

type tuneKeyMap struct {
	Start, Stop, Budget, Apply key.Binding
	Commit, Cancel             key.Binding
	// Scroll moves the selected trial through the leaderboard.
	Scroll common.ScrollKeys
}

func defaultKeyMap(c common.Common) tuneKeyMap {
	return tuneKeyMap{
		Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("start search", "开始搜索"))),
		Stop:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("stop search", "停止搜索"))),
		Budget: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", c.T("edit budget", "修改时间预算"))),
		Apply:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("apply selected to Model", "把所选配置用于模型页"))),
		Commit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("set budget", "确定预算"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("keep old budget", "保留原预算"))),
		Scroll: selectKeys(c),
	}
}

// selectKeys are the scroll keys, described as moving the selected trial.
func selectKeys(c common.Common) common.ScrollKeys {
	k := common.NewScrollKeys(c)
	k.Up.SetHelp("↑/↓", c.T("select trial", "选择试验"))
	return k
}

// ApplyMsg asks the root to make Config the Model screen's configuration.
// Balanced says the trial weighted the positive class "balanced": Config
// holds the weight that stands for on the loaded data, which the trial was
// searched on (the screen refuses to apply a result of other data).
type ApplyMsg struct {
	Config   experiment.Config
	Trial    int
	Balanced bool
}

// TickMsg redraws the leaderboard of search gen while it runs.
type TickMsg struct{ gen int }

// DoneMsg is the end of search gen, on data.
type DoneMsg struct {
	gen    int
	data   *experiment.Data
	Result experiment.TuneResult
	Err    error
}

// NewDoneMsg is the end of the search the screen started last, on the
// data it has now (for tests that feed a result by hand).
func (s Model) NewDoneMsg(res experiment.TuneResult, err error) DoneMsg {
	return DoneMsg{gen: s.gen, data: s.data, Result: res, Err: err}
}

// search is the state a running search shares with its goroutine.
type search struct {
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	latest *experiment.TuneProgress
}

// Model is the Tune screen.
type Model struct {
	common.Common
	keys tuneKeyMap

	data   *experiment.Data // the loaded data, which s searches
	base   experiment.Config
	limits experiment.Limits
	shape  experiment.Shape // the loaded data's, for the limits
	budget time.Duration
	trials int // 0: rounds until the budget ends
	folds  int
	parent context.Context
	given  int // SetInputs calls (InputsGiven)

	gen int
	run *search // nil when no search runs
	// searched is the data of the running or last search. It is no
	// longer the loaded data once other data has loaded: the result is
	// then said to be the earlier data's, and is not applied.
	searched *experiment.Data
	progress *experiment.TuneProgress
	result   *experiment.TuneResult
	err      error
	applied  int // the trial last applied (0: none)
	// sel is the selected trial's number (0: the best), which a applies;
	// top the first leaderboard row in view and pageRows how many are.
	sel, top, pageRows int

	typing bool
	// input is the budget's field: a text input as every other screen's,
	// so ctrl+u clears it and the cursor moves.
	input   textinput.Model
	refusal string // why the typed budget, or a search, was refused

	view string
}

// New returns the Tune screen with the default budget.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultKeyMap(com), budget: DefaultBudget, folds: 5, parent: context.Background(),
		input: common.NewTextInput(com, "")}
	s.render()
	return s
}

// SetParent makes searches derive their context from ctx.
func (s *Model) SetParent(ctx context.Context) { s.parent = ctx }

// SetInputs gives the screen the data and the Model screen's
// configuration, the base of the next search. The root calls it when one
// of them changed (not on every key), while no search runs.
func (s *Model) SetInputs(d *experiment.Data, cfg experiment.Config) {
	s.given++
	s.data, s.base = d, cfg
	s.render()
}

// InputsGiven returns how many times SetInputs was called, so tests can
// check the root gives inputs only when they changed.
func (s Model) InputsGiven() int { return s.given }

// SetLimits bounds the networks a search may train (a served session's
// limits): the base configuration must fit, and trials that would not are
// never drawn.
func (s *Model) SetLimits(limits experiment.Limits) {
	s.limits = limits
	s.render()
}

// SetShape tells the screen the loaded data's model inputs and training
// rows, against which the limits are checked.
func (s *Model) SetShape(shape experiment.Shape) { s.shape = shape }

// SetTrials fixes the number of trials (0: rounds until the budget ends)
// and the folds: a fixed count gives the same result on every machine.
func (s *Model) SetTrials(trials, folds int) {
	s.trials, s.folds = trials, folds
	s.render()
}

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	if s.typing {
		common.SetFieldWidth(&s.input, s.inputWidth())
	}
	s.render()
}

// otherData reports whether the running or last search was on data other
// than the loaded data (the very data set: a file read again may differ).
func (s Model) otherData() bool { return s.searched != nil && s.searched != s.data }

// Running reports whether a search runs.
func (s Model) Running() bool { return s.run != nil }

// Result is the last search's result (nil before one ended).
func (s Model) Result() *experiment.TuneResult { return s.result }

// Budget is the time budget of the next search.
func (s Model) Budget() time.Duration { return s.budget }

// Editing reports whether the budget is being typed.
func (s Model) Editing() bool { return s.typing }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// View implements common.Screen.
func (s Model) View() string { return s.view }

func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case TickMsg:
		if msg.gen != s.gen || s.run == nil {
			return s, nil
		}
		s.run.mu.Lock()
		s.progress = s.run.latest
		s.run.mu.Unlock()
		s.render()
		return s, tick(s.gen)
	case DoneMsg:
		if msg.gen != s.gen {
			return s, nil
		}
		s.run, s.searched = nil, msg.data
		s.err = msg.Err
		if msg.Err == nil {
			s.result = &msg.Result
		}
		s.render()
		return s, nil
	case tea.KeyPressMsg:
		if s.typing {
			return s.typingKey(msg)
		}
		return s.key(msg)
	case tea.PasteMsg:
		if !s.typing {
			return s, nil
		}
		var cmd tea.Cmd
		s.input, cmd = common.Paste(s.input, msg)
		s.render()
		return s, cmd
	}
	return s, nil
}

func (s Model) key(k tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	picked := s.selected()
	switch {
	case s.moveSelection(k):
	case s.run != nil && key.Matches(k, s.keys.Stop):
		s.run.cancel() // the search ends with the best so far (DoneMsg)
	case s.run == nil && key.Matches(k, s.keys.Start) && s.data != nil:
		cmd = s.start()
	case s.run == nil && key.Matches(k, s.keys.Budget):
		s.typing, s.refusal = true, ""
		common.SetFieldWidth(&s.input, s.inputWidth())
		s.input.SetValue(budgetText(s.Common, s.budget))
		s.input.CursorEnd()
		cmd = s.input.Focus()
	case !key.Matches(k, s.keys.Apply) || s.result == nil || picked == nil:
	case s.otherData():
		// Its AUCs are the earlier data's, and a balanced weight stood for
		// that data's classes: neither is the loaded data's.
		s.refusal = s.Tf("✗ not applied: trial %s was tuned on other data (%s); s searches the data loaded now",
			"✗ 未应用：试验 %s 是在其他数据（%s）上调出的；按 s 搜索现在加载的数据",
			common.Thousands(picked.Number), s.SourceName(s.searched.Source))
	case picked.Err != "":
		s.refusal = s.Tf("✗ not applied: trial %s failed; select another with ↑/↓",
			"✗ 未应用：试验 %s 失败；请用 ↑/↓ 选择其他试验", common.Thousands(picked.Number))
	default:
		cfg := picked.Config
		// The Model screen holds a number: a balanced weight is the one
		// the search resolved it to, on this same data.
		balanced := cfg.Train.PosWeight == experiment.BalancedPosWeight
		cfg.Train.PosWeight = picked.PosWeight
		number := picked.Number
		s.applied, s.refusal = number, ""
		cmd = func() tea.Msg { return ApplyMsg{Config: cfg, Trial: number, Balanced: balanced} }
	}
	s.render()
	return s, cmd
}

// typingKey edits the budget: enter keeps a valid duration, esc the old
// one; a bad value is refused in place, saying why, and the field stays
// open.
func (s Model) typingKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.typing, s.refusal = false, ""
		s.input.Blur()
	case key.Matches(k, s.keys.Commit):
		text := strings.TrimSpace(common.Typed(s.input))
		d, err := ParseBudget(text)
		switch {
		case errors.Is(err, ErrBudgetRange):
			s.refusal = s.Tf("✗ %s is out of range: a budget is from 5s to 24h", "✗ %s 超出范围：时间预算须在 5秒 到 24小时 之间", common.Short(text))
		case err != nil:
			s.refusal = s.Tf("✗ %q is not a duration: give one from 5s to 24h, such as 90s or 2m",
				"✗ “%s”不是时长：请输入 5秒 到 24小时 之间的时长，例如 90秒 或 2分", common.Short(text))
		default:
			s.budget, s.typing, s.refusal = d, false, ""
			s.input.Blur()
		}
	default:
		s.input, cmd = common.TypeKey(s.input, k)
	}
	s.render()
	return s, cmd
}

// ErrBudgetRange is a budget that is a duration, but not from 5 seconds to
// a day. ParseBudget's error reads "budget 2s: out of range (5s to 24h)".
var ErrBudgetRange = errors.New("out of range (5s to 24h)")

// ParseBudget reads a budget such as "90s" or "2m", or with Chinese units
// ("90秒", "2分", "1小时30分"): between 5 seconds and a day. A duration
// outside that range is refused with ErrBudgetRange.
func ParseBudget(text string) (time.Duration, error) {
	d, err := time.ParseDuration(zhUnits.Replace(strings.TrimSpace(text)))
	if err != nil {
		return 0, err
	}
	if d < 5*time.Second || d > 24*time.Hour {
		return 0, fmt.Errorf("budget %v: %w", d, ErrBudgetRange)
	}
	return d, nil
}

// zhUnits spells Chinese duration units as Go's.
var zhUnits = strings.NewReplacer("小时", "h", "时", "h", "分钟", "m", "分", "m", "秒", "s")

// FormatBudget writes a budget as a person would type it: "1m", "1h30m",
// "90s" as "1m30s", without Go's trailing zero units ("1m0s").
func FormatBudget(d time.Duration) string {
	text := d.String()
	if strings.HasSuffix(text, "m0s") {
		text = strings.TrimSuffix(text, "0s")
	}
	if strings.HasSuffix(text, "h0m") {
		text = strings.TrimSuffix(text, "0m")
	}
	return text
}

// start launches a search off the UI goroutine; its progress is read on
// ticks and its end comes back as a DoneMsg. Under the session's limits it
// refuses a base configuration beyond them, trains as many folds at once as
// the memory limit holds, and draws only trials within the limits.
func (s *Model) start() tea.Cmd {
	workers := runtime.GOMAXPROCS(0)
	var allow func(experiment.Config) bool
	if s.limits.MaxParams > 0 || s.limits.MaxTrainMemory > 0 {
		if err := s.limits.CheckNetwork(s.shape, s.base, 1); err != nil {
			s.refusal = "✗ " + s.ErrorText(err) + s.T(" (the Model screen's configuration)", "（模型页的配置）")
			return nil
		}
		workers = s.limits.Parallel(s.shape, s.base, workers)
		limits, shape, parallel := s.limits, s.shape, min(workers, s.folds)
		allow = func(cfg experiment.Config) bool { return limits.CheckNetwork(shape, cfg, parallel) == nil }
	}
	s.refusal = ""
	s.gen++
	ctx, cancel := context.WithCancel(s.parent)
	run := &search{cancel: cancel, done: make(chan struct{})}
	s.run, s.progress, s.result, s.err, s.applied = run, nil, nil, nil, 0
	s.sel, s.top = 0, 0
	s.searched = s.data
	gen, d, base := s.gen, s.data, s.base
	opts := experiment.TuneOptions{Folds: s.folds, Trials: s.trials, Budget: s.budget, Seed: base.Seed,
		Workers: workers, Allow: allow,
		Progress: func(p experiment.TuneProgress) {
			run.mu.Lock()
			run.latest = &p
			run.mu.Unlock()
		}}
	work := func() tea.Msg {
		defer close(run.done)
		defer cancel()
		res, err := experiment.Tune(ctx, d, base, opts)
		return DoneMsg{gen: gen, data: d, Result: res, Err: err}
	}
	return tea.Batch(work, tick(gen))
}

func tick(gen int) tea.Cmd {
	return tea.Tick(tickEvery, func(time.Time) tea.Msg { return TickMsg{gen: gen} })
}

// Close stops a running search.
func (s Model) Close() {
	if s.run != nil {
		s.run.cancel()
	}
}

// Wait waits for a stopped search's goroutine to end.
func (s Model) Wait() {
	if s.run != nil {
		<-s.run.done
	}
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	if s.typing {
		return [][]key.Binding{{k.Commit, k.Cancel}}
	}
	k.Start.SetEnabled(s.run == nil && s.data != nil)
	k.Stop.SetEnabled(s.run != nil)
	k.Budget.SetEnabled(s.run == nil)
	picked := s.selected()
	k.Apply.SetEnabled(s.result != nil && picked != nil && picked.Err == "" && !s.otherData())
	more := len(s.board()) > 1
	sc := k.Scroll
	for _, b := range []*key.Binding{&sc.Up, &sc.Down, &sc.PageUp, &sc.PageDown, &sc.Top, &sc.Bottom} {
		b.SetEnabled(more)
	}
	return [][]key.Binding{{k.Start, k.Stop, k.Budget, k.Apply, sc.Up}, {sc.Up, sc.PageUp, sc.Top}}
}
