package usersscreen

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
	"github.com/retainlab/retain/tui/widget"
)

// usersPrompt is what the screen's text field is for.
type usersPrompt int

const (
	usersNoPrompt usersPrompt = iota
	usersSearchPrompt
	usersExportPrompt
	usersValuePrompt
)

// Model is the per-user inspector: a virtualised table of every
// user and a detail pane for the selected one, with what-if editing.
type Model struct {
	common.Common
	keys usersKeyMap

	list    userList
	waiting int // the run being scored (0: none)

	// cohort is the run's own scored rows; today, once scored, its order
	// log's current customers, shown instead while showToday (key t).
	cohort, today *usersData
	showToday     bool
	todayWaiting  bool
	err           error
	status        common.Said // the last search, export or what-if message

	prompt usersPrompt
	input  common.Field
	query  string // the last search
	// findGen counts the searches asked for (FindMsg).
	findGen int

	// threshold is the shared decision threshold and thresholdRun the run
	// it belongs to (common.ThresholdMsg); other runs use their own.
	threshold    float64
	thresholdRun int
	// out runs the exports; on a served session (Options.Served) they never
	// go to a path the client typed.
	out       exporter.Model
	shownKeys exporter.ShownKeys

	detail       bool // the detail pane covers the table (narrow windows)
	detailScroll int  // the first line of the detail pane shown
	explainCache
	whatIf whatIf
	recs   recommendations

	bars  widget.SignedBars
	sweep widget.SeriesChart
	// levels is the sweep of a categorical feature: one bar per level.
	levels widget.SignedBars
	view   string
}

// reasonText writes a reason with an explicit sign (+ or −) and three
// decimals.
func reasonText(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return widget.FormatSigned(v)
	}
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	return sign + strconv.FormatFloat(math.Abs(v), 'f', 3, 64)
}

// New returns the Users screen in the context com, empty until SetRun.
func New(com common.Common) Model {
	st := com.Styles
	// The reasons are shares of a probability, printed as the
	// probabilities are (P 0.847, the average user's 0.187): three
	// decimals, whatever the largest, so that a what-if's reasons read
	// with the same decimals as the user's own (+0.252 then +0.0627).
	bars := com.NewSignedBars()
	bars.SetFormat(reasonText)
	sweep := widget.NewSeriesChart(com.T("What-if sweep", "假设分析扫描"), st.Widget, com.T("probability", "概率"), com.T("this user", "该用户"))
	sweep.SetYLimits(0, 1)
	sweep.SetLegendValues(false) // the sweep's last point is the top of the range, not the user
	levels := com.NewSignedBars()
	levels.SetFormat(func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) })
	return Model{Common: com, keys: defaultUsersKeyMap(com), bars: bars, sweep: sweep, levels: levels,
		explainCache: newExplainCache(), out: newExports(), shownKeys: exporter.DefaultShownKeys(com)}
}

// SetRun starts scoring a run's users.
func (s *Model) SetRun(run common.Run) tea.Cmd {
	if run.Exp == nil || (s.list.users != nil && s.list.users.run == run.Number) {
		return nil
	}
	s.waiting, s.err = run.Number, nil
	s.render()
	return usersCmd(run, s.Pseudonym.Enabled())
}

// SelectedRow returns the selected user's table row, or −1.
func (s Model) SelectedRow() int { return s.list.selected() }

// Exp returns the experiment the users belong to (nil before any).
func (s Model) Exp() *experiment.Experiment {
	if s.list.users == nil {
		return nil
	}
	return s.list.users.exp
}

// Editing implements common.Screen: a prompt or an export on screen has
// the keyboard.
func (s Model) Editing() bool { return s.prompt != usersNoPrompt || s.out.Showing() }

