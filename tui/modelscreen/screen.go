package modelscreen

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// maxLayers bounds the hidden layers the screen lets one add.
const maxLayers = 8

// modelKeyMap holds the Model screen's keys.
type modelKeyMap struct {
	Move     key.Binding
	Step     key.Binding
	Edit     key.Binding
	AddLayer key.Binding
	DelLayer key.Binding
	Preset   key.Binding // its help says what the next press does (presetHelp)
	Reset    key.Binding
	Confirm  key.Binding
	Cancel   key.Binding
}

func defaultModelKeyMap(c common.Common) modelKeyMap {
	return modelKeyMap{
		Move:     key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", c.T("select", "选择"))),
		Step:     key.NewBinding(key.WithKeys("left", "right", "-", "+", "="), key.WithHelp("←/→", c.T("change", "调整"))),
		Edit:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("type a value", "输入数值"))),
		AddLayer: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("add layer", "添加一层"))),
		DelLayer: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", c.T("remove layer", "删除该层"))),
		Preset:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("article preset", "文章预设"))),
		Reset:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("defaults", "恢复默认"))),
		Confirm:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("apply", "确认"))),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("cancel", "取消"))),
	}
}

// Model is the Model screen: it edits the network and training settings
// and shows the Keras-style summary of the network they describe.
type Model struct {
	common.Common
	keys modelKeyMap

	cfg experiment.Config
	// initial is the configuration the session started with, the default
	// r (and the preset key after the last preset) goes back to.
	initial experiment.Config
	// version counts the settings taken (ConfigVersion): every change of
	// cfg after New goes through apply or a setter, which bump it.
	version uint64
	limits  experiment.Limits
	shape   experiment.Shape // the loaded data's (zero until loaded)
	noData  bool             // loading failed and no data is loaded

	sel     int
	typing  bool
	input   common.Field
	refusal common.Said // why the last value was refused, shown by its field
	refused int         // the field it belongs to

	preset     int         // 1-based index of the last preset applied (0: none, or the default)
	presetNote common.Said // what the last preset or reset did, shown under the title
	// aside names the data a preset's own data replaced, which the next
	// preset step or r brings back ("" when none is set aside).
	aside string

	view string // rendered after every change, so View only returns it
}

// New returns the Model screen editing cfg within the session's limits.
func New(com common.Common, cfg experiment.Config, limits experiment.Limits) Model {
	cfg = cloneConfig(cfg)
	cfg.Train.Epochs = limits.ClampEpochs(cfg.Train.Epochs)
	return Model{Common: com, keys: defaultModelKeyMap(com), cfg: cfg, initial: cloneConfig(cfg), limits: limits, refused: -1}
}

// cloneConfig copies the hidden layers, so an edit never changes a
// configuration a running experiment holds.
func cloneConfig(c experiment.Config) experiment.Config {
	c.Hidden = slices.Clone(c.Hidden)
	return c
}

// Config returns the settings as edited so far (always valid).
func (s Model) Config() experiment.Config { return cloneConfig(s.cfg) }

// ConfigVersion returns a number that changes whenever the settings are
// set (by a key, a preset, SetSeed, SetValidation or SetConfig), so the
// root gives other screens Config only when it may have changed. Settings
// set to what they were count as a change too.
func (s Model) ConfigVersion() uint64 { return s.version }

// SetSize sets the size of the screen's area.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	s.view = s.render()
}

// SetShape tells the screen the loaded data's model inputs and training
// rows, for the summary and the session's limits.
func (s *Model) SetShape(shape experiment.Shape) {
	s.shape = shape
	s.view = s.render()
}

// SetNoData tells the screen whether loading failed with no data loaded,
// so the summary says how to load some instead of waiting.
func (s *Model) SetNoData(failed bool) {
	s.noData = failed
	s.view = s.render()
}

// SetSeed sets the seed (the Data screen's reshuffle chose it).
func (s *Model) SetSeed(seed uint64) {
	s.cfg.Seed = seed
	s.version++
	s.view = s.render()
}

