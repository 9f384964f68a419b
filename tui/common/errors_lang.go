package common

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
)

// causes names, in Chinese, the sentinel errors a user can meet loading
// data, preparing it or training, most specific first.
var causes = []struct {
	err error
	zh  string
}{
	{fs.ErrNotExist, "找不到文件"},
	{fs.ErrPermission, "没有读取该文件的权限"},
	{syscall.EISDIR, "这是一个目录，不是文件"},
	{experiment.ErrNotRegularFile, "不是普通文件"},
	{data.ErrNotText, "不是 UTF-8 文本文件，不能当作 CSV 读取"},
	{data.ErrParquet, "无法读取的 Parquet 文件"},
	{data.ErrWorkbook, "无法读取的 Excel 工作簿"},
	{data.ErrEmpty, "文件是空的"},
	{data.ErrHeaderOnly, "表头之后没有数据行"},
	{data.ErrRagged, "这一行的字段数不对"},
	{data.ErrSyntax, "CSV 格式有误"},
	{data.ErrMixedDecimals, "同一列既用小数点又用小数逗号写数字"},
	{data.ErrNotNumeric, "值与该列的类型不符"},
	{data.ErrNumberTooLarge, "数值太大"},
	{data.ErrNoLabel, "找不到标签列"},
	{data.ErrLabelNotBinary, "标签不是二分类"},
	{data.ErrLabelMissing, "缺少标签值"},
	{data.ErrNoFeatures, "没有可用的特征列"},
	{data.ErrMissingColumn, "缺少列"},
	{data.ErrTooLarge, "数值太大，无法缩放"},
	{data.ErrLogColumns, "找不到订单日志的列"},
	{data.ErrBadDate, "无法识别的日期"},
	{data.ErrCutoff, "截止日或观察期超出范围"},
	{recommend.ErrNoItems, "订单日志里没有商品列"},
	{recommend.ErrCutoff, "截止日或观察期超出范围"},
	{recommend.ErrTrainingPairs, "没有可供推荐模型学习的（客户, 商品）对"},
	{anomaly.ErrColumn, "列不能用于异常检测"},
	{anomaly.ErrNoRows, "行数太少，无法检测异常"},
	{anomaly.ErrNeighbours, "近邻数超过用户数允许的上限"},
	{experiment.ErrPlan, "计划设置无效"},
	{experiment.ErrBaseline, "没有 BG/NBD 基线"},
	{experiment.ErrTooFewRows, "行数太少"},
	{experiment.ErrSource, "数据来源有误"},
	{experiment.ErrBundle, "模型文件无效"},
	{engine.ErrConfig, "配置无效"},
}