// PromptValue returns the open prompt's text ("" when none is open).
func (s Model) PromptValue() string {
	if s.prompt == usersNoPrompt {
		return ""
	}
	return s.input.Value()
}

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	if s.prompt != usersNoPrompt {
		common.SetFieldWidth(&s.input.Model, common.PromptFieldWidth(s.input.Model, w))
	}
	if s.whatIf.active && !usersLayout(w, h, false).split {
		// Narrowed during a what-if: its pane, not the table, as w opens it.
		s.detail = true
	}
	l := usersLayout(w, h, s.detail)
	s.list.setHeight(l.tableRows)
	s.render() // which sizes the detail pane's charts
}

// step handles keys and the results of the screen's Cmds.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.today {
			cmd = s.todayReady(msg)
			break
		}
		if msg.run != s.waiting {
			return s, nil
		}
		s.waiting, s.err = 0, msg.err
		if msg.err == nil {
			s.list.threshold = s.runThreshold(msg.users)
			if s.showToday {
				s.list.users, s.list.shown, s.list.cursor, s.list.offset = nil, nil, 0, 0
			}
			s.cohort, s.today, s.showToday, s.todayWaiting = msg.users, nil, false, false
			s.list.setUsers(msg.users)
			s.explainCache = newExplainCache()
			s.whatIf = whatIf{}
			cmd = s.selectionChanged()
		}
	case ExplainMsg:
		cmd = s.storeExplanation(msg)
	case FilterMsg:
		if msg.gen != s.list.gen || s.list.users == nil {
			return s, nil // a stale filter: nothing to render
		}
		cmd = s.filtered(msg)
	case FindMsg:
		if msg.gen != s.findGen || s.list.users == nil {
			return s, nil // a stale search
		}
		cmd = s.found(msg)
	case SweepMsg:
		s.swept(msg)
	case WhatIfExplainMsg:
		s.whatIfExplained(msg)
	case common.TrainingMsg:
		if !s.SetTraining(msg) {
			return s, nil
		}
	case common.ThresholdMsg:
		cmd = s.setThreshold(msg)
	case common.TargetMsg, common.BandsMsg:
		cmd = s.planMsg(msg)
	case exporter.Msg:
		cmd = s.exportNews(msg)
	case tea.KeyPressMsg:
		if s.out.Running() && s.prompt == usersNoPrompt && key.Matches(msg, s.keys.Cancel) {
			s.status = s.out.Cancel()
		} else if s.out.Showing() {
			cmd = s.shownKey(msg)
		} else if s.prompt != usersNoPrompt {
			cmd = s.promptKey(msg)
		} else if s.whatIf.active {
			cmd = s.whatIfKey(msg)
		} else {
			s.expireStatus()
			cmd = s.listKey(msg)
		}
	case tea.PasteMsg:
		if s.prompt == usersNoPrompt || s.out.Showing() {
			return s, nil
		}
		s.input, cmd = s.input.Paste(msg)
	default:
		return s, nil
	}
	s.render()
	return s, cmd
}

// expireStatus drops the last message (how an export or a search ended,
// a refusal) once the user has moved on: at their next key in the table,
// or when they leave the screen (Leave). A line about work still under way
// stays until the work ends: the current customers being scored.
func (s *Model) expireStatus() {
	if !s.todayWaiting {
		s.status = common.Said{}
	}
}

// Leave tells the screen the user switched to another one: its last
// message expires, unless it is a what-if's current value (the what-if
// goes on) or an export shown on screen.
func (s *Model) Leave() {
	if s.whatIf.active || s.out.Showing() || s.prompt != usersNoPrompt {
		return
	}
	s.expireStatus()
	s.render()
}

