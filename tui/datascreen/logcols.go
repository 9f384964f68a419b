package datascreen

import (
	"path/filepath"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// chooserRole is a role whose column the chooser sets (l): the roles the
// command line names with --log-columns customer=, time=, amount= and
// item= (recommend's --item-column), as data.LogColumns holds them.
type chooserRole struct {
	role  string // as roleText and data.LogRole name it
	key   string // the role's key in --log-columns
	field func(*data.LogColumns) *string
}

var chooserRoles = []chooserRole{
	{"customer id", "customer", func(c *data.LogColumns) *string { return &c.Customer }},
	{"date", "time", func(c *data.LogColumns) *string { return &c.Time }},
	{"amount", "amount", func(c *data.LogColumns) *string { return &c.Amount }},
	{"item", "item", func(c *data.LogColumns) *string { return &c.Item }},
}

// colsState is the column chooser of an order log: the role picked (↑/↓)
// and, for each role, the column picked among its options (←/→).
type colsState struct {
	src    experiment.Source // read again with the columns chosen
	header []string
	loaded []string // each role's column as the log was read, or given when it failed ("" none)
	pick   []int    // each role's option (options)
	role   int
	// others are the roles of the columns the chooser does not set, as
	// the log was read or given (price=, order=, …).
	others []data.LogRole
	// failed marks a chooser opened on a log that could not be read
	// (ChooseLogColumns): why says why, err is the refusal shown if the
	// user declines, and a role without a column is left to be found by
	// its name.
	failed bool
	why    common.Said
	err    error
	// missing are the roles the failed log found no column for by name
	// (data.LogColumnsUnknown.Missing).
	missing []string
}

// options are a role's choices: the log's columns, after "" (the log as
// read, no column) when the role was read without one.
func (c *colsState) options(r int) []string {
	if c.loaded[r] == "" {
		return append([]string{""}, c.header...)
	}
	return c.header
}

// chosen is role r's column as picked ("" none).
func (c *colsState) chosen(r int) string { return c.options(r)[c.pick[r]] }

// openColumns opens the chooser on the loaded log, each role at the
// column it was read with; with pseudonymised customer ids it is refused
// in place (common.Common.ColumnsChoosable).
func (s Model) openColumns() Model {
	if !s.ColumnsChoosable() {
		s.flash = s.say(func(s Model) string {
			return s.T("customer ids are pseudonymised: the log's columns stay as read, so that no column shows its values under another role",
				"客户编号已假名化：日志的列保持读入时的样子，以免某一列的值以其他角色显示出来")
		})
		return s
	}
	log := s.data.Log
	c := &colsState{src: s.data.Source, header: log.Header}
	for _, lr := range log.Roles() {
		if !slices.ContainsFunc(chooserRoles, func(cr chooserRole) bool { return cr.role == lr.Role }) {
			c.others = append(c.others, lr)
		}
	}
	s.cols, s.prompt, s.picking = c.pickAt(log.Columns), prompt{}, false
	return s
}

// pickAt sets each role's column as cols holds it, and picks it.
func (c *colsState) pickAt(cols data.LogColumns) *colsState {
	for r, cr := range chooserRoles {
		c.loaded = append(c.loaded, *cr.field(&cols))
		c.pick = append(c.pick, max(slices.Index(c.options(r), c.loaded[r]), 0))
	}
	return c
}

// ChooseLogColumns opens the column chooser on the order log src, whose
// columns could not be resolved (unknown, the facts of err), in place of
// a refusal that only the command line's --log-columns could answer; err
// is the refusal shown if the user declines (LabelCancelMsg). The data
// loaded before stay as they are.
func (s *Model) ChooseLogColumns(src experiment.Source, unknown data.LogColumnsUnknown, err error) {
	c := &colsState{src: src, header: unknown.Header, failed: true, err: err, others: givenOthers(src), missing: unknown.Missing}
	c.why = s.say(func(s Model) string { return s.colsWhy(src, unknown, err) })
	s.cols = c.pickAt(src.LogColumns)
	s.prompt, s.picking, s.ask = prompt{}, false, nil
	s.view = s.render()
}

// colsWhy says why the columns of the log src must be chosen.
func (s Model) colsWhy(src experiment.Source, unknown data.LogColumnsUnknown, err error) string {
	name := filepath.Base(src.Path)
	roles := make([]string, len(unknown.Missing))
	for i, m := range unknown.Missing {
		roles[i] = s.logRoleName(m)
	}
	switch {
	case unknown.Headerless && len(unknown.Missing) > 0:
		return s.Tf("%s has no header line and its %d columns cannot be told apart: choose the customer id and the date below, then enter",
			"%s 没有表头行，无法区分它的 %d 列：请在下面选择客户编号和日期，然后按 enter", name, len(unknown.Header))
	case len(unknown.Missing) > 1:
		return s.Tf("%s: no %s column found by its name: choose them below, then enter",
			"%s：按列名找不到%s列：请在下面选择，然后按 enter", name, strings.Join(roles, s.T(" or ", "或")))
	case len(unknown.Missing) == 1:
		return s.Tf("%s: no %s column found by its name: choose it below, then enter",
			"%s：按列名找不到%s列：请在下面选择，然后按 enter", name, roles[0])
	default:
		return s.ErrorText(err)
	}
}

// colsKey moves through the roles (↑/↓) and their columns (←/→), reads
// the log again with the columns chosen (enter) or closes (esc).
func (s Model) colsKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	c := *s.cols
	c.pick = slices.Clone(c.pick)
	switch k.String() {
	case "up", "k":
		c.role = max(c.role-1, 0)
	case "down", "j":
		c.role = min(c.role+1, len(chooserRoles)-1)
	case "left", "shift+tab":
		n := len(c.options(c.role))
		c.pick[c.role] = (c.pick[c.role] + n - 1) % n
	case "right", "tab":
		c.pick[c.role] = (c.pick[c.role] + 1) % len(c.options(c.role))
	case "esc":
		s.cols = nil
		if c.failed {
			return s, emit(LabelCancelMsg{Err: c.err})
		}
		return s, nil
	case "enter":
		if s.colsConflict(&c) != "" {
			return s, nil // the conflict is shown under the list
		}
		src, changed := c.src, false
		for r, cr := range chooserRoles {
			if col := c.chosen(r); col != c.loaded[r] {
				*cr.field(&src.LogColumns) = col
				changed = true
			}
		}
		if !changed && c.failed {
			// Read as it is, it would fail again.
			s.cols = &c
			s.flash = s.say(func(s Model) string {
				return s.T("choose a column for a role first: as it is, the log cannot be read", "请先为某个角色选择一列：按原样无法读取该日志")
			})
			return s, nil
		}
		s.cols = nil
		if !changed {
			s.flash = s.say(func(s Model) string {
				return s.T("no column changed: the log stays as read", "没有更改任何列：日志保持原样")
			})
			return s, nil
		}
		// Once the log is read with them, the Data screen gives the
		// columns chosen as the command line's flag (columnsLine).
		s.chosen = &src
		return s, emit(OpenMsg{Src: src})
	}
	s.cols = &c
	return s, nil
}

