package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/walkthrough"
	"github.com/retainlab/retain/tui/widget"
)

// walkTab embeds the walkthrough for the user selected on the Users
// screen. Building a walkthrough traces the network and one training step,
// so it happens in a Cmd whenever the run or the user changes.
type walkTab struct {
	styles        common.Styles
	wstyles       walkthrough.Styles
	lang          string
	width, height int

	model    walkthrough.Model
	has      bool
	run, row int    // what model shows
	id       string // the shown user's identifier
	wantRun  int    // what was last asked for
	wantRow  int
	wantID   string
	err      error
	view     string
}

// walkReadyMsg carries a walkthrough built off the UI goroutine.
type walkReadyMsg struct {
	run, row int
	model    walkthrough.Model
	err      error
}

func newWalkTab(st common.Styles, lang string) walkTab {
	ws := walkthrough.DefaultStyles()
	ws.Widget = st.Widget
	return walkTab{styles: st, wstyles: ws, lang: walkthrough.DetectLang(lang, ""), wantRow: -1, row: -1}
}

// want asks for the walkthrough of row of run unless it is shown or
// already being built.
func (w *walkTab) want(run common.Run, row int, id string) tea.Cmd {
	if run.Exp == nil || row < 0 || (w.wantRun == run.Number && w.wantRow == row) {
		return nil
	}
	w.wantRun, w.wantRow, w.wantID = run.Number, row, id
	w.render()
	prev, has, lang, st := w.model, w.has, w.lang, w.wstyles
	width, height := w.width, w.height
	return func() tea.Msg {
		msg := walkReadyMsg{run: run.Number, row: row}
		defer common.Recovered(&msg.err)
		in, err := walkthrough.NewInput(run.Exp, row)
		if err != nil {
			msg.err = err
			return msg
		}
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

// SetSize sets the tab's size.
func (w *walkTab) SetSize(width, height int) {
	w.width, w.height = width, height
	if w.has {
		w.model.SetSize(width, max(height-1, 0))
	}
	w.render()
}

// Update handles the built walkthrough and, while shown, keys.
func (w walkTab) Update(msg tea.Msg) (walkTab, tea.Cmd) {
	switch msg := msg.(type) {
	case walkReadyMsg:
		if msg.run != w.wantRun || msg.row != w.wantRow {
			return w, nil
		}
		w.err = msg.err
		if msg.err == nil {
			w.model, w.has, w.run, w.row, w.id = msg.model, true, msg.run, msg.row, w.wantID
			w.model.SetSize(w.width, max(w.height-1, 0))
		}
		w.render()
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

// wantsTab reports whether tab belongs to the walkthrough now (it moves
// to the next layer) rather than to the root (the next screen).
func (w walkTab) wantsTab(k tea.KeyPressMsg) bool {
	if !w.has {
		return false
	}
	km := w.model.KeyMap()
	return km.Layer.Enabled() && key.Matches(k, km.Layer)
}

func (w walkTab) helpGroups() [][]key.Binding {
	if !w.has {
		return nil
	}
	km := w.model.KeyMap()
	return [][]key.Binding{km.ShortHelp(), {km.First, km.PrevCol, km.NextCol, km.PageUp, km.PageDown}}
}

// View returns the view drawn in the last Update.
func (w walkTab) View() string { return w.view }

// render draws the walkthrough under a line naming the user.
func (w *walkTab) render() {
	w.view = w.draw()
}

func (w walkTab) draw() string {
	if w.width <= 0 || w.height <= 0 {
		return ""
	}
	st := w.styles
	switch {
	case w.err != nil:
		return widget.Fit(st.Error.Render("No walkthrough: ")+w.err.Error(), w.width, w.height)
	case !w.has && w.wantRun != 0:
		return widget.Fit(st.Muted.Render("Preparing the walkthrough…"), w.width, w.height)
	case !w.has:
		return widget.Fit(common.NoRunYet(st), w.width, w.height)
	}
	head := st.Title.Render(fmt.Sprintf("Walkthrough of run %d", w.run)) +
		st.Muted.Render(fmt.Sprintf(" · user %s, chosen on the Users screen (5)", w.id))
	return widget.Fit(common.Truncate(head, w.width)+"\n"+w.model.View(), w.width, w.height)
}
