package common

import (
	"strconv"

	"github.com/retainlab/retain/data"
)

// ColumnLabel writes an order log's column name as data.ColumnLabel does,
// a headerless log's position names ("2") in the interface's language
// ("column 2", "第 2 列"): the Data screen's column chooser and the
// Recommend screen name a column alike.
func (c Common) ColumnLabel(name string) string {
	if n, err := strconv.Atoi(name); err == nil && n > 0 {
		return c.Tf("column %d", "第 %d 列", n)
	}
	return data.ColumnLabel(name)
}

// Positional reports whether name is a headerless log's position name
// ("2"), which ColumnLabel writes as "column 2".
func Positional(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n > 0
}

// ColumnsChoosable reports whether the Data screen's l may read the loaded
// order log again with other columns: not while customer ids are
// pseudonymised (always in a served session), as a column read under
// another role (the item, say) would show its values as they are, the
// customer ids or a personal column included.
func (c Common) ColumnsChoosable() bool { return !c.Pseudonym.Enabled() }

// ColumnsAdvice says how to read the loaded order log again with another
// column for role, as --log-columns names it ("customer" or "item"); what
// and whatZh name the column wanted ("the customer id column", "客户编号列").
// It is l on the Data screen, or, where that is refused
// (ColumnsChoosable), the command line's --log-columns.
func (c Common) ColumnsAdvice(role, what, whatZh string) string {
	switch {
	case c.ColumnsChoosable():
		return c.Tf("press l on the Data screen (1) and choose %s: the log is read again with it",
			"可在“数据”页（按 1）按 l 选择%s：日志会按所选的列重新读取", c.T(what, whatZh))
	case c.Served:
		return c.Tf("the server chooses the log's columns (customer ids are pseudonymised): the server can serve the log with --log-columns %s=COLUMN",
			"日志的列由服务器决定（客户编号已假名化）：服务器可以用 --log-columns %s=列名 提供该日志", role)
	}
	return c.Tf("with pseudonymised customer ids the columns are not chosen here: open the log again with retain tui --log FILE --log-columns %s=COLUMN",
		"客户编号已假名化，不能在这里选择列：请用 retain tui --log 文件 --log-columns %s=列名 重新打开日志", role)
}

// OpenLogSentence says, as a sentence, how to open an order log of what
// (whatZh, the columns a screen needs) in place of a per-user table: g on
// the Data screen, or, in a served session (which opens no file), that the
// server can serve one with --log. The command line's --log is not a key
// of this interface.
func (c Common) OpenLogSentence(what, whatZh string) string {
	if c.Served {
		return c.Tf("The server chooses this session's data: the server can serve an order log (%s) with --log FILE.",
			"本会话的数据由服务器决定：服务器可以用 --log 文件 提供订单日志（%s）。", c.T(what, whatZh))
	}
	return c.Tf("Press g on the Data screen (1) to open an order log (%s).",
		"请在“数据”页（按 1）按 g 打开订单日志（%s）。", c.T(what, whatZh))
}