// listKey handles keys while the table has the keyboard.
func (s *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	km := s.keyMap()
	before := s.list.selected()
	page := max(s.list.height-1, 1)
	switch {
	case key.Matches(k, km.Up):
		s.list.move(-1)
	case key.Matches(k, km.Down):
		s.list.move(1)
	case key.Matches(k, km.PageUp) && s.detail && !s.usesSplit():
		s.detailScroll = max(s.detailScroll-page, 0)
	case key.Matches(k, km.PageDn) && s.detail && !s.usesSplit():
		s.detailScroll += page
	case key.Matches(k, km.PageUp):
		s.list.move(-page)
	case key.Matches(k, km.PageDn):
		s.list.move(page)
	case key.Matches(k, km.Top):
		s.list.move(-len(s.list.shown))
	case key.Matches(k, km.Bottom):
		s.list.move(len(s.list.shown))
	case key.Matches(k, km.Sort):
		s.list.sort = (s.list.sort + 1) % sortModes
		return s.refilterKeeping(before)
	case key.Matches(k, km.Target), key.Matches(k, km.Bands):
		return s.planKey(k, km, before)
	case key.Matches(k, km.Band):
		s.list.band = (s.list.band + 1) % (len(s.list.bands.Bands) + 1)
		return s.refilterKeeping(before)
	case key.Matches(k, km.Truth):
		s.list.truth = (s.list.truth + 1) % truthFilters
		return s.refilterKeeping(before)
	case key.Matches(k, km.Search):
		return s.openPrompt(usersSearchPrompt, "")
	case key.Matches(k, km.Next) && s.query == "":
		s.status = s.say(func(s Model) string {
			return s.T("n finds the next match of /: press / to find an id first", "n 查找 / 的下一个匹配：请先按 / 查找 id")
		})
	case key.Matches(k, km.Next):
		return s.find(s.list.cursor+1, false)
	case key.Matches(k, km.Detail):
		s.detail = !s.detail
		s.SetSize(s.Width, s.Height)
	case key.Matches(k, km.WhatIf):
		s.startWhatIf()
		if s.usesSplit() || s.detail {
			return s.sweepCmd()
		}
		s.detail = true
		s.SetSize(s.Width, s.Height)
		return s.sweepCmd()
	case key.Matches(k, km.Export) && s.out.Running():
		s.status = s.say(func(s Model) string {
			return s.T("✗ an export is running (esc cancels it)", "✗ 已有导出在进行（esc 取消）")
		})
	case key.Matches(k, km.Export) && s.out.IsServed():
		return s.startExport("")
	case key.Matches(k, km.Export) && s.showToday:
		return s.openPrompt(usersExportPrompt, "retain-current.csv")
	case key.Matches(k, km.Export):
		return s.openPrompt(usersExportPrompt, "retain-users.csv")
	case key.Matches(k, km.Today):
		return s.toggleToday()
	case k.String() == "esc" && s.detail:
		s.detail = false
		s.SetSize(s.Width, s.Height)
	}
	if s.list.selected() != before {
		return s.selectionChanged()
	}
	return nil
}

// openPrompt focuses the text field for a purpose.
func (s *Model) openPrompt(p usersPrompt, value string) tea.Cmd {
	s.input = common.NewField(s.Common, s.promptLabel(p))
	common.SetFieldWidth(&s.input.Model, common.PromptFieldWidth(s.input.Model, s.Width))
	s.prompt = p
	// A value or file name given is selected: what is typed replaces it.
	return s.input.Open(value)
}

// promptKey handles keys while the text field has the keyboard.
func (s *Model) promptKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		s.prompt = usersNoPrompt
		return nil
	case "enter":
		p, text := s.prompt, s.input.Typed()
		s.prompt = usersNoPrompt
		switch p {
		case usersSearchPrompt:
			s.query = strings.TrimSpace(text)
			return s.find(0, true)
		case usersExportPrompt:
			return s.startExport(text)
		case usersValuePrompt:
			return s.setWhatIfValue(text)
		}
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Key(k)
	return cmd
}

// selectionChanged asks for the new user's explanation (unless cached)
// and ends a what-if of the previous user.
func (s *Model) selectionChanged() tea.Cmd {
	s.whatIf = whatIf{}
	s.detailScroll = 0
	return s.explainSelected()
}

