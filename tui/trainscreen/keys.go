package trainscreen

import (
	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/common"
)

// trainKeyMap holds the Train screen's keys.
type trainKeyMap struct {
	Toggle    key.Binding // start, pause, resume
	StepBatch key.Binding
	StepEpoch key.Binding
	Stop      key.Binding
	Restart   key.Binding
	Faster    key.Binding // the next faster pace
	Slower    key.Binding // the next slower pace
}

func defaultTrainKeyMap(c common.Common) trainKeyMap {
	return trainKeyMap{
		Toggle:    key.NewBinding(key.WithKeys("space", "s"), key.WithHelp(c.T("space", "空格"), c.T("start", "开始"))),
		StepBatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", c.T("one batch", "单步一批"))),
		StepEpoch: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", c.T("one epoch", "单步一轮"))),
		Stop:      key.NewBinding(key.WithKeys("x", "esc"), key.WithHelp("x/esc", c.T("stop", "停止"))),
		Restart:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", c.T("restart", "重新开始"))),
		Faster:    key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+/-", c.T("pace", "节奏"))),
		Slower:    key.NewBinding(key.WithKeys("-", "_"), key.WithHelp("-", c.T("slower", "放慢"))),
	}
}

// keyMap returns the keys with their enabled state and help text matching
// the current state.
func (s Model) keyMap() trainKeyMap {
	k := s.keys
	active := s.state == trainRunning || s.state == trainPaused
	space := s.T("space", "空格")
	switch s.state {
	case trainRunning:
		k.Toggle.SetHelp(space, s.T("pause", "暂停"))
	case trainPaused:
		k.Toggle.SetHelp(space, s.T("resume", "继续"))
	case trainEnded:
		k.Toggle.SetHelp(space, s.T("new run", "新训练"))
	}
	// The decay check's second network trains to its end on its own: it
	// cannot be paused or stepped, only stopped (which keeps the first).
	steerable := s.state != trainStarting && s.state != trainStopping && !s.checkingDecay()
	k.Toggle.SetEnabled(steerable)
	k.StepBatch.SetEnabled(steerable)
	k.StepEpoch.SetEnabled(steerable)
	k.Stop.SetEnabled(active || s.state == trainStarting || s.state == trainStopping && s.restart)
	if s.state == trainStopping && s.restart {
		k.Stop.SetHelp(k.Stop.Help().Key, s.T("cancel restart", "取消重新开始"))
	}
	k.Restart.SetEnabled(s.state != trainIdle && !s.restart)
	return k
}

// HelpGroups returns the keys that work now.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keyMap()
	return [][]key.Binding{{k.Toggle, k.StepBatch, k.StepEpoch, k.Stop, k.Restart, k.Faster}}
}
