package planscreen

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// keyMap holds the Plan screen's keys.
type keyMap struct {
	Budget, Cost, Value, Success key.Binding
	Export                       key.Binding
	Apply, Cancel                key.Binding
	Target                       key.Binding
	// Today switches between the customers the run is measured on and
	// the order log's current ones (today.go).
	Today key.Binding
	// Suggest scrolls the page to the suggestions for the platform
	// (suggest.go).
	Suggest key.Binding
}

func defaultKeyMap(c common.Common) keyMap {
	return keyMap{
		Budget:  key.NewBinding(key.WithKeys("b"), key.WithHelp("b", c.T("budget", "预算"))),
		Cost:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", c.T("cost", "成本"))),
		Value:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", c.T("value", "价值"))),
		Success: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("success rate", "成功率"))),
		Export:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", c.T("export the target list", "导出目标名单"))),
		Apply:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("apply", "应用"))),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("cancel", "取消"))),
		Target:  c.TargetKey(),
		Today:   key.NewBinding(key.WithKeys("t"), key.WithHelp("t", c.T("today's customers", "今天的客户"))),
		Suggest: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("suggestions for the platform", "平台优化建议"))),
	}
}

// Model is the Plan screen.
type Model struct {
	common.Common
	keys keyMap

	run  common.Run
	base *base
	// today says base is, or is being scored as, the order log's current
	// customers (key t); other is the set not shown, once scored.
	today  bool
	other  *base
	chosen *experiment.Target
	in     inputs
	// shown are the inputs of the plan shown: a refused input puts them
	// back.
	shown inputs
	// report is the last plan computed; it stays while a new input is
	// refused.
	report *experiment.PlanReport
	seg    *experiment.Segments  // the segments of report's customers
	check  *experiment.PlanCheck // the model measured on report's customers
	// suggestions are report's suggestions for the platform
	// (experiment.PlatformSuggestions, as `retain plan` draws them);
	// suggestAt is the line of the page their section starts on.
	suggestions []experiment.PlatformSuggestion
	suggestAt   int
	// atSuggestions keeps the section at the top of the page (key a)
	// until the page is scrolled otherwise.
	atSuggestions bool
	// fieldsAt is the line of the page the inputs start on: a field
	// opened while the page is scrolled below it scrolls back to it.
	fieldsAt int
	err      error // the run could not be scored
	seq      int   // the latest request; older answers are dropped
	busy     bool

	// out runs the export; on a served session (Options.Served) it never
	// writes at a path the client chose.
	out       exporter.Model
	shownKeys exporter.ShownKeys
	scheme    experiment.BandScheme // how the exported customers are banded
	status    common.Said           // the last export's outcome

	// leversOf are each run's levers, by run number; picking is the open
	// checklist (nil: closed).
	leversOf map[int][]string
	picking  *checklist
	// shownLevers are the levers of the plan shown (report).
	shownLevers []string
	leverKeys   leverKeys

	// commands are the commands of everyoneCommands, built in Update when
	// what they are built from changes (commandsFrom), never while drawing.
	commands     [][]string
	commandsFrom commandInputs

	// scroll is the first line of the plan shown under its title;
	// maxScroll the largest (0 when the plan fits the screen).
	scroll, maxScroll int
	scrollKeys        common.ScrollKeys

	field    int // the field being edited (fieldExport: the export's path), -1 for none
	input    common.Field
	refusals [fieldCount]common.Said // each field's refusal, shown under it

	view string
}

// New returns the Plan screen, empty until SetRun gives it a run.
func New(com common.Common) Model {
	s := Model{Common: com, keys: defaultKeyMap(com), in: defaultInputs(), shown: defaultInputs(), field: -1, input: common.NewField(com, ""),
		out: newExports(), shownKeys: exporter.DefaultShownKeys(com), leverKeys: defaultLeverKeys(com), scrollKeys: defaultScrollKeys(com)}
	s.render()
	return s
}

// SetRun makes run the analysed run and returns the Cmd that plans for
// its validation customers.
func (s *Model) SetRun(run common.Run) tea.Cmd {
	if run.Exp == nil || run.Number == s.run.Number && s.base != nil {
		return nil
	}
	s.run, s.base, s.report, s.check, s.err, s.picking = run, nil, nil, nil, nil, nil
	s.suggestions, s.atSuggestions = nil, false
	s.today, s.other = false, nil
	s.refusals = [fieldCount]common.Said{}
	cmd := s.request(-1)
	s.render()
	return cmd
}

// request returns the Cmd computing the plan under the current inputs,
// for a change of field (-1: none).
func (s *Model) request(field int) tea.Cmd {
	if s.run.Exp == nil {
		return nil
	}
	s.seq++
	s.busy = true
	return planCmd(request{run: s.run, seq: s.seq, field: field, base: s.base, target: s.chosen, in: s.in, levers: s.levers(), byID: s.Pseudonym.Enabled(), today: s.today})
}

