package common

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/widget"
)

// Pad cuts or pads s (which may hold ANSI styling) to exactly w cells.
func Pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = TruncateCell(s, w)
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// PadLeft right-aligns s in w cells.
func PadLeft(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = TruncateCell(s, w)
	if n := ansi.StringWidth(s); n < w {
		s = strings.Repeat(" ", w-n) + s
	}
	return s
}

// BesideRule sets right beside left (padded to leftW) over rows lines,
// with a vertical rule between them.
func BesideRule(left, right []string, leftW, rows int, st *Styles) []string {
	var out []string
	for i := range rows {
		l, r := "", ""
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, Pad(l, leftW)+st.Border.Render(" │ ")+r)
	}
	return out
}

// Thousands writes an integer with comma separators: 12,345 (data.Thousands,
// the spelling the CLI uses too).
func Thousands(n int) string { return data.Thousands(n) }

// GroupDigits puts thousands separators into a number already written in
// decimals ("77183.6" as "77,183.6", "-1482" as "-1,482"), keeping its
// digits as they are; any other text (a date, "1e+06", a level) is
// returned unchanged.
func GroupDigits(text string) string {
	sign, digits := "", text
	if rest, ok := strings.CutPrefix(text, "-"); ok {
		sign, digits = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	if whole == "" || strings.Trim(whole, "0123456789") != "" || hasFrac && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return text
	}
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	if hasFrac {
		whole += "." + frac
	}
	return sign + whole
}

// Minus is the minus sign the interface writes, U+2212, which is as wide
// as "+" and does not read as a hyphen (widget.Minus, which the charts'
// axis labels write too).
const Minus = widget.Minus

// WithMinus writes a number already formatted with an ASCII hyphen-minus
// ("-0.08", "-1,482") with the minus sign instead; other text is returned
// unchanged. It is widget.WithMinus, the one rule the screens' text and
// the charts' axis labels share (Thousands is data's the same way).
func WithMinus(text string) string { return widget.WithMinus(text) }

// Signed writes v with an explicit sign (+ or −) and a fixed number of
// decimals: "+0.316", "−0.004". A value that rounds to zero reads "+0.000":
// there is no negative zero.
func Signed(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return widget.FormatValue(v)
	}
	text := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	if v < 0 && strings.Trim(text, "0.") != "" {
		return Minus + text
	}
	return "+" + text
}

// Decimal writes v with the given decimals, thousands separators and the
// minus sign: a log-likelihood of -165790.9 reads "−165,790.9".
func Decimal(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return widget.FormatValue(v)
	}
	return WithMinus(GroupDigits(strconv.FormatFloat(v, 'f', decimals, 64)))
}

// Significant writes v with the given number of significant digits, in
// scientific notation only when it is tiny or huge: a loss of 0.0000123
// reads "1.23e-05", not "0.00000".
func Significant(v float64, digits int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return widget.FormatValue(v)
	}
	return WithMinus(strconv.FormatFloat(v, 'g', digits, 64))
}

// Number formats a reading compactly: integers as integers, a missing
// value as a dash, others as widget.FormatValue does.
func Number(v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case v == math.Trunc(v) && math.Abs(v) < 1e9: // false for ±Inf
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return widget.FormatValue(v)
}

// Percent formats a share as "23.4 %".
func Percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strconv.FormatFloat(100*v, 'f', 1, 64) + " %"
}

// FieldCharLimit is how many characters a text field holds: any path
// Linux opens (PATH_MAX is 4096 bytes), while a paste of a whole file
// into a field (from a served session's client, say) is cut there.
const FieldCharLimit = 4096

// NewTextInput returns a text field with a steady cursor: a blinking one
// would redraw the whole screen twice a second for nothing. It holds
// FieldCharLimit characters.
//
// Its own ctrl+v is off: it put the clipboard's text in the field with
// only bubbles' sanitising, which drops an escape sequence's ESC and
// leaves the rest ("[31m"). The root reads the clipboard on ctrl+v
// instead and hands its text to the field as a bracketed paste
// (tea.PasteMsg), which screens pass through Paste: one line without
// control characters. On a served session it reads none: the clipboard of
// the machine the program runs on is the server's (its operator's
// desktop, say), not the user's, whose terminal pastes the user's own.
func NewTextInput(c Common, prompt string) textinput.Model {
	in := textinput.New()
	in.Prompt = prompt
	in.CharLimit = FieldCharLimit
	st := in.Styles()
	st.Cursor.Blink = false
	in.SetStyles(st)
	in.KeyMap.Paste.SetEnabled(false)
	return in
}

// SetFieldWidth gives in a width of w cells and scrolls its value so that
// the cursor is in view at that width: bubbles' SetWidth alone keeps the
// scroll window of the old width until the next key, so a field narrowed
// by a resize showed a stale part of its value, or none of it.
func SetFieldWidth(in *textinput.Model, w int) {
	in.SetWidth(w)
	pos := in.Position()
	// From the start, then back to the cursor: each move fits the window
	// to the new width.
	in.SetCursor(0)
	in.SetCursor(pos)
}

