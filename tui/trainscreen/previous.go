package trainscreen

import (
	"github.com/retainlab/retain/tui/common"
)

// previousFigure is which of the previous run's epoch figures the loss
// chart overlays: one that compares like with like with the current
// run's curves, whose validation curve is the loss weighted by the run's
// positive-class weight (engine.EpochStats.ValLoss).
type previousFigure int

const (
	prevNone       previousFigure = iota // no figure compares: none drawn
	prevValLoss                          // the same weight: its weighted validation loss
	prevValLogLoss                       // the current run weighs rows 1: its val log loss, every row weighing 1 (as the Runs screen compares)
	prevTrainLoss                        // no validation part, the same weight: its epochs' training loss
)

// previousLoss chooses the previous run's figure for the loss chart.
// Weighted losses compare only between runs that weigh rows alike; the
// validation log loss with every row weighing 1 (EpochStats.ValLogLoss)
// compares with a current run whose weight is 1.
func (s Model) previousLoss() previousFigure {
	if len(s.prev) == 0 {
		return prevNone
	}
	cur, prev := s.runCfg.Train.PositiveWeight(), s.prevCfg.Train.PositiveWeight()
	switch {
	case !s.prev[0].HasVal && cur == prev:
		return prevTrainLoss
	case !s.prev[0].HasVal:
		return prevNone
	case cur == prev:
		return prevValLoss
	case cur == 1:
		return prevValLogLoss
	}
	return prevNone
}

// setPreviousLoss draws the previous run's figure (previousLoss) dimmed
// on the loss chart, named in its legend.
func (s *Model) setPreviousLoss() {
	fig := s.previousLoss()
	var xs, ys []float64
	for _, e := range s.prev {
		y := e.TrainLoss
		switch fig {
		case prevNone:
			continue
		case prevValLoss:
			y = e.ValLoss
		case prevValLogLoss:
			y = e.ValLogLoss
		}
		xs, ys = append(xs, float64(e.Epoch)), append(ys, y)
	}
	s.loss.SetPrevious(xs, ys, s.previousName(fig))
}

// previousName is the legend entry of the previous run's figure.
func (s Model) previousName(fig previousFigure) string {
	switch fig {
	case prevValLoss:
		if s.runCfg.Train.PositiveWeight() == 1 {
			return s.T("previous run: val log loss", "上一次训练：验证对数损失")
		}
		return s.Tf("previous run: val loss (weight %s)", "上一次训练：验证损失（权重 %s）", common.Number(s.runCfg.Train.PositiveWeight()))
	case prevValLogLoss:
		return s.T("previous run: val log loss", "上一次训练：验证对数损失")
	case prevTrainLoss:
		return s.T("previous run: train loss", "上一次训练：训练损失")
	}
	return ""
}

// previousNote says why the previous run's loss is not drawn ("" when it
// is or there is none): its rows were weighed otherwise.
func (s Model) previousNote() string {
	if len(s.prev) == 0 || s.previousLoss() != prevNone {
		return ""
	}
	return s.Tf("loss not drawn: positive weight %s, now %s (Runs compares the val log loss)",
		"损失未绘出：正类权重 %s，本次 %s（可在“运行”页比较验证对数损失）",
		common.Number(s.prevCfg.Train.PositiveWeight()), common.Number(s.runCfg.Train.PositiveWeight()))
}
