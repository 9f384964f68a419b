package common

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// This file words in Chinese the refusals of files that are not text,
// of column names that several columns share, of unreadable Parquet
// files, and the failures to write a file, from their facts
// (data.ParseError.Facts and At, experiment.WriteError): ErrorText would
// otherwise keep their English detail in parentheses.

// whereZh is a parse error's place in Chinese: file:line:column, or the
// file and, in words, the row group and row of a Parquet file, the row
// and column of a table, or the sheet and cell of a workbook.
func whereZh(pe *data.ParseError) string {
	if pe.At == nil {
		return where(pe)
	}
	return pe.File + "：" + placeZh(*pe.At)
}

// placeZh words a data.Place in Chinese.
func placeZh(p data.Place) string {
	var parts []string
	switch {
	case p.Sheet != "" && p.Cell != "":
		parts = append(parts, fmt.Sprintf("工作表 %q", p.Sheet), "单元格 "+p.Cell)
	case p.Sheet != "":
		parts = append(parts, fmt.Sprintf("工作表 %q", p.Sheet), fmt.Sprintf("第 %d 行", p.Row))
	case p.RowGroup > 0:
		parts = append(parts, fmt.Sprintf("第 %d 个行组", p.RowGroup), fmt.Sprintf("第 %d 行", p.Row))
	case p.Row > 0:
		parts = append(parts, fmt.Sprintf("第 %d 行", p.Row))
	}
	if p.Column != "" {
		parts = append(parts, fmt.Sprintf("列 %q", p.Column))
	}
	return strings.Join(parts, "，")
}

// fileFactsZh words in Chinese the facts of a file that is not text, of
// a shared column name or of an unreadable Parquet file, the whole
// message after the place; "" for other facts.
func fileFactsZh(f data.Facts) string {
	switch f := f.(type) {
	case data.GroupClash:
		return groupClashZh(f)
	case data.NotTextFile:
		return notTextFileZh(f)
	case data.NotUTF8:
		enc := "Latin-1 / Windows-1252 文本"
		if f.GB18030 {
			enc = "GB18030（GBK）中文文本"
		}
		cell := "单元格 " + f.Cell
		if f.Withheld {
			cell = "单元格（" + withheldZh + "）"
		}
		return fmt.Sprintf("不是 UTF-8 文本文件：%s的第 %d 个字节 0x%02X 不是有效的 UTF-8；这些字节读起来像 %s；%s",
			cell, f.At, f.Byte, enc, convertZh(f.Command, f.Stream))
	case data.NULCell:
		switch {
		case f.Binary:
			return fmt.Sprintf("一个 %d 字节的单元格中有 NUL 及其他二进制字节：文件是二进制的，不是 CSV 文本", f.Size)
		case f.Withheld:
			return "单元格中有 NUL 字节（" + withheldZh + "）：文件是二进制的，或不是 UTF-8 文本"
		}
		return "单元格 " + f.Cell + " 中有 NUL 字节：文件是二进制的，或不是 UTF-8 文本"
	case data.LongCell:
		return fmt.Sprintf("一个单元格有 %s 个字节：单元格最多 %s 个字节（1 MiB）；是不是选错了文件？",
			Thousands(f.Size), Thousands(data.MaxCellBytes))
	case data.SharedName:
		return sharedNameZh(f)
	case data.BlankLabel:
		if f.Every {
			return fmt.Sprintf("标签列 %q 每一行都是空的（共 %s 行）", f.Column, Thousands(f.Rows))
		}
		return fmt.Sprintf("标签列 %q 是空的", f.Column)
	case data.DateOrderUnknown:
		if f.Other == "" {
			return fmt.Sprintf("日期 %q 有歧义：是日/月/年还是月/日/年？日志中没有哪个日期有大于 12 的数可以区分；"+
				"请给出日期顺序（--date-order dmy 或 mdy）", f.Cell)
		}
		how := "月/日/年"
		if f.DayFirst {
			how = "日/月/年"
		}
		return fmt.Sprintf("日期 %q 不能按%s读取，但第 %d 行的 %q 是按%s写的：日志里混用了日在前和月在前的日期",
			f.Cell, how, f.OtherLine, f.Other, how)
	case data.ParquetTruncated:
		if f.Tiny {
			return fmt.Sprintf("Parquet 文件不完整（被截断）：只有 %d 个字节，最小的 Parquet 文件也有 12 个字节（PAR1、文件尾、长度、PAR1）", f.Size)
		}
		return fmt.Sprintf("Parquet 文件被截断或已损坏：它以 PAR1 开头，却不以 PAR1 结尾（共 %s 个字节；复制时被截断了？）", Thousands(int(f.Size)))
	case data.ParquetReader:
		doing := parquetDoingZh[f.Doing]
		if doing == "" {
			doing = f.Doing
		}
		if f.Panicked {
			return fmt.Sprintf("Parquet 文件已损坏：读取器在%s时失败（%s）", doing, f.Detail)
		}
		if fault := parquetFaultZh[f.Fault]; fault != "" {
			return fmt.Sprintf("Parquet 文件已损坏：%s时出错：%s", doing, fault)
		}
		// The library's own words, or a fault of a page with numbers.
		return fmt.Sprintf("Parquet 文件已损坏：%s时出错（%s）", doing, f.Detail)
	case data.ParquetShortColumn:
		return fmt.Sprintf("Parquet 文件已损坏：列 %q 在该行组的 %s 行中只有 %s 行就结束了",
			f.Column, Thousands(int(f.Rows)), Thousands(int(f.Got)))
	}
	return ""
}

