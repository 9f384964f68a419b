package common

import "github.com/retainlab/retain/tui/widget"

// Truncate cuts s to w cells with an ellipsis, never inside a number and,
// in a title or a note, not inside a word while the words before fill at
// least half the cells (widget.Truncate, which the charts' titles use too).
func Truncate(s string, w int) string { return widget.Truncate(s, w) }

// TruncateCell cuts s to w cells with an ellipsis, never inside a number
// but inside a word where the cells run out: a table's cell or row, a
// value or a name (widget.TruncateCell). Pad and PadLeft cut with it.
func TruncateCell(s string, w int) string { return widget.TruncateCell(s, w) }
