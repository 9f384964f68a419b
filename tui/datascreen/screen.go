package datascreen

import (
	"errors"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// dataKeyMap holds the Data screen's keys.
type dataKeyMap struct {
	Section    key.Binding
	Scroll     key.Binding
	Columns    key.Binding
	OpenTable  key.Binding
	OpenLog    key.Binding
	Reload     key.Binding // a served session's o: the served file again
	Builtin    key.Binding
	Label      key.Binding
	Seed       key.Binding
	Cutoff     key.Binding
	Horizon    key.Binding
	Validation key.Binding
	BTYD       key.Binding
	Exclude    key.Binding
	Codes      key.Binding // numbers ⇄ categories
	LogColumns key.Binding // an order log's columns, by role
	RoleMove   key.Binding // the column chooser's ↑/↓
	ColumnMove key.Binding // the column chooser's ←/→
	Confirm    key.Binding
	Cancel     key.Binding
	Complete   key.Binding
	// Clear is the field's own ctrl+u (clear before the cursor), named in
	// the footer of a path prompt.
	Clear      key.Binding
	PickerMove key.Binding
	// Prevent and Encourage answer the target question; Target switches
	// the target afterwards.
	Prevent, Encourage, Target key.Binding
	// Train is a hint, not a key of this screen: 3 is the Train tab's
	// key, where space starts a run (the first thing a newcomer wants).
	Train key.Binding
}

func defaultDataKeyMap(c common.Common) dataKeyMap {
	return dataKeyMap{
		Section:    key.NewBinding(key.WithKeys("left", "right", "v"), key.WithHelp("←/→", c.T("section", "分区"))),
		Scroll:     key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown"), key.WithHelp("↑/↓ pgup/pgdn", c.T("move", "移动"))),
		Columns:    key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[/]", c.T("preview columns", "预览的列"))),
		OpenTable:  key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("open file", "打开文件"))),
		OpenLog:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", c.T("open order log", "打开订单日志"))),
		Reload:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", c.T("reload served file", "重新载入服务的文件"))),
		Builtin:    key.NewBinding(key.WithKeys("b"), key.WithHelp("b", c.T("built-in data", "内置数据"))),
		Label:      key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("label column", "标签列"))),
		Seed:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("re-split seed", "重新划分的种子"))),
		Cutoff:     key.NewBinding(key.WithKeys("u"), key.WithHelp("u", c.T("cutoff date", "截止日期"))),
		Horizon:    key.NewBinding(key.WithKeys("h"), key.WithHelp("h", c.T("horizon", "观察期"))),
		Validation: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("out of time/random split", "跨时间/随机划分"))),
		BTYD:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("BG/NBD inputs on/off", "BG/NBD 输入 开/关"))),
		Exclude:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", c.T("column in/out of features", "列 纳入/排除 特征"))),
		Codes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", c.T("numbers ⇄ categories", "数值 ⇄ 类别"))),
		LogColumns: key.NewBinding(key.WithKeys("l"), key.WithHelp("l", c.T("log columns", "日志的列"))),
		RoleMove:   key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", c.T("role", "角色"))),
		ColumnMove: key.NewBinding(key.WithKeys("left", "right", "tab", "shift+tab"), key.WithHelp("←/→", c.T("its column", "该角色的列"))),
		Confirm:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("confirm", "确认"))),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("cancel", "取消"))),
		Complete:   key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", c.T("complete path", "补全路径"))),
		Clear:      key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", c.T("clear", "清空"))),
		PickerMove: key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", c.T("choose", "选择"))),
		Prevent:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", c.T("plan: prevent", "计划：预防"))),
		Encourage:  key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("plan: encourage", "计划：促成"))),
		Target:     c.TargetKey(),
		Train:      key.NewBinding(key.WithKeys("3"), key.WithHelp(c.T("3 then space", "3 再按空格"), c.T("train", "训练"))),
	}
}

// dataSection is the part of the Data screen shown below its header.
type dataSection int

const (
	sectionSchema dataSection = iota
	sectionPreview
	sectionDists
	sectionCount
)

