package datascreen

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
)

// toggleCodes reads the selected schema column as categories (its numbers
// codes, one input each) or as numbers again, by loading the data again
// with the new list of categorical columns, as toggleExcluded does; a
// column that cannot change is refused in place.
func (s Model) toggleCodes() (Model, tea.Cmd) {
	cols := s.info.Schema.Columns
	if len(cols) == 0 || s.data == nil {
		return s, nil
	}
	c := cols[s.selected()]
	src := s.data.Source
	categorical := slices.Clone(src.Categorical)
	switch {
	case c.Codes:
		categorical = slices.DeleteFunc(categorical, func(n string) bool { return strings.EqualFold(n, c.Name) })
	case c.Role != "feature":
		s.flash = s.say(func(s Model) string {
			return s.Tf("%s is not a feature (%s): only features switch numbers ⇄ categories",
				"%s 不是特征（%s）：只有特征列可切换 数值 ⇄ 类别", c.Name, s.roleName(c.Role))
		})
		return s, nil
	case c.Kind == data.Categorical:
		s.flash = s.say(func(s Model) string {
			return s.Tf("%s is text: it is read as categories already", "%s 是文本：已按类别读取", c.Name)
		})
		return s, nil
	case c.Kind == data.Boolean:
		s.flash = s.say(func(s Model) string {
			return s.Tf("%s has two values: as a number or as categories it is the same input", "%s 只有两个值：按数值或类别读取都是同一个输入", c.Name)
		})
		return s, nil
	case c.Date:
		s.flash = s.say(func(s Model) string {
			return s.Tf("%s holds dates: they cannot be read as categories", "%s 是日期：不能按类别读取", c.Name)
		})
		return s, nil
	default:
		if n, ok := data.CodeCount(s.data.Table.Column(c.Name)); !ok {
			s.flash = s.say(func(s Model) string {
				return s.Tf("%s has %s distinct numbers: at most %d can be read as categories",
					"%s 有 %s 个不同的数：最多 %d 个才能按类别读取", c.Name, data.Thousands(n), data.MaxCodeLevels)
			})
			return s, nil
		}
		categorical = append(categorical, c.Name)
	}
	src.Categorical = categorical
	if len(categorical) == 0 {
		src.Categorical = nil
	}
	return s, emit(OpenMsg{Src: src})
}

// codesLine names the columns whose numbers look like codes (data.CodeHints)
// and the key that reads them as categories; "" when there are none.
func (s Model) codesLine() string {
	if len(s.info.Codes) == 0 {
		return ""
	}
	names := make([]string, len(s.info.Codes))
	for i, h := range s.info.Codes {
		names[i] = h.Column
	}
	return s.Tf("%s: whole numbers named like codes; if codes, not amounts, press y on its Schema row",
		"%s：整数且列名像代码；若是代码而非数量，请在“结构”中选中该行按 y", strings.Join(names, s.T(", ", "、")))
}

// codeHint is what the detail line adds for a column whose numbers look
// like codes: its range and distinct values, and the key.
func (s Model) codeHint(name string) string {
	for _, h := range s.info.Codes {
		if h.Column == name {
			return s.Tf("looks like codes: whole numbers %s–%s, %d distinct; y reads them as categories",
				"像代码：整数 %s–%s，%d 个不同值；按 y 按类别读取", data.FormatCode(h.Min), data.FormatCode(h.Max), h.Distinct)
		}
	}
	return ""
}
