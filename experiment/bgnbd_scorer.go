package experiment

import (
	"context"
	"fmt"
)

// Scorer names of an order log's customers' scores (`--scorer`): the
// model file's network, or BG/NBD fitted on the log up to the cutoff.
const (
	ScorerNetwork = "network"
	ScorerBGNBD   = "bgnbd"
)

// ScoreCurrentBGNBD scores the current customers c with BG/NBD in place of
// a network: each customer's P(at least one order in the horizon of
// horizonDays), BG/NBD fitted on c's log from its first date up to c's
// cutoff (BGNBDBaseline, the model backtest sets beside the network). s
// are the network's scores of the same rows (Bundle.ScoreCurrent, which
// checks the rows are the model's); the result is s with BG/NBD's
// probabilities, its classes cut at s's threshold, no calibration, and no
// inputs to explain (X nil): reasons and levers are the network's, and
// would not explain these scores. The positive class of an order log's
// label is "orders in the horizon", so P(no order), the prevent target's,
// is 1 − P.
func ScoreCurrentBGNBD(ctx context.Context, c *Current, s *Scored, horizonDays int) (*Scored, *BGNBDScores, error) {
	bg, err := bgnbdBaseline(ctx, c.Log, c.Table, c.Source.Cutoff, horizonDays)
	if err != nil {
		return nil, nil, err
	}
	if len(bg.PAny) != len(s.Probabilities) {
		return nil, nil, fmt.Errorf("%w: %d BG/NBD scores for %d customers", ErrBaseline, len(bg.PAny), len(s.Probabilities))
	}
	out := *s
	out.Probabilities = append([]float64(nil), bg.PAny...)
	out.Predicted = make([]string, len(out.Probabilities))
	for i, p := range out.Probabilities {
		out.Predicted[i] = s.Negative
		if p >= s.Threshold {
			out.Predicted[i] = s.Positive
		}
	}
	out.Uncalibrated, out.Calibration, out.X = nil, nil, nil
	out.Beyond, out.Blank, out.CellNotes = nil, nil, nil
	return &out, bg, nil
}
