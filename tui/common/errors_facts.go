package common

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
)

// brokenGzipZh words in Chinese a gzip file that cannot be read to its
// end: truncated (within the error's line when inLine), or corrupt.
func brokenGzipZh(f data.BrokenGzip, inLine bool) string {
	const again = "；请重新复制该文件（可用 gzip -t 检查副本）"
	switch {
	case f.Truncated && inLine:
		return "压缩文件不完整（被截断）：压缩数据在这一行中途结束" + again
	case f.Truncated:
		return "压缩文件不完整（被截断）：压缩数据提前结束" + again
	case f.BadChecksum:
		return "压缩文件已损坏：校验和与数据不符" + again
	case f.BadHeader:
		return "压缩文件已损坏：gzip 头部无效" + again
	}
	return "压缩文件已损坏（" + f.Detail + "）" + again
}

// titleZh words in Chinese why a file whose first line is a title has no
// label column (data.LabelNotFoundError with TitleAbove).
func titleZh(e *data.LabelNotFoundError) string {
	return fmt.Sprintf("第 %d 行只有一个单元格 %q，第 %d 行才是第一个有 %d 个单元格的行：如果第 %d 行以上是标题而不是表头，请删除这些行",
		e.Line, e.Title, e.TitleAbove, e.TitleCells, e.TitleAbove)
}

// labelNotFoundZh says in Chinese why no label column was found: the
// column named is not in the file, or none has a label's name (then the
// likeliest columns or the title line above the header).
func labelNotFoundZh(e *data.LabelNotFoundError) string {
	switch {
	case e.Named != "":
		return fmt.Sprintf("没有名为 %q 的列；现有的列：%s", e.Named, data.ColumnList(e.Columns))
	case e.TitleAbove > 0:
		return titleZh(e)
	case len(e.Likeliest) > 0:
		return labelNamesZh + "；只有两个取值的列最可能是标签：" + data.ColumnList(e.Likeliest)
	}
	return labelNamesZh
}

// headerlessZh is data's headerless hint in Chinese: the first line,
// read as the header, reads as data.
const headerlessZh = "；第一行读起来像数据（每个单元格都是数字或日期），文件似乎没有表头行：表格的第一行须给出各列的名称"

// labelNamesZh says in Chinese which names a label column is looked for
// under (data's "looked for churn, label, …").
const labelNamesZh = "查找过 churn、label、target、revenue、exited、purchased 等列名"

// firstFew is the first n of items, then "…" when there are more.
func firstFew(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(items[:n:n], "…")
}

