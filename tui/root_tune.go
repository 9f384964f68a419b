package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/tunescreen"
)

// applyTuned makes the Tune screen's best configuration the Model
// screen's, which the next training run uses, and says so.
func (m *Model) applyTuned(msg tunescreen.ApplyMsg) tea.Cmd {
	before := m.modelScr.Config()
	m.modelScr.SetConfig(msg.Config)
	after := m.modelScr.Config()
	m.notice = m.com.Tf("trial %d applied to the Model screen", "试验 %d 已用于模型页", msg.Trial)
	if m.data != nil && (before.Seed != after.Seed || before.ValFrac != after.ValFrac) {
		return m.reprepare()
	}
	return nil
}