// Model is the Data screen: where the data came from, its schema, a
// preview and the features' distributions by label; it lets the user open
// other data, choose the label and re-split.
type Model struct {
	common.Common
	keys dataKeyMap

	data *experiment.Data
	info Info

	section dataSection
	scroll  [sectionCount]int
	colOff  int // first preview column shown
	// previewOrder is the preview's row order (nil: file order; see
	// previewOrder).
	previewOrder []int32

	prompt  prompt
	picking bool // choosing the label column
	pick    int
	tgt     targetState
	ask     *askState  // the label question, when the file's label was not recognised
	cols    *colsState // the column chooser of an order log (l)
	askErr  error      // the refusal shown if the question is declined
	// answered is the question last answered with enter, whose file comes
	// back asked again when the column chosen cannot be the label.
	answered *askState
	flash    common.Said // why the last key was refused, in place
	// chosen is the log the column chooser asked to read, until other
	// data are shown: loaded, its columns are given as a flag.
	chosen  *experiment.Source
	loadErr string // why the load failed while no data is loaded ("": loading)
	// bare is the table loaded without a label (nil: none); data is nil
	// while it is set.
	bare *bareState

	view string // rendered after every change, so View only returns it
}

// New returns the Data screen. In a session of retain serve (com.Served)
// it opens no path its user types and lists no folder of the server: o
// reloads the served file instead, and g is not offered.
func New(com common.Common) Model {
	return Model{Common: com, keys: defaultDataKeyMap(com)}
}

// SetSize sets the size of the screen's area.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	if s.prompt.active() {
		common.SetFieldWidth(&s.prompt.input.Model, common.PromptFieldWidth(s.prompt.input.Model, w))
	}
	s.view = s.render()
}

// SetData shows a loaded data set and what was computed about it.
func (s *Model) SetData(d *experiment.Data, info Info) {
	// The same file read again (a column put in or out of the features)
	// keeps the selection; other data start at the top.
	if s.data != d && (s.data == nil || d == nil || s.data.Source.Path != d.Source.Path || s.data.Source.Kind != d.Source.Kind) {
		s.scroll, s.colOff = [sectionCount]int{}, 0
	}
	if s.chosen != nil && (d == nil || d.Source.Path != s.chosen.Path || d.Source.Kind != s.chosen.Kind ||
		d.Source.LogColumns != s.chosen.LogColumns) {
		s.chosen = nil
	}
	s.data, s.info, s.bare = d, info, nil
	s.previewOrder = previewOrder(d, s.Pseudonym.Enabled())
	s.prompt, s.picking, s.ask, s.cols, s.answered, s.flash = prompt{}, false, nil, nil, nil, common.Said{}
	s.askTarget()
	s.view = s.render()
}

// SetLoadFailed says why loading failed while no data is loaded, in the
// interface's language; "" means data is loading.
func (s *Model) SetLoadFailed(reason string) {
	s.loadErr = reason
	s.view = s.render()
}

// Editing implements common.Screen: a prompt, the label picker or the
// column chooser has the keyboard.
func (s Model) Editing() bool { return s.prompt.active() || s.picking || s.ask != nil || s.cols != nil }

func (s Model) isLog() bool { return s.data != nil && s.data.Source.Kind == "log" }

// Update implements common.Screen: it handles keys and completion results.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// step handles a message and renders the result.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	s, cmd := s.update(msg)
	s.view = s.render()
	return s, cmd
}

func (s Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case DirListMsg:
		s.prompt = s.prompt.complete(s.Common, msg)
		return s, nil
	case common.TargetMsg:
		s.tgt.chosen = &msg.Target
		if s.data != nil && s.data.Table != nil && msg.Target.Label == s.labelSpec() {
			s.tgt.asking = false
		}
		return s, nil
	case tea.KeyPressMsg:
		s.flash = common.Said{}
		switch {
		case s.ask != nil:
			return s.askKey(msg)
		case s.cols != nil:
			return s.colsKey(msg)
		case s.prompt.active():
			return s.promptKey(msg)
		case s.picking:
			return s.pickKey(msg), s.pickCmd(msg)
		}
		return s.browseKey(msg)
	case tea.PasteMsg:
		if !s.prompt.active() {
			return s, nil
		}
		// A paste is typing: it clears the last refusal and completions.
		var cmd tea.Cmd
		s.prompt.input, cmd = s.prompt.input.Paste(msg)
		s.prompt.err, s.prompt.matches = common.Said{}, nil
		return s, cmd
	}
	if s.prompt.active() {
		var cmd tea.Cmd
		s.prompt.input, cmd = s.prompt.input.Update(msg)
		return s, cmd
	}
	return s, nil
}

