package widget

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// MinWidth and MinHeight are the smallest terminal size retain's screens
// are laid out for; below it the root shows TooSmall instead.
const (
	MinWidth  = 80
	MinHeight = 24
)

// Fits reports whether a w×h terminal is at least MinWidth×MinHeight.
func Fits(w, h int) bool { return w >= MinWidth && h >= MinHeight }

// TooSmall returns the one-line notice shown instead of a screen in a w×h
// terminal smaller than MinWidth×MinHeight, cut to w cells, in Chinese
// when zh, else in English.
func TooSmall(w, h int, zh bool) string {
	return TooSmallFor(w, h, MinWidth, MinHeight, zh)
}

// TooSmallFor is TooSmall for a custom minimum size minW×minH. The
// language is an argument, so that no caller inherits English.
func TooSmallFor(w, h, minW, minH int, zh bool) string {
	long, short := "Window %d×%d is too small: enlarge it to at least %d×%d.", "Enlarge to %d×%d"
	if zh {
		long, short = "窗口 %d×%d 太小：请放大到至少 %d×%d。", "请放大到 %d×%d"
	}
	msg := fmt.Sprintf(long, max(w, 0), max(h, 0), minW, minH)
	if ansi.StringWidth(msg) > w {
		msg = fmt.Sprintf(short, minW, minH)
	}
	return ansi.Truncate(msg, max(w, 0), "…")
}

// Part describes one pane of a Split: it gets at least Min cells, then a
// Weight share of the space left over. An Optional part is dropped (size 0)
// when the minimums of all parts do not fit, last optional part first.
type Part struct {
	Min      int
	Weight   int
	Optional bool
}

// Split divides total cells among parts, with gap cells between every two
// parts that are shown. Every shown part gets its Min; the rest is shared
// by Weight (all weights zero share equally), rounding so the sizes and
// gaps add up to total exactly. ok is false when even without the optional
// parts the minimums do not fit; the sizes are then all zero.
func Split(total, gap int, parts ...Part) (sizes []int, ok bool) {
	sizes = make([]int, len(parts))
	shown := make([]bool, len(parts))
	for i := range parts {
		shown[i] = true
	}
	need := func() int {
		n, sum := 0, 0
		for i, p := range parts {
			if shown[i] {
				n++
				sum += max(p.Min, 0)
			}
		}
		return sum + max(n-1, 0)*max(gap, 0)
	}
	for i := len(parts) - 1; need() > total && i >= 0; i-- {
		if parts[i].Optional {
			shown[i] = false
		}
	}
	if need() > total || !slices.Contains(shown, true) {
		return make([]int, len(parts)), len(parts) == 0 && total >= 0
	}
	free := total - need()
	weightSum := 0
	for i, p := range parts {
		if shown[i] {
			weightSum += max(p.Weight, 0)
		}
	}
	weight := func(p Part) int {
		if weightSum == 0 {
			return 1
		}
		return max(p.Weight, 0)
	}
	if weightSum == 0 {
		for i := range parts {
			if shown[i] {
				weightSum++
			}
		}
	}
	type share struct{ index, remainder int }
	var shares []share
	given := 0
	for i, p := range parts {
		if !shown[i] {
			continue
		}
		extra := free * weight(p)
		sizes[i] = max(p.Min, 0) + extra/weightSum
		given += extra / weightSum
		shares = append(shares, share{i, extra % weightSum})
	}
	// Largest remainders first, earlier parts winning ties: deterministic
	// and never more than one cell away from the exact proportion.
	slices.SortStableFunc(shares, func(a, b share) int { return b.remainder - a.remainder })
	for k := 0; given < free; k++ {
		sizes[shares[k%len(shares)].index]++
		given++
	}
	return sizes, true
}

// Fit pads or cuts s to exactly h lines of exactly w cells, so panes join
// without ragged edges. ANSI styling inside s is kept.
func Fit(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = fitLine(l, w)
	}
	return strings.Join(lines, "\n")
}

// fitLine cuts or pads one line to exactly w cells.
func fitLine(s string, w int) string {
	if w <= 0 {
		return ""
	}
	// Measuring is most of the cost (frames are fitted on every key): a
	// line is measured again only when it was cut.
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "…")
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// placeholder returns a w×h block holding msg on its first line, shown by
// widgets given too little room to draw.
func placeholder(w, h int, msg string, style lipgloss.Style) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	return Fit(style.Render(ansi.Truncate(msg, w, "…")), w, h)
}
