package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/modelscreen"
	"github.com/retainlab/retain/tui/tunescreen"
)

// applyTuned makes the Tune screen's best configuration the Model
// screen's, which the next training run uses, and says so.
func (m *Model) applyTuned(msg tunescreen.ApplyMsg) tea.Cmd {
	before := m.modelScr.Config()
	m.modelScr.SetConfig(msg.Config)
	after := m.modelScr.Config()
	m.notice = m.com.Tf("trial %d applied to the Model screen", "试验 %d 已用于模型页", msg.Trial)
	// A balanced weight is a number on the Model screen: the loaded
	// data's, which the search resolved it to; say which.
	if msg.Balanced {
		m.notice += m.com.Tf(" (positive weight %s, balanced)", "（正类权重 %s，按类别平衡）",
			common.Number(msg.Config.Train.PosWeight))
	}
	// A trial may change the preprocessing (scaling, log(1+v)): the Data
	// screen describes the preparation the next run uses, so the data are
	// prepared again whenever the split or the preprocessing changed.
	if m.data != nil && modelscreen.SplitChanged(before, after) {
		return m.reprepare()
	}
	return nil
}
