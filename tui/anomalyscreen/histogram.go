package anomalyscreen

import (
	"fmt"
	"math"
	"strings"

	"charm.land/lipgloss/v2"
)

// histWidth is the number of the histogram's bars: the width left by the
// axis labels (the lowest and highest scores), at most 100.
func (s Model) histWidth() int {
	lo, hi := fmt.Sprintf("%.3f", s.sum.lo), fmt.Sprintf("%.3f", s.sum.hi)
	return min(s.Width-len(lo)-len(hi)-4, 100)
}

// histRows is the height of the histogram's bars.
func (s Model) histRows() int {
	if s.Height >= 40 {
		return 8
	}
	return 3
}

// histogram draws the distribution of scores as columns of block
// characters, on a square-root scale so the tail shows; the column that
// holds the cut-off is drawn in the warning colour, with a marker below.
func (s Model) histogram(rows int) []string {
	left, right := fmt.Sprintf("%.3f", s.sum.lo), fmt.Sprintf("%.3f", s.sum.hi)
	bins := s.sum.bins
	if len(bins) < 10 {
		return nil
	}
	most := 0
	for _, b := range bins {
		most = max(most, b.Count)
	}
	cutBin := -1
	for i, b := range bins {
		if s.cut >= b.Low && (s.cut < b.High || i == len(bins)-1) {
			cutBin = i
		}
	}
	levels := []rune(" ▁▂▃▄▅▆▇█")
	out := make([]string, 0, rows+1)
	for r := rows - 1; r >= 0; r-- {
		var b strings.Builder
		for i, bin := range bins {
			h := 0.0
			if bin.Count > 0 {
				h = math.Sqrt(float64(bin.Count)/float64(most)) * float64(rows)
				h = math.Max(h, 1.0/8) // every non-empty bin shows
			}
			fill := math.Min(math.Max(h-float64(r), 0), 1)
			ch := string(levels[int(math.Ceil(fill*8))])
			if i > cutBin && cutBin >= 0 {
				ch = s.Styles.Warning.Render(ch)
			}
			b.WriteString(ch)
		}
		out = append(out, strings.Repeat(" ", len(left)+2)+b.String())
	}
	axis := []rune(strings.Repeat("─", len(bins)))
	if cutBin >= 0 {
		axis[cutBin] = '▲'
	}
	// The axis brackets the range of scores, its ends turned inward.
	line := left + " ├" + string(axis) + "┤ " + right
	if note := s.T("  score; bar height √ users", "  分数；柱高 √ 人数"); lipgloss.Width(line+note) <= s.Width {
		line += s.Styles.Muted.Render(note)
	}
	out = append(out, line)
	return out
}