func (s Model) browseKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if next, cmd, ok := s.targetKey(k); ok {
		return next, cmd
	}
	var cmd tea.Cmd
	switch {
	case key.Matches(k, s.keys.Section):
		step := dataSection(1)
		if k.String() == "left" {
			step = sectionCount - 1
		}
		s.section = (s.section + step) % sectionCount
	case key.Matches(k, s.keys.Scroll):
		s.scrollBy(k.String())
	case key.Matches(k, s.keys.Columns) && s.data != nil:
		// From another section the keys show the preview they scroll.
		s.section = sectionPreview
		if k.String() == "]" {
			s.colOff++
		} else {
			s.colOff = max(s.colOff-1, 0)
		}
	case s.Served && key.Matches(k, s.keys.Reload, s.keys.OpenLog):
		return s.servedOpen(k)
	case key.Matches(k, s.keys.OpenTable):
		s.prompt, cmd = newPrompt(s.Common, promptTable, s.pathHint())
	case key.Matches(k, s.keys.OpenLog):
		s.prompt, cmd = newPrompt(s.Common, promptLog, s.pathHint())
	case key.Matches(k, s.keys.Builtin):
		return s, emit(OpenMsg{Src: experiment.Source{Kind: "builtin"}})
	case key.Matches(k, s.keys.Label) && s.bare != nil:
		s.AskUnlabelled()
	case key.Matches(k, s.keys.Label) && len(s.info.Candidates) > 1:
		s.picking, s.pick = true, 0
	case key.Matches(k, s.keys.Exclude) && s.section == sectionSchema:
		return s.toggleExcluded()
	case key.Matches(k, s.keys.Codes) && s.section == sectionSchema:
		return s.toggleCodes()
	case key.Matches(k, s.keys.Seed) && s.data != nil:
		s.prompt, cmd = newPrompt(s.Common, promptSeed, strconv.FormatUint(s.info.Seed, 10))
	case key.Matches(k, s.keys.Cutoff) && s.isLog():
		s.prompt, cmd = newPrompt(s.Common, promptCutoff, s.data.Source.Cutoff.Format(time.DateOnly))
	case key.Matches(k, s.keys.Horizon) && s.isLog():
		s.prompt, cmd = newPrompt(s.Common, promptHorizon, strconv.Itoa(s.data.Source.HorizonDays))
	case key.Matches(k, s.keys.LogColumns) && s.isLog():
		return s.openColumns(), nil
	case key.Matches(k, s.keys.Validation) && s.isLog():
		return s, emit(SchemeMsg{Scheme: s.info.Validation.asked().Other()})
	case key.Matches(k, s.keys.BTYD) && s.isLog():
		// Reload the log with the BG/NBD quantities added or taken away.
		src := s.data.Source
		src.Features.BTYD = !src.Features.BTYD
		return s, emit(OpenMsg{Src: src})
	}
	return s, cmd
}

// servedOpen answers o and g in a served session: o loads the served file
// again as the server serves it (its label and columns), g says why it
// opens nothing.
func (s Model) servedOpen(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if s.ServedFile.Path != "" && key.Matches(k, s.keys.Reload) {
		return s, emit(OpenMsg{Src: s.ServedFile})
	}
	if s.ServedFile.Path != "" {
		s.flash = s.say(func(s Model) string {
			return s.Tf("a served session opens no other file: o reloads %s", "服务会话不能打开其他文件：按 o 重新载入 %s", s.ServedFile.Path)
		})
	} else {
		s.flash = s.say(func(s Model) string {
			return s.T("a served session opens no file: the server serves the built-in data", "服务会话不能打开文件：服务器提供的是内置数据")
		})
	}
	return s, nil
}

func (s *Model) scrollBy(k string) {
	page := max(s.Height/2, 1)
	switch k {
	case "up", "k":
		s.scroll[s.section]--
	case "down", "j":
		s.scroll[s.section]++
	case "pgup":
		s.scroll[s.section] -= page
	case "pgdown":
		s.scroll[s.section] += page
	}
	s.scroll[s.section] = max(s.scroll[s.section], 0)
	if s.section == sectionSchema {
		// In the schema the offset is the selected column.
		s.scroll[s.section] = min(s.scroll[s.section], max(len(s.info.Schema.Columns)-1, 0))
	}
}

// pathHint pre-fills the path prompt with the current file's folder.
func (s Model) pathHint() string {
	if s.data == nil || s.data.Source.Path == "" {
		return ""
	}
	p := s.data.Source.Path
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[:i+1]
	}
	return ""
}

