package datascreen

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// toggleExcluded puts the selected schema column in or out of the
// features by loading the data again with the new list of excluded
// columns; a refusal is shown in place and nothing changes.
func (s Model) toggleExcluded() (Model, tea.Cmd) {
	cols := s.info.Schema.Columns
	if len(cols) == 0 || s.data == nil {
		return s, nil
	}
	c := cols[s.selected()]
	src := s.data.Source
	exclude := slices.Clone(src.Exclude)
	switch c.Role {
	case "excluded":
		exclude = slices.DeleteFunc(exclude, func(n string) bool { return n == c.Name })
	case "feature":
		features := 0
		for _, o := range cols {
			if o.Role == "feature" {
				features++
			}
		}
		if features == 1 {
			s.flash = s.say(func(s Model) string {
				return s.Tf("%s is the last feature column: it cannot be left out", "%s 是最后一个特征列，不能排除", c.Name)
			})
			return s, nil
		}
		exclude = append(exclude, c.Name)
	default:
		s.flash = s.say(func(s Model) string {
			return s.Tf("%s is not a feature (%s): only feature columns can be left out",
				"%s 不是特征（%s）：只有特征列可以排除", c.Name, s.roleName(c.Role))
		})
		return s, nil
	}
	src.Exclude = exclude
	if len(exclude) == 0 {
		src.Exclude = nil
	}
	return s, emit(OpenMsg{Src: src})
}

// flashLine is the refusal of the last key, if any.
func (s Model) flashLine() []string {
	if s.flash.In(s.Common) == "" {
		return nil
	}
	return []string{s.Styles.Error.Render(common.Truncate(s.flash.In(s.Common), s.Width))}
}