// SetConfig replaces the configuration (the Tune screen's best, say),
// which ends the note of a preset applied before.
func (s *Model) SetConfig(cfg experiment.Config) {
	s.cfg = cloneConfig(cfg)
	s.preset, s.presetNote = 0, common.Said{}
	s.version++
	s.view = s.render()
}

// Editing implements common.Screen: true while a value is typed.
func (s Model) Editing() bool { return s.typing }

// Inputs returns the model inputs the summary counts from (0 until the
// data is loaded).
func (s Model) Inputs() int { return s.shape.Inputs }

// Selected returns the label of the selected setting.
func (s Model) Selected() string { return s.fieldList()[s.sel].label }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// step handles keys and redraws.
// settingCharLimit is the longest text a setting's field takes: longer
// than any seed (20 digits) or rate a user writes.
const settingCharLimit = 32

func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	if s.typing && s.input.Drops(msg) {
		return s, nil // nothing changes: nothing to draw again
	}
	s, cmd := s.update(msg)
	s.view = s.render()
	return s, cmd
}

func (s Model) update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if !s.typing {
			return s, nil
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Update(msg)
		return s, cmd
	}
	if s.typing {
		return s.typingKey(k)
	}
	fs := s.fieldList()
	switch {
	case key.Matches(k, s.keys.Move):
		if k.String() == "up" || k.String() == "k" {
			s.sel = max(s.sel-1, 0)
		} else {
			s.sel = min(s.sel+1, len(fs)-1)
		}
	case key.Matches(k, s.keys.Step):
		dir := 1
		if k.String() == "left" || k.String() == "-" {
			dir = -1
		}
		next := cloneConfig(s.cfg)
		fs[s.sel].step(&next, dir)
		s.apply(next, nil)
	case key.Matches(k, s.keys.Edit):
		s.typing = true
		s.input = common.NewField(s.Common, "")
		s.input.SetWidth(9)
		// A setting is a number or a word: a key beyond this is dropped
		// at once, however many a paste without brackets types.
		s.input.CharLimit = settingCharLimit
		// The value is selected: a number typed replaces it.
		return s, s.input.Open(fs[s.sel].get(s.cfg))
	case key.Matches(k, s.keys.Preset):
		return s, s.nextPreset()
	case key.Matches(k, s.keys.Reset):
		return s, s.reset()
	case key.Matches(k, s.keys.AddLayer) && len(s.cfg.Hidden) < maxLayers:
		s.addLayer(fs[s.sel].layer)
	case key.Matches(k, s.keys.DelLayer) && fs[s.sel].layer > 0:
		next := cloneConfig(s.cfg)
		next.Hidden = slices.Delete(next.Hidden, fs[s.sel].layer-1, fs[s.sel].layer)
		s.apply(next, nil)
		s.sel = min(s.sel, len(s.fieldList())-1)
	}
	return s, nil
}

// addLayer inserts a copy of layer at (1-based; 0 for none selected) after
// it, or a 32-unit ReLU layer after the last one.
func (s *Model) addLayer(at int) {
	next := cloneConfig(s.cfg)
	spec := engine.LayerSpec{Units: 32, Activation: engine.ReLU}
	pos := len(next.Hidden)
	if at > 0 {
		spec, pos = next.Hidden[at-1], at
	}
	next.Hidden = slices.Insert(next.Hidden, pos, spec)
	s.apply(next, nil)
	s.sel = 2 * pos
}

func (s Model) typingKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.typing, s.refusal, s.refused = false, common.Said{}, -1
		return s, nil
	case key.Matches(k, s.keys.Confirm):
		next, typed := cloneConfig(s.cfg), s.input.Typed()
		if err := s.fieldList()[s.sel].set(&next, typed); err != nil {
			// The field's words, which its list says in each language.
			s.refusal, s.refused = s.say(func(s Model) string {
				cfg := cloneConfig(s.cfg)
				return s.ErrorText(s.fieldList()[s.sel].set(&cfg, typed))
			}), s.sel
			return s, nil
		}
		if s.apply(next, nil) {
			s.typing = false
		}
		return s, nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Key(k)
	return s, cmd
}