func (s Model) promptKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.prompt = prompt{}
		return s, nil
	case key.Matches(k, s.keys.Complete) && s.prompt.kind.isPath() && s.Served:
		// A session's client must not learn what the server's folders hold.
		s.prompt.err, s.prompt.matches = s.SayIn(errNoCompletion), nil
		return s, nil
	case key.Matches(k, s.keys.Complete) && s.prompt.kind.isPath():
		// Completing keeps the folder: what is typed next goes on from
		// it, not replaces it.
		s.prompt.input.Continue(s.prompt.input.Value())
		return s, listDirCmd(s.prompt.input.Value())
	case key.Matches(k, s.keys.Confirm):
		typed := strings.TrimSpace(s.prompt.input.Typed())
		msg, err := s.submit(typed)
		if err != nil {
			// Said again in the other language: submit only reads.
			s.prompt.err = s.say(func(s Model) string { _, err := s.submit(typed); return err.Error() })
			return s, nil
		}
		s.prompt = prompt{}
		return s, emit(msg)
	}
	var cmd tea.Cmd
	s.prompt.input, cmd = s.prompt.input.Key(k)
	s.prompt.err, s.prompt.matches = common.Said{}, nil
	return s, cmd
}

// submit turns the prompt's text into a request for the root, or says why
// the text is refused.
func (s Model) submit(v string) (tea.Msg, error) {
	switch s.prompt.kind {
	case promptTable, promptLog:
		if v == "" || strings.HasSuffix(v, "/") {
			if s.Served {
				return nil, errors.New(s.T("type a file name", "请输入文件名"))
			}
			return nil, errors.New(s.T("type a file name (tab completes)", "请输入文件名（tab 可补全）"))
		}
		kind := "csv"
		if s.prompt.kind == promptLog {
			kind = "log"
		}
		// An absolute path typed or pasted after the directory the prompt
		// starts with is that path ("/data/" then "/tmp/x.csv" opens
		// /tmp/x.csv, not /data//tmp/x.csv).
		if hint := s.pathHint(); hint != "" && strings.HasPrefix(v, hint+"/") {
			v = v[len(hint):]
		}
		// A folder kept and edited ("data/shop/../retail/x.csv") is
		// shown and recorded as the path it names.
		return OpenMsg{Src: experiment.Source{Kind: kind, Path: filepath.Clean(v)}}, nil
	case promptSeed:
		seed, err := strconv.ParseUint(v, 10, 64)
		if errors.Is(err, strconv.ErrRange) {
			return nil, errors.New(s.Tf("the seed is too large: at most %d", "种子太大：最大为 %d", uint64(math.MaxUint64)))
		}
		if err != nil {
			return nil, errors.New(s.T("the seed must be a whole number ≥ 0", "种子须为 ≥ 0 的整数"))
		}
		return ResplitMsg{Seed: seed}, nil
	case promptCutoff:
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return nil, errors.New(s.T("write the date as YYYY-MM-DD, e.g. 1998-03-31", "日期请写成 YYYY-MM-DD，例如 1998-03-31"))
		}
		src := s.data.Source
		src.Cutoff, src.CutoffDefault = t, false
		return OpenMsg{Src: src}, nil
	case promptHorizon:
		days, err := data.ParseHorizon(v)
		if err != nil {
			return nil, errors.New(s.Tf("write the horizon as days, e.g. 90d, 13w or 90, from 1 to %s days", "观察期请写成天数，例如 90d、13w 或 90，取 1 到 %s 天", common.Thousands(data.MaxHorizonDays)))
		}
		src := s.data.Source
		src.HorizonDays = days
		if src.CutoffDefault {
			// A cutoff nobody chose follows the horizon, as the command
			// line's default does: the last date minus the horizon.
			src.Cutoff = time.Time{}
		}
		return OpenMsg{Src: src}, nil
	}
	return nil, errors.New(s.T("nothing to confirm", "没有可确认的内容"))
}

func (s Model) pickKey(k tea.KeyPressMsg) Model {
	switch k.String() {
	case "up", "k":
		s.pick = max(s.pick-1, 0)
	case "down", "j":
		s.pick = min(s.pick+1, len(s.info.Candidates)-1)
	case "esc", "enter":
		s.picking = false
	}
	return s
}

func (s Model) pickCmd(k tea.KeyPressMsg) tea.Cmd {
	if k.String() != "enter" || s.pick == 0 || s.pick >= len(s.info.Candidates) {
		return nil
	}
	src := s.data.Source
	src.Label = s.info.Candidates[s.pick]
	return emit(OpenMsg{Src: src})
}

