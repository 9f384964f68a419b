package tui

import (
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/widget"
)

// truncate cuts s to w cells with an ellipsis.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// pad cuts or pads s (which may hold ANSI styling) to exactly w cells.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = truncate(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// padLeft right-aligns s in w cells.
func padLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = truncate(s, w)
	if n := ansi.StringWidth(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// besideRule sets right beside left (padded to leftW) over rows lines,
// with a vertical rule between them.
func besideRule(left, right []string, leftW, rows int, st Styles) []string {
	var out []string
	for i := range rows {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, pad(l, leftW)+st.Border.Render(" │ ")+r)
	}
	return out
}

// thousands writes an integer with thin separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// number formats a reading compactly: integers as integers, a missing
// value as a dash, others as widget.FormatValue does.
func number(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case v == math.Trunc(v) && math.Abs(v) < 1e9: // false for ±Inf
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return widget.FormatValue(v)
}

// percent formats a share as "23.4 %".
func percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + " %"
}

// newTextInput returns a text field with a steady cursor: a blinking one
// would redraw the whole screen twice a second for nothing.
func newTextInput(prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	return in
}
