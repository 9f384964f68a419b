package walktab

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/walkthrough"
	"github.com/retainlab/retain/tui/widget"
)

// Model embeds the walkthrough for the user selected on the Users
// screen. Building a walkthrough traces the network and one training step,
// so it happens in a Cmd whenever the run or the user changes.
type Model struct {
	common.Common
	wstyles walkthrough.Styles

	model    walkthrough.Model
	has      bool
	run, row int    // what model shows
	id       string // the shown user's identifier
	wantRun  int    // what was last asked for
	wantRow  int
	wantID   string
	// wantStep and wantPaused say that the last ask was for a paused run
	// after wantStep batches; paused and step say so of what is shown.
	wantStep   int
	wantPaused bool
	paused     bool
	shownStep  int
	// wantListed and listed say the user is the row selected on the Users
	// screen; else (a paused first run, before Users lists anyone) the
	// first training row.
	wantListed, listed bool
	// threshold is the decision threshold the Evaluate screen shares
	// (common.ThresholdMsg) and thresholdRun the run it belongs to; the
	// output page judges at it, as the Users screen does.
	threshold    float64
	thresholdRun int
	err          error
	view         string
}

// ReadyMsg carries a walkthrough built off the UI goroutine for run Run
// and table row Row.
type ReadyMsg struct {
	Run, Row int
	// Paused and Step say it shows a paused run after Step batches;
	// notHeld that the run was no longer held when it was built.
	Paused  bool
	Step    int
	notHeld bool
	model   walkthrough.Model
	Err     error
}

// New returns the tab in the context's language.
func New(com common.Common) Model {
	ws := walkthrough.DefaultStyles()
	ws.Widget = com.Styles.Widget
	return Model{Common: com, wstyles: ws, wantRow: -1, row: -1}
}

// Want asks for the walkthrough of row of run unless it is shown or
// already being built.
func (w *Model) Want(run common.Run, row int, id string) tea.Cmd {
	if run.Exp == nil || row < 0 || (w.wantRun == run.Number && w.wantRow == row && !w.wantPaused) {
		return nil
	}
	w.wantRun, w.wantRow, w.wantID, w.wantPaused, w.wantStep, w.wantListed = run.Number, row, id, false, 0, true
	return w.build(ReadyMsg{Run: run.Number, Row: row}, func() (*experiment.Experiment, bool) { return run.Exp, true })
}

// WantPaused asks for the walkthrough of table row of run number run,
// paused after step batches, on the weights and optimiser state exp holds
// then (experiment.Experiment.Paused), unless it is shown or being built.
// listed says the row is the one selected on the Users screen (else it is
// the first training row).
func (w *Model) WantPaused(exp *experiment.Experiment, run, step, row int, id string, listed bool) tea.Cmd {
	if exp == nil || row < 0 || (w.wantPaused && w.wantRun == run && w.wantStep == step && w.wantRow == row) {
		return nil
	}
	w.wantRun, w.wantRow, w.wantID, w.wantPaused, w.wantStep, w.wantListed = run, row, id, true, step, listed
	return w.build(ReadyMsg{Run: run, Row: row, Paused: true, Step: step}, exp.Paused)
}

// ShowsPaused reports whether the walkthrough shown, or asked for, is of
// a paused run.
func (w Model) ShowsPaused() bool { return w.wantPaused || (w.has && w.paused) }

// DropPaused forgets a paused run's walkthrough once the run trains on or
// has ended: its weights are gone.
func (w *Model) DropPaused() {
	if !w.ShowsPaused() {
		return
	}
	if w.paused {
		w.has, w.paused, w.run, w.row = false, false, 0, -1
	}
	w.wantRun, w.wantRow, w.wantPaused, w.wantStep = 0, -1, false, 0
	w.render()
}

// build returns the Cmd that builds the walkthrough of msg's row on the
// experiment exp gives (ok false: a paused run no longer held).
func (w *Model) build(msg ReadyMsg, exp func() (*experiment.Experiment, bool)) tea.Cmd {
	w.render()
	prev, has, lang, st := w.model, w.has, w.Lang, w.wstyles
	threshold := w.sharedThreshold(msg.Run)
	byID := w.Pseudonym.Enabled() // see walkthrough.Input.ByID
	width, height := w.Width, w.Height
	row := msg.Row
	return func() tea.Msg {
		defer common.Recovered(&msg.Err)
		e, ok := exp()
		if !ok {
			msg.notHeld = true
			return msg
		}
		in, err := walkthrough.NewInput(e, row)
		if err != nil {
			msg.Err = err
			return msg
		}
		in.Threshold, in.ByID, in.Paused = threshold, byID, msg.Paused
		if has {
			prev.SetInput(in) // keeps the step and the chosen neurons
			msg.model = prev
		} else {
			msg.model = walkthrough.New(in, lang, st)
			msg.model.SetSize(width, height)
		}
		return msg
	}
}

// sharedThreshold is the shared decision threshold when it belongs to run,
// else 0 (the walkthrough then judges at the run's own, as Users does).
func (w Model) sharedThreshold(run int) float64 {
	if w.thresholdRun == run {
		return w.threshold
	}
	return 0
}

// SetSize sets the tab's size.
func (w *Model) SetSize(width, height int) {
	w.Width, w.Height = width, height
	if w.has {
		w.model.SetSize(width, w.bodyHeight())
	}
	w.render()
}