// givenOthers are the columns given for src for the roles the chooser
// does not set (price=, order=, … on the command line), by role.
func givenOthers(src experiment.Source) []data.LogRole {
	given := src.LogColumns
	for _, cr := range chooserRoles {
		*cr.field(&given) = ""
	}
	return (&data.OrderLog{Columns: given}).Roles()
}

// colsConflict says why the columns chosen cannot be read ("" when they
// can): one column for two roles, which the log refuses.
func (s Model) colsConflict(c *colsState) string {
	for r := range chooserRoles {
		col := c.chosen(r)
		if col == "" {
			continue
		}
		for o := range r {
			if c.chosen(o) == col {
				return s.Tf("%s is chosen for both the %s and the %s: give each role its own column",
					"%s 同时被选为%s和%s：每个角色需要各自的列", s.ColumnLabel(col), s.logRoleName(chooserRoles[o].role), s.logRoleName(chooserRoles[r].role))
			}
		}
		for _, g := range givenOthers(c.src) {
			if strings.EqualFold(strings.TrimSpace(g.Column), strings.TrimSpace(col)) {
				return s.Tf("%s is the %s column the log was opened with: choose another for the %s",
					"%s 是打开日志时指定的%s列：请为%s另选一列", s.ColumnLabel(col), s.logRoleName(g.Role), s.logRoleName(chooserRoles[r].role))
			}
		}
	}
	return ""
}

// logRoleName words a log role (roleText) in the interface's language.
func (s Model) logRoleName(role string) string {
	if t, ok := roleText[role]; ok {
		return s.T(t[0], t[1])
	}
	return role
}

// chooserRoleLabel names a role in the chooser with its key in
// --log-columns beside it ("date (time=)"), so that the mapping to the
// command line shows.
func (s Model) chooserRoleLabel(cr chooserRole) string {
	return s.logRoleName(cr.role) + s.Tf(" (%s=)", "（%s=）", cr.key)
}

// logColumnsFlag words cols, of a log whose columns as read are header,
// as the command line's --log-columns flag, quoted for a POSIX shell
// (common.LogColumnsValue), "" when no column is given.
func logColumnsFlag(cols data.LogColumns, header []string) string {
	v := common.LogColumnsValue(cols, header)
	if v == "" {
		return ""
	}
	return common.ShellLine([]string{"--log-columns", v})
}

