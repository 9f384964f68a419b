package evalscreen

import (
	"github.com/retainlab/retain/tui/common"
)

// Sizes of the Evaluate screen's parts.
const (
	evalMetricNameW = 20 // the metrics table's names
	evalBayesW      = 15 // its best possible column (built-in data)
	evalColumnGap   = 4  // between the metrics table and the confusion matrix
	evalGainsW      = 31 // the gains table beside the charts
	// evalMinChartsH is the least height the overview leaves its charts:
	// the gains table beside them (a title, its outcome, a header and ten
	// deciles) fits, and each chart has rows enough to read.
	evalMinChartsH = 13
)

// evalAllOnOne reports whether a w×h window is large enough for every part
// but the importance on one page.
func evalAllOnOne(w, h int) bool { return w >= 118 && h >= 34 }

// allOnOne reports whether the overview shows every part but the
// importance on one page: the window is large enough, and the lines above
// the charts (an order log's and a diverged run's are longer) leave them
// evalMinChartsH rows. render measures it (overview) with the view it
// draws, so the keys and help read it without building the page again.
func (s Model) allOnOne() bool { return s.onePage }

// overview is allOnOne with, when it holds and data is loaded, the lines
// above the charts it measured (overviewTop), so render need not build
// them again.
func (s Model) overview() (top []string, ok bool) {
	if !evalAllOnOne(s.Width, s.Height) {
		return nil, false
	}
	if s.data == nil {
		return nil, true
	}
	top = s.overviewTop(s.Width)
	if s.Height-len(top) < evalMinChartsH {
		return nil, false
	}
	return top, true
}

// overviewTop is everything the overview puts above the charts: the head,
// the metrics table with the confusion matrix, an order log's lines and the
// gains sentence, each block followed by an empty line.
func (s Model) overviewTop(w int) []string {
	lines := s.headLines(w)
	lines = append(lines, s.summaryLines(w)...)
	lines = append(lines, "")
	if sentence := s.sentence(w); sentence != nil {
		lines = append(lines, sentence...)
		lines = append(lines, "")
	}
	return lines
}

// summaryLines are the metrics table and the confusion matrix with an
// order log's lines: side by side when the matrix fits whole beside the
// table (its notes wrap to the room left), otherwise the matrix under the
// table and the log's lines, so that no figure is cut.
func (s Model) summaryLines(w int) []string {
	mw := s.metricsW()
	if cw := w - mw - evalColumnGap; cw >= s.confusionW() {
		lines := common.JoinColumns([][]string{s.metricsLines(mw), s.confusionLines(cw)}, []int{mw, cw}, evalColumnGap)
		return append(lines, s.logLines(w)...)
	}
	lines := s.metricsLines(w)
	lines = append(lines, s.logLines(w)...)
	lines = append(lines, "")
	return append(lines, s.confusionLines(w)...)
}

// layoutCharts sizes the ROC and calibration charts to share w×h side by
// side, and redraws them.
func (s *Model) layoutCharts(w, h int) {
	half := max((w-2)/2, 0)
	s.roc.SetSize(half, max(h, 0))
	s.calib.SetSize(max(w-2-half, 0), max(h, 0))
	// Side by side, both legends take as many lines as the longer needs,
	// so the plots stay level.
	n := max(s.roc.LegendLines(), s.calib.LegendLines())
	s.roc.SetLegendLines(n)
	s.calib.SetLegendLines(n)
	s.roc.Redraw()
	s.calib.Redraw()
}
