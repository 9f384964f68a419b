package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/modelscreen"
	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/tunescreen"
)

// pressLoading presses each key and runs the loads and splits it leads
// to, as the program would.
func pressLoading(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = update(t, m, screentest.Press(k))
		m = feedLoads(t, m, cmd)
	}
	return m
}

// feedLoads runs cmd and every load, split or preset message it leads to.
func feedLoads(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	screentest.Drain(cmd, func(msg tea.Msg) (tea.Cmd, bool) {
		switch msg.(type) {
		case loadedMsg, datascreen.OpenMsg, modelscreen.PresetDataMsg, modelscreen.RestoreDataMsg, tunescreen.ApplyMsg:
			var next tea.Cmd
			m, next = update(t, m, msg)
			return next, true
		}
		return nil, false
	})
	return m
}

// openSmallCSV opens smallCSV's 40 users through the Data screen.
func openSmallCSV(t *testing.T, m Model) Model {
	t.Helper()
	path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
	m = sendKeys(t, m, "1", "o")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Source.Path != path {
		t.Fatalf("opening %s: %v", path, m.err)
	}
	return m
}

// TestPresetKeepsTheUsersData: on the Model screen, p applied §4.3 and
// replaced the loaded file with the 100 textbook users for good: §5 then
// trained on them, and nothing brought the file back. The file is set
// aside now, said on the Model screen, and the next p (§5) or r brings
// the very data back; loading other data meanwhile forgets it.
func TestPresetKeepsTheUsersData(t *testing.T) {
	m := openSmallCSV(t, loadedModel(t, textbookOptions(), 100, 30))
	users := m.data
	m = pressLoading(t, m, "2", "p")
	if m.data.Source.Kind != "textbook" || m.aside != users {
		t.Fatalf("§4.3: loaded %s, set aside %v; want the textbook users, users.csv aside", m.data.Source.Kind, m.aside)
	}
	view := strings.Join(strings.Fields(screen(m)), " ")
	screentest.MustContain(t, view, "users.csv set aside for the preset's own users: p", "or r brings it back", "p §5 preset, your data back")

	m = pressLoading(t, m, "p")
	if m.data != users || m.aside != nil {
		t.Fatalf("§5: loaded %s (%v), set aside %v; want users.csv back", m.data.Source.Describe(), m.data == users, m.aside)
	}
	if got := m.modelScr.Config().Train.Epochs; got != 10 {
		t.Errorf("§5 on users.csv: %d epochs, want the preset's 10", got)
	}
	// The Data screen describes users.csv prepared as §5 prepares it.
	if m.prep.Config.Pipeline != (data.PipelineOptions{Scale: data.ScaleMinMax}) {
		t.Errorf("users.csv prepared with %+v, want §5's min-max", m.prep.Config.Pipeline)
	}
	view = strings.Join(strings.Fields(screen(m)), " ")
	screentest.MustContain(t, view, "preset §5 Keras code", "users.csv is loaded again", "p default settings")
	if strings.Contains(view, "set aside") {
		t.Errorf("users.csv said to be set aside after it came back:\n%s", screen(m))
	}

	// r after §4.3 brings it back too; other data loaded meanwhile are
	// the user's data now, and nothing is set aside.
	m = pressLoading(t, m, "p", "p") // default, then §4.3
	if m.data.Source.Kind != "textbook" || m.aside != users {
		t.Fatalf("§4.3 again: loaded %s, set aside %v", m.data.Source.Kind, m.aside)
	}
	m = pressLoading(t, m, "r")
	if m.data != users || m.aside != nil {
		t.Fatalf("r: loaded %s, set aside %v; want users.csv back", m.data.Source.Describe(), m.aside)
	}
	m = pressLoading(t, m, "p") // §4.3
	m = openSmallCSV(t, m)
	if m.aside != nil || strings.Contains(screen(pressLoading(t, m, "2")), "set aside") {
		t.Errorf("another file opened after §4.3: still set aside %v", m.aside)
	}
}

// TestAppliedTrialPreparesTheDataAgain: a trial that changes the scaling
// and log(1+v) was applied without preparing the data again, so the Data
// screen described the old preprocessing. The data are prepared with the
// trial's now.
func TestAppliedTrialPreparesTheDataAgain(t *testing.T) {
	m := openSmallCSV(t, loadedModel(t, textbookOptions(), 100, 30))
	screentest.MustContain(t, screen(m), "log(1+v), then z-scored")
	cfg := m.modelScr.Config()
	cfg.Pipeline.Scale, cfg.Pipeline.Log1p = data.ScaleMinMax, false
	m = feedLoads(t, m, func() tea.Msg { return tunescreen.ApplyMsg{Config: cfg, Trial: 5} })
	if m.prep.Config.Pipeline.Scale != data.ScaleMinMax || m.prep.Config.Pipeline.Log1p {
		t.Fatalf("prepared with %+v after the trial", m.prep.Config.Pipeline)
	}
	view := screen(m)
	screentest.MustContain(t, view, "min-max scaled from")
	if strings.Contains(view, "log(1+v)") {
		t.Errorf("the Data screen still describes log(1+v):\n%s", view)
	}
}
