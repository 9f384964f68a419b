package common

import (
	"errors"
	"fmt"
	"io/fs"
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

// whereIn is a parse error's place in the interface's language.
func (c Common) whereIn(pe *data.ParseError) string {
	if c.Zh() {
		return whereZh(pe)
	}
	return where(pe)
}