// apply takes next unless err, the configuration's own check or the
// session's limits refuse it; the reason stays by the field until the next
// change.
func (s *Model) apply(next experiment.Config, err error) bool {
	if err == nil {
		err = next.Validate()
	}
	if err == nil {
		err = s.beyondLimits(next)
	}
	if err != nil {
		s.refusal, s.refused = s.say(func(s Model) string { return s.ErrorText(err) }), s.sel
		return false
	}
	s.cfg, s.refusal, s.refused, s.presetNote = next, common.Said{}, -1, common.Said{}
	s.version++
	return true
}

// beyondLimits refuses next when its network is beyond the session's
// limits (a *experiment.LimitError), unless the current one is beyond them
// too and next needs less (see experiment.Limits.CheckChange).
func (s Model) beyondLimits(next experiment.Config) error {
	return s.limits.CheckChange(s.shape, s.cfg, next)
}

// HelpGroups implements common.Screen: the keys that work now.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	if s.typing {
		return [][]key.Binding{append([]key.Binding{k.Confirm, k.Cancel}, s.input.HelpKeys(s.Common)...)}
	}
	fs := s.fieldList()
	k.AddLayer.SetEnabled(len(s.cfg.Hidden) < maxLayers)
	k.DelLayer.SetEnabled(s.sel < len(fs) && fs[s.sel].layer > 0)
	k.Preset.SetHelp("p", s.presetHelp())
	// The preset keys come before the layer keys: what p does next
	// (loading the §4.3 case's own users, say) is worth reading first.
	return [][]key.Binding{{k.Move, k.Step, k.Edit, k.Preset, k.Reset, k.AddLayer, k.DelLayer}}
}

// summaryLines is the Keras-style summary of the network being edited.
func (s Model) summaryLines(w int) []string {
	st := s.Styles
	lines := []string{st.Title.Render(s.T("Network summary", "网络概要"))}
	inputs := s.shape.Inputs
	if inputs == 0 {
		why := s.T("waiting for the data to know the input width", "等数据加载后才知道输入宽度")
		if s.noData {
			why = s.T("The input width is known once data is loaded. ", "加载数据后才知道输入宽度。") + s.NoData()
		}
		for _, l := range widget.WrapUnmarked(why, w) {
			lines = append(lines, st.Muted.Render(l))
		}
		return lines
	}
	arch := s.cfg.Arch(inputs)
	layerW := max(w-12-10, 10)
	row := func(a, b, c string) string {
		return common.Pad(a, layerW-1) + " " + common.Pad(b, 12) + common.PadLeft(c, 10)
	}
	lines = append(lines, st.Header.Render(row(s.T("Layer", "层"), s.T("Output", "输出形状"), s.T("Params", "参数"))))
	lines = append(lines, row(s.T("input", "输入"), fmt.Sprintf("(None, %d)", inputs), ""))
	summary := arch.Summary()
	for i, r := range summary {
		layer := r.Layer // dense_N, a Keras-style name, as it is
		if i == len(summary)-1 {
			layer = s.T("output", "输出") // as the input row
		}
		lines = append(lines, row(fmt.Sprintf("%s (%s)", layer, r.Activation), dims(r.OutputDims), common.Thousands(r.Params)))
	}
	lines = append(lines, st.Border.Render(strings.Repeat("─", min(w, layerW+22))))
	lines = append(lines, s.T("Total params: ", "参数总数：")+st.Value.Render(common.Thousands(arch.ParamCount())))
	lines = append(lines, s.limitLines(w)...)
	out, loss := s.T("output: sigmoid", "输出：sigmoid"), s.T("loss: binary cross-entropy", "损失：二元交叉熵")
	if ansi.StringWidth(out+" · "+loss) <= w {
		return append(lines, st.Muted.Render(out+" · "+loss))
	}
	return append(lines, st.Muted.Render(common.Truncate(out, w)), st.Muted.Render(common.Truncate(loss, w)))
}

func dims(d []int) string {
	parts := make([]string, len(d))
	for i, v := range d {
		if v < 0 {
			parts[i] = "None"
		} else {
			parts[i] = fmt.Sprint(v)
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