// SetServed says the screen runs in a session of `retain serve`, where
// the export never writes at a path the client chose: it goes to
// exportDir under a generated name, or without one is shown on screen.
func (s *Model) SetServed(served bool, exportDir string) { s.out.SetServed(served, exportDir) }

// SetExportQuota bounds the session's exports into its export folder (one
// quota for every screen of a session).
func (s *Model) SetExportQuota(q *exporter.Quota) { s.out.SetQuota(q) }

// Levers are the analysed run's levers (nil: none marked).
func (s Model) Levers() []string { return s.levers() }

// Report is the plan shown (nil before one is computed).
func (s Model) Report() *experiment.PlanReport { return s.report }

// Suggestions are the plan shown's suggestions for the platform (nil
// before a plan is computed, or when it has none).
func (s Model) Suggestions() []experiment.PlatformSuggestion { return s.suggestions }

// Refusal is the sentence refusing field f's last value ("" if none).
func (s Model) Refusal(f int) string { return s.refusals[f].In(s.Common) }

// SetSize sets the screen's size and redraws it.
func (s *Model) SetSize(w, h int) {
	s.Width, s.Height = w, h
	if s.field >= 0 {
		common.SetFieldWidth(&s.input.Model, s.inputWidth())
	}
	s.render()
}

// inputWidth is the room the edited field has on its line after its
// label (and a cell for the cursor): a longer value, typed or pasted,
// scrolls in it with the cursor's end in view.
func (s Model) inputWidth() int {
	if s.field == fieldExport {
		return max(s.Width-ansi.StringWidth(s.exportPrompt())-1, 1)
	}
	return max(s.Width-s.labelWidth()-3, 1)
}

// Update implements common.Screen.
func (s Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return s.step(msg) }

// Resize implements common.Screen.
func (s Model) Resize(w, h int) common.Screen { return common.Resized(s, w, h) }

// Editing implements common.Screen: a field being edited has the keyboard.
func (s Model) Editing() bool { return s.field >= 0 || s.picking != nil || s.out.Showing() }

// View implements common.Screen; the view is drawn in Update.
func (s Model) View() string { return s.view }

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	switch {
	case s.out.Showing():
		return [][]key.Binding{s.shownKeys.Help()}
	case s.picking != nil:
		l := s.leverKeys
		return [][]key.Binding{{l.Up, l.Toggle, l.Apply, l.Close}}
	case s.Editing():
		return [][]key.Binding{append([]key.Binding{k.Apply, k.Cancel}, s.input.HelpKeys(s.Common)...)}
	case s.out.Running():
		k.Cancel.SetHelp("esc", s.T("cancel export", "取消导出"))
		return [][]key.Binding{{k.Cancel}}
	}
	// The plan's keys are off while there is no plan to change; the
	// target's stays while a plan can be made (a target that could not be
	// scored may be toggled back).
	on := s.planned()
	for _, b := range []*key.Binding{&k.Budget, &k.Cost, &k.Value, &k.Success} {
		b.SetEnabled(on)
	}
	k.Target.SetEnabled(s.targetable())
	levers := s.leverKeys.Open
	levers.SetEnabled(on && len(s.base.columns) > 0)
	k.Export.SetEnabled(on && s.report.Best.Contacted > 0)
	switch {
	case s.out.IsServed() && s.out.Dir() != "":
		k.Export.SetHelp("x", s.T("export to the server's folder", "导出到服务器文件夹"))
	case s.out.IsServed():
		k.Export.SetHelp("x", s.T("show the target list to copy", "显示目标名单以便复制"))
	}
	k.Today.SetEnabled(s.hasToday())
	if s.today {
		k.Today.SetHelp("t", s.T("customers measured", "评估用的客户"))
	}
	k.Suggest.SetEnabled(on && s.maxScroll > 0)
	keys := []key.Binding{k.Budget, k.Cost, k.Value, k.Success, levers, k.Export, k.Target, k.Today, k.Suggest}
	if s.maxScroll > 0 {
		keys = append(keys, s.scrollKeys.Up, s.scrollKeys.PageUp, s.scrollKeys.Top)
	}
	return [][]key.Binding{keys}
}

// planned reports whether a plan is shown, whose inputs, levers and
// export the keys change.
func (s Model) planned() bool {
	return s.report != nil && s.err == nil && s.targetable()
}

// targetable reports whether the run has customers to plan for, under
// either target.
func (s Model) targetable() bool {
	return s.run.Exp != nil && s.base != nil && len(s.base.customers.Rows) > 0
}

