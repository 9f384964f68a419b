package datascreen

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// previewOrder is the order of the preview's rows: nil for file order, or,
// with pseudonyms on, the rows sorted by the pseudonym of the id column.
// File order next to pseudonyms gives the ids back whenever the file is
// sorted by id (row 14,048 is customer 14048): a session with pseudonyms
// sees neither file positions nor row numbers.
func previewOrder(d *experiment.Data, pseudonymised bool) []int32 {
	if !pseudonymised || d == nil || d.Table == nil {
		return nil
	}
	t := d.Table
	var ids *data.Column
	if t.IDColumn >= 0 {
		ids = t.Columns[t.IDColumn]
	} else if names := experiment.PseudonymisedColumns(t); len(names) > 0 {
		ids = t.Column(names[0])
	}
	order := make([]int32, t.Rows)
	for i := range order {
		order[i] = int32(i)
	}
	if ids == nil {
		return order
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(ids.Strings[a], ids.Strings[b]) })
	return order
}

// previewRow is the table row shown at position r of the preview.
func (s Model) previewRow(r int) int {
	if r < len(s.previewOrder) {
		return int(s.previewOrder[r])
	}
	return r
}

// rowNumberWidth is the width of the preview's row-number column with its
// gap: none with pseudonyms on (see previewOrder).
func (s Model) rowNumberWidth(rows int) int {
	if s.Pseudonym.Enabled() {
		return 0
	}
	return len(strconv.Itoa(rows)) + 1
}

// rowNumberCell is text padded to the row-number column ("" when there is
// none).
func (s Model) rowNumberCell(text string, rowW int) string {
	if rowW == 0 {
		return ""
	}
	return common.PadLeft(text, rowW-1) + " "
}