// withheldZh says that a cell is not shown (--pseudonymise).
const withheldZh = "其值可能指明某人，不予显示"

// parquetDoingZh names in Chinese what the Parquet reader was doing
// (data.ParquetReader.Doing).
var parquetDoingZh = map[string]string{
	"reading the schema":  "读取表结构",
	"decoding the footer": "解码文件尾的元数据",
	"opening":             "打开文件",
	"opening a row group": "打开行组",
	"decoding":            "解码数据",
	"closing":             "关闭行组",
}

// parquetFaultZh words in Chinese the faults of a Parquet page that the
// reader's decoder names (data.ParquetReader.Fault).
var parquetFaultZh = map[data.ParquetFault]string{
	data.FaultSnappy:      "snappy 压缩块已损坏",
	data.FaultLevelsShort: "数据页的层级或字典索引提前结束",
	data.FaultValuesShort: "数据页的值提前结束",
}

// convertZh says how to convert a file to UTF-8 with command: first, or,
// for a pipe (stream), on its way in.
func convertZh(command string, stream bool) string {
	if stream {
		return "请在读入时转换（" + command + "）"
	}
	return "请先把它转换为 UTF-8（" + command + "）"
}

// notTextFileZh words in Chinese a file that its first bytes show is not
// UTF-8 text.
func notTextFileZh(f data.NotTextFile) string {
	const saveAgain = "请重新把工作表另存为 xlsx 或 CSV（UTF-8）"
	first := "请先解压（" + f.Command + "）"
	if f.Stream {
		first = "请在读入时解压（" + f.Command + "）"
	}
	switch f.Kind {
	case data.KindUTF16:
		bom := "不带字节顺序标记"
		if f.BOM {
			bom = "带字节顺序标记"
		}
		return fmt.Sprintf("文件是 UTF-16%s 文本（%s），不是 UTF-8；%s", f.Order, bom, convertZh(f.Command, f.Stream))
	case data.KindGzip:
		return "文件是 gzip 压缩的（解压一层后仍是 gzip 数据）；" + first
	case data.KindGzipParquet:
		return "文件是 gzip 压缩的 Parquet 文件；" + first
	case data.KindGzipZip:
		return "文件是 gzip 压缩的 zip 压缩包（Excel 工作簿？）；" + first
	case data.KindZip:
		if f.Stream {
			return "文件是 zip 压缩包；请在读入时取出其中的 CSV（" + f.Command + "）"
		}
		return "文件是 zip 压缩包；请先从中取出 CSV（" + f.Command + "）"
	case data.KindBrokenWorkbookZip:
		return "文件是 zip 压缩包，但不是可读的 Excel 工作簿（被截断，或没有 xl/workbook.xml）；" + saveAgain
	case data.KindOldExcel:
		return "文件是旧版 Excel 工作簿（xls），不是 CSV；请先把工作表另存为 CSV（UTF-8）"
	case data.KindNotWorkbook:
		return "不是有效的 Excel 工作簿：" + f.Ext + " 文件是 zip 压缩包，而这个文件不是（已损坏，或是改了扩展名的其他文件）；" + saveAgain
	}
	return ""
}