// ErrorText is an error as the interface shows it: PlainError in English;
// in Chinese, a sentence for a refusal or divergence the TUI knows (a
// parse error whose facts it words, a failed write: errors_files.go), or
// the cause recognised with errors.Is, at the file:line:column of a parse
// error, with the English detail kept in parentheses. Other errors stay in
// English.
func (c Common) ErrorText(err error) string {
	var look *data.LogLookError
	if errors.As(err, &look) {
		// The command line adds its --log (LogLookError.Advice); here the
		// advice is a key.
		return c.ErrorText(look.Err) + c.T("; ", "；") + c.logLookText(look.Look)
	}
	var few *recommend.FewItemsError
	if errors.As(err, &few) {
		// The command line's advice (--item-column) is a key here.
		return c.ErrorText(few.Err) + c.T("; ", "；") + c.ColumnsAdvice("item", "a column with more items", "商品更多的列")
	}
	var pe *data.ParseError
	if errors.As(err, &pe) && c.ColumnsChoosable() {
		if u, ok := pe.Facts.(data.LogColumnsUnknown); ok && len(u.Missing) > 0 {
			return c.logColumnsText(pe, u)
		}
	}
	plain := PlainError(err)
	if c.Lang != "zh" {
		return plain
	}
	var lim *experiment.LimitError
	if errors.As(err, &lim) {
		return c.limitErrorZh(lim)
	}
	var pairs *recommend.PairLimitError
	if errors.As(err, &pairs) {
		return fmt.Sprintf("推荐模型将用超过 %s 个（客户, 商品）对训练；本会话最多只能用 %s 行训练",
			Thousands(pairs.MaxPairs), Thousands(pairs.MaxPairs))
	}
	var ve *experiment.ValueError
	if errors.As(err, &ve) {
		return valueErrorZh(ve)
	}
	var dir *experiment.DirError
	if errors.As(err, &dir) {
		return dirErrorZh(dir)
	}
	var write *experiment.WriteError
	if errors.As(err, &write) && !errors.As(err, &dir) {
		return c.writeErrorZh(write)
	}
	var div *engine.DivergedError
	if errors.As(err, &div) {
		return fmt.Sprintf("训练在第 %d 轮第 %d 批发散（%s）", div.Epoch, div.Batch, c.DivergedReason(div))
	}
	var baseline *experiment.BaselineError
	if errors.As(err, &baseline) {
		// The step is named once, in Chinese.
		return "没有 BG/NBD 基线：" + baseline.Reason()
	}
	var folder *experiment.DirectoryError
	if errors.As(err, &folder) {
		return folder.Path + "：这是一个目录，不是文件"
	}
	var cutoff *data.CutoffRangeError
	if errors.As(err, &cutoff) {
		return cutoffRangeZh(cutoff)
	}
	var small *experiment.PartTooSmallError
	if errors.As(err, &small) {
		return c.partTooSmallText(small)
	}
	var th *experiment.ThresholdError
	if errors.As(err, &th) {
		return fmt.Sprintf("阈值必须在 (0, 1) 之内，现为 %g", th.Threshold)
	}
	var notFound *data.LabelNotFoundError
	if errors.As(err, &notFound) {
		msg := whereZh(notFound.ParseError) + "：找不到标签列（" + labelNotFoundZh(notFound) + "）"
		if notFound.Headerless {
			msg += headerlessZh
		}
		return msg
	}
	for _, k := range causes {
		if !errors.Is(err, k.err) {
			continue
		}
		var pe *data.ParseError
		if errors.As(err, &pe) {
			switch f := pe.Facts.(type) {
			case data.Restated:
				return whereZh(pe) + "：" + k.zh
			case data.NoOrders:
				return whereZh(pe) + "：" + noOrdersZh(f)
			case data.Binary:
				// Not "not UTF-8 text": no encoding makes it text.
				return whereZh(pe) + "：" + fmt.Sprintf("文件是二进制的，不是 CSV 文本（前 %d 个字节中有 NUL 等控制字节）", f.Head)
			case data.BrokenGzip:
				// Not "not UTF-8 text": the text inside may be fine.
				return whereZh(pe) + "：" + brokenGzipZh(f, pe.Line > 0)
			case data.BinaryWorkbook:
				// Not "not UTF-8 text": a workbook is not meant to be.
				return whereZh(pe) + "：这是 Excel 二进制工作簿（.xlsb），不受支持：请在 Excel 中打开它，另存为 Excel 工作簿（.xlsx）或 CSV（UTF-8）"
			}
			if zh := fileFactsZh(pe.Facts); zh != "" {
				return whereZh(pe) + "：" + zh
			}
			detail := pe.Msg
			if rest, ok := strings.CutPrefix(detail, "corrupt Parquet file: "); ok && k.err == data.ErrParquet {
				// The cause in Chinese, the reader's own detail kept.
				return whereZh(pe) + "：Parquet 文件已损坏（" + rest + "）"
			}
			if zh := factsZh(pe.Facts); zh != "" {
				detail = zh
			} else if nf, ok := pe.Facts.(data.NoFeatures); ok && len(nf.Columns) == 0 {
				// The cause says it all.
				return whereZh(pe) + "：" + k.zh
			}
			return whereZh(pe) + "：" + k.zh + "（" + detail + "）"
		}
		var path *fs.PathError
		if errors.As(err, &path) {
			if strings.HasSuffix(plain, path.Error()) && (k.err == fs.ErrNotExist || k.err == fs.ErrPermission || k.err == syscall.EISDIR) {
				// "open PATH: no such file or directory" (or "reading
				// PATH: read PATH: is a directory") says nothing the
				// Chinese cause and the path do not (review29 #2).
				return path.Path + "：" + k.zh
			}
			return path.Path + "：" + k.zh + "（" + plain + "）"
		}
		return k.zh + "（" + plain + "）"
	}
	return plain
}

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

// QuoteCut quotes a cell as data's messages do: at most 40 bytes, then an
// ellipsis.
func QuoteCut(s string) string { return quoteCut(s) }

// quoteCut quotes a cell as data does in its messages: at most 40 bytes,
// then an ellipsis.
func quoteCut(s string) string {
	if len(s) > 40 {
		return fmt.Sprintf("%q…", s[:40])
	}
	return strconv.Quote(s)
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

// dirErrorZh says in Chinese why no file could be written in a directory.
func dirErrorZh(e *experiment.DirError) string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return fmt.Sprintf("写入 %s 失败：目录 %s 不存在", e.Path, e.Dir)
	case errors.Is(e.Err, syscall.ENOTDIR):
		return fmt.Sprintf("写入 %s 失败：%s 不是目录", e.Path, e.Dir)
	}
	if why := systemReasonZh(e.Err); why != "" {
		return fmt.Sprintf("写入 %s 失败：无法在目录 %s 中创建文件：%s", e.Path, e.Dir, why)
	}
	return fmt.Sprintf("写入 %s 失败：无法在目录 %s 中创建文件（%v）", e.Path, e.Dir, e.Err)
}