// step handles plans, the shared target and keys.
func (s Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.Run != s.run.Number || msg.Seq != s.seq {
			return s, nil // an older answer
		}
		s.busy = false
		if msg.Base != nil {
			s.base = msg.Base
		}
		switch {
		case msg.Err != nil && msg.Field >= 0:
			s.refusals[msg.Field] = s.say(func(s Model) string { return s.refusalText(msg.Err) })
			s.in = s.shown
		case msg.Err != nil:
			s.err = msg.Err
		default:
			s.report, s.seg, s.check, s.err, s.shown, s.shownLevers = msg.Report, msg.Segments, msg.Check, nil, msg.In, msg.Levers
			s.suggestions = msg.Suggestions
			// A new plan stands on the values shown: an earlier refusal,
			// of this field or another, no longer describes it.
			s.refusals = [fieldCount]common.Said{}
		}
		s.render()
	case exporter.Msg:
		cmd, status, set := s.out.Update(s.Common, msg)
		if set {
			s.status = status
		}
		s.render()
		return s, cmd
	case common.TrainingMsg:
		if s.SetTraining(msg) {
			s.render()
		}
	case common.BandsMsg:
		s.scheme = msg.Scheme
	case common.TargetMsg:
		s.chosen = &msg.Target
		cmd := s.request(-1)
		s.render()
		return s, cmd
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		if s.field < 0 || s.picking != nil || s.out.Showing() {
			return s, nil
		}
		var cmd tea.Cmd
		s.input, cmd = s.input.Paste(msg)
		s.render()
		return s, cmd
	}
	return s, nil
}

// Leave tells the screen the user switched to another one. The fields'
// refusals and the last export's outcome expire: they answered what was
// typed here before, and on coming back the fields show the values the
// plan stands on. An export under way keeps its line.
func (s *Model) Leave() {
	if s.Editing() {
		return
	}
	s.refusals = [fieldCount]common.Said{}
	if !s.out.Running() {
		s.status = common.Said{}
	}
	s.render()
}

// key applies a key press.
func (s Model) key(k tea.KeyPressMsg) (Model, tea.Cmd) {
	if !s.Editing() && s.picking == nil && !s.out.Running() {
		s.status = common.Said{} // the last export's outcome expires at the next key
	}
	switch {
	case s.out.Showing():
		cmd, status, set := s.out.ShownKey(s.shownKeys, k, s.Height-2)
		if set {
			s.status = status
		}
		s.render()
		return s, cmd
	case s.picking != nil:
		return s.leverKey(k)
	case s.field >= 0:
		return s.edit(k)
	case s.out.Running() && key.Matches(k, s.keys.Cancel):
		s.status = s.out.Cancel()
		s.render()
		return s, nil
	case key.Matches(k, s.keys.Target) && s.targetable():
		t := common.TargetFor(s.chosen, s.base.label).Toggled()
		return s, func() tea.Msg { return common.TargetMsg{Target: t} }
	case key.Matches(k, s.keys.Today) && s.hasToday():
		cmd := s.toggleToday()
		s.render()
		return s, cmd
	case !s.planned():
		return s, nil
	case key.Matches(k, s.leverKeys.Open) && len(s.base.columns) > 0:
		s.openLevers()
		s.render()
		return s, nil
	}
	if s.scrollKey(k) {
		s.render()
		return s, nil
	}
	if key.Matches(k, s.keys.Suggest) {
		s.scrollToSuggestions()
		s.render()
		return s, nil
	}
	fields := []key.Binding{s.keys.Budget, s.keys.Cost, s.keys.Value, s.keys.Success}
	for f, b := range fields {
		if key.Matches(k, b) {
			s.field = f
			// The field typed in is in view, under the title.
			s.atSuggestions = false
			s.scroll = min(s.scroll, max(s.fieldsAt-1, 0))
			common.SetFieldWidth(&s.input.Model, s.inputWidth())
			cmd := s.input.Open(s.in.text[f]) // selected: what is typed replaces it
			s.render()
			return s, cmd
		}
	}
	if key.Matches(k, s.keys.Export) && s.report.Best.Contacted > 0 {
		if s.out.IsServed() || s.out.Running() {
			cmd := s.startExport("")
			s.render()
			return s, cmd
		}
		s.field = fieldExport
		common.SetFieldWidth(&s.input.Model, s.inputWidth())
		cmd := s.input.Open(s.exportName())
		s.render()
		return s, cmd
	}
	return s, nil
}

// edit handles a key while a field is edited: enter applies its value
// (the value it opened on, or an emptied field, keeps the current one,
// except the budget, where empty means none), esc leaves it unchanged.
func (s Model) edit(k tea.KeyPressMsg) (Model, tea.Cmd) {
	f := s.field
	switch {
	case key.Matches(k, s.keys.Cancel):
		s.field = -1
		s.input.Blur()
	case key.Matches(k, s.keys.Apply):
		text := s.input.Typed()
		s.field = -1
		s.input.Blur()
		if f == fieldExport {
			if text == "" {
				text = s.exportName()
			}
			cmd := s.startExport(text)
			s.render()
			return s, cmd
		}
		if (text == "" && f != fieldBudget) || text == s.in.text[f] {
			break
		}
		next, err := s.in.with(f, text)
		if err != nil {
			s.refusals[f] = s.say(func(s Model) string { return s.refusalText(err) })
			break
		}
		s.in = next
		cmd := s.request(f)
		s.render()
		return s, cmd
	default:
		var cmd tea.Cmd
		s.input, cmd = s.input.Key(k)
		s.render()
		return s, cmd
	}
	s.render()
	return s, nil
}
