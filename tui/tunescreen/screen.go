// Package tunescreen is the Tune screen: a search for a better
// configuration (experiment.Tune) started and stopped with a key, its
// time budget edited in place, a live leaderboard whose rows ↑/↓ select,
// and a key that copies the selected configuration (the best until another
// is selected) into the Model screen.
package tunescreen

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// DefaultBudget is the search's time budget until the user edits it.
const DefaultBudget = time.Minute

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
	input   common.Field
	refusal common.Said // why the typed budget, or a search, was refused

	view string
}

// New returns the Tune screen with the default budget.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultKeyMap(com), budget: DefaultBudget, folds: 5, parent: context.Background(),
		input: common.NewField(com, "")}
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
		common.SetFieldWidth(&s.input.Model, s.inputWidth())
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
		s.input, cmd = s.input.Paste(msg)
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
		s.typing, s.refusal = true, common.Said{}
		common.SetFieldWidth(&s.input.Model, s.inputWidth())
		cmd = s.input.Open(budgetText(s.Common, s.budget)) // selected: what is typed replaces it
	case !key.Matches(k, s.keys.Apply) || s.result == nil || picked == nil:
	case s.otherData():
		// Its AUCs are the earlier data's, and a balanced weight stood for
		// that data's classes: neither is the loaded data's.
		s.refusal = s.say(func(s Model) string {
			return s.Tf("✗ not applied: trial %s was tuned on other data (%s); s searches the data loaded now",
				"✗ 未应用：试验 %s 是在其他数据（%s）上调出的；按 s 搜索现在加载的数据",
				common.Thousands(picked.Number), s.SourceName(s.searched.Source))
		})
	case picked.Err != "":
		s.refusal = s.say(func(s Model) string {
			return s.Tf("✗ not applied: trial %s failed; select another with ↑/↓",
				"✗ 未应用：试验 %s 失败；请用 ↑/↓ 选择其他试验", common.Thousands(picked.Number))
		})
	default:
		cfg := picked.Config
		// The Model screen holds a number: a balanced weight is the one
		// the search resolved it to, on this same data.
		balanced := cfg.Train.PosWeight == experiment.BalancedPosWeight
		cfg.Train.PosWeight = picked.PosWeight
		number := picked.Number
		s.applied, s.refusal = number, common.Said{}
		cmd = func() tea.Msg { return ApplyMsg{Config: cfg, Trial: number, Balanced: balanced} }
	}
	s.render()
	return s, cmd
}
