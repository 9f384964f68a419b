package datascreen

import (
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// roleText words a log column's role (data.LogRole.Role).
var roleText = map[string][2]string{
	"customer id":  {"customer id", "客户编号"},
	"date":         {"date", "日期"},
	"amount":       {"amount", "金额"},
	"price":        {"price", "单价"},
	"quantity":     {"quantity", "数量"},
	"order id":     {"order id", "订单号"},
	"item":         {"item", "商品"},
	"description":  {"description", "商品描述"},
	"event type":   {"event type", "事件类型"},
	"order status": {"order status", "订单状态"},
}

// columnsLine says which column of an order log was read for each role
// and which were not read ("" for a table that is not from a log).
func (s Model) columnsLine() string {
	log := s.data.Log
	if log == nil {
		return ""
	}
	roles := log.Roles()
	parts := make([]string, len(roles))
	for i, r := range roles {
		role := r.Role
		if t, ok := roleText[role]; ok {
			role = s.T(t[0], t[1])
		}
		parts[i] = role + " = " + s.ColumnLabel(r.Column)
	}
	line := strings.Join(parts, " · ")
	if unused := log.Unused(); len(unused) > 0 {
		for i, u := range unused {
			unused[i] = s.ColumnLabel(u)
		}
		line += s.Tf(" · not used: %s", " · 未使用：%s", strings.Join(unused, s.T(", ", "、")))
	}
	return line
}

// flagLine gives the columns chosen with the chooser (l) as the command
// line's flag, for a script to read the log the same way; "" when the
// log was not read with columns chosen there.
func (s Model) flagLine() string {
	if s.chosen == nil {
		return ""
	}
	var header []string
	if s.data.Log != nil {
		header = s.data.Log.Header
	}
	flag := logColumnsFlag(s.data.Source.LogColumns, header)
	if flag == "" {
		return ""
	}
	return s.Tf("%s (the columns chosen, for retain train --log and the other commands)",
		"%s（所选的列，供 retain train --log 等命令使用）", flag)
}

// titlesLine names the lines above a CSV file's header that were read as
// a report's titles and left out, "" when there were none.
func (s Model) titlesLine() string {
	titles := s.data.Table.Titles
	if s.data.Log != nil {
		titles = s.data.Log.Titles
	}
	if len(titles) == 0 {
		return ""
	}
	return s.Tf("lines above the header left out: %s", "表头上方的行未读取：%s", s.quotedList(titles))
}

// renamedLine says which columns repeating an earlier column's name were
// read under another name, "" when none was.
func (s Model) renamedLine() string {
	var renamed []data.RenamedColumn
	switch {
	case s.data.Log != nil:
		renamed = s.data.Log.Renamed
	case s.data.Table != nil:
		renamed = s.data.Table.Renamed
	}
	var parts []string
	for _, r := range renamed {
		parts = append(parts, s.Tf("column %d %q (also column %d's name) read as %q", "第 %d 列 %q（与第 %d 列同名）读作 %q",
			r.Column, r.Header, r.First, r.Name))
	}
	return strings.Join(parts, s.T("; ", "；"))
}

// quotedList quotes each name and joins them in the interface's language.
func (s Model) quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, s.T(", ", "、"))
}

// sheetsLine says which sheets of an Excel workbook were read and which
// were left out (other columns), "" when the data is not a workbook.
func (s Model) sheetsLine() string {
	w := s.data.Table.Workbook
	if s.data.Log != nil {
		w = s.data.Log.Workbook
	}
	if w == nil {
		return ""
	}
	quote := s.quotedList
	line := s.Tf("%s read", "读取了 %s", quote(w.Read))
	if len(w.Read) > 1 {
		line = s.Tf("%s read one after the other (same columns)", "依次读取了 %s（列相同）", quote(w.Read))
	}
	if len(w.Left) > 0 {
		line += s.Tf(" · not read (other columns): %s", " · 未读取（列不同）：%s", quote(w.Left))
	}
	if len(w.Titles) > 0 {
		line += s.Tf(" · title rows above the header left out: %s", " · 表头上方的标题行未读取：%s", quote(w.Titles))
	}
	if len(w.Hidden) > 0 {
		line += s.Tf(" · hidden, not read: %s", " · 隐藏，未读取：%s", quote(w.Hidden))
	}
	return line
}