// emit returns a Cmd that delivers msg to the root.
func emit(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// HelpGroups implements common.Screen: the keys that work now, the first
// group for the short footer.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	switch {
	case s.ask != nil:
		return [][]key.Binding{{k.PickerMove, k.Confirm, k.Cancel}}
	case s.cols != nil:
		k.Confirm.SetHelp("enter", s.T("read the log again", "重新读取日志"))
		return [][]key.Binding{{k.RoleMove, k.ColumnMove, k.Confirm, k.Cancel}}
	case s.prompt.active():
		k.Complete.SetEnabled(s.prompt.kind.isPath() && !s.Served)
		// While the value is selected, typing replaces it (HelpKeys say
		// so); once editing, ctrl+u clears a path to type another.
		k.Clear.SetEnabled(s.prompt.kind.isPath() && !s.prompt.input.Selected() && s.prompt.input.Value() != "")
		return [][]key.Binding{append([]key.Binding{k.Confirm, k.Complete, k.Clear, k.Cancel}, s.prompt.input.HelpKeys(s.Common)...)}
	case s.picking:
		return [][]key.Binding{{k.PickerMove, k.Confirm, k.Cancel}}
	}
	k.Label.SetEnabled(len(s.info.Candidates) > 1 || s.bare != nil)
	k.Train.SetEnabled(s.data != nil)
	loaded := s.data != nil && s.data.Table != nil
	k.Prevent.SetEnabled(loaded && s.tgt.asking)
	k.Encourage.SetEnabled(loaded && s.tgt.asking)
	k.Target.SetEnabled(loaded && !s.tgt.asking)
	k.Seed.SetEnabled(s.data != nil)
	k.Cutoff.SetEnabled(s.isLog())
	k.Horizon.SetEnabled(s.isLog())
	k.Validation.SetEnabled(s.isLog())
	k.BTYD.SetEnabled(s.isLog())
	k.LogColumns.SetEnabled(s.isLog())
	k.Columns.SetEnabled(s.data != nil)
	k.Section.SetEnabled(s.data != nil)
	k.Scroll.SetEnabled(s.data != nil)
	k.Exclude.SetEnabled(s.data != nil && s.section == sectionSchema)
	k.Codes.SetEnabled(s.data != nil && s.section == sectionSchema)
	// A served session opens no path: o reloads the served file, if any.
	k.OpenTable.SetEnabled(!s.Served)
	k.OpenLog.SetEnabled(!s.Served)
	k.Reload.SetEnabled(s.Served && s.ServedFile.Path != "")
	return [][]key.Binding{
		// The footer's keys, those that work now, the most used first:
		// how to train, then how to open other data (the plan's target
		// is a setting with its guess, not a question to answer first).
		{k.Train, k.OpenTable, k.Reload, k.OpenLog, k.Builtin, k.Label, k.Exclude, k.Codes, k.Columns, k.Section, k.Seed,
			k.Cutoff, k.Horizon, k.LogColumns, k.Validation, k.BTYD, k.Prevent, k.Encourage, k.Target},
		{k.Section, k.Scroll, k.Columns, k.Exclude, k.Codes},
		{k.OpenTable, k.OpenLog, k.Reload, k.Builtin, k.Label, k.Seed, k.Cutoff, k.Horizon, k.LogColumns, k.Validation, k.BTYD, k.Prevent, k.Encourage, k.Target},
	}
}

// Info returns what the screen shows about the loaded data.
func (s Model) Info() Info { return s.info }

// PromptValue returns the open prompt's text ("" when none is open).
func (s Model) PromptValue() string { return s.prompt.input.Value() }

// SetPromptValue replaces the open prompt's text, as typing would.
func (s *Model) SetPromptValue(v string) {
	s.prompt.input.Continue(v)
	s.prompt.err, s.prompt.matches = common.Said{}, nil
}

// PromptErr returns why the open prompt refused its text ("" if it did not).
func (s Model) PromptErr() string { return s.prompt.err.In(s.Common) }

// PromptMatches returns the completions listed under the open prompt.
func (s Model) PromptMatches() []string { return s.prompt.matches }

// Picking reports whether the label picker is open.
func (s Model) Picking() bool { return s.picking }

// ColumnOffset returns the first feature column the preview shows.
func (s Model) ColumnOffset() int { return s.colOff }

// Section returns the section shown: 0 schema, 1 preview, 2 distributions.
func (s Model) Section() int { return int(s.section) }
