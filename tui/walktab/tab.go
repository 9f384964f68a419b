package walktab

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
	model    walkthrough.Model
	Err      error
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
	if run.Exp == nil || row < 0 || (w.wantRun == run.Number && w.wantRow == row) {
		return nil
	}
	w.wantRun, w.wantRow, w.wantID = run.Number, row, id
	w.render()
	prev, has, lang, st := w.model, w.has, w.Lang, w.wstyles
	threshold := w.sharedThreshold(run.Number)
	byID := w.Pseudonym.Enabled() // see walkthrough.Input.ByID
	width, height := w.Width, w.Height
	return func() tea.Msg {
		msg := ReadyMsg{Run: run.Number, Row: row}
		defer common.Recovered(&msg.Err)
		in, err := walkthrough.NewInput(run.Exp, row)
		if err != nil {
			msg.Err = err
			return msg
		}
		in.Threshold, in.ByID = threshold, byID
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
		w.model.SetSize(width, max(height-1, 0))
	}
	w.render()
}

// step handles the built walkthrough and, while shown, keys.
func (w Model) step(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ReadyMsg:
		if msg.Run != w.wantRun || msg.Row != w.wantRow {
			return w, nil
		}
		w.err = msg.Err
		if msg.Err == nil {
			w.model, w.has, w.run, w.row, w.id = msg.model, true, msg.Run, msg.Row, w.wantID
			w.model.SetSize(w.Width, max(w.Height-1, 0))
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
	return [][]key.Binding{km.ShortHelp(), {km.First, km.PrevCol, km.NextCol, km.PageUp, km.PageDown}}
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
	head := st.Title.Render(w.Tf("Walkthrough of run %d", "第 %d 次训练的讲解", w.run)) +
		st.Muted.Render(w.Tf(" · user %s, chosen on the Users screen (5)", " · 用户 %s（在“用户”页选择，按 5）", w.id))
	return widget.Fit(common.Truncate(head, w.Width)+"\n"+w.model.View(), w.Width, w.Height)
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
