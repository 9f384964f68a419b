package anomalyscreen

import (
	"fmt"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// retrainLines show the churn model trained with every user and without
// the flagged ones, both measured on the same held-out users: those not
// flagged, then all of them.
func (s Model) retrainLines() []string {
	c := s.retrain
	if c == nil {
		return nil
	}
	scheme := s.T("random split", "随机划分")
	if c.Scheme == experiment.OutOfTime {
		scheme = s.T("out of time", "跨时间验证")
	}
	head := s.Tf("Churn model trained without %s flagged users (%s → %s training rows, %s), measured on the same %s users:",
		"去掉 %s 个标记用户训练的流失模型（训练行 %s → %s，%s），在相同的%s用户上评估：",
		common.Thousands(c.Dropped), common.Thousands(c.TrainBefore), common.Thousands(c.TrainAfter), scheme, partName(s.Common, c.Part))
	if s.compactRetrain() {
		head = s.Tf("Without %s flagged in training · %s · same %s users:",
			"流失模型去掉 %s 个标记用户训练 · %s · 相同的%s用户：", common.Thousands(c.Dropped), scheme, partName(s.Common, c.Part))
	}
	lines := []string{s.Styles.Title.Render(head),
		s.populationLine(s.T("not flagged", "未标记"), c.Clean), s.Styles.Muted.Render(s.populationLine(s.T("all", "全部"), c.All))}
	if c.Fallback != nil {
		text := "Not out of time: " + c.Fallback.Error()
		if s.Zh() {
			text = s.FallbackReason(c.Fallback)
		}
		lines = append(lines, s.Styles.Warning.Render(text))
	}
	if v := s.verdictLine(c.Verdict()); v != "" {
		lines = append(lines, s.Styles.Value.Render(v))
	}
	return lines
}

// verdictLine says in words what the comparison on the users not flagged
// shows ("" when it could not be tested). The negligible verdict's bound
// is experiment.VerdictMinDiff, formatted from the constant.
func (s Model) verdictLine(v experiment.RetrainVerdict) string {
	compact := s.compactRetrain()
	switch v {
	case experiment.VerdictWorse:
		if compact {
			return s.T("So: worse without them (p < 0.05): they teach the model; keep them.",
				"结论：去掉后变差（p < 0.05）：他们对模型有用，应保留。")
		}
		return s.T("So: the model is worse without the flagged users (p < 0.05): they teach it something real; keep them in training.",
			"结论：去掉标记用户后模型变差（p < 0.05）：他们教给模型真实的规律，应留在训练中。")
	case experiment.VerdictBetter:
		if compact {
			return s.T("So: better without them (p < 0.05): review them; consider leaving them out.",
				"结论：去掉后变好（p < 0.05）：请复核他们，可考虑剔除。")
		}
		return s.T("So: the model is better without the flagged users (p < 0.05): review them, and consider training without them.",
			"结论：去掉标记用户后模型变好（p < 0.05）：请复核他们，并考虑不用他们训练。")
	case experiment.VerdictNegligible:
		if compact {
			return s.Tf("So: negligible (|Δ| < %g, though p < 0.05): no reason to act.",
				"结论：差异可忽略（|Δ| < %g，虽然 p < 0.05）：无需据此行动。", experiment.VerdictMinDiff)
		}
		return s.Tf("So: detectable (p < 0.05) but negligible (|Δ| < %g ROC AUC, one split, one seed): no reason to drop or keep them.",
			"结论：差异可检测（p < 0.05）但可忽略（ROC AUC 的 |Δ| < %g，仅一次划分、一个种子）：不足以据此剔除或保留标记用户。", experiment.VerdictMinDiff)
	case experiment.VerdictNoDifference:
		if compact {
			return s.T("So: no clear difference (p ≥ 0.05): leaving them out neither helps nor hurts.",
				"结论：差异不明显（p ≥ 0.05）：去掉他们既无帮助也无损害。")
		}
		return s.T("So: no clear difference (p ≥ 0.05): leaving the flagged users out neither helps nor hurts the model.",
			"结论：差异不明显（p ≥ 0.05）：去掉标记用户对模型既无帮助也无损害。")
	}
	return ""
}

// populationLine reads "not flagged 988: ROC AUC 0.843 [0.80–0.88] →
// 0.845 [...] · Δ +0.002 (p 0.41) · AP 0.61 → 0.62".
func (s Model) populationLine(name string, p experiment.RetrainPopulation) string {
	text := s.Tf("  %s %s: ", "  %s %s：", name, common.Thousands(p.Rows))
	if !p.OK {
		return text + s.T("one class only, no figures", "只有一个类别，无法评估")
	}
	if s.compactRetrain() {
		text += fmt.Sprintf("AUC %.3f → %.3f", p.Before.AUC, p.After.AUC)
		if t := p.Paired; t != nil {
			text += s.Tf(", Δ %s (p %s)", "，Δ %s（p %s）", common.Signed(t.Diff, 3), pValue(t.P))
		}
		return text + fmt.Sprintf(" · AP %.3f → %.3f", p.Before.AveragePrecision, p.After.AveragePrecision)
	}
	ci := func(f experiment.RetrainFigures) string {
		if f.AUCInterval == nil {
			return fmt.Sprintf("%.3f", f.AUC)
		}
		return fmt.Sprintf("%.3f [%.3f–%.3f]", f.AUC, f.AUCInterval.Low, f.AUCInterval.High)
	}
	text += s.Tf("ROC AUC %s → %s", "ROC AUC %s → %s", ci(p.Before), ci(p.After))
	if t := p.Paired; t != nil {
		text += s.Tf(" · Δ %s (paired p %s)", " · Δ %s（配对 p %s）", common.Signed(t.Diff, 3), pValue(t.P))
	}
	return text + s.Tf(" · AP %.3f → %.3f · accuracy %.3f → %.3f (majority %.3f)", " · AP %.3f → %.3f · 准确率 %.3f → %.3f（多数类 %.3f）",
		p.Before.AveragePrecision, p.After.AveragePrecision, p.Before.Accuracy, p.After.Accuracy, p.Majority)
}

// pValue reads "0.26", "< 0.01" below that, and near the verdict's 5 %
// level (0.01 to 0.1) three decimals, "0.049", so that a p-value under it
// never reads as 0.05 (four when three round it up to the level itself).
func pValue(p float64) string {
	switch {
	case p < 0.01:
		return "< 0.01"
	case p < 0.1:
		text := fmt.Sprintf("%.3f", p)
		if p < experiment.VerdictLevel && text == fmt.Sprintf("%.3f", experiment.VerdictLevel) {
			text = fmt.Sprintf("%.4f", p)
		}
		return text
	}
	return fmt.Sprintf("%.2f", p)
}

// compactRetrain reports whether the retraining's figures are drawn
// without intervals and accuracy, to fit a narrow screen.
func (s Model) compactRetrain() bool { return s.Width < 120 }

func partName(c common.Common, p experiment.Part) string {
	switch p {
	case experiment.TestPart:
		return c.T("test", "测试")
	case experiment.ValPart:
		return c.T("validation", "验证")
	case experiment.LaterPart:
		return c.T("later-cohort", "较晚队列")
	}
	return c.T("training", "训练")
}