// factsZh words a data.ParseError's facts in Chinese, "" when it has none
// this knows.
func factsZh(f data.Facts) string {
	switch f := f.(type) {
	case data.ValuesWithheld:
		return valuesWithheldZh(f)
	case data.FieldCount:
		if f.Headerless {
			return fmt.Sprintf("该行有 %d 个字段，第一行有 %d 个", f.Got, f.Want)
		}
		return fmt.Sprintf("该行有 %d 个字段，表头有 %d 个", f.Got, f.Want)
	case data.LabelClasses:
		if f.TwoWays && len(f.Classes) == 2 {
			return fmt.Sprintf("标签列 %q 只有一个类别，写成了两种形式（%q 和 %q 只差大小写、空格或数字的写法），需要恰好两个", f.Column, f.Classes[0], f.Classes[1])
		}
		if len(f.Classes) == 1 {
			return fmt.Sprintf("标签列 %q 只有一个类别（%q），需要恰好两个", f.Column, f.Classes[0])
		}
		shown := make([]string, len(f.Classes))
		for i, c := range f.Classes {
			shown[i] = strconv.Quote(c)
		}
		shown = firstFew(shown, 5)
		count := fmt.Sprintf("有 %d 个", len(f.Classes))
		if f.MoreThan > 0 {
			count = fmt.Sprintf("有超过 %d 个", f.MoreThan)
		}
		return fmt.Sprintf("标签列 %q %s类别（%s），需要恰好两个", f.Column, count, strings.Join(shown, ", "))
	case data.Quoting:
		if f.Unclosed {
			return "引号开始的字段直到文件末尾都没有结束引号：请补上结束引号，或去掉多余的开头引号"
		}
		return fmt.Sprintf("字段的结束引号之后是 %s，而不是分隔符或行尾：字段中的引号要写成两个（\"\"）", strconv.QuoteRune(rune(f.After)))
	case data.BadDate:
		switch f.Problem {
		case data.DateMissing:
			return "日期为空"
		case data.DateNotCalendar:
			return fmt.Sprintf("%q 不是真实存在的日期", f.Cell)
		case data.DateUnparseable:
			return fmt.Sprintf("%q 的写法无法识别：应为 YYYY-MM-DD、YYYYMMDD、YYYY-MM-DD HH:MM:SS、D/M/YYYY 或 M/D/YYYY"+
				"（按文件所示或 --date-order 给出的顺序读取）、D-Mon-YYYY，或 Unix 秒数、毫秒数", f.Cell)
		case data.DateDayNumberAmongDates:
			return fmt.Sprintf("日期列中出现了天数编号 %q：一个日期列要么全是日期，要么全是天数编号", f.Cell)
		case data.DateAmongDayNumbers:
			return fmt.Sprintf("天数编号列中出现了日期 %q：一个日期列要么全是日期，要么全是天数编号", f.Cell)
		}
	case data.NotANumber:
		if f.Column == "" {
			return fmt.Sprintf("%s %s 不是数字", columnOf(f.Column, f.Role), quoteCut(f.Cell))
		}
		s := fmt.Sprintf("列 %q 应为有限的数字（该列前几行都是数字），却是 %s", f.Column, quoteCut(f.Cell))
		if f.Present > 0 {
			s = fmt.Sprintf("列 %q 应为有限的数字（前几行的 %d 个值中有 %d 个是数字），却是 %s", f.Column, f.Present, f.Numbers, quoteCut(f.Cell))
		}
		switch f.Spelling {
		case data.SpellingDecimalComma:
			s += "（用了小数逗号，只有分号分隔的文件才按小数逗号读取）"
		case data.SpellingSpaceGroups:
			s += "（数字用空格或撇号分组，这种写法无法读取：请去掉分组符号）"
		}
		lines := make([]string, len(f.Others))
		for i, l := range f.Others {
			lines[i] = strconv.Itoa(l)
		}
		lines = firstFew(lines, 3)
		if len(f.Others) > 0 {
			where := ""
			if f.Sampled > 0 {
				where = "前 " + data.Thousands(f.Sampled) + " 行中"
			}
			s += fmt.Sprintf("；%s另有 %d 个这样的单元格，在第 %s 行", where, len(f.Others), strings.Join(lines, "、"))
		}
		if f.Column != "" {
			s += "；请改正这些单元格（缺失值可留空），或用 --exclude " + data.ExcludeArg(f.Column) + " 不用这一列"
		}
		return s
	case data.TooLarge:
		what := fmt.Sprintf("%s %s", columnOf("", f.Role), quoteCut(f.Cell))
		if f.Times != "" {
			what = fmt.Sprintf("单价 %s 乘以数量 %s", quoteCut(f.Cell), quoteCut(f.Times))
		}
		return fmt.Sprintf("%s 太大：绝对值超过 %s（2^53）的数无法精确相加", what, data.Thousands(data.MaxLogNumber))
	case data.MixedDecimals:
		subject := columnOf(f.Column, f.Role)
		if f.ModelComma {
			return fmt.Sprintf("%s %s 用小数点书写，而模型的训练数据用小数逗号书写这一列：同一列的数字请用同一种写法", subject, quoteCut(f.Here))
		}
		marks := [2]string{"小数点", "小数逗号"}
		if f.CommaHere {
			marks = [2]string{"小数逗号", "小数点"}
		}
		return fmt.Sprintf("%s %s 用%s书写，而 %s（第 %d 行）用%s书写：同一列的数字请用同一种写法",
			subject, quoteCut(f.Here), marks[0], quoteCut(f.Other), f.OtherLine, marks[1])
	case data.EmptySheets:
		return "Excel 工作簿的每个工作表都是空的，没有表头"
	case data.NoFeatures:
		var why []string
		for _, c := range f.Columns {
			w := c.Name + "："
			switch {
			case c.DecimalComma[0] != "":
				w += DecimalCommaZh(data.Reason{DecimalComma: c.DecimalComma, DecimalCommaHidden: f.Withheld}.DecimalCommaCells())
			case c.Kind == data.ID && c.NamesRows:
				w += "标识"
			case c.Kind == data.ID:
				w += "取值太多的文本"
			case c.Kind == data.Constant:
				w += "常量"
			case c.Kind == data.Numeric:
				w += "数值"
			case c.Kind == data.Boolean:
				w += "布尔"
			case c.Kind == data.Categorical:
				w += "类别"
			default:
				w += c.Kind.String()
			}
			switch m := c.Mixed; {
			case m != nil && f.Withheld:
				w += fmt.Sprintf("，大多是数字，但前几行的 %d 个值中有 %d 个不是（第一个在第 %d 行第 %d 列；这些值可能指明某人，不予显示）",
					m.Present, m.NotNumbers, m.Line, m.Column)
			case m != nil:
				w += fmt.Sprintf("，大多是数字，但前几行的 %d 个值中有 %d 个不是（%s，第一个在第 %d 行第 %d 列）",
					m.Present, m.NotNumbers, strings.Join(m.Examples, "、"), m.Line, m.Column)
			}
			why = append(why, w)
		}
		if f.More > 0 {
			why = append(why, fmt.Sprintf("另有 %s 列", Thousands(f.More)))
		}
		return strings.Join(why, "；")
	}
	return ""
}

// DecimalCommaZh says in Chinese that a column left out looks like
// numbers written with a decimal comma, quoting cells when there are any
// (data.Reason.DecimalCommaCells: none once pseudonymised), and what to
// do; data.DecimalCommaText says it in English.
func DecimalCommaZh(cells []string) string {
	quoted := ""
	if len(cells) > 0 {
		q := make([]string, len(cells))
		for i, c := range cells {
			q[i] = strconv.Quote(c)
		}
		quoted = "（" + strings.Join(q, "、") + "）"
	}
	return "看起来是用小数逗号书写的数字" + quoted + "，只有以分号分隔的文件才把它们读作数字：请用分号分隔各字段，或用小数点书写数字"
}

// columnOf names a table's column, or the column of an order log's role
// when column is "", as the subject of a Chinese sentence ("列 "price"
// 的", "金额列的").
func columnOf(column, role string) string {
	if column != "" {
		return fmt.Sprintf("列 %q 的", column)
	}
	if zh, ok := logRolesZh[role]; ok {
		return zh + "列的"
	}
	return role + " 列的"
}

// logRolesZh names in Chinese the numeric roles of an order log's columns.
var logRolesZh = map[string]string{"amount": "金额", "price": "单价", "quantity": "数量"}

// LogRoleZh names in Chinese the numeric role of an order log's column
// ("amount" 金额); another role is returned as it is.
func LogRoleZh(role string) string {
	if zh, ok := logRolesZh[role]; ok {
		return zh
	}
	return role
}
