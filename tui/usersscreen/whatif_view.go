package usersscreen

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Rows of the what-if pane.
const (
	// whatIfHeadRows are the user's three lines, the what-if result, the
	// summary of its reasons (up to whatIfSummaryRows) and a blank line,
	// above the feature table when the reasons' whole block has no room
	// below.
	whatIfHeadRows = 5 + whatIfSummaryRows
	// whatIfSummaryRows is the most rows of the reasons' summary under
	// the result.
	whatIfSummaryRows = 2
	// whatIfMinBlock is the fewest rows the feature table and the sweep
	// keep under the whole head; below it only the user's first line and
	// the result stay above them.
	whatIfMinBlock = 12
	// whatIfMinFeatureRows is the fewest rows of the feature table (its
	// header and three features) under a sweep drawn below it.
	whatIfMinFeatureRows = 4
)

// whatIfTopRows is how many rows stay above the feature table in a
// what-if pane h rows high when not everything fits: the whole head, or
// the user's first line, the result and the summary of its reasons.
func whatIfTopRows(h int) int {
	if h-whatIfHeadRows >= whatIfMinBlock {
		return whatIfHeadRows
	}
	return 2 + whatIfSummaryRows
}

// whatIfSweepSize is the size of the sweep in a what-if pane w×h over n
// features: beside the feature table from whatIfSideBy cells, else below
// it, and never taller than the rows left under the head (less, below the
// table, the table's fewest rows), so the chart is drawn whole.
func whatIfSweepSize(w, h, n int) (int, int) {
	avail := h - whatIfTopRows(h)
	if w >= whatIfSideBy {
		return w - whatIfFeaturesW(w) - 2, max(min(max(n+1, 8), 16, avail), 4)
	}
	return max(w, 0), max(min(max(h/3, 8), 14, avail-1-min(n+1, whatIfMinFeatureRows)), 5)
}

// whatIfLines lays the what-if pane of table row row out in h rows: the
// user's lines and the what-if result, the feature table with the sweep
// beside or below it, then the reasons. When that does not fit, the
// result, the one-line summary of the reasons under it, and the sweep
// stay in view, and the feature table shows the rows around the chosen
// feature: following the chosen feature, the pane scrolled the result and
// the chart off the top at 80×24, and the reasons were out of reach.
func (s Model) whatIfLines(w, h, row int) []string {
	head := s.detailHead(w, row)
	result := s.whatIfResult(w)
	reasons := s.reasonLines(w, row)
	features, _ := s.featureLines(w, row, 0)
	top := append(append([]string{}, head...), result, "")
	lines := append(top, s.whatIfBlock(w, features)...)
	if len(lines) < h {
		lines = append(lines, "")
		lines = append(lines, reasons...)
		return lines[:min(len(lines), h)]
	}
	summary := s.reasonSummary(w, row)
	top = append(append(append(append([]string{}, head...), result), summary...), "")
	if whatIfTopRows(h) < whatIfHeadRows {
		top = append([]string{head[0], result}, summary...)
	}
	rows := h - len(top)
	if w < whatIfSideBy {
		rows -= 1 + len(s.sweepLines())
	}
	features, _ = s.featureLines(w, row, max(rows, 2))
	lines = append(top, s.whatIfBlock(w, features)...)
	return lines[:min(len(lines), h)]
}

// reasonSummary is the reasons told under the what-if result, in up to
// whatIfSummaryRows lines, when their whole block has no room: the
// sentence of the values shown (the what-if's once they differ from the
// user's own), or that they are being explained, or why they could not be.
func (s Model) reasonSummary(w, row int) []string {
	ex, ok, _ := s.shownExplanation(row)
	if !ok {
		return s.reasonLines(w, row)[:1]
	}
	wrapped := strings.Split(lipgloss.NewStyle().Width(max(w, 10)).Render(s.reasonSentence(s.risk(), ex, row)), "\n")
	lines := make([]string, 0, whatIfSummaryRows)
	for i, l := range wrapped[:min(len(wrapped), whatIfSummaryRows)] {
		if i == whatIfSummaryRows-1 && len(wrapped) > whatIfSummaryRows {
			l += " " + strings.Join(wrapped[i+1:], " ")
		}
		lines = append(lines, s.Styles.Muted.Render(common.Truncate(strings.TrimRight(l, " "), w)))
	}
	return lines
}

// whatIfResult is the line with the edited user's probability and its
// change from the user's own.
func (s Model) whatIfResult(w int) string {
	wi := s.whatIf
	// The change with the minus sign U+2212 and never "−0.000", as
	// every signed figure of the screens.
	delta := common.Signed(wi.prob-wi.prob0, 3)
	return s.Styles.Warning.Render(common.Truncate(s.Tf("what-if: %s = %.3f (%s from %.3f)", "假设分析：%s = %.3f（较 %.3[4]f 变化 %[3]s）",
		s.risk().ProbName(), wi.prob, delta, wi.prob0), w))
}

// whatIfBlock is the feature table with the sweep beside it (from
// whatIfSideBy cells) or below it.
func (s Model) whatIfBlock(w int, features []string) []string {
	if w >= whatIfSideBy {
		sweep := strings.Split(widget.Fit(s.sweepView(), s.sweep.Width(), s.sweep.Height()), "\n")
		return common.JoinColumns([][]string{features, sweep}, []int{whatIfFeaturesW(w), s.sweep.Width()}, 2)
	}
	out := append(append([]string{}, features...), "")
	return append(out, s.sweepLines()...)
}

// sweepLines are the lines of the sweep below the feature table: the
// bars of a categorical feature's levels take only the lines they fill,
// leaving the rest to the table.
func (s Model) sweepLines() []string {
	lines := strings.Split(s.sweepView(), "\n")
	for len(lines) > 1 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
