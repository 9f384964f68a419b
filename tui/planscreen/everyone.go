package planscreen

import (
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// everyoneNote says, for a plan over a run's held-out customers, that the
// list is theirs alone (the model learnt from the rest) and how to get the
// list of every customer: the TUI keeps no model file, so a model is saved
// with retain train first, then retain plan --contacts-out writes the
// whole list. The commands are everyoneCommands'. "" for a plan validated
// out of time (its customers are all those at the later cutoff) or when
// the held-out customers are the whole table.
func (s Model) everyoneNote() string {
	if s.base != nil && s.base.today && s.report != nil {
		return s.todayNote()
	}
	if s.base == nil || s.base.today || s.base.later || s.report == nil || s.run.Exp == nil || s.run.Exp.Data == nil || s.run.Exp.Data.Table == nil {
		return ""
	}
	n, all := s.report.Customers, s.run.Exp.Data.Table.Rows
	if n >= all {
		return ""
	}
	shown, total := data.Thousands(n), data.Thousands(all)
	if len(s.everyoneCommands()) == 0 {
		d := s.run.Exp.Data
		switch {
		case d.Source.Kind == "textbook":
			return s.Tf("Only the %s validation customers (held out of training) of the %s. The textbook shop has no retain command line to plan for all of them.",
				"这里只有全部 %[2]s 位客户中的 %[1]s 位验证客户（留出，未参与训练）。教科书商店没有对应的 retain 命令行，无法为全部客户做计划。",
				shown, total)
		case d.Planted > 0:
			return s.Tf("Only the %s validation customers (held out of training) of the %s. retain train cannot draw the built-in shop with planted abusers, so no command line plans for all of them.",
				"这里只有全部 %[2]s 位客户中的 %[1]s 位验证客户（留出，未参与训练）。retain train 无法生成植入了滥用者的内置商店，因此没有为全部客户做计划的命令行。",
				shown, total)
		}
		return s.Tf("Only the %s validation customers (held out of training) of the %s. No retain command line reads these data, so none plans for all of them.",
			"这里只有全部 %[2]s 位客户中的 %[1]s 位验证客户（留出，未参与训练）。没有 retain 命令行能读取这些数据，因此无法为全部客户做计划。",
			shown, total)
	}
	return s.Tf("Only the %s validation customers (held out of training) of the %s. For the list of all %[2]s, save a model (the TUI keeps none) and plan with it:",
		"这里只有全部 %[2]s 位客户中的 %[1]s 位验证客户（留出，未参与训练）。要得到全部 %[2]s 位客户的名单，请先保存模型（TUI 不保存模型），再用它做计划：",
		shown, total)
}

// everyoneModelFile is the model file the commands of everyoneCommands
// write and read.
const everyoneModelFile = "model.json"

// everyoneCommands are the two commands that list every customer of the
// run's data, as words (not quoted): retain train as common.TrainArgs
// builds it (the run's data as loaded, the settings it was trained with
// that differ from the command line's defaults, the levers marked here)
// writing everyoneModelFile, then retain plan with the plan's assumptions
// as shown writing contacts.csv. None for data the command line does not
// load (the textbook shop, a built-in shop with planted abusers). Over
// today's customers they are todayCommands. They are built by
// buildCommands, in Update; drawing only reads them.
func (s Model) everyoneCommands() [][]string { return s.commands }

// commandInputs are what everyoneCommands are built from: the customers
// planned for (base: the run's, or today's, with the cutoff the model
// trained at), the run, its levers and the flags of the plan shown.
type commandInputs struct {
	base   *base
	exp    *experiment.Experiment
	levers string
	flags  string
}

// buildCommands builds everyoneCommands when what they are built from
// has changed since they were last built, and only then: building them
// works out the run's settings again (common.TrainArgsAt), which
// drawing, at every key, must not.
func (s *Model) buildCommands() {
	if s.base == nil || s.report == nil {
		s.commands, s.commandsFrom = nil, commandInputs{}
		return
	}
	from := commandInputs{base: s.base, exp: s.run.Exp, levers: strings.Join(s.levers(), "\x00"), flags: strings.Join(s.planFlags(), "\x00")}
	if from == s.commandsFrom {
		return
	}
	s.commandsFrom = from
	if s.base.today {
		s.commands = s.todayCommands()
		return
	}
	s.commands = s.commandsAt(time.Time{})
}

// trainArgsAt builds the train command (common.TrainArgsAt; a test counts
// its calls).
var trainArgsAt = common.TrainArgsAt

// commandsAt are everyoneCommands with an order log's model trained on
// the cohort at cutoff (zero: the run's own).
func (s Model) commandsAt(cutoff time.Time) [][]string {
	train, ok := trainArgsAt(s.run.Exp, s.levers(), cutoff)
	if !ok {
		return nil
	}
	train = append(train, "--out", everyoneModelFile)
	plan := append([]string{"retain", "plan", "--model", everyoneModelFile}, common.PlanSourceArgs(s.run.Exp.Data)...)
	plan = append(append(plan, s.planFlags()...), "--contacts-out", "contacts.csv")
	return [][]string{train, plan}
}

// planFlags are the retain plan flags of the plan shown's assumptions and
// target that differ from retain plan's defaults (not quoted).
func (s Model) planFlags() []string {
	in := s.shown.text
	var out []string
	if b := in[fieldBudget]; b != "" {
		out = append(out, "--budget", b)
	}
	for _, f := range []struct {
		field    int
		flag, is string
	}{{fieldCost, "--cost", "1"}, {fieldValue, "--value", "100"}, {fieldSuccess, "--success", "0.1"}} {
		if v := in[f.field]; v != "" && v != f.is {
			out = append(out, f.flag, v)
		}
	}
	if s.chosen != nil {
		// As experiment.ParseTarget reads it: the direction and the
		// outcome's class.
		dir := "encourage"
		if s.chosen.Direction == experiment.Prevent {
			dir = "prevent"
		}
		out = append(out, "--target", dir+":"+s.chosen.Class())
	}
	return out
}

// everyoneLines are everyoneNote and its commands as the page shows them
// under the headline, each command on lines of its own, indented. On a
// screen smaller than full (120×40), where the commands would push the
// inputs out of view, the note is short and points to the commands at
// the page's end (everyoneFoot).
func (s Model) everyoneLines(full bool) []string {
	note := s.everyoneNote()
	if note == "" {
		return nil
	}
	cmds := s.everyoneCommands()
	switch {
	case !full && len(cmds) > 0 && s.base.today:
		note = s.T("The TUI keeps no model: the commands that make this list from the command line are at the page's end (G).",
			"TUI 不保存模型：在命令行得到这份名单的命令在本页末尾（按 G）。")
		cmds = nil
	case !full && len(cmds) > 0:
		note = s.Tf("Only the %s validation customers (held out of training), not all %s: the commands that list everyone are at the page's end (G).",
			"这里只有 %s 位验证客户（留出，未参与训练），不是全部 %s 位：列出全部客户的命令在本页末尾（按 G）。",
			data.Thousands(s.report.Customers), data.Thousands(s.run.Exp.Data.Table.Rows))
		cmds = nil
	}
	st := s.Styles
	var out []string
	for _, l := range widget.WrapUnmarked(note, s.Width) {
		out = append(out, st.Warning.Render(l))
	}
	return append(out, s.commandLines(cmds)...)
}

// everyoneFoot are the commands of everyoneCommands under a heading, for
// the end of the page on a screen smaller than full; none on a full one
// (everyoneLines shows them under the headline) or when there are none.
func (s Model) everyoneFoot(full bool) []string {
	if full || s.everyoneNote() == "" {
		return nil
	}
	cmds := s.everyoneCommands()
	if len(cmds) == 0 {
		return nil
	}
	head := s.Tf("All %s customers: save a model (the TUI keeps none), then plan with it", "全部 %s 位客户：先保存模型（TUI 不保存模型），再用它做计划",
		data.Thousands(s.run.Exp.Data.Table.Rows))
	if s.base.today {
		head = s.Tf("The %s customers at %s from the command line: save a model (the TUI keeps none), then plan with it",
			"在命令行得到 %[2]s 的 %[1]s 位客户：先保存模型（TUI 不保存模型），再用它做计划",
			data.Thousands(s.report.Customers), s.base.cutoff.Format(time.DateOnly))
	}
	out := []string{""}
	for _, l := range widget.WrapUnmarked(head, s.Width) {
		out = append(out, s.Styles.Title.Render(l))
	}
	return append(out, s.commandLines(cmds)...)
}

// commandLines are commands each on lines of its own, indented, quoted
// for a POSIX shell and laid out so that the lines copied as they are run
// as the command (common.ShellLines).
func (s Model) commandLines(cmds [][]string) []string {
	var out []string
	for _, c := range cmds {
		for _, l := range common.ShellLines(c, "  ", s.Width) {
			out = append(out, s.Styles.Value.Render(l))
		}
	}
	return out
}
