package usersscreen

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// usersKeyMap holds the Users screen's keys.
type usersKeyMap struct {
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Top, Bottom    key.Binding
	Sort           key.Binding
	Band           key.Binding
	Truth          key.Binding
	Search         key.Binding
	Next           key.Binding
	Detail         key.Binding
	WhatIf         key.Binding
	Export         key.Binding
	// Keys of an export shown on screen (served sessions).
	Copy, Close key.Binding
	// What-if keys: the value of the chosen feature.
	Less, More key.Binding
	Type       key.Binding
	Reset      key.Binding
	Leave      key.Binding
}

func defaultUsersKeyMap() usersKeyMap {
	return usersKeyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", "down")),
		PageUp: key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDn: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Top:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/G", "first/last")),
		Bottom: key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("G", "last")),
		Sort:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Band:   key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "risk band")),
		Truth:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "correct/wrong")),
		Search: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find id")),
		Next:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		Detail: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "details")),
		WhatIf: key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "what-if")),
		Export: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export CSV")),
		Copy:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy to clipboard")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Less:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "change value")),
		More:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "increase")),
		Type:   key.NewBinding(key.WithKeys("enter", "e"), key.WithHelp("enter", "type value")),
		Reset:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reset")),
		Leave:  key.NewBinding(key.WithKeys("esc", "w"), key.WithHelp("esc", "leave what-if")),
	}
}

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
	err     error
	status  string // the last search, export or what-if message

	prompt usersPrompt
	input  textinput.Model
	query  string // the last search

	// served: exports never go to a path the client typed (Options.Served);
	// they go to exportDir under a generated name, or without it are shown
	// on screen (shown).
	served    bool
	exportDir string
	shown     *exportShown

	detail       bool // the detail pane covers the table (narrow windows)
	detailScroll int  // the first line of the detail pane shown
	explainCache
	whatIf whatIf

	bars  widget.SignedBars
	sweep widget.SeriesChart
	view  string
}

// New returns the Users screen in the context com, empty until SetRun.
func New(com common.Common) Model {
	st := com.Styles
	bars := widget.NewSignedBars(st.Widget)
	bars.SetFormat(func(v float64) string { return widget.FormatSigned(v) })
	sweep := widget.NewSeriesChart("What-if sweep", st.Widget, "probability", "this user")
	sweep.SetYLimits(0, 1)
	sweep.SetLegendValues(false) // the sweep's last point is the top of the range, not the user
	return Model{Common: com, keys: defaultUsersKeyMap(), bars: bars, sweep: sweep,
		explainCache: newExplainCache()}
}

// setRun starts scoring a run's users.
func (s *Model) SetRun(run common.Run) tea.Cmd {
	if run.Exp == nil || (s.list.users != nil && s.list.users.run == run.Number) {
		return nil
	}
	s.waiting, s.err = run.Number, nil
	s.render()
	return usersCmd(run)
}

// selectedRow returns the selected user's table row, or −1.
func (s Model) SelectedRow() int { return s.list.selected() }

// exp returns the experiment the users belong to (nil before any).
func (s Model) Exp() *experiment.Experiment {
	if s.list.users == nil {
		return nil
	}
	return s.list.users.exp
}

// Editing implements common.Screen: a prompt or an export on screen has
// the keyboard.
func (s Model) Editing() bool { return s.prompt != usersNoPrompt || s.shown != nil }

// SetSize sets the screen's size.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	l := usersLayout(w, h, s.detail)
	s.list.setHeight(l.tableRows)
	s.layoutDetail()
	s.render()
}

// step handles keys and the results of the screen's Cmds.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.run != s.waiting {
			return s, nil
		}
		s.waiting, s.err = 0, msg.err
		if msg.err == nil {
			s.list.setUsers(msg.users)
			s.explainCache = newExplainCache()
			s.whatIf = whatIf{}
			cmd = s.selectionChanged()
		}
	case ExplainMsg:
		cmd = s.storeExplanation(msg)
	case SweepMsg:
		s.swept(msg)
	case ExportDoneMsg:
		s.exported(msg)
	case ExportTextMsg:
		cmd = s.showExport(msg)
	case tea.KeyPressMsg:
		if s.shown != nil {
			cmd = s.shownKey(msg)
		} else if s.prompt != usersNoPrompt {
			cmd = s.promptKey(msg)
		} else if s.whatIf.active {
			cmd = s.whatIfKey(msg)
		} else {
			cmd = s.listKey(msg)
		}
	default:
		return s, nil
	}
	s.render()
	return s, cmd
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
		s.refilterKeeping(before)
	case key.Matches(k, km.Band):
		s.list.band = (s.list.band + 1) % riskBand(len(bandNames))
		s.refilterKeeping(before)
	case key.Matches(k, km.Truth):
		s.list.truth = (s.list.truth + 1) % truthFilters
		s.refilterKeeping(before)
	case key.Matches(k, km.Search):
		return s.openPrompt(usersSearchPrompt, s.query)
	case key.Matches(k, km.Next):
		s.find(s.list.cursor + 1)
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
	case key.Matches(k, km.Export) && s.served:
		return s.startServedExport()
	case key.Matches(k, km.Export):
		return s.openPrompt(usersExportPrompt, "retain-users.csv")
	case k.String() == "esc" && s.detail:
		s.detail = false
		s.SetSize(s.Width, s.Height)
	}
	if s.list.selected() != before {
		return s.selectionChanged()
	}
	return nil
}

