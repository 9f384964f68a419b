package common

import (
	"path/filepath"

	"github.com/retainlab/retain/experiment"
)

// SourceName is a short name for the data a source reads, for a column or
// a line that must stay short: the file's base name, or the built-in or
// textbook shop. DescribeSource says everything about it.
func (c Common) SourceName(s experiment.Source) string {
	switch s.Kind {
	case "builtin", "":
		return c.T("built-in shop", "内置商店")
	case "textbook":
		return c.T("textbook shop", "教科书商店")
	}
	if s.Path == "" {
		return c.T("unnamed file", "未命名文件")
	}
	return filepath.Base(s.Path)
}

// DataName names a loaded data set in a few words: its source's short
// name and its rows, "telco.csv · 7,043 rows" ("" for none).
func (c Common) DataName(d *experiment.Data) string {
	if d == nil {
		return ""
	}
	rows := 0
	if d.Table != nil {
		rows = d.Table.Rows
	}
	if rows == 1 {
		return c.Tf("%s · 1 row", "%s · 1 行", c.SourceName(d.Source))
	}
	return c.Tf("%s · %s rows", "%s · %s 行", c.SourceName(d.Source), Thousands(rows))
}
