package common

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// usersCSV is a small valid table of users.
func usersCSV(rows int) string {
	var b strings.Builder
	b.WriteString("id,age,churn\n")
	for i := range rows {
		fmt.Fprintf(&b, "%d,%d,%s\n", i+1, 20+i%50, []string{"yes", "no"}[i%2])
	}
	return b.String()
}

// utf16LE is text in UTF-16LE (ASCII only), after the byte-order mark
// FF FE when bom is set.
func utf16LE(text string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, c := range []byte(text) {
		b = append(b, c, 0)
	}
	return b
}

// utf16BE is text in UTF-16BE (ASCII only), without a byte-order mark.
func utf16BE(text string) []byte {
	var b []byte
	for _, c := range []byte(text) {
		b = append(b, 0, c)
	}
	return b
}

// zipOf is a zip archive holding text as name.
func zipOf(t *testing.T, name, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.WriteString(w, text); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pqUser is a row of the Parquet fixtures.
type pqUser struct {
	ID    int64  `parquet:"id"`
	Age   string `parquet:"age"`
	Churn string `parquet:"churn"`
}

// usersParquet is 1,500 users in row groups of 1,000, the age of row
// 1234 (the 234th of the second group) the word "old" when old is set;
// extra options come last.
func usersParquet(t *testing.T, old bool, extra ...parquet.WriterOption) []byte {
	t.Helper()
	rows := make([]pqUser, 1500)
	for i := range rows {
		rows[i] = pqUser{ID: int64(i + 1), Age: fmt.Sprint(20 + i%50), Churn: []string{"yes", "no"}[i%2]}
	}
	if old {
		rows[1233].Age = "old"
	}
	var b bytes.Buffer
	w := parquet.NewGenericWriter[pqUser](&b, append([]parquet.WriterOption{parquet.MaxRowsPerRowGroup(1000)}, extra...)...)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readAs reads input as a table named name, as the Data screen does, and
// returns the error.
func readAs(input []byte, name string, opts data.CSVOptions) error {
	_, err := data.ReadCSV(bytes.NewReader(input), name, opts)
	return err
}

// TestErrorTextWordsFilesInChinese: a file in UTF-16 or not in UTF-8, a
// gzip file whose content is not CSV text, a zip or an old Excel file, a
// cell with a NUL byte or too long, column names shared with the label or
// a column to leave out, a truncated Parquet file and one with a bad cell
// located by row group, row and column were shown in Chinese with their
// English detail in parentheses ("不是 UTF-8 文本文件，不能当作 CSV 读取
// （the file is UTF-16LE text …）"); they are now worded in Chinese
// throughout, at the same file, line and column, with the same command to
// run. The English (the command line's) is unchanged, byte for byte.
func TestErrorTextWordsFilesInChinese(t *testing.T) {
	users := usersCSV(3)
	pq := usersParquet(t, false)
	long := "id,note,churn\n1," + strings.Repeat("a", data.MaxCellBytes+1) + ",yes\n"
	for _, c := range []struct {
		name   string
		err    error
		en, zh string
	}{
		{"UTF-16 with a BOM", readAs(utf16LE(users, true), "u.csv", data.CSVOptions{}),
			"u.csv: the file is UTF-16LE text (with a byte-order mark); convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8 u.csv > u-utf8.csv)",
			"u.csv：文件是 UTF-16LE 文本（带字节顺序标记），不是 UTF-8；请先把它转换为 UTF-8（iconv -f UTF-16LE -t UTF-8 u.csv > u-utf8.csv）"},
		{"UTF-16 without a BOM, piped", readAs(utf16BE(users), "<stdin>", data.CSVOptions{}),
			"<stdin>: the file is UTF-16BE text (without a byte-order mark); convert it on the way in (iconv -f UTF-16BE -t UTF-8 FILE | retain …)",
			"<stdin>：文件是 UTF-16BE 文本（不带字节顺序标记），不是 UTF-8；请在读入时转换（iconv -f UTF-16BE -t UTF-8 FILE | retain …）"},
		{"Latin-1 bytes", readAs([]byte("id,city,churn\n1,S\xe3o Paulo,yes\n2,Rio,no\n"), "u.csv", data.CSVOptions{}),
			`u.csv:2:2: the cell "S\xe3o Paulo" is not UTF-8 (byte 0xE3 at its byte 2); its bytes read as Latin-1 / Windows-1252 text; convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8 u.csv > u-utf8.csv)`,
			`u.csv:2:2：不是 UTF-8 文本文件：单元格 "S\xe3o Paulo"的第 2 个字节 0xE3 不是有效的 UTF-8；这些字节读起来像 Latin-1 / Windows-1252 文本；请先把它转换为 UTF-8（iconv -f WINDOWS-1252 -t UTF-8 u.csv > u-utf8.csv）`},
		// 北京 in GB18030 (B1B1 BEA9), as Python's "北京".encode("gb18030").
		{"GB18030 bytes in a gzip file", readAs(gzipOf(t, "id,city,churn\n1,\xb1\xb1\xbe\xa9,yes\n"), "u.csv.gz", data.CSVOptions{}),
			`u.csv.gz:2:2: the cell "\xb1\xb1\xbe\xa9" is not UTF-8 (byte 0xB1 at its byte 1); its bytes read as GB18030 (GBK) Chinese text; convert it to UTF-8 first (gunzip -c u.csv.gz | iconv -f GB18030 -t UTF-8 > u.csv)`,
			`u.csv.gz:2:2：不是 UTF-8 文本文件：单元格 "\xb1\xb1\xbe\xa9"的第 1 个字节 0xB1 不是有效的 UTF-8；这些字节读起来像 GB18030（GBK）中文文本；请先把它转换为 UTF-8（gunzip -c u.csv.gz | iconv -f GB18030 -t UTF-8 > u.csv）`},
		{"gzip magic twice", readAs(gzipOf(t, string(gzipOf(t, users))), "u.csv", data.CSVOptions{}),
			"u.csv: the file is gzip-compressed; decompress it first (gunzip -c u.csv > u-utf8.csv)",
			"u.csv：文件是 gzip 压缩的（解压一层后仍是 gzip 数据）；请先解压（gunzip -c u.csv > u-utf8.csv）"},
		{"gzip magic around Parquet", readAs(gzipOf(t, string(pq)), "u.csv.gz", data.CSVOptions{}),
			"u.csv.gz: the file is a gzip-compressed Parquet file; decompress it first (gunzip -c u.csv.gz > u.csv)",
			"u.csv.gz：文件是 gzip 压缩的 Parquet 文件；请先解压（gunzip -c u.csv.gz > u.csv）"},
		{"gzip magic around a zip", readAs(gzipOf(t, string(zipOf(t, "u.csv", users))), "u.gz", data.CSVOptions{}),
			"u.gz: the file is a gzip-compressed zip archive (an Excel workbook?); decompress it first (gunzip -c u.gz > u)",
			"u.gz：文件是 gzip 压缩的 zip 压缩包（Excel 工作簿？）；请先解压（gunzip -c u.gz > u）"},
		{"a zip archive", readAs(zipOf(t, "u.csv", users), "u.zip", data.CSVOptions{}),
			"u.zip: the file is a zip archive; extract the CSV from it first (unzip u.zip)",
			"u.zip：文件是 zip 压缩包；请先从中取出 CSV（unzip u.zip）"},
		{"an old Excel file", readAs(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), "u.xls", data.CSVOptions{}),
			"u.xls: the file is an old Excel workbook (xls), not CSV; save the sheet as CSV (UTF-8) first",
			"u.xls：文件是旧版 Excel 工作簿（xls），不是 CSV；请先把工作表另存为 CSV（UTF-8）"},
		{"a NUL byte", readAs([]byte("id,name,churn\n1,ab\x00c,yes\n2,x,no\n"), "u.csv", data.CSVOptions{}),
			`u.csv:2:2: NUL byte in the cell "ab\x00c": the file is binary or not UTF-8 text`,
			`u.csv:2:2：单元格 "ab\x00c" 中有 NUL 字节：文件是二进制的，或不是 UTF-8 文本`},
		{"a cell too long", readAs([]byte(long), "u.csv", data.CSVOptions{}),
			"u.csv:2:2: a cell of 1,048,577 bytes: cells are limited to 1,048,576 bytes (1 MiB); is this the right file?",
			"u.csv:2:2：一个单元格有 1,048,577 个字节：单元格最多 1,048,576 个字节（1 MiB）；是不是选错了文件？"},
		{"the label found by a shared name", readAs([]byte("id,churn,age,churn\n1,yes,30,no\n2,no,40,yes\n"), "u.csv", data.CSVOptions{}),
			`u.csv:1:4: columns 2 and 4 are both named "churn" and the label is found by that name: which one is the label is not clear; name column 4 "churn (2)", as it is read, or give the columns different names in the header`,
			`u.csv:1:4：第 2 列和第 4 列都叫 "churn"，而标签列是按这个名字找到的：不清楚哪一列是标签；请用读入时的名字 "churn (2)" 指第 4 列，或在表头中给这些列不同的名字`},
		{"the label named by a shared name", readAs([]byte("id,churn,age,churn\n1,yes,30,no\n2,no,40,yes\n"), "u.csv", data.CSVOptions{Label: "churn"}),
			`u.csv:1:4: columns 2 and 4 are both named "churn" and the label is named so: which one is meant is not clear; name column 4 "churn (2)", as it is read, or give the columns different names in the header`,
			`u.csv:1:4：第 2 列和第 4 列都叫 "churn"，而标签是用这个名字指定的：不清楚指的是哪一列；请用读入时的名字 "churn (2)" 指第 4 列，或在表头中给这些列不同的名字`},
		{"a column to leave out named by a shared name", readAs([]byte("id,age,churn,age\n1,30,yes,31\n2,40,no,41\n"), "u.csv", data.CSVOptions{Exclude: []string{"age"}}),
			`u.csv:1:4: columns 2 and 4 are both named "age" and a column to leave out is named so: which one is meant is not clear; name column 4 "age (2)", as it is read, or give the columns different names in the header`,
			`u.csv:1:4：第 2 列和第 4 列都叫 "age"，而要排除的列是用这个名字指定的：不清楚指的是哪一列；请用读入时的名字 "age (2)" 指第 4 列，或在表头中给这些列不同的名字`},
		{"a Parquet file cut in half", readAs(pq[:len(pq)/2], "u.parquet", data.CSVOptions{}),
			fmt.Sprintf("u.parquet: truncated or corrupt Parquet file: it starts with PAR1 but does not end with it (%s bytes; cut short?)", data.Thousands(len(pq)/2)),
			fmt.Sprintf("u.parquet：Parquet 文件被截断或已损坏：它以 PAR1 开头，却不以 PAR1 结尾（共 %s 个字节；复制时被截断了？）", data.Thousands(len(pq)/2))},
		{"a Parquet file of 8 bytes", readAs([]byte("PAR1PAR1"), "u.parquet", data.CSVOptions{}),
			"u.parquet: truncated Parquet file: 8 bytes, the smallest has 12 (PAR1, footer, length, PAR1)",
			"u.parquet：Parquet 文件不完整（被截断）：只有 8 个字节，最小的 Parquet 文件也有 12 个字节（PAR1、文件尾、长度、PAR1）"},
		{"a Parquet cell located by its row", readAs(usersParquet(t, true), "u.parquet", data.CSVOptions{}),
			`u.parquet: row group 2, row 1234, column "age": expected a finite number (the column's first rows are numeric), got "old"; correct such cells (a missing value may be left blank), or leave the column out with --exclude age`,
			`u.parquet：第 2 个行组，第 1234 行，列 "age"：值与该列的类型不符（列 "age" 应为有限的数字（该列前几行都是数字），却是 "old"；请改正这些单元格（缺失值可留空），或用 --exclude age 不用这一列）`},
		{"a blank label on every row", readAs([]byte("id,age,churn\n1,30,\n2,40,\n"), "u.csv", data.CSVOptions{Label: "churn"}),
			`u.csv:2:3: label column "churn" is blank on every row (2 rows)`,
			`u.csv:2:3：标签列 "churn" 每一行都是空的（共 2 行）`},
		{"a blank label", readAs([]byte("id,age,churn\n1,30,yes\n2,40,\n"), "u.csv", data.CSVOptions{Label: "churn", LabelOptional: true}),
			`u.csv:3:3: label column "churn" is blank`,
			`u.csv:3:3：标签列 "churn" 是空的`},
		{"an ambiguous date order", readLog("customer,date,amount\nc1,01/02/2024,5\nc2,03/04/2024,6\n"),
			`o.csv:2:2: ambiguous date "01/02/2024": day/month/year or month/day/year? no date in the log has a number above 12 to tell; give the date order (--date-order dmy or mdy)`,
			`o.csv:2:2：日期 "01/02/2024" 有歧义：是日/月/年还是月/日/年？日志中没有哪个日期有大于 12 的数可以区分；请给出日期顺序（--date-order dmy 或 mdy）`},
		{"both date orders", readLog("customer,date,amount\nc1,13/02/2024,5\nc2,02/13/2024,6\n"),
			`o.csv:3:2: date "02/13/2024" cannot be day/month/year, as line 2 ("13/02/2024") is: the log mixes day-first and month-first dates`,
			`o.csv:3:2：日期 "02/13/2024" 不能按日/月/年读取，但第 2 行的 "13/02/2024" 是按日/月/年写的：日志里混用了日在前和月在前的日期`},
	} {
		t.Run(c.name, func(t *testing.T) { checkErrorText(t, c.err, c.en, c.zh) })
	}
}

// readLog reads text as the order log o.csv and returns the error.
func readLog(text string) error {
	_, err := data.ReadOrderLog(strings.NewReader(text), "o.csv", data.LogOptions{})
	return err
}

// TestErrorTextWordsParquetFaultInChinese: a Parquet file whose snappy
// data is damaged (bytes of its middle flipped) was said in Chinese with
// the decoder's English ("解码数据时出错（corrupt snappy block）"); the
// fault is now said in Chinese, at the row group and row of the English.
func TestErrorTextWordsParquetFaultInChinese(t *testing.T) {
	good := usersParquet(t, false, parquet.Compression(&parquet.Snappy))
	for off := len(good) / 4; off < len(good)*3/4; off += 16 {
		b := bytes.Clone(good)
		for i := off; i < off+16; i++ {
			b[i] ^= 0x5A
		}
		err := readAs(b, "u.parquet", data.CSVOptions{})
		var pe *data.ParseError
		if !errors.As(err, &pe) || pe.At == nil {
			continue
		}
		if f, ok := pe.Facts.(data.ParquetReader); !ok || f.Fault != data.FaultSnappy {
			continue
		}
		checkErrorText(t, err,
			fmt.Sprintf("u.parquet: row group %d, row %d: corrupt Parquet file: decoding: corrupt snappy block", pe.At.RowGroup, pe.At.Row),
			fmt.Sprintf("u.parquet：第 %d 个行组，第 %d 行：Parquet 文件已损坏：解码数据时出错：snappy 压缩块已损坏", pe.At.RowGroup, pe.At.Row))
		return
	}
	t.Fatal("no flipped bytes made a corrupt snappy block")
}

// TestErrorTextWordsWritesInChinese: an export (x on the Users or Plan
// screen) that cannot be written was shown in Chinese with the system's
// English reason ("无法在目录 D 中创建文件（permission denied）", "不是普通文件
// （writing …: not a regular file: it is a directory）", or all in English
// for a full disk); the reason is now in Chinese, naming the file. The
// English is unchanged.
func TestErrorTextWordsWritesInChinese(t *testing.T) {
	dir := t.TempDir()
	ok := func(w io.Writer) error { _, err := io.WriteString(w, "id\n1\n"); return err }
	// A full disk fails the write of the temporary file the bytes go to:
	// the writer returns the file system's error, as the exporter's CSV
	// writer does.
	full := func(io.Writer) error {
		return &fs.PathError{Op: "write", Path: filepath.Join(dir, ".users.csv.tmp-1-2"), Err: syscall.ENOSPC}
	}
	target := filepath.Join(dir, "users.csv")
	for _, c := range []struct {
		name   string
		err    error
		en, zh string
	}{
		{"the destination is a directory", experiment.WriteFileAtomic(dir, ok),
			"writing " + dir + ": not a regular file: it is a directory",
			"写入 " + dir + " 失败：它已存在，但它是一个目录，不是普通文件，写入不会替换它"},
		{"the disk is full", experiment.WriteFileAtomic(target, full),
			"writing " + target + ": write " + filepath.Join(dir, ".users.csv.tmp-1-2") + ": no space left on device",
			"写入 " + target + " 失败：磁盘已满（设备上没有剩余空间）"},
		// What PrepareFile returns when the folder refuses new files
		// (dirError of the temporary file's *fs.PathError): root, who
		// runs these tests here, is refused by no folder's mode.
		{"the folder is not writable", &experiment.WriteError{Path: "/srv/out/users.csv",
			Err: &experiment.DirError{Path: "/srv/out/users.csv", Dir: "/srv/out", Err: syscall.EACCES}},
			"writing /srv/out/users.csv: cannot create a file in directory /srv/out: permission denied",
			"写入 /srv/out/users.csv 失败：无法在目录 /srv/out 中创建文件：没有写入权限"},
		{"the file system is read-only", &experiment.WriteError{Path: "/mnt/cd/users.csv",
			Err: &experiment.DirError{Path: "/mnt/cd/users.csv", Dir: "/mnt/cd", Err: syscall.EROFS}},
			"writing /mnt/cd/users.csv: cannot create a file in directory /mnt/cd: read-only file system",
			"写入 /mnt/cd/users.csv 失败：无法在目录 /mnt/cd 中创建文件：文件系统是只读的"},
	} {
		t.Run(c.name, func(t *testing.T) { checkErrorText(t, c.err, c.en, c.zh) })
	}
	if _, err := os.Stat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed write left %s: %v", target, err)
	}
}

// TestErrorTextUnwritableFolder exports into a folder whose mode refuses
// new files, for a user who is not root (root is refused by no mode).
func TestErrorTextUnwritableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes in any folder")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "users.csv")
	err := experiment.WriteFileAtomic(target, func(io.Writer) error { return nil })
	checkErrorText(t, err, "writing "+target+": cannot create a file in directory "+dir+": permission denied",
		"写入 "+target+" 失败：无法在目录 "+dir+" 中创建文件：没有写入权限")
}
