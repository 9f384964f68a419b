package recscreen

import (
	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/common"
)

// keyMap holds the Recommend screen's keys.
type keyMap struct {
	Toggle    key.Binding // start, pause, resume
	StepBatch key.Binding
	StepEpoch key.Binding
	Stop      key.Binding
	Cutoff    key.Binding
	Horizon   key.Binding
	Exclude   key.Binding // items to leave out (postage, fees)
	View      key.Binding // metrics or customers, when both do not fit
	Up, Down  key.Binding // Up's help names both
	PageDown  key.Binding
	PageUp    key.Binding
	Apply     key.Binding
	Cancel    key.Binding
}

func defaultKeyMap(c common.Common) keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Toggle:    b(c.T("space", "空格"), c.T("train", "训练"), "space", "s"),
		StepBatch: b("n", c.T("one batch", "单步一批"), "n"),
		StepEpoch: b("e", c.T("one epoch", "单步一轮"), "e"),
		Stop:      b("x/esc", c.T("stop", "停止"), "x", "esc"),
		Cutoff:    b("c", c.T("cutoff", "截止日"), "c"),
		Horizon:   b("h", c.T("horizon", "观察期"), "h"),
		Exclude:   b("i", c.T("exclude", "排除商品"), "i"),
		// Its help names what v shows next (HelpGroups): "metrics/customers"
		// cut it off the footer at 80 columns.
		View:     b("v", c.T("customers", "客户"), "v"),
		Up:       b("↑/↓", c.T("customer", "客户"), "up", "k"),
		Down:     key.NewBinding(key.WithKeys("down", "j")), // helped with Up, "↑/↓ customer"
		PageDown: b("pgdn", c.T("page down", "下一页"), "pgdown"),
		PageUp:   b("pgup", c.T("page up", "上一页"), "pgup"),
		Apply:    b("enter", c.T("apply", "确定"), "enter"),
		Cancel:   b("esc", c.T("cancel", "取消"), "esc"),
	}
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	if s.Editing() {
		return [][]key.Binding{append([]key.Binding{k.Apply, k.Cancel}, s.input.HelpKeys(s.Common)...)}
	}
	alive := s.state == runRunning || s.state == runPaused
	switch s.state {
	case runRunning:
		k.Toggle.SetHelp(k.Toggle.Help().Key, s.T("pause", "暂停"))
	case runPaused:
		k.Toggle.SetHelp(k.Toggle.Help().Key, s.T("resume", "继续"))
	}
	ready := s.log != nil
	k.Toggle.SetEnabled(ready && s.state != runPreparing && s.state != runStopping)
	k.StepBatch.SetEnabled(alive)
	k.StepEpoch.SetEnabled(alive)
	k.Stop.SetEnabled(alive || s.state == runPreparing)
	idle := ready && !s.Alive()
	k.Cutoff.SetEnabled(idle)
	k.Horizon.SetEnabled(idle)
	k.Exclude.SetEnabled(idle && !s.reading)
	hasRes := s.res != nil && !alive
	k.Up.SetEnabled(hasRes)
	k.Down.SetEnabled(hasRes)
	k.PageUp.SetEnabled(hasRes)
	k.PageDown.SetEnabled(hasRes)
	k.View.SetEnabled(hasRes && !s.bothFit())
	if s.showCust {
		k.View.SetHelp(k.View.Help().Key, s.T("metrics", "指标"))
	}
	if s.metricsAlone() {
		// ↑/↓ and the page keys scroll the metrics, when they do not fit.
		sk := s.scrollKeys
		for _, b := range []*key.Binding{&sk.Up, &sk.PageUp, &sk.Top} {
			b.SetEnabled(s.metricMost > 0)
		}
		return [][]key.Binding{{k.Toggle, k.Cutoff, k.Horizon, k.Exclude, k.View, sk.Up, k.StepBatch, k.StepEpoch, k.Stop}, {sk.PageUp, sk.Top}}
	}
	return [][]key.Binding{{k.Toggle, k.Cutoff, k.Horizon, k.Exclude, k.View, k.Up, k.StepBatch, k.StepEpoch, k.Stop}, {k.PageUp, k.PageDown}}
}
