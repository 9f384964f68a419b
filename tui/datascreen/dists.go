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
	nameW := s.nameWidth()
	barsW := s.barsWidth(w, nameW)
	head := common.Pad(s.T("feature", "特征"), nameW) + common.Pad(s.T("distribution by label", "按标签的分布"), barsW+2) +
		s.T("range / rows by label", "范围 / 各标签行数")
	lines := []string{st.Header.Render(common.Pad(head, w))}
	var body []string
	for _, d := range s.info.Dists {
		if d.Levels != nil {
			body = append(body, d.Name)
			body = append(body, s.levelLines(d, w, nameW)...)
			continue
		}
		body = append(body, common.Pad(d.Name, nameW)+s.numericLine(d, w-nameW, barsW))
	}
	l := s.data.Table.Label
	note := s.Tf("numeric: bars are each class's share of its rows, over the 1st–99th percentiles (tails in the end bins); levels: █ %s ░ %s, length = rows at the level",
		"数值：柱高为各类别内部的占比，范围取第 1–99 百分位（两端的值计入首尾两箱）；取值：█ %s ░ %s，长度为该取值的行数",
		l.Positive, l.Negative)
	noteLines := wrap(note, w, 2)
	lines = append(lines, window(body, s.scroll[sectionDists], h-1-len(noteLines))...)
	for _, n := range noteLines {
		lines = append(lines, st.Muted.Render(n))
	}
	return lines
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
	rng := num(d.Lo) + " … " + num(d.Hi)
	return common.Pad(s.distribution(d, barsW, 1), barsW) + "  " + s.Styles.Muted.Render(common.Truncate(rng, w-barsW-2))
}

// numericBlock draws a numeric feature's distribution in w cells and h
// lines: the sparklines, then the binned range.
func (s Model) numericBlock(d data.FeatureDistribution, w, h int) []string {
	out := strings.Split(s.distribution(d, w, max(h-1, 1)), "\n")
	rng := num(d.Lo) + " … " + num(d.Hi)
	return append(out, s.Styles.Muted.Render(common.Truncate(s.Tf("1st–99th percentiles: %s", "第 1–99 百分位：%s", rng), w)))
}

// levelLines draws a categorical or boolean feature's levels, one a line:
// the level, its rows as a bar split by label on the scale of the largest
// level, and the count in each class with the positive share. indent is
// the width of the level's column (0: fit the names).
func (s Model) levelLines(d data.FeatureDistribution, w, indent int) []string {
	l := s.data.Table.Label
	texts := make([]string, len(d.Levels))
	textW, nameW, scale := 0, 0, 0
	for i, lv := range d.Levels {
		texts[i] = s.Tf("%s %s · %s %s (%s %s)", "%[1]s %[2]s · %[3]s %[4]s（%[6]s 占 %[5]s）",
			l.Negative, common.Thousands(d.Neg[i]), l.Positive, common.Thousands(d.Pos[i]),
			common.Percent(d.PositiveShare(i)), l.Positive)
		textW = max(textW, ansi.StringWidth(texts[i]))
		nameW = max(nameW, ansi.StringWidth(lv)+3)
		scale = max(scale, d.Total(i))
	}
	if indent > 0 {
		nameW = indent
	}
	nameW = min(nameW, max(w/3, 8))
	barW := min(s.barsWidth(w, nameW), max(w-nameW-2-textW, 6))
	var out []string
	for i, lv := range d.Levels {
		bar := widget.SplitBar(s.Styles.Widget, d.Neg[i], d.Pos[i], scale, barW)
		out = append(out, common.Truncate(common.Pad("  "+lv, nameW)+bar+"  "+texts[i], w))
	}
	if d.OtherLevels > 0 {
		out = append(out, s.Styles.Muted.Render(common.Truncate(s.Tf("  (+%d more levels, not counted)", "  （另有 %d 个取值未计入）", d.OtherLevels), w)))
	}
	return out
}
