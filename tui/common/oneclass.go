package common

import (
	"time"

	"github.com/retainlab/retain/experiment"
)

// OneClassReason says, in the interface's language, why an order log's
// cohort cannot train a model (its label has one class) and what to try.
func (c Common) OneClassReason(e *experiment.OneClassError) string {
	r := e.Report
	cutoff := r.Cutoff.Format(time.DateOnly)
	switch {
	case e.NoneAgain() && e.SingleOrders:
		// The command line's advice (--log-columns) is a key here.
		return c.Tf("No customer orders again within the %d-day horizon: 0 of the %s customers at the cutoff %s, so the label has one class and a model needs both. "+
			"Every customer of %s has exactly one order: the customer column %q may name orders, not customers. To try another, %s.",
			"在 %[1]d 天的观察期内没有客户再次下单：截止 %[3]s 的 %[2]s 位客户中 0 位，所以标签只有一类，而模型需要两类都有。"+
				"%[4]s 中每位客户都恰好只有一笔订单：客户列 %[5]q 可能是订单编号，而不是客户编号。要换一列，%[6]s。",
			r.HorizonDays, Thousands(r.Customers), cutoff, e.Log, e.CustomerColumn,
			c.ColumnsAdvice("customer", "the customer id column", "客户编号列"))
	case e.NoneAgain():
		// The Data screen's h labels the log again in place.
		return c.Tf("No customer orders again within the %d-day horizon: 0 of the %s customers at the cutoff %s, so the label has one class and a model needs both. "+
			"Press h on the Data screen (1) for a horizon longer than %[1]d days: the log is labelled again in place.",
			"在 %[1]d 天的观察期内没有客户再次下单：截止 %[3]s 的 %[2]s 位客户中 0 位，所以标签只有一类，而模型需要两类都有。"+
				"可以在“数据”页（按 1）按 h 选长于 %[1]d 天的观察期：日志会就地重新标注。",
			r.HorizonDays, Thousands(r.Customers), cutoff)
	}
	text := c.Tf("Every customer orders again within the %d-day horizon: %s of the %s customers at the cutoff %s, so the label has one class and a model needs both.",
		"在 %[1]d 天的观察期内每位客户都再次下单：截止 %[4]s 的 %[3]s 位客户中 %[2]s 位，所以标签只有一类，而模型需要两类都有。",
		r.HorizonDays, Thousands(r.Positives), Thousands(r.Customers), cutoff)
	if r.HorizonDays <= 1 {
		return text // no horizon is shorter than a day
	}
	return text + c.Tf(" Press h on the Data screen (1) for a horizon shorter than %d days: the log is labelled again in place.",
		"可以在“数据”页（按 1）按 h 选短于 %d 天的观察期：日志会就地重新标注。", r.HorizonDays)
}

// OneClassNote is OneClassReason in short, for the Data screen: the label
// has one class, why, and that Train refuses it.
func (c Common) OneClassNote(e *experiment.OneClassError) string {
	h := e.Report.HorizonDays
	switch {
	case e.NoneAgain() && e.SingleOrders:
		if c.ColumnsChoosable() {
			return c.Tf("the label has one class: no customer orders again within %d days, as every customer has one order (is the customer column %q a per-order key? l chooses another); Train refuses it",
				"标签只有一类：没有客户在 %d 天内再次下单，因为每位客户都只有一笔订单（客户列 %q 是否是订单编号？按 l 可换一列）；无法训练", h, e.CustomerColumn)
		}
		return c.Tf("the label has one class: no customer orders again within %d days, as every customer has one order (is the customer column %q a per-order key?); Train refuses it",
			"标签只有一类：没有客户在 %d 天内再次下单，因为每位客户都只有一笔订单（客户列 %q 是否是订单编号？）；无法训练", h, e.CustomerColumn)
	case e.NoneAgain():
		return c.Tf("the label has one class: no customer orders again within %d days; Train refuses it (try a longer horizon)",
			"标签只有一类：没有客户在 %d 天内再次下单；无法训练（可以试试更长的观察期）", h)
	}
	return c.Tf("the label has one class: every customer orders again within %d days; Train refuses it (try a shorter horizon)",
		"标签只有一类：每位客户都在 %d 天内再次下单；无法训练（可以试试更短的观察期）", h)
}
