package common

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
		return c.Tf("the server chooses the log's columns (customer ids are pseudonymised): it can serve the log with --log-columns %s=COLUMN",
			"日志的列由服务器决定（客户编号已假名化）：服务器可以用 --log-columns %s=列名 提供该日志", role)
	}
	return c.Tf("with pseudonymised customer ids the columns are not chosen here: open the log again with retain tui --log FILE --log-columns %s=COLUMN",
		"客户编号已假名化，不能在这里选择列：请用 retain tui --log 文件 --log-columns %s=列名 重新打开日志", role)
}