// optionLabel words role r's option col: a column, or how the log was
// read without one (the amount as price × quantity, or none).
func (s Model) optionLabel(r int, col string) string {
	if col != "" {
		return s.ColumnLabel(col)
	}
	if s.cols != nil && s.cols.failed {
		if slices.Contains(s.cols.missing, chooserRoles[r].role) {
			return s.T("not found by its name — choose one", "按列名找不到——请选择一列")
		}
		return s.T("not given", "未指定")
	}
	cols := s.data.Log.Columns
	if chooserRoles[r].role == "amount" && cols.Price != "" {
		if cols.Quantity != "" {
			return s.Tf("price × quantity (%s × %s)", "单价 × 数量（%s × %s）", s.ColumnLabel(cols.Price), s.ColumnLabel(cols.Quantity))
		}
		return s.Tf("price (%s)", "单价（%s）", s.ColumnLabel(cols.Price))
	}
	return s.T("none", "无")
}

// columnRoles words the roles column col will be read for: those chosen
// for it, else those it was read for that the chooser does not set.
func (s Model) columnRoles(c *colsState, col string) string {
	var roles []string
	for r, cr := range chooserRoles {
		if c.chosen(r) == col {
			roles = append(roles, s.logRoleName(cr.role))
		}
	}
	if len(roles) == 0 {
		for _, lr := range c.others {
			if lr.Column == col {
				roles = append(roles, s.logRoleName(lr.Role))
			}
		}
	}
	return strings.Join(roles, s.T(", ", "、"))
}

// colsLines draws the chooser in h lines: the roles with their columns,
// then the log's columns with the roles each will be read for, the
// picked role's column marked.
func (s Model) colsLines(h int) []string {
	c, st, w := s.cols, s.Styles, s.Width
	lines := []string{st.Title.Render(common.Truncate(s.Tf("Columns of %s", "%s 的列", filepath.Base(c.src.Path)), w))}
	if c.failed {
		for _, l := range widget.WrapText(c.why.In(s.Common), w) {
			lines = append(lines, st.Error.Render(l))
		}
	}
	help := s.T("↑/↓ role · ←/→ its column · enter reads the log again with these columns (if that fails, the data loaded now stays) · esc cancels",
		"↑/↓ 角色 · ←/→ 该角色的列 · enter 按这些列重新读取日志（读取失败时保留现在的数据）· esc 取消")
	if s.data == nil || s.data.Table == nil {
		// Nothing is loaded yet (the log named at start-up failed): no
		// data can stay.
		help = s.T("↑/↓ role · ←/→ its column · enter reads the log with these columns · esc cancels",
			"↑/↓ 角色 · ←/→ 该角色的列 · enter 按这些列读取日志 · esc 取消")
	}
	for _, l := range widget.WrapText(help, w) {
		lines = append(lines, st.Muted.Render(l))
	}
	roleW := 0
	for _, cr := range chooserRoles {
		roleW = max(roleW, ansi.StringWidth(s.chooserRoleLabel(cr)))
	}
	roleW = max(roleW, ansi.StringWidth(s.T("role", "角色")))
	lines = append(lines, "", st.Header.Render(common.Truncate("  "+common.Pad(s.T("role", "角色"), roleW+3)+s.T("column", "列"), w)))
	for r, cr := range chooserRoles {
		v := s.optionLabel(r, c.chosen(r))
		if c.chosen(r) != c.loaded[r] {
			v += s.T(" (changed)", "（已更改）")
		}
		line := "  " + common.Pad(s.chooserRoleLabel(cr), roleW) + "   " + v
		if r == c.role {
			// The value between the arrows that change it, the row
			// marked as a selected row is.
			line = "▸ " + common.Pad(s.chooserRoleLabel(cr), roleW) + " ◂ " + v + " ▸"
			line = st.Selected.Render(common.Pad(common.Truncate(line, w), min(w, max(ansi.StringWidth(line), 40))))
		}
		lines = append(lines, common.Truncate(line, w))
	}
	var foot []string
	if why := s.colsConflict(c); why != "" {
		for _, l := range widget.WrapText("✗ "+why, w) {
			foot = append(foot, st.Error.Render(l))
		}
	}
	nameW := 0
	for _, col := range c.header {
		nameW = max(nameW, ansi.StringWidth(s.ColumnLabel(col)))
	}
	colHead := s.T("the log's column", "日志的列")
	nameW = min(max(nameW, ansi.StringWidth(colHead)), max(w/2, 12))
	lines = append(lines, "", st.Header.Render(common.Truncate("  "+common.Pad(colHead, nameW+2)+s.T("read as", "用作"), w)))
	head := len(lines)
	at := 0 // the picked role's column in the list
	for i, col := range c.header {
		roles := s.columnRoles(c, col)
		if roles == "" {
			roles = st.Muted.Render(s.T("not used", "未使用"))
		}
		line := "  " + common.Pad(common.TruncateCell(s.ColumnLabel(col), nameW), nameW) + "  " + roles
		if col == c.chosen(c.role) {
			at = i
			line = "▸ " + line[2:]
		}
		lines = append(lines, common.Truncate(line, w))
	}
	room := h - len(foot)
	if room <= head {
		return append(lines[:max(min(room, head), 0)], foot...)
	}
	list := window(lines[head:], max(at+1-(room-head), 0), room-head)
	return append(append(lines[:head], list...), foot...)
}
