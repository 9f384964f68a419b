package widget

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Bar is one labelled signed value, such as a feature's attribution.
type Bar struct {
	Label string
	Value float64
}

// SignedBars is a horizontal bar chart of signed values drawn around a
// zero axis: negative bars grow left, positive bars grow right, largest
// |value| first (or in the order given, see SetOrder). Sign shows three ways: direction, colour (Styles.Positive
// and Styles.Negative) and a +/− in the printed value. ntcharts' barchart
// clips negative values, so the bars are drawn here with half-block runes.
type SignedBars struct {
	styles  Styles
	bars    []Bar
	dropped int
	order   BarOrder
	format  func(float64) string
	text    BarsText
	width   int
	height  int
	// barRoom, when above 0, lets labels take every cell but barRoom of
	// the bars' room (see SetBarRoom); 0 caps them at a third of the width.
	barRoom int
	view    string // rendered by every setter, so View costs nothing
}

// BarsText is the wording a SignedBars writes by itself, so that a screen
// in another language can translate it.
type BarsText struct {
	// More formats the last line's count of the bars left out (one %d),
	// in the ByMagnitude order.
	More string
	// MoreInOrder formats it in the AsGiven order.
	MoreInOrder string
	// NoValues is written across a chart without bars.
	NoValues string
	// TooSmall is written across a chart too narrow for its bars.
	TooSmall string
}

// BarOrder is the order the bars are drawn in.
type BarOrder int

const (
	// ByMagnitude draws the largest |value| first, whatever its sign: the
	// features that move one prediction most, up or down.
	ByMagnitude BarOrder = iota
	// AsGiven keeps the order of SetBars, such as a ranking by signed
	// value where a feature that hurts ranks below one that helps.
	AsGiven
)

// NewSignedBars returns an empty bar chart that writes text by itself:
// the wording is the caller's, in its language (there is no default, so
// that no caller inherits English).
func NewSignedBars(styles Styles, text BarsText) SignedBars {
	return SignedBars{styles: styles, text: text}
}

// SetText replaces the chart's own wording; empty fields keep the
// current wording.
func (b *SignedBars) SetText(t BarsText) {
	d := b.text
	orDefault(&t.More, d.More)
	orDefault(&t.MoreInOrder, d.MoreInOrder)
	orDefault(&t.NoValues, d.NoValues)
	orDefault(&t.TooSmall, d.TooSmall)
	b.text = t
	b.view = b.render()
}

// SetStyles replaces the styles.
func (b *SignedBars) SetStyles(styles Styles) {
	b.styles = styles
	b.view = b.render()
}

// SetOrder sets the order of the bars SetBars is given next (the default
// is ByMagnitude).
func (b *SignedBars) SetOrder(order BarOrder) { b.order = order }

// SetBars copies bars, drops those with a non-finite value (see Dropped)
// and, in the ByMagnitude order, orders the rest by decreasing |value|,
// ties keeping their order.
func (b *SignedBars) SetBars(bars []Bar) {
	b.bars, b.dropped = b.bars[:0:0], 0
	for _, bar := range bars {
		if finite(bar.Value) {
			b.bars = append(b.bars, bar)
		} else {
			b.dropped++
		}
	}
	if b.order == ByMagnitude {
		slices.SortStableFunc(b.bars, func(x, y Bar) int { return cmp.Compare(math.Abs(y.Value), math.Abs(x.Value)) })
	}
	b.view = b.render()
}

// Bars returns the shown bars in display order.
func (b SignedBars) Bars() []Bar { return slices.Clone(b.bars) }

// Dropped returns how many bars of the last SetBars had a non-finite value.
func (b SignedBars) Dropped() int { return b.dropped }

// SetFormat sets how values are printed; nil restores the default (an
// explicit sign and the same number of decimals down the column, enough
// for three significant digits of the largest |value|: "+0.316",
// "+0.087", "−0.004").
func (b *SignedBars) SetFormat(format func(float64) string) {
	b.format = format
	b.view = b.render()
}

// SetBarRoom lets the labels grow until the bars keep only n cells, for a
// chart whose labels must be told apart (long one-hot names) rather than
// its bars be wide; 0 (the default) caps labels at a third of the width.
func (b *SignedBars) SetBarRoom(n int) {
	b.barRoom = max(n, 0)
	b.view = b.render()
}

// SetSize sets the size of the view in cells.
func (b *SignedBars) SetSize(w, h int) {
	b.width, b.height = max(w, 0), max(h, 0)
	b.view = b.render()
}

// View returns the chart as rendered by the last setter call.
func (b SignedBars) View() string { return b.view }

// FormatSigned prints v with an explicit sign (+ or the minus sign −) and
// three significant digits.
func FormatSigned(v float64) string {
	sign := "+"
	if v < 0 {
		sign = "−"
	}
	return sign + strconv.FormatFloat(math.Abs(v), 'g', 3, 64)
}

