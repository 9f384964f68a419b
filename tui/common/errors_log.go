package common

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retainlab/retain/data"
)

// logLookText says what a file opened as a table looks like (an order
// log) and that g on the Data screen opens it as one.
func (c Common) logLookText(l data.LogLook) string {
	return c.LogLookWhat(l) + c.T(": ", "：") + c.openLogAdvice()
}

// LogLookWarning is the load warning of a table read with a label whose
// file path reads as an order log (experiment.OrderLogWarning): what it
// looks like, that each line is a row of its own, and that g on the Data
// screen opens it as a log.
func (c Common) LogLookWarning(path string, l data.LogLook) string {
	return path + c.T(": ", "：") + c.LogLookWhat(l) +
		c.T(": each line is read as a row of its own; ", "：每一行都被读作单独的一行；") + c.openLogAdvice()
}

// openLogAdvice says how the interface opens a file as an order log: g on
// the Data screen, or, in a served session (which opens no file and has
// no g), that the server can serve it as one with --log, as
// OpenLogSentence says.
func (c Common) openLogAdvice() string {
	if c.Served {
		return c.T("the server can serve it as an order log with --log FILE instead of --data, which makes one row per customer and labels it by whether they order again",
			"服务器可以改用 --log 文件 将其作为订单日志提供，它会为每个客户生成一行，并按客户是否再次下单打标签")
	}
	return c.T("press g on the Data screen to open it as an order log, which makes one row per customer and labels it by whether they order again",
		"请在数据页按 g 以订单日志打开，它会为每个客户生成一行，并按客户是否再次下单打标签")
}

// LogLookWhat says what a file looks like read as an order log (in
// English, data.LogLook.What).
func (c Common) LogLookWhat(l data.LogLook) string {
	if c.Lang != "zh" {
		return l.What()
	}
	column := func(name string) string {
		if l.Headerless {
			return "第 " + name + " 列"
		}
		return fmt.Sprintf("列 %q", name)
	}
	lines := fmt.Sprintf("它的 %s 行", Thousands(l.Lines))
	if l.Sampled {
		lines = fmt.Sprintf("它的前 %s 行", Thousands(l.Lines))
	}
	customer := column(l.Customer)
	if !l.Headerless {
		customer += " " // after the quoted name, as before a number
	}
	return fmt.Sprintf("它看起来是订单日志，而不是每个客户一行的表（%s中%s有 %s 个客户，日期在%s）",
		lines, customer, Thousands(l.Customers), column(l.Date))
}

// noOrdersZh says in Chinese why an order log with lines has no usable
// order.
func noOrdersZh(f data.NoOrders) string {
	rules := Common{Lang: "zh"}.CancelRulesText(f.Rules, f.Negative)
	if rules != "" {
		rules = "（" + rules + "）"
	}
	s := fmt.Sprintf("没有可用的订单：共 %s 行，其中 %s 行已取消%s，%s 行没有客户编号",
		Thousands(f.Lines), Thousands(f.Cancelled), rules, Thousands(f.MissingCustomer))
	if f.Adjustments > 0 {
		s += fmt.Sprintf("，%s 条库存调整", Thousands(f.Adjustments))
	}
	if f.OtherEvents > 0 && f.Withheld {
		types := Thousands(len(f.Events)) + " 种"
		if slices.ContainsFunc(f.Events, func(e data.EventCount) bool { return e.Event == data.OtherEventTypes() }) {
			types = "超过 " + Thousands(len(f.Events)-1) + " 种"
		}
		s += fmt.Sprintf("，%s 行不是购买事件（共 %s类型，这些值可能指明某人，不予显示）：事件类型列 %q 把购买记为 %s",
			Thousands(f.OtherEvents), types, f.EventColumn, strings.Join(f.Purchases, "、"))
	} else if f.OtherEvents > 0 {
		var parts []string
		for i, e := range f.Events {
			if i == 5 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, quoteCut(e.Event)+" "+Thousands(e.Lines))
		}
		s += fmt.Sprintf("，%s 行不是购买事件（%s）：事件类型列 %q 把购买记为 %s",
			Thousands(f.OtherEvents), strings.Join(parts, "、"), f.EventColumn, strings.Join(f.Purchases, "、"))
	}
	return s
}

// logColumnsText words an order log whose customer id or date column
// was not found (data.LogColumnsUnknown) with this interface's advice,
// not the command line's --log-columns: opened again, the Data screen
// offers its columns to choose from (askLogColumns in the root).
func (c Common) logColumnsText(pe *data.ParseError, u data.LogColumnsUnknown) string {
	if u.Headerless {
		return c.Tf("%s: the log has no header line (its first line holds numbers: it is data) and its %d columns cannot be told apart; open it again (g on the Data screen) to choose them",
			"%s：日志没有表头行（第一行是数字，即数据），无法区分它的 %d 列；请重新打开它（在“数据”页按 g）并选择这些列", c.whereIn(pe), len(u.Header))
	}
	roles := make([]string, len(u.Missing))
	for i, m := range u.Missing {
		roles[i] = map[string]string{"customer id": c.T("customer id", "客户编号"), "date": c.T("date", "日期")}[m]
		if roles[i] == "" {
			roles[i] = m
		}
	}
	role := strings.Join(roles, c.T(" or ", "或"))
	gaps := ""
	if u.DayGaps != "" {
		gaps = c.Tf("; column %q holds days since the customer's previous order, not dates: the orders of a log need a date each, and relative day gaps do not give one",
			"；列 %q 记录的是距客户上一笔订单的天数，不是日期：日志中的每笔订单都需要一个日期，相对的间隔天数无法给出日期", u.DayGaps)
	}
	if len(roles) > 1 {
		return c.Tf("%s: no %s column found (columns: %s); open the log again (g on the Data screen) to choose them",
			"%s：找不到%s列（列：%s）；请重新打开日志（在“数据”页按 g）并选择这些列", c.whereIn(pe), role, data.ColumnList(u.Header)) + gaps
	}
	return c.Tf("%s: no %s column found (columns: %s); open the log again (g on the Data screen) to choose it",
		"%s：找不到%s列（列：%s）；请重新打开日志（在“数据”页按 g）并选择该列", c.whereIn(pe), role, data.ColumnList(u.Header)) + gaps
}
