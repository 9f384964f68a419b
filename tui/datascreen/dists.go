package datascreen

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// distLines shows every feature's distribution in each class: a numeric
// feature on one line (the widget scales both classes as shares of their
// own rows, so the rare class is as visible as the common one), a
// categorical or boolean one as a line per level with its rows split by
// label.
func (s Model) distLines(w, h int) []string {
	st := s.Styles
	colW, cols := w, 1
	if w >= 140 {
		// A wide window shows the features in two columns.
		colW, cols = (w-3)/2, 2
	}
	head, blocks := s.distBlocks(colW)
	l := s.data.Table.Label
	note := s.Tf("numeric: bars are each class's share of its rows, over the 1st–99th percentiles (tails in the end bins); levels: █ %s ░ %s, length = rows at the level",
		"数值：柱高为各类别内部的占比，范围取第 1–99 百分位（两端的值计入首尾两箱）；取值：█ %s ░ %s，长度为该取值的行数",
		l.Positive, l.Negative)
	noteLines := wrap(note, w, 2)
	bodyH := h - 1 - len(noteLines)
	var body []string
	if cols == 1 {
		for _, b := range blocks {
			body = append(body, b...)
		}
		body = window(body, s.scroll[sectionDists], bodyH)
	} else {
		left, right := splitBlocks(blocks)
		rows := max(len(left), len(right))
		off := min(s.scroll[sectionDists], max(rows-bodyH, 0))
		body = common.BesideRule(window(left, off, len(left)), window(right, off, len(right)), colW, min(bodyH, rows-off), st)
		head = common.Pad(head, colW) + st.Border.Render(" │ ") + head
	}
	lines := []string{st.Header.Render(common.Pad(head, w))}
	lines = append(lines, body...)
	for _, n := range noteLines {
		lines = append(lines, st.Muted.Render(n))
	}
	return lines
}

// distBlocks returns the table head and each feature's lines at width w.
func (s Model) distBlocks(w int) (string, [][]string) {
	nameW := s.nameWidth()
	for _, d := range s.info.Dists {
		for _, lv := range d.Levels {
			nameW = max(nameW, ansi.StringWidth(lv)+3)
		}
	}
	nameW = min(nameW, max(w/3, s.nameWidth()))
	barsW := s.barsWidth(w, nameW)
	head := common.Pad(s.T("feature", "特征"), nameW) + common.Pad(s.T("distribution by label", "按标签的分布"), barsW+2) +
		s.T("range / rows by label", "范围 / 各标签行数")
	// The level lines share one bar width, so their counts line up.
	textW := 0
	for _, d := range s.info.Dists {
		for _, t := range s.levelTexts(d) {
			textW = max(textW, ansi.StringWidth(t))
		}
	}
	barW := min(barsW, max(w-nameW-2-textW, 6))
	var blocks [][]string
	for _, d := range s.info.Dists {
		if d.Levels != nil {
			blocks = append(blocks, append([]string{d.Name}, s.levelLines(d, w, nameW, barW)...))
			continue
		}
		blocks = append(blocks, []string{common.Pad(d.Name, nameW) + s.numericLine(d, w-nameW, barsW)})
	}
	return common.Truncate(head, w), blocks
}

// splitBlocks puts the first features in the left column and the others
// in the right one, dividing the lines as evenly as whole features allow.
func splitBlocks(blocks [][]string) (left, right []string) {
	total := 0
	for _, b := range blocks {
		total += len(b)
	}
	for _, b := range blocks {
		if right == nil && len(left)+len(b)/2 < (total+1)/2 {
			left = append(left, b...)
			continue
		}
		right = append(right, b...)
	}
	return left, right
}

// barsWidth is the width of a numeric feature's two sparklines.
func (s Model) barsWidth(w, nameW int) int {
	l := s.data.Table.Label
	classW := max(ansi.StringWidth(l.Negative), ansi.StringWidth(l.Positive))
	return min(2*(data.DistributionBins+classW+1)+2, max(w-nameW-12, 12))
}