// PromptFieldWidth is the width of a field on a line of its own, after its
// prompt, in a screen w cells wide (a cell for the cursor and one to spare;
// at least 8).
func PromptFieldWidth(in textinput.Model, w int) int {
	return max(w-ansi.StringWidth(in.Prompt)-2, 8)
}

// Typed is the text typed into in, made safe for the terminal: every
// screen reads a field through it, since what was typed is echoed back (a
// search, an id left out, a refused value). The field drops control
// characters as they are typed or pasted, and TypeKey and Paste drop
// format characters (bidi controls, zero-width characters); Typed drops
// format characters too and replaces control characters (TerminalSafe),
// which keeps the screens safe whatever the field lets through (a value
// set by SetValue).
func Typed(in textinput.Model) string { return TerminalSafe(typedText(in.Value())) }

// DescribeRun is a run's configuration in a few words, in the
// interface's language (activations and optimisers keep their names).
func (c Common) DescribeRun(cfg experiment.Config) string {
	var layers []string
	for _, l := range cfg.Hidden {
		layers = append(layers, fmt.Sprintf("%d %s", l.Units, l.Activation))
	}
	if len(layers) == 0 {
		layers = []string{c.T("no hidden layer", "无隐藏层")}
	}
	return c.Tf("%s · %s lr %s · batch %d", "%s · %s 学习率 %s · 批大小 %d", strings.Join(layers, "→"), cfg.Train.Optimizer.Kind,
		Number(cfg.Train.Optimizer.LR), cfg.Train.BatchSize)
}

// FmtMetric writes a loss or score with four decimals (or as a word, as
// widget.FormatValue spells NaN and the infinities).
func FmtMetric(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return widget.FormatValue(v)
	case v == math.Trunc(v) && math.Abs(v) < 1e6:
		return fmt.Sprint(int(v))
	case math.Abs(v) >= 1e4 || math.Abs(v) < 1e-3:
		return fmt.Sprintf("%.3g", v)
	}
	return fmt.Sprintf("%.4f", v)
}

// PlainError is err as the interface shows it: without a leading
// "invalid configuration: ", which the words after it make plain.
func PlainError(err error) string {
	return strings.TrimPrefix(err.Error(), engine.ErrConfig.Error()+": ")
}

// JoinColumns sets blocks of lines side by side, each padded to its width.
func JoinColumns(blocks [][]string, widths []int, gap int) []string {
	rows := 0
	for _, b := range blocks {
		rows = max(rows, len(b))
	}
	out := make([]string, rows)
	for i := range rows {
		var b strings.Builder
		for k, block := range blocks {
			if k > 0 {
				b.WriteString(strings.Repeat(" ", gap))
			}
			line := ""
			if i < len(block) {
				line = block[i]
			}
			b.WriteString(Pad(line, widths[k]))
		}
		out[i] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// JoinLines is strings.Join with a newline, for readability at call sites.
func JoinLines(lines []string) string { return strings.Join(lines, "\n") }

// statusMarks are the marks a status line may open with; its wrapped lines
// hang under the text after the mark.
var statusMarks = []string{"✗ ", "✓ "}

// StatusLines is a status or refusal line (an export's outcome, say)
// wrapped in full to w cells, as the Model screen's refusals are, rather
// than cut: the reason at its end is what the user needs. Lines after the
// first hang under the text after a leading "✗ " or "✓ ".
func StatusLines(text string, w int) []string {
	if w <= 0 || text == "" {
		return nil
	}
	mark := ""
	for _, m := range statusMarks {
		if strings.HasPrefix(text, m) && w > 2*ansi.StringWidth(m) {
			mark = m
		}
	}
	indent := strings.Repeat(" ", ansi.StringWidth(mark))
	lines := widget.WrapUnmarked(strings.TrimPrefix(text, mark), w-len(indent))
	for i, l := range lines {
		if i == 0 {
			lines[i] = mark + l
		} else {
			lines[i] = indent + l
		}
	}
	return lines
}

// PackStyled lays out items (which may be styled) on lines of at most w
// cells, joined by sep: an item that does not fit after the others starts
// the next line, and one wider than a line is wrapped as plain text in
// style. A settings or title line wraps with it rather than cut its end,
// where a warning may be.
func PackStyled(items []string, sep string, w int, style lipgloss.Style) []string {
	shown := make([]string, 0, len(items))
	for _, item := range items {
		if item != "" {
			shown = append(shown, item)
		}
	}
	return widget.PackItemsWrap(shown, sep, w, func(item string, w int) []string {
		return widget.WrapStyled(ansi.Strip(item), w, style)
	})
}

// Plural is n with thousands separators and the English noun one or many
// as n requires ("1 feature", "2 features", "1,200 rows").
func Plural(n int, one, many string) string {
	return data.Count(n, one, many)
}