// step handles the built walkthrough and, while shown, keys.
func (w Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.Run != w.wantRun || msg.Row != w.wantRow || msg.Paused != w.wantPaused || msg.Step != w.wantStep {
			return w, nil
		}
		if msg.notHeld {
			// The run stepped on meanwhile: its next hold asks again.
			return w, nil
		}
		w.err = msg.Err
		if msg.Err == nil {
			w.model, w.has, w.run, w.row, w.id = msg.model, true, msg.Run, msg.Row, w.wantID
			w.model.SetLang(w.Lang) // the language may have changed while it was built
			w.paused, w.shownStep, w.listed = msg.Paused, msg.Step, w.wantListed
			w.model.SetSize(w.Width, w.bodyHeight())
			// The threshold may have moved while the walkthrough was built.
			w.model.SetThreshold(w.sharedThreshold(w.run))
		}
		w.render()
		return w, nil
	case common.TrainingMsg:
		if w.SetTraining(msg) {
			w.render()
		}
		return w, nil
	case common.ThresholdMsg:
		w.threshold, w.thresholdRun = msg.Threshold, msg.Run
		if w.has && msg.Run == w.run {
			w.model.SetThreshold(msg.Threshold)
			w.render()
		}
		return w, nil
	}
	if !w.has {
		return w, nil
	}
	var cmd tea.Cmd
	w.model, cmd = w.model.Update(msg)
	w.render()
	return w, cmd
}

// WantsTab reports whether tab belongs to the walkthrough now (it moves
// to the next layer) rather than to the root (the next screen).
func (w Model) WantsTab(k tea.KeyPressMsg) bool {
	if !w.has {
		return false
	}
	km := w.model.KeyMap()
	return km.Layer.Enabled() && key.Matches(k, km.Layer)
}

// HelpGroups implements common.Screen: the walkthrough's keys that work
// on the current step, described in the interface's language.
func (w Model) HelpGroups() [][]key.Binding {
	if !w.has {
		return nil
	}
	km := w.keyMap()
	short := km.ShortHelp()
	if w.paused {
		short = append([]key.Binding{w.StepKey()}, short...) // first, so the footer shows it
	}
	return [][]key.Binding{short, {km.First, km.PrevCol, km.NextCol, km.PageUp, km.PageDown}}
}

// View returns the view drawn in the last Update.
func (w Model) View() string { return w.view }

// render draws the walkthrough under a line naming the user.
func (w *Model) render() {
	w.view = w.draw()
}

func (w Model) draw() string {
	if w.Width <= 0 || w.Height <= 0 {
		return ""
	}
	st := w.Styles
	switch {
	case w.err != nil:
		return widget.Fit(ansi.Wrap(st.Error.Render(w.T("No walkthrough: ", "无法生成讲解："))+w.err.Error(), w.Width, ""),
			w.Width, w.Height)
	case !w.has && w.wantRun != 0:
		return widget.Fit(st.Muted.Render(w.T("Preparing the walkthrough…", "正在准备讲解…")), w.Width, w.Height)
	case !w.has:
		return w.NoRun()
	}
	head := w.header()
	return widget.Fit(strings.Join(head, "\n")+"\n"+w.model.View(), w.Width, w.Height)
}

// header is the lines above the walkthrough: one naming the run and the
// user; for a paused run, the pause, the key that steps it and the user,
// with the user on a second line when one line is too narrow for all.
func (w Model) header() []string {
	st := w.Styles
	if !w.paused {
		return []string{common.Truncate(st.Title.Render(w.Tf("Walkthrough of run %d", "第 %d 次训练的讲解", w.run))+
			st.Muted.Render(" · "+w.selected()), w.Width)}
	}
	user := w.selected()
	if !w.listed {
		user = w.Tf("user %s, the first training row", "用户 %s（第一个训练行）", w.id)
	}
	pause := st.Title.Render(w.T(
		fmt.Sprintf("Run %d paused after %s", w.run, common.Plural(w.shownStep, "batch", "batches")),
		fmt.Sprintf("第 %d 次训练已暂停（已训练 %d 批）", w.run, w.shownStep))) +
		st.Muted.Render(w.T(" · n: train one batch, then look again", " · 按 n 训练一批后再看"))
	if one := pause + st.Muted.Render(" · "+user); ansi.StringWidth(one) <= w.Width {
		return []string{one}
	}
	return []string{common.Truncate(pause, w.Width), common.Truncate(st.Muted.Render(user), w.Width)}
}

// bodyHeight is the height left to the walkthrough under the header.
func (w Model) bodyHeight() int {
	if !w.has {
		return max(w.Height-1, 0)
	}
	return max(w.Height-len(w.header()), 0)
}

// selected names the user shown as what it is: the row the Users screen
// has selected (its first, until someone moves there), not a choice made.
func (w Model) selected() string {
	return w.Tf("user %s (the row selected on Users, 5)", "用户 %s（“用户”页选中的行，按 5）", w.id)
}

// Update implements common.Screen.
func (w Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) { return w.step(msg) }

// Resize implements common.Screen.
func (w Model) Resize(width, height int) common.Screen { return common.Resized(w, width, height) }

// Editing implements common.Screen: the tab has no text field.
func (w Model) Editing() bool { return false }

// Shown reports whether a walkthrough is shown, and of which table row.
func (w Model) Shown() (row int, ok bool) { return w.row, w.has }

// Walkthrough returns the embedded walkthrough model.
func (w Model) Walkthrough() walkthrough.Model { return w.model }

// StepKey is the key that trains one more batch of the paused run shown
// (the root hands it to the Train screen).
func (w Model) StepKey() key.Binding {
	b := key.NewBinding(key.WithKeys("n"), key.WithHelp("n", w.T("train one batch", "训练一批")))
	b.SetEnabled(w.has && w.paused)
	return b
}