// distribution is a numeric feature's distribution widget at w×h.
func (s Model) distribution(d data.FeatureDistribution, w, h int) string {
	l := s.data.Table.Label
	dist := widget.NewDistribution(s.Styles.Widget, l.Negative, l.Positive)
	dist.SetCounts(d.Neg, d.Pos)
	dist.SetSize(w, h)
	return dist.View()
}

// numericLine draws a numeric feature's distribution in barsW cells and
// its binned range after it, in w cells.
func (s Model) numericLine(d data.FeatureDistribution, w, barsW int) string {
	rng := s.binnedRange(d)
	return common.Pad(s.distribution(d, barsW, 1), barsW) + "  " + s.Styles.Muted.Render(common.Truncate(rng, w-barsW-2))
}

// numericBlock draws a numeric feature's distribution in w cells and h
// lines: the sparklines, then the binned range.
func (s Model) numericBlock(d data.FeatureDistribution, w, h int) []string {
	out := strings.Split(s.distribution(d, w, max(h-1, 1)), "\n")
	rng := s.binnedRange(d)
	return append(out, s.Styles.Muted.Render(common.Truncate(s.Tf("1st–99th percentiles: %s", "第 1–99 百分位：%s", rng), w)))
}

// binnedRange writes a numeric feature's binned range, as dates for a
// date column (it read "17,541 … 19,721", day numbers).
func (s Model) binnedRange(d data.FeatureDistribution) string {
	if c := s.data.Table.Column(d.Name); c != nil && c.Date {
		return data.FormatDay(d.Lo) + " … " + data.FormatDay(d.Hi)
	}
	return num(d.Lo) + " … " + num(d.Hi)
}

// levelTexts writes each level's count in each class and its positive
// share (none for a numeric feature).
func (s Model) levelTexts(d data.FeatureDistribution) []string {
	l := s.data.Table.Label
	texts := make([]string, len(d.Levels))
	for i := range d.Levels {
		texts[i] = s.Tf("%s %s · %s %s (%s %s)", "%[1]s %[2]s · %[3]s %[4]s（%[6]s 占 %[5]s）",
			l.Negative, common.Thousands(d.Neg[i]), l.Positive, common.Thousands(d.Pos[i]),
			common.Percent(d.PositiveShare(i)), l.Positive)
	}
	return texts
}

// levelLines draws a categorical or boolean feature's levels, one a line:
// the level, its rows as a bar split by label on the scale of the largest
// level, and the count in each class with the positive share. nameW is
// the width of the level's column and barW the bars' (0: fit them to w).
func (s Model) levelLines(d data.FeatureDistribution, w, nameW, barW int) []string {
	texts := s.levelTexts(d)
	textW, scale := 0, 0
	for i, lv := range d.Levels {
		textW = max(textW, ansi.StringWidth(texts[i]))
		scale = max(scale, d.Total(i))
		if nameW == 0 || barW == 0 {
			nameW = max(nameW, ansi.StringWidth(lv)+3)
		}
	}
	nameW = min(nameW, max(w/3, 8))
	if barW == 0 {
		barW = min(s.barsWidth(w, nameW), max(w-nameW-2-textW, 6))
	}
	var out []string
	for i, lv := range d.Levels {
		bar := widget.SplitBar(s.Styles.Widget, d.Neg[i], d.Pos[i], scale, barW)
		out = append(out, common.TruncateCell(common.Pad("  "+lv, nameW-1)+" "+bar+"  "+texts[i], w))
	}
	if d.OtherLevels > 0 {
		out = append(out, s.Styles.Muted.Render(common.Truncate(s.Tf("  (+%d more levels, not counted)", "  （另有 %d 个取值未计入）", d.OtherLevels), w)))
	}
	return out
}
