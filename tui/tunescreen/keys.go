package tunescreen

import (
	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/common"
)

type tuneKeyMap struct {
	Start, Stop, Budget, Apply key.Binding
	Commit, Cancel             key.Binding
	// Scroll moves the selected trial through the leaderboard.
	Scroll common.ScrollKeys
}

func defaultKeyMap(c common.Common) tuneKeyMap {
	return tuneKeyMap{
		Start:  key.NewBinding(key.WithKeys("s"), key.WithHelp("s", c.T("start search", "开始搜索"))),
		Stop:   key.NewBinding(key.WithKeys("s", "esc"), key.WithHelp("s/esc", c.T("stop search", "停止搜索"))),
		Budget: key.NewBinding(key.WithKeys("b"), key.WithHelp("b", c.T("edit budget", "修改时间预算"))),
		Apply:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("apply selected to Model", "把所选配置用于模型页"))),
		Commit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.T("set budget", "确定预算"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", c.T("keep old budget", "保留原预算"))),
		Scroll: selectKeys(c),
	}
}

// selectKeys are the scroll keys, described as moving the selected trial.
func selectKeys(c common.Common) common.ScrollKeys {
	k := common.NewScrollKeys(c)
	k.Up.SetHelp("↑/↓", c.T("select trial", "选择试验"))
	return k
}

// HelpGroups implements common.Screen.
func (s Model) HelpGroups() [][]key.Binding {
	k := s.keys
	if s.typing {
		return [][]key.Binding{append([]key.Binding{k.Commit, k.Cancel}, s.input.HelpKeys(s.Common)...)}
	}
	k.Start.SetEnabled(s.run == nil && s.data != nil)
	k.Stop.SetEnabled(s.run != nil)
	k.Budget.SetEnabled(s.run == nil)
	picked := s.selected()
	k.Apply.SetEnabled(s.result != nil && picked != nil && picked.Err == "" && !s.otherData())
	more := len(s.board()) > 1
	sc := k.Scroll
	for _, b := range []*key.Binding{&sc.Up, &sc.Down, &sc.PageUp, &sc.PageDown, &sc.Top, &sc.Bottom} {
		b.SetEnabled(more)
	}
	return [][]key.Binding{{k.Start, k.Stop, k.Budget, k.Apply, sc.Up}, {sc.Up, sc.PageUp, sc.Top}}
}
