// Package anomalyscreen is the Anomalies screen: it scores the loaded
// users with the anomaly autoencoder in the background (live loss, stopped
// with a key), draws the distribution of scores with a cut-off moved by
// keys, counts the users above it beside the robust baseline, evaluates
// both against planted truth, lists the most abnormal users with their
// reasons, lets the user mark users as abusive or not, and retrains the
// churn model without the flagged users on one key. The maths lives in
// anomaly and experiment; this package formats and routes.
package anomalyscreen

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// DefaultPlant is the share of planted abusers p asks for on the built-in
// shop.
const DefaultPlant = 0.01

type keyMap struct {
	Score, Stop, Plant, Raise, Lower, Reset key.Binding
	Abusive, NotAbusive, Retrain            key.Binding
	Scroll                                  common.ScrollKeys
}

func defaultKeyMap(c common.Common) keyMap {
	b := func(help, en, zh string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, c.T(en, zh)))
	}
	return keyMap{
		Score:      b("s", "score", "评分", "s"),
		Stop:       b("x/esc", "stop", "停止", "x", "esc"),
		Plant:      b("p", "plant abusers", "植入作弊用户", "p"),
		Raise:      b("←/→", "cut-off", "阈值", "right", "+", "="),
		Lower:      b("←/-", "lower cut-off", "降低阈值", "left", "-"),
		Reset:      b("r", "default cut-off", "默认阈值", "r"),
		Abusive:    b("a/n", "mark", "标记", "a"),
		NotAbusive: b("n", "mark not abusive", "标为正常", "n"),
		Retrain:    b("t", "train without flagged", "去掉标记再训练", "t"),
		Scroll: common.ScrollKeys{
			Up:       b("↑/↓", "select user", "选择用户", "up", "k"),
			Down:     key.NewBinding(key.WithKeys("down", "j")),
			PageUp:   b("pgup/pgdn", "page", "翻页", "pgup"),
			PageDown: key.NewBinding(key.WithKeys("pgdown", "space")),
			Top:      b("g/G", "first/last user", "首个/末个用户", "home", "g"),
			Bottom:   key.NewBinding(key.WithKeys("end", "G")),
		},
	}
}

// Model is the Anomalies screen.
type Model struct {
	common.Common
	keys   keyMap
	parent context.Context

	data  *experiment.Data  // the loaded data
	cfg   experiment.Config // the Model screen's configuration
	opts  anomaly.Options
	plant float64 // share of abusers planted in the built-in shop (0: none)
	// scoredPlant is the planted share of the data res scored.
	scoredPlant float64

	gen     int
	job     *job
	pending float64 // the planted share of the scoring that runs

	scored *experiment.Data // the data res scored
	res    *anomaly.Result
	cut    float64
	marks  map[int]bool // row → marked abusive (true) or not abusive (false)
	sum    summary
	sel    int // the selected place in res.Order
	top    int // the first place shown

	retrain *experiment.RetrainComparison
	err     error // the last job's failure, shown in place
	errKind int   // the kind of job that failed
	stopped int   // the kind of job the user stopped last (0: none)

	view string
}

// New returns the screen with the default anomaly options.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultKeyMap(com), parent: context.Background(), marks: map[int]bool{}}
	s.render()
	return s
}

// SetParent makes the jobs derive their context from ctx.
func (s *Model) SetParent(ctx context.Context) { s.parent = ctx }

// SetInputs gives the screen the loaded data and the Model screen's
// configuration (the retrained model's). The root calls it when either
// changed; the view is redrawn only when the data changed (the
// configuration is not drawn).
func (s *Model) SetInputs(d *experiment.Data, cfg experiment.Config) {
	s.cfg = cfg
	if d == s.data {
		return
	}
	s.data, s.plant = d, 0
	if d != nil {
		s.plant = d.Planted // planted from the start (--builtin-abusers)
	}
	s.render()
}

// SetOptions sets the anomaly options of the next scoring (tests use a
// small, fast network).
func (s *Model) SetOptions(opts anomaly.Options) { s.opts = opts }

// SetPlant sets the share of abusers planted in the built-in shop before
// scoring (0: none; the data must be the built-in shop).
func (s *Model) SetPlant(share float64) {
	s.plant = share
	s.render()
}

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.render()
}

// Result is the last scoring's result (nil before one ended).
func (s Model) Result() *anomaly.Result { return s.res }

// Cutoff is the cut-off on the score.
func (s Model) Cutoff() float64 { return s.cut }

// Flagged is which rows of the scored data are flagged: above the
// cut-off, overridden by the marks.
func (s Model) Flagged() []bool {
	if s.res == nil {
		return nil
	}
	return s.res.Flagged(s.cut, s.marks)
}

// Retrained is the last retraining's comparison (nil before one ended).
func (s Model) Retrained() *experiment.RetrainComparison { return s.retrain }

// Busy reports whether a job runs.
func (s Model) Busy() bool { return s.job != nil }

// Editing implements common.Screen: the screen has no text field.
func (s Model) Editing() bool { return false }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// View implements common.Screen.
func (s Model) View() string { return s.view }

func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case TickMsg:
		if msg.gen != s.gen || s.job == nil {
			return s, nil
		}
		s.render()
		return s, tickCmd(s.gen)
	case ScoredMsg:
		if s.ended(msg.gen, scoring, msg.Err) {
			s.scored, s.res, s.cut, s.scoredPlant = msg.Data, msg.Res, msg.Res.Cutoff, s.pending
			s.marks, s.sel, s.top, s.retrain = map[int]bool{}, 0, 0, nil
		}
		s.render()
		return s, nil
	case RetrainedMsg:
		if s.ended(msg.gen, retraining, msg.Err) {
			s.retrain = &msg.Cmp
		}
		s.render()
		return s, nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return s, nil
}

