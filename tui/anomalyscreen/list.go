package anomalyscreen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
)

// listRows is how many users the list shows.
func (s Model) listRows() int {
	used := 4 + s.histRows() + 1 + len(s.constantLines())
	used += s.evaluationHeight()
	used += len(s.retrainLines())
	used += len(s.detailLines())
	return max(s.Height-used, 1)
}

// clampList keeps the selected user on the page.
func (s *Model) clampList() {
	rows := s.listRows()
	s.sel = min(max(s.sel, 0), len(s.res.Order)-1)
	if s.sel < s.top {
		s.top = s.sel
	}
	if s.sel >= s.top+rows {
		s.top = s.sel - rows + 1
	}
}

// listLines are the header and the most abnormal users from s.top.
func (s Model) listLines(room int) []string {
	if room < 2 {
		return nil
	}
	res := s.res
	arch := res.Archetype != nil
	idW := s.idWidth()
	withError := s.wideList() && res.Neighbours > 0
	head := common.PadLeft(s.T("rank", "排名"), 6) + "  " + common.Pad(s.T("user", "用户"), idW) + "  " +
		common.PadLeft(s.T("score", "分数"), 6) + "  "
	if withError {
		head += common.PadLeft(s.T("error", "误差"), 6) + "  "
	}
	head += common.Pad(s.T("mark", "标记"), 5) + "  "
	if arch {
		head += common.Pad(s.T("archetype", "类型"), 12) + "  "
	}
	head += s.T("top features: value exp (typ)", "特征：取值 预期（通常）")
	lines := []string{s.Styles.Header.Render(common.Truncate(head, s.Width))}
	for i := s.top; i < len(res.Order) && len(lines) < room; i++ {
		row := res.Order[i]
		mark := ""
		if a, ok := s.marks[row]; ok {
			mark = s.T("abuse", "作弊")
			if !a {
				mark = s.T("ok", "正常")
			}
		} else if res.Score[row] > s.cut {
			mark = "▲"
		}
		line := fmt.Sprintf("%6d  %s  %6.3f  ", i+1, common.Pad(cutID(res.IDs[row], idW), idW), res.Score[row])
		if withError {
			line += fmt.Sprintf("%6.3f  ", res.Error[row])
		}
		line += common.Pad(mark, 5) + "  "
		if arch {
			line += common.Pad(s.archetypeName(res.Archetype[row]), 12) + "  "
		}
		line = fitReasons(line, s.reasonPieces(row), s.reasonSep(), s.Width)
		if i == s.sel {
			line = s.Styles.Selected.Render(common.Pad(line, s.Width))
		}
		lines = append(lines, line)
	}
	return lines
}

// detailLines are the selected user's reasons in full, packed whole
// reasons to a line under its name, when its row in the list cannot show
// them all (nil when it can, or before scoring).
func (s Model) detailLines() []string {
	if s.res == nil || len(s.res.Order) == 0 || s.Width < 20 {
		return nil
	}
	row := s.res.Order[min(max(s.sel, 0), len(s.res.Order)-1)]
	reasons, sep := s.reasonTexts(row), s.reasonSep()
	id := s.res.IDs[row]
	idCut := ansi.StringWidth(id) > s.idWidth()
	if len(reasons) == 0 || !idCut && s.rowPrefixWidth()+ansi.StringWidth(strings.Join(reasons, sep)) <= s.Width {
		return nil
	}
	// The whole id when it takes at most half the line (a 32-character
	// order-platform id at 80 columns): the list's column cuts a long one
	// (see idWidth), so the line is shown for it even when the reasons fit.
	if ansi.StringWidth(id) > max(14, s.Width/2) {
		id = common.TruncateCell(id, max(14, s.Width/2))
	}
	head := s.Tf("▸ %s: ", "▸ %s：", id)
	indent := ansi.StringWidth(head)
	if indent > s.Width/3 {
		indent = 2
	}
	mark := strings.TrimRight(sep, " ") // ";" ends a reason, " " parts it from the next
	gap := sep[len(mark):]
	var lines []string
	cur, fresh := head, true
	for i, r := range reasons {
		piece := r
		if i < len(reasons)-1 {
			piece += mark
		}
		switch {
		case fresh:
			cur += piece
		case ansi.StringWidth(cur+gap+piece) <= s.Width:
			cur += gap + piece
		default:
			lines = append(lines, cur)
			cur = strings.Repeat(" ", indent) + piece
		}
		fresh = false
	}
	lines = append(lines, cur)
	for i := range lines {
		lines[i] = s.Styles.Value.Render(common.Truncate(lines[i], s.Width))
	}
	return lines
}

// idWidth is the width of the list's user column: the longest ID from the
// first one shown on (at most a screen's height of them), at most 14, or
// at most 24 on a wide screen (a pseudonym, p_ and 20 hex digits, whole).
func (s Model) idWidth() int {
	res := s.res
	most := 14
	if s.wideList() {
		most = 24
	}
	idW := 4
	for i := s.top; i < min(len(res.Order), s.top+max(s.Height, 1)); i++ {
		idW = max(idW, min(ansi.StringWidth(res.IDs[res.Order[i]]), most))
	}
	return idW
}

// cutID cuts an id to w cells with an ellipsis, as text: every id longer
// than w is cut to the same width (a hex pseudonym is no number to keep
// whole, which TruncateCell would back off to the start of), and the
// detail line under the list shows the selected one whole.
func cutID(id string, w int) string { return ansi.Truncate(id, w, "…") }

// rowPrefixWidth is the width of a list row before its reasons.
func (s Model) rowPrefixWidth() int {
	res := s.res
	w := 6 + 2 + s.idWidth() + 2 + 6 + 2 + 5 + 2
	if s.wideList() && res.Neighbours > 0 {
		w += 8
	}
	if res.Archetype != nil {
		w += 14
	}
	return w
}