// refilterKeeping applies a new order or filter and keeps the selected
// user selected when it still passes.
func (s *Model) refilterKeeping(row int) {
	s.list.refilter()
	if row >= 0 && !s.list.selectRow(row) {
		s.list.cursor, s.list.offset = 0, 0
	}
}

// find searches for the last query from position from.
func (s *Model) find(from int) {
	if s.query == "" {
		return
	}
	if s.list.search(s.query, from) {
		s.status = "found " + s.list.users.id(s.list.selected())
	} else {
		s.status = "no shown user's id contains " + s.query
	}
}

// openPrompt focuses the text field for a purpose.
func (s *Model) openPrompt(p usersPrompt, value string) tea.Cmd {
	labels := map[usersPrompt]string{usersSearchPrompt: "Find id: ", usersExportPrompt: "Export to CSV: ", usersValuePrompt: "Value: "}
	s.input = common.NewTextInput(labels[p])
	s.input.SetValue(value)
	s.input.CursorEnd()
	s.input.SetWidth(max(s.Width-len(labels[p])-2, 8))
	s.prompt = p
	return s.input.Focus()
}

// promptKey handles keys while the text field has the keyboard.
func (s *Model) promptKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		s.prompt = usersNoPrompt
		return nil
	case "enter":
		p, text := s.prompt, s.input.Value()
		s.prompt = usersNoPrompt
		before := s.list.selected()
		switch p {
		case usersSearchPrompt:
			s.query = text
			s.find(s.list.cursor)
			if s.list.selected() != before {
				return s.selectionChanged()
			}
		case usersExportPrompt:
			return s.startExport(text)
		case usersValuePrompt:
			return s.setWhatIfValue(text)
		}
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(k)
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
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDn, &k.Top, &k.Bottom, &k.Sort, &k.Band, &k.Truth, &k.Search, &k.Export} {
		b.SetEnabled(list)
	}
	switch {
	case s.served && s.exportDir != "":
		k.Export.SetHelp("x", "export CSV to the server's folder")
	case s.served:
		k.Export.SetHelp("x", "show CSV to copy")
	}
	k.Next.SetEnabled(list && s.query != "")
	k.Detail.SetEnabled(list && !usersLayout(s.Width, s.Height, false).split)
	if s.detail {
		k.Detail.SetHelp("enter", "back to list")
	}
	k.WhatIf.SetEnabled(list && s.list.selected() >= 0 && s.Exp() != nil)
	for _, b := range []*key.Binding{&k.Less, &k.More, &k.Type, &k.Reset, &k.Leave} {
		b.SetEnabled(s.whatIf.active)
	}
	if s.whatIf.active {
		k.Up.SetEnabled(true)
		k.Down.SetEnabled(true)
		k.Up.SetHelp("↑/↓", "feature")
	}
	if s.detail && !s.usesSplit() && list {
		k.PageUp.SetHelp("pgup/pgdn", "scroll details")
	}
	return k
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	if s.shown != nil {
		return [][]key.Binding{{k.Up, k.PageUp, k.Top, k.Copy, k.Close}}
	}
	if s.whatIf.active {
		return [][]key.Binding{{k.Up, k.Less, k.Type, k.Reset, k.Leave}}
	}
	return [][]key.Binding{
		{k.Up, k.Sort, k.Band, k.Truth, k.Search, k.Detail, k.WhatIf, k.Export},
		{k.PageUp, k.Top, k.Next},
	}
}

// View returns the view drawn in the last Update.
func (s Model) View() string { return s.view }

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	n, cmd := s.step(msg)
	return n, cmd
}

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen {
	s.SetSize(w, h)
	return s
}
