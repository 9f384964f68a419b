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