// usesSplit reports whether the table and the detail pane sit side by side.
func (s Model) usesSplit() bool { return usersLayout(s.Width, s.Height, s.detail).split }

// keyMap returns the keys that work now.
func (s Model) keyMap() usersKeyMap {
	k := s.keys
	ready := s.list.users != nil
	list := ready && !s.whatIf.active
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn, &k.Top, &k.Bottom, &k.Sort, &k.Band, &k.Truth, &k.Search, &k.Export, &k.Target, &k.Bands} {
		b.SetEnabled(list)
	}
	switch {
	case s.out.IsServed() && s.out.Dir() != "":
		k.Export.SetHelp("x", s.T("export CSV to the server's folder", "导出 CSV 到服务器文件夹"))
	case s.out.IsServed():
		k.Export.SetHelp("x", s.T("show CSV to copy", "显示 CSV 以便复制"))
	}
	// n is listed whenever the list is: a user looking for it in the
	// help finds it before a first search (then it says to press / first).
	k.Next.SetEnabled(list)
	k.Truth.SetEnabled(list && !s.showToday)
	k.Today.SetEnabled(list && s.hasToday())
	if s.showToday {
		k.Today.SetHelp("t", s.T("labelled cohort", "有标签的队列"))
	}
	k.Detail.SetEnabled(list && !usersLayout(s.Width, s.Height, false).split)
	if s.detail {
		k.Detail.SetHelp("enter", s.T("back to list", "返回列表"))
	}
	k.WhatIf.SetEnabled(list && s.list.selected() >= 0 && s.Exp() != nil)
	for _, b := range []*key.Binding{&k.Less, &k.More, &k.Type, &k.Reset, &k.Leave} {
		b.SetEnabled(s.whatIf.active)
	}
	if s.whatIf.active {
		k.Up.SetEnabled(true)
		k.Down.SetEnabled(true)
		k.Up.SetHelp("↑/↓", s.T("feature", "特征"))
	}
	if s.detail && !s.usesSplit() && list {
		k.PageUp.SetHelp("pgup/pgdn", s.T("scroll details", "滚动详情"))
	}
	return k
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	field := s.input.HelpKeys(s.Common)
	switch {
	case s.prompt == usersSearchPrompt:
		k.Accept.SetHelp("enter", s.T("find", "查找"))
		return [][]key.Binding{append([]key.Binding{k.Accept, k.Abort}, field...)}
	case s.prompt == usersExportPrompt:
		k.Accept.SetHelp("enter", s.T("export", "导出"))
		return [][]key.Binding{append([]key.Binding{k.Accept, k.Abort}, field...)}
	case s.prompt == usersValuePrompt:
		k.Accept.SetHelp("enter", s.T("set value", "设定取值"))
		return [][]key.Binding{append([]key.Binding{k.Accept, k.Abort}, field...)}
	case s.out.Running() && !s.out.Showing() && !s.whatIf.active:
		return [][]key.Binding{{k.Cancel, k.Up, k.Detail, k.Sort, k.Band, k.Truth, k.Search}, {k.PageUp, k.Top, k.Next, k.Today}}
	}
	if s.out.Showing() {
		return [][]key.Binding{s.shownKeys.Help()}
	}
	if s.whatIf.active {
		return [][]key.Binding{{k.Up, k.Less, k.Type, k.Reset, k.Leave}}
	}
	// enter second: where the details do not sit beside the list (80×24)
	// it is the only way to a user's reasons, and the footer cut it off
	// after c (review31 #4); beside the list it is disabled.
	return [][]key.Binding{
		{k.Up, k.Detail, k.Sort, k.Band, k.Truth, k.Search, k.WhatIf, k.Export},
		{k.PageUp, k.Top, k.Next, k.Today, k.Target, k.Bands},
	}
}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }
