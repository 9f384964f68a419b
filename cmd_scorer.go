package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/retainlab/retain/experiment"
)

// scorerVar registers --scorer, the model that scores an order log's
// customers: the model file's network, or BG/NBD.
func scorerVar(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "scorer", experiment.ScorerNetwork, "what scores --log's customers: `network|bgnbd` (bgnbd: BG/NBD's P(at least one order in the model's horizon), "+
		"fitted on the log up to the cutoff; no reasons or levers)")
}

// checkScorer refuses a --scorer other than network or bgnbd, and bgnbd
// without --log (BG/NBD is fitted on an order log). It reports whether
// BG/NBD scores.
func checkScorer(scorer, log string) (bool, error) {
	switch scorer {
	case experiment.ScorerNetwork, "":
		return false, nil
	case experiment.ScorerBGNBD:
		if log == "" {
			return false, usageError(errors.New("--scorer bgnbd applies to --log: BG/NBD is fitted on an order log's purchases"))
		}
		return true, nil
	}
	return false, usageError(fmt.Errorf("--scorer %q: want network or bgnbd", scorer))
}

// scoreBGNBD replaces the network's scores s of the current customers cur
// with BG/NBD's (experiment.ScoreCurrentBGNBD) in the model's horizon, and
// says on stderr what scored them.
func scoreBGNBD(ctx context.Context, a *app, b *experiment.Bundle, cur *experiment.Current, s *experiment.Scored) (*experiment.Scored, error) {
	out, _, err := scoreBGNBDFit(ctx, a, b, cur, s)
	return out, err
}

// bgnbdScoring is what scored a plan's customers under --scorer bgnbd.
type bgnbdScoring struct {
	fit         experiment.BGNBDFit
	horizonDays int
	cutoff      time.Time
}

// scoreBGNBDFit is scoreBGNBD that also returns the fit.
func scoreBGNBDFit(ctx context.Context, a *app, b *experiment.Bundle, cur *experiment.Current, s *experiment.Scored) (*experiment.Scored, *bgnbdScoring, error) {
	h, ok := b.LogHorizon()
	if !ok {
		return nil, nil, usageError(fmt.Errorf("--scorer bgnbd: %s was not trained on an order log, so it has no horizon", b.File))
	}
	out, bg, err := experiment.ScoreCurrentBGNBD(ctx, cur, s, h)
	if errors.Is(err, experiment.ErrBaseline) { // the log's history, not a failure of retain
		return nil, nil, usageError(fmt.Errorf("--scorer bgnbd: %w; score with the network (--scorer network)", err))
	}
	if err != nil {
		return nil, nil, fmt.Errorf("--scorer bgnbd: %w", err)
	}
	fmt.Fprintf(a.stderr, "note: %s\n", bgnbdScoredNote(bg.Fit, h, cur.Source.Cutoff))
	return out, &bgnbdScoring{fit: bg.Fit, horizonDays: h, cutoff: cur.Source.Cutoff}, nil
}

// bgnbdScoredNote says the probabilities are BG/NBD's, of what, fitted on
// which history, and that the network's reasons and levers do not apply.
func bgnbdScoredNote(fit experiment.BGNBDFit, horizonDays int, cutoff time.Time) string {
	return fmt.Sprintf("scored by BG/NBD (--scorer bgnbd): P(at least one order within %d days after %s), fitted on %s; "+
		"the model file gives the horizon and the customers, not the probabilities, so its reasons, levers and validation figures do not apply",
		horizonDays, cutoff.Format(time.DateOnly), describeBGNBD(fit))
}
