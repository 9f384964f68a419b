package anomalyscreen

import (
	"fmt"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/anomaly"
	"github.com/retainlab/retain/tui/common"
)

// evaluationHeight is how many lines evaluationLines takes, without
// rendering them: a title, a header and the autoencoder, raw error (when
// the score is smoothed) and baseline rows.
func (s Model) evaluationHeight() int {
	if s.res == nil || s.res.Evaluation == nil {
		return 0
	}
	if s.res.Evaluation.Error != nil {
		return 5
	}
	return 4
}

// evaluationLines compare the network and the baseline with the truth:
// ROC AUC, average precision, precision@k and recall per archetype in the
// top 2k.
func (s Model) evaluationLines() []string {
	ev := s.res.Evaluation
	if ev == nil {
		return nil
	}
	st := s.Styles
	title := s.Tf("Against %s: %s abusive (k), recall per archetype in the top 2k", "对照 %s：%s 个作弊用户（k），各类型在前 2k 名中的召回率",
		ev.Truth, common.Thousands(ev.Positives))
	head := common.Pad("", 12) + common.PadLeft("ROC AUC", 8) + common.PadLeft("AP", 7) + common.PadLeft("P@k", 6)
	for _, r := range ev.Network.Recall {
		head += "  " + s.archetypeName(r.Archetype)
	}
	row := func(name string, m anomaly.Metrics) string {
		text := common.Pad(name, 12) + fmt.Sprintf("%8.3f%7.3f%6.2f", m.AUC, m.AveragePrecision, m.PrecisionAtK)
		for _, r := range m.Recall {
			text += "  " + common.PadLeft(fmt.Sprintf("%.2f", r.Recall), ansi.StringWidth(s.archetypeName(r.Archetype)))
		}
		return text
	}
	lines := []string{st.Title.Render(title), st.Header.Render(head), row(s.T("autoencoder", "自编码器"), ev.Network)}
	if ev.Error != nil {
		lines = append(lines, st.Muted.Render(row(s.T("raw error", "原始误差"), *ev.Error)))
	}
	return append(lines, st.Muted.Render(row(s.T("baseline", "基线"), ev.Baseline)))
}
