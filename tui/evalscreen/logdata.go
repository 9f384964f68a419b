package evalscreen

import (
	"time"

	"github.com/retainlab/retain/experiment"
)

// logData is what the Evaluate screen adds for a run on an order log: the
// out-of-time evaluation and BG/NBD on the same customers.
type logData struct {
	isLog bool
	// later is the evaluation on the customers at the cutoff (out of time
	// only); scheme and fallback say how the run was validated.
	later    *experiment.Evaluation
	scheme   experiment.Scheme
	fallback *experiment.OutOfTimeError
	// trained is the earlier cohort an out-of-time run trained on; cutoff
	// is the loaded cohort's.
	trained *experiment.Data
	cutoff  time.Time
	// bgnbd is BG/NBD on the customers of the main part; bgErr says why
	// it could not be fitted.
	bgnbd *experiment.BaselineEvaluation
	bgErr error
	// btyd says the network had BG/NBD's outputs as inputs.
	btyd bool
}

// evaluate fills the order log's figures of e (nothing for other data).
func (l *logData) evaluate(e *experiment.Experiment, threshold float64) error {
	if e.Loaded().Log == nil {
		return nil
	}
	l.isLog, l.scheme, l.fallback = true, e.Scheme(), e.Fallback
	l.cutoff, l.btyd = e.Loaded().Cohort.Cutoff, e.Loaded().Source.Features.BTYD
	if e.Later != nil {
		ev, err := e.Evaluate(experiment.LaterPart, threshold)
		if err != nil {
			return err
		}
		l.later, l.trained = &ev, e.Data
	}
	l.bgnbd, l.bgErr = e.BGNBD(threshold)
	return nil
}