// SignedColumn returns a format that writes each of values with an
// explicit sign (+ or −) and one number of decimals for them all, three
// significant digits of the largest |value| (at most 8 decimals; none
// when every value is whole): a column of "+0.316", "+0.0873" and
// "+0.00394" did not line up.
func SignedColumn(values ...float64) func(float64) string {
	biggest, whole := 0.0, true
	for _, v := range values {
		if finite(v) {
			biggest = math.Max(biggest, math.Abs(v))
			whole = whole && v == math.Trunc(v)
		}
	}
	decimals := 3
	switch {
	case whole:
		decimals = 0
	case biggest > 0:
		decimals = min(max(2-int(math.Floor(math.Log10(biggest))), 0), 8)
	}
	return func(v float64) string {
		if !finite(v) || math.Abs(v) >= 1e9 {
			return FormatSigned(v)
		}
		sign := "+"
		if v < 0 {
			sign = "−"
		}
		return sign + strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	}
}

// render draws the bars at the chart's size.
func (b SignedBars) render() string {
	w, h := b.width, b.height
	if w <= 0 || h <= 0 {
		return ""
	}
	text := b.text
	if len(b.bars) == 0 {
		return placeholder(w, h, text.NoValues, b.styles.Placeholder)
	}
	shown := b.bars
	if len(shown) > h {
		shown = shown[:h-1] // the last line says how many are left out
	}
	format := b.format
	if format == nil {
		values := make([]float64, len(shown))
		for i, bar := range shown {
			values[i] = bar.Value
		}
		format = SignedColumn(values...)
	}
	labelW, valueW := 0, 0
	maxNeg, maxPos := 0.0, 0.0
	values := make([]string, len(shown))
	for i, bar := range shown {
		labelW = max(labelW, ansi.StringWidth(bar.Label))
		values[i] = format(bar.Value)
		valueW = max(valueW, ansi.StringWidth(values[i]))
		if bar.Value < 0 {
			maxNeg = math.Max(maxNeg, -bar.Value)
		} else {
			maxPos = math.Max(maxPos, bar.Value)
		}
	}
	labelCap := max(6, w/3)
	if b.barRoom > 0 {
		labelCap = max(labelCap, w-valueW-3-b.barRoom)
	}
	labelW = min(labelW, labelCap)
	barsW := w - labelW - valueW - 3 // spaces either side and the zero axis
	if barsW < 4 {
		return placeholder(w, h, text.TooSmall, b.styles.Placeholder)
	}
	// The zero axis sits where it divides the room in proportion to the
	// largest bar on each side, so both sides share one scale.
	negW := barsW / 2
	if maxNeg+maxPos > 0 {
		negW = int(math.Round(float64(barsW) * maxNeg / (maxNeg + maxPos)))
	}
	posW := barsW - negW
	halvesPerUnit := 0.0
	if maxNeg+maxPos > 0 {
		halvesPerUnit = 2 * float64(barsW) / (maxNeg + maxPos)
	}

	lines := make([]string, 0, h)
	for i, bar := range shown {
		label := fitLine(ansi.Truncate(bar.Label, labelW, "…"), labelW)
		halves := int(math.Round(math.Abs(bar.Value) * halvesPerUnit))
		if bar.Value != 0 {
			halves = max(halves, 1) // a tiny value still shows its side
		}
		style := b.styles.Positive
		var neg, pos string
		if bar.Value < 0 {
			style = b.styles.Negative
			halves = min(halves, 2*negW)
			body := strings.Repeat("▐", halves%2) + strings.Repeat("█", halves/2)
			neg = strings.Repeat(" ", negW-ansi.StringWidth(body)) + style.Render(body)
			pos = strings.Repeat(" ", posW)
		} else {
			halves = min(halves, 2*posW)
			body := strings.Repeat("█", halves/2) + strings.Repeat("▌", halves%2)
			neg = strings.Repeat(" ", negW)
			pos = style.Render(body) + strings.Repeat(" ", posW-ansi.StringWidth(body))
		}
		value := strings.Repeat(" ", valueW-ansi.StringWidth(values[i])) + values[i]
		lines = append(lines, b.styles.Label.Render(label)+" "+neg+b.styles.Axis.Render("│")+pos+" "+style.Render(value))
	}
	if rest := len(b.bars) - len(shown); rest > 0 {
		more := text.More
		if b.order == AsGiven {
			more = text.MoreInOrder
		}
		if more == "" {
			more = "… %d" // no wording given: the count, in no language
		}
		lines = append(lines, b.styles.Muted.Render(fmt.Sprintf(more, rest)))
	}
	return Fit(strings.Join(lines, "\n"), w, h)
}
