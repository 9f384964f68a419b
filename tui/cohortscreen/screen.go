package cohortscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Metric is what the triangle's cells show.
type Metric int

// The metrics, in the order the metric key cycles through them.
const (
	Share Metric = iota
	Customers
	Revenue
	Orders
	metricCount
)

// keyMap holds the Cohorts screen's keys.
type keyMap struct {
	Metric, Period        key.Binding
	Up, Down, Left, Right key.Binding
	Home                  key.Binding
}

func defaultKeyMap(c common.Common) keyMap {
	return keyMap{
		Metric: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", c.T("metric", "指标"))),
		Period: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("month/week", "按月/按周"))),
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", c.T("cohorts", "同期群"))),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", c.T("next cohort", "下一个同期群"))),
		Left:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", c.T("periods", "周期"))),
		Right:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", c.T("later periods", "更晚的周期"))),
		Home:   key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", c.T("back to the start", "回到开头"))),
	}
}

// ReadyMsg carries a triangle computed by the screen's Cmd.
type ReadyMsg struct {
	Log    *data.OrderLog
	Period data.RetentionPeriod
	Result *data.Retention
	Err    error
}

// computeCmd computes the triangle of log by period off the UI goroutine.
func computeCmd(log *data.OrderLog, period data.RetentionPeriod) tea.Cmd {
	return func() tea.Msg {
		r, err := data.CohortRetention(log, period)
		return ReadyMsg{Log: log, Period: period, Result: r, Err: err}
	}
}

// Model is the Cohorts screen: the retention triangle of a loaded order
// log as a heatmap with the numbers in the cells, and the average
// retention curve.
type Model struct {
	common.Common
	keys keyMap

	loaded  bool           // a data set has been loaded
	log     *data.OrderLog // nil for a per-user table
	source  string         // the log's name for the title
	period  data.RetentionPeriod
	metric  Metric
	results [2]*data.Retention // by period, once computed
	pending [2]bool            // asked for and not back yet
	err     error

	top, left int // first cohort row and first period column shown

	view string
}

// New returns the Cohorts screen, empty until SetData gives it data.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultKeyMap(com)}
	s.render()
	return s
}

// SetData hands the screen the loaded data set; for an order log it
// returns the Cmd that computes the triangle of the current period. The
// same log again (a new split) keeps what was computed.
func (s *Model) SetData(d *experiment.Data) tea.Cmd {
	s.loaded = d != nil
	var log *data.OrderLog
	if d != nil {
		log = d.Log
	}
	if log == s.log && log != nil {
		return nil
	}
	s.log, s.results, s.pending, s.err, s.top, s.left = log, [2]*data.Retention{}, [2]bool{}, nil, 0, 0
	s.source = ""
	if d != nil {
		s.source = d.Source.Path
	}
	cmd := s.want()
	s.render()
	return cmd
}

// want returns the Cmd computing the current period's triangle unless it
// is computed or on its way.
func (s *Model) want() tea.Cmd {
	p := s.period
	if s.log == nil || s.results[p] != nil || s.pending[p] {
		return nil
	}
	s.pending[p] = true
	return computeCmd(s.log, p)
}

// Result is the triangle shown (nil before it is computed).
func (s Model) Result() *data.Retention { return s.results[s.period] }

// Period is the period shown.
func (s Model) Period() data.RetentionPeriod { return s.period }

// Metric is what the cells show.
func (s Model) Metric() Metric { return s.metric }

// Scroll returns the first cohort row and first period column shown.
func (s Model) Scroll() (top, left int) { return s.top, s.left }

// SetSize sets the screen's size and redraws it.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.render()
}

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: the Cohorts screen has no text field.
func (s Model) Editing() bool { return false }

// View implements common.Screen; the view is drawn in Update.
func (s Model) View() string { return s.view }

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	on := s.Result() != nil
	for _, b := range []*key.Binding{&k.Metric, &k.Up, &k.Down, &k.Left, &k.Right, &k.Home} {
		b.SetEnabled(on)
	}
	k.Period.SetEnabled(s.log != nil)
	return [][]key.Binding{{k.Metric, k.Period, k.Left, k.Up}, {k.Right, k.Down, k.Home}}
}

// step handles computed triangles and keys.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.Log != s.log || s.log == nil {
			return s, nil // from a log that is no longer loaded
		}
		s.pending[msg.Period] = false
		if msg.Err != nil {
			s.err = msg.Err
		} else {
			s.results[msg.Period] = msg.Result
		}
		s.render()
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return s, nil
}

// key applies a key press.
func (s Model) key(k tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case key.Matches(k, s.keys.Period) && s.log != nil:
		s.period = 1 - s.period
		s.top, s.left = 0, 0
		cmd = s.want()
	case s.Result() == nil:
		return s, nil
	case key.Matches(k, s.keys.Metric):
		s.metric = s.nextMetric()
	case key.Matches(k, s.keys.Up):
		s.top--
	case key.Matches(k, s.keys.Down):
		s.top++
	case key.Matches(k, s.keys.Left):
		s.left--
	case key.Matches(k, s.keys.Right):
		s.left++
	case key.Matches(k, s.keys.Home):
		s.top, s.left = 0, 0
	default:
		return s, nil
	}
	s.render() // render clamps the scroll to what fits
	return s, cmd
}

// nextMetric is the metric after the current one, skipping revenue when
// the log has no amounts.
func (s Model) nextMetric() Metric {
	m := (s.metric + 1) % metricCount
	if m == Revenue && !s.Result().HasAmount {
		m = (m + 1) % metricCount
	}
	return m
}