// ended records the end of job gen of the given kind: a stale message
// (an older gen) changes nothing; otherwise the job is cleared and a
// cancellation or failure is kept for the state line. It reports whether
// the job succeeded, so its result should be taken.
func (s *Model) ended(gen, kind int, err error) bool {
	if gen != s.gen {
		return false
	}
	s.job = nil
	s.err, s.stopped = nil, 0
	switch {
	case cancelled(err):
		s.stopped = kind
	case err != nil:
		s.err, s.errKind = err, kind
	default:
		return true
	}
	return false
}

func (s Model) key(k tea.KeyPressMsg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	ks := s.keys
	switch {
	case s.job != nil:
		if key.Matches(k, ks.Stop) {
			s.job.stop() // the job ends with a cancelled message
		}
	case key.Matches(k, ks.Score) && s.data != nil:
		cmd = s.startScoring()
	case key.Matches(k, ks.Plant) && s.canPlant():
		if s.plant > 0 {
			s.plant = 0
		} else {
			s.plant = DefaultPlant
		}
	case s.res == nil:
	case key.Matches(k, ks.Raise):
		s.cut = s.moveCut(-1)
	case key.Matches(k, ks.Lower):
		s.cut = s.moveCut(+1)
	case key.Matches(k, ks.Reset):
		s.cut = s.res.Cutoff
	case key.Matches(k, ks.Abusive):
		s.mark(true)
	case key.Matches(k, ks.NotAbusive):
		s.mark(false)
	case key.Matches(k, ks.Retrain) && s.canRetrain():
		cmd = s.startRetrain()
	default:
		if top, ok := ks.Scroll.Scrolled(k, s.sel, max(s.listRows()-1, 1), len(s.res.Order)-1); ok {
			s.sel = top
		}
	}
	s.render()
	return s, cmd
}

// Score starts scoring the loaded data, as s does, unless a job runs or
// no data is loaded: the root scores a table loaded without a label at
// once, as the Anomalies screen is all it is loaded for.
func (s *Model) Score() tea.Cmd {
	if s.job != nil || s.data == nil {
		return nil
	}
	cmd := s.startScoring()
	s.render()
	return cmd
}

// canRetrain reports whether the scored users have a label, which the
// churn model retrained without the flagged ones needs.
func (s Model) canRetrain() bool {
	return s.scored != nil && s.scored.Table != nil && s.scored.Table.Label.Name != ""
}

// canPlant reports whether the loaded data is the built-in shop, where
// abusers can be planted.
func (s Model) canPlant() bool { return s.data != nil && s.data.Source.Kind == "builtin" }

// plantShare is the share of abusers the next scoring plants (0 unless
// the data is the built-in shop).
func (s Model) plantShare() float64 {
	if s.canPlant() {
		return s.plant
	}
	return 0
}

// mark sets the selected user's mark, or clears it when it is already so.
func (s *Model) mark(abusive bool) {
	row := s.res.Order[s.sel]
	if was, ok := s.marks[row]; ok && was == abusive {
		delete(s.marks, row)
		return
	}
	s.marks[row] = abusive
}

// moveCut returns the cut-off one press of ← (dir +1) or → (-1) moves
// to (see anomaly.Result.StepCutoff).
func (s Model) moveCut(dir int) float64 { return s.res.StepCutoff(s.cut, dir) }

// startScoring launches a scoring job on the loaded data.
func (s *Model) startScoring() tea.Cmd {
	s.gen++
	j, ctx := newJob(s.parent, scoring)
	s.job, s.err, s.stopped = j, nil, 0
	s.pending = s.plantShare()
	// Tied users in file order beside their pseudonyms would give the ids
	// back in a file sorted by id.
	opts := s.opts
	opts.TiesByID = s.Pseudonym.Enabled()
	return tea.Batch(scoreCmd(ctx, j, s.gen, s.data, s.plantShare(), opts, s.Pseudonym), tickCmd(s.gen))
}

// startRetrain launches the churn model's training with and without the
// flagged users.
func (s *Model) startRetrain() tea.Cmd {
	s.gen++
	j, ctx := newJob(s.parent, retraining)
	s.job, s.err, s.stopped = j, nil, 0
	return tea.Batch(retrainCmd(ctx, j, s.gen, s.scored, s.cfg, s.Flagged()), tickCmd(s.gen))
}

// Close stops a running job.
func (s Model) Close() {
	if s.job != nil {
		s.job.stop()
	}
}

// Wait waits for a stopped job's goroutine to end.
func (s Model) Wait() {
	if s.job != nil {
		<-s.job.done
	}
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	if s.job != nil {
		return [][]key.Binding{{k.Stop}}
	}
	k.Score.SetEnabled(s.data != nil)
	k.Plant.SetEnabled(s.canPlant())
	if s.plant > 0 {
		k.Plant.SetHelp("p", s.T("no planted abusers", "不植入作弊用户"))
	}
	has := s.res != nil
	for _, b := range []*key.Binding{&k.Scroll.Up, &k.Scroll.PageUp, &k.Scroll.Top, &k.Raise, &k.Lower, &k.Reset, &k.Abusive, &k.NotAbusive, &k.Retrain} {
		b.SetEnabled(has)
	}
	k.Retrain.SetEnabled(has && s.canRetrain())
	return [][]key.Binding{{k.Score, k.Raise, k.Abusive, k.Retrain, k.Scroll.Up, k.Plant, k.Reset, k.Scroll.PageUp, k.Scroll.Top}}
}