// where is a parse error's file:line:column, or file: row group, row and
// column in a Parquet file.
func where(pe *data.ParseError) string {
	s := pe.File
	if pe.Where != "" {
		return s + ": " + pe.Where
	}
	if pe.Line > 0 {
		s += ":" + strconv.Itoa(pe.Line)
		if pe.Column > 0 {
			s += ":" + strconv.Itoa(pe.Column)
		}
	}
	return s
}

// DivergedReason words why training diverged (engine.DivergedError's
// Cause) in the interface's language.
func (c Common) DivergedReason(d *engine.DivergedError) string {
	if !c.Zh() {
		return d.Reason
	}
	switch d.Cause {
	case engine.CauseLossNaN:
		return "损失为 NaN"
	case engine.CauseLossInf:
		return fmt.Sprintf("损失为 %v", d.Loss)
	case engine.CauseLossExploded:
		return fmt.Sprintf("损失 %.4g 超过第一批损失 %.4g 的 %g 倍", d.Loss, d.FirstLoss, d.Factor)
	case engine.CauseGradientNotFinite:
		return "梯度出现非有限值"
	case engine.CauseWeightsNotFinite:
		return "权重出现非有限值"
	case engine.CauseValidationLoss:
		return "验证损失不是有限值"
	}
	return d.Reason
}

// DescribeSource names a data source in the interface's language
// (experiment.Source.Describe in English).
func (c Common) DescribeSource(s experiment.Source) string {
	if c.Lang != "zh" {
		return s.Describe()
	}
	switch s.Kind {
	case "builtin":
		users := s.Users
		if users == 0 {
			users = data.DefaultShopUsers
		}
		return fmt.Sprintf("内置商店（%s 位用户，种子 %d）", Thousands(users), s.DataSeed)
	case "textbook":
		return "教科书商店（100 位用户）"
	case "log":
		cutoff := "默认截止日（最后日期减去观察期）"
		if !s.Cutoff.IsZero() {
			cutoff = "截止日 " + s.Cutoff.Format("2006-01-02")
		}
		if s.Path == "" {
			return fmt.Sprintf("订单日志（未保存路径；%s，观察期 %d 天）", cutoff, s.HorizonDaysOrDefault())
		}
		return fmt.Sprintf("%s（订单日志，%s，观察期 %d 天）", s.Path, cutoff, s.HorizonDaysOrDefault())
	}
	if s.Path == "" {
		return "按用户的表（未保存路径）"
	}
	return s.Describe()
}

// valueErrorZh words a what-if value the column cannot take in Chinese.
func valueErrorZh(e *experiment.ValueError) string {
	switch e.Want {
	case experiment.WantLevel:
		return fmt.Sprintf("%s 没有取值“%s”（可选：%s）", e.Column, e.Value, strings.Join(e.Levels, "、"))
	case experiment.WantBoolean:
		return fmt.Sprintf("%s 只能取 %s", e.Column, strings.Join(e.Levels, " 或 "))
	case experiment.WantDate:
		return fmt.Sprintf("%s 需要一个日期，输入的是“%s”（%s）", e.Column, e.Value, PlainError(e.Err))
	}
	return fmt.Sprintf("%s 需要一个数字，输入的是“%s”", e.Column, e.Value)
}

// limitErrorZh words a refusal by the session's limits in Chinese
// (experiment.LimitError.Error says it in English).
func (c Common) limitErrorZh(lim *experiment.LimitError) string {
	if lim.OnLoad {
		return fmt.Sprintf("%s 有 %s 行；本会话最多允许 %s 行（在训练前拒绝）",
			c.DescribeSource(lim.Source), Thousands(lim.Rows), Thousands(lim.MaxRows))
	}
	atLeast := ""
	if lim.AtLeast {
		atLeast = "至少"
	}
	switch {
	case lim.MaxRows > 0:
		return fmt.Sprintf("%s 有 %s 行；本会话最多只能用 %s 行训练",
			c.DescribeSource(lim.Source), Thousands(lim.Rows), Thousands(lim.MaxRows))
	case lim.MaxParams > 0:
		return fmt.Sprintf("网络将有%s %s 个参数；本会话最多允许 %s 个", atLeast, Thousands(lim.Params), Thousands(lim.MaxParams))
	case lim.MaxMemory > 0:
		about := "约"
		if lim.AtLeast {
			about = atLeast
		}
		return fmt.Sprintf("训练将需要%s %s 内存；本会话最多允许 %s（减小批大小或单元数可减少内存）",
			about, data.Bytes(lim.Memory), data.Bytes(float64(lim.MaxMemory)))
	}
	return fmt.Sprintf("要求训练 %s 轮；本会话最多允许 %s 轮", Thousands(lim.Epochs), Thousands(lim.MaxEpochs))
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

// whereIn is a parse error's place in the interface's language.
func (c Common) whereIn(pe *data.ParseError) string {
	if c.Zh() {
		return whereZh(pe)
	}
	return where(pe)
}