// sharedNameZh words in Chinese a column named, or found, by a name
// several columns share.
func sharedNameZh(f data.SharedName) string {
	both := fmt.Sprintf("第 %d 列和第 %d 列都叫 %q", f.First, f.Column, f.Header)
	fix := fmt.Sprintf("请用读入时的名字 %q 指第 %d 列，或在表头中给这些列不同的名字", f.Name, f.Column)
	switch f.Who {
	case data.LabelNamed:
		return both + "，而标签是用这个名字指定的：不清楚指的是哪一列；" + fix
	case data.ExcludeNamed:
		return both + "，而要排除的列是用这个名字指定的：不清楚指的是哪一列；" + fix
	}
	return both + "，而标签列是按这个名字找到的：不清楚哪一列是标签；" + fix
}

// writeErrorZh says in Chinese why a file could not be written: the
// system's reason, or the writer's own error as ErrorText words it (an
// error this does not know stays in English).
func (c Common) writeErrorZh(e *experiment.WriteError) string {
	if why := systemReasonZh(e.Err); why != "" {
		return fmt.Sprintf("写入 %s 失败：%s", e.Path, why)
	}
	return fmt.Sprintf("写入 %s 失败：%s", e.Path, c.ErrorText(e.Err))
}

// systemReasonZh words in Chinese a destination that is not a regular
// file, or the system's reason for a failed write; "" for another.
func systemReasonZh(err error) string {
	var nr *experiment.NotRegularError
	if errors.As(err, &nr) {
		return "它已存在，但它是" + modeZh(nr.Mode) + "，不是普通文件，写入不会替换它"
	}
	for _, r := range errnoZh {
		if errors.Is(err, r.errno) {
			return r.zh
		}
	}
	if errors.Is(err, fs.ErrPermission) {
		return "没有写入权限"
	}
	return ""
}

// modeZh names in Chinese the kind of a file that is not a regular one.
func modeZh(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "一个目录"
	case m&fs.ModeSymlink != 0:
		return "一个符号链接"
	case m&fs.ModeNamedPipe != 0:
		return "一个命名管道"
	case m&fs.ModeSocket != 0:
		return "一个套接字"
	case m&fs.ModeDevice != 0:
		return "一个设备"
	}
	return "一个特殊文件"
}

// errnoZh words in Chinese the system's reasons a write can fail for.
var errnoZh = []struct {
	errno syscall.Errno
	zh    string
}{
	{syscall.ENOSPC, "磁盘已满（设备上没有剩余空间）"},
	{syscall.EDQUOT, "超出了磁盘配额"},
	{syscall.EROFS, "文件系统是只读的"},
	{syscall.EACCES, "没有写入权限"},
	{syscall.EFBIG, "文件太大"},
	{syscall.ENAMETOOLONG, "文件名太长"},
	{syscall.EIO, "输入/输出错误（磁盘或网络存储出了问题）"},
	{syscall.ENOENT, "文件或目录不存在"},
	{syscall.ENOTDIR, "路径中有一部分不是目录"},
	{syscall.EISDIR, "这是一个目录"},
	{syscall.EMFILE, "打开的文件太多"},
	{syscall.ELOOP, "符号链接层数太多"},
}
