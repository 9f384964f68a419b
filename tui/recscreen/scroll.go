package recscreen

import (
	tea "charm.land/bubbletea/v2"
)

// metricsAlone reports whether the metrics fill the body on their own (a
// result, the window too small for the customers beside them, and v not
// pressed): then ↑/↓, pgup/pgdn and home/end scroll them.
func (s Model) metricsAlone() bool {
	return s.res != nil && !s.Alive() && !s.bothFit() && !s.showCust
}

// scrollKey moves the metrics by a line, a page or to an end; false when
// k is not a scrolling key.
func (s *Model) scrollKey(k tea.KeyPressMsg) bool {
	top, ok := s.scrollKeys.Scrolled(k, s.metricTop, max(1, s.Height/2), s.metricMost)
	s.metricTop = top
	return ok
}

// scrolledMetrics fits the metrics to h rows: the rest scrolls, with a
// line saying which are in view (common.ScrolledPage). It records the
// largest offset for the keys.
func (s *Model) scrolledMetrics(w, h int) []string {
	out, most := s.ScrolledPage(s.metricLines(w), nil, 0, s.metricTop, h, w)
	s.metricMost = most
	s.metricTop = min(max(s.metricTop, 0), most)
	return out
}
