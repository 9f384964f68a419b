package usersscreen

import (
	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/common"
)

// usersKeyMap holds the Users screen's keys.
type usersKeyMap struct {
	Up, Down       key.Binding
	PageUp, PageDn key.Binding
	Top, Bottom    key.Binding
	Sort           key.Binding
	Band           key.Binding
	Truth          key.Binding
	Search         key.Binding
	Next           key.Binding
	Detail         key.Binding
	WhatIf         key.Binding
	Export         key.Binding
	// Target switches between preventing and encouraging; Bands between
	// bands by share and by capacity.
	Target, Bands key.Binding
	// Today switches to the order log's current customers and back.
	Today key.Binding
	// Cancel stops a running export.
	Cancel key.Binding
	// Accept and Abort close the text field (footer hints only).
	Accept, Abort key.Binding
	// What-if keys: the value of the chosen feature.
	Less, More key.Binding
	Type       key.Binding
	Reset      key.Binding
	Leave      key.Binding
}

func defaultUsersKeyMap(c common.Common) usersKeyMap {
	b := func(keys []string, k, en, zh string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, c.T(en, zh)))
	}
	return usersKeyMap{
		Up:     b([]string{"up", "k"}, "↑/↓", "move", "移动"),
		Down:   b([]string{"down", "j"}, "↓", "down", "下移"),
		PageUp: b([]string{"pgup"}, "pgup/pgdn", "page", "翻页"),
		PageDn: b([]string{"pgdown"}, "pgdn", "page down", "下一页"),
		Top:    b([]string{"home", "g"}, "g/G", "first/last", "首个/末个"),
		Bottom: b([]string{"end", "G"}, "G", "last", "末个"),
		Sort:   b([]string{"s"}, "s", "sort", "排序"),
		Band:   b([]string{"b"}, "b", "risk band", "风险档"),
		Truth:  b([]string{"c"}, "c", "correct/wrong", "对/错"),
		Search: b([]string{"/"}, "/", "find id", "查找 id"),
		Next:   b([]string{"n"}, "n", "next match of /", "/ 的下一个匹配"),
		Detail: b([]string{"enter"}, "enter", "reasons, details", "原因与详情"),
		WhatIf: b([]string{"w"}, "w", "what-if", "假设分析"),
		Export: b([]string{"x"}, "x", "export CSV", "导出 CSV"),
		Today:  b([]string{"t"}, "t", "current customers", "当前客户"),
		Target: c.TargetKey(),
		Bands:  c.BandsKey(),
		Cancel: b([]string{"esc"}, "esc", "cancel export", "取消导出"),
		Less:   b([]string{"left", "h"}, "←/→", "change value", "改变取值"),
		More:   b([]string{"right", "l"}, "→", "increase", "增大"),
		Type:   b([]string{"enter", "e"}, "enter", "type value", "输入取值"),
		Reset:  b([]string{"r"}, "r", "reset", "复原"),
		Leave:  b([]string{"esc", "w"}, "esc", "leave what-if", "退出假设分析"),
		Accept: b([]string{"enter"}, "enter", "ok", "确定"),
		Abort:  b([]string{"esc"}, "esc", "cancel", "取消"),
	}
}
