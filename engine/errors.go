package engine

import (
	"errors"
	"fmt"
)

// Sentinel errors, checked with errors.Is. Like every error this package
// returns, their text has no "engine: " prefix: it reaches the user as it
// is, on the command line and in the TUI. Only panics (programming errors)
// name the package.
var (
	ErrConfig            = errors.New("invalid configuration")
	ErrUnknownActivation = errors.New("unknown activation")
	ErrShape             = errors.New("shape mismatch")
	ErrNotFinite         = errors.New("value is not finite")
	ErrDiverged          = errors.New("training diverged")
	ErrNoData            = errors.New("no training rows")
)

// DivergeCause says what made training stop as diverged, so that callers
// can word it in their own language without parsing Reason.
type DivergeCause int

// The causes of a divergence.
const (
	CauseUnknown           DivergeCause = iota
	CauseLossNaN                        // a batch's loss was NaN
	CauseLossInf                        // a batch's loss was ±Inf (the sign is Loss's)
	CauseLossExploded                   // a batch's loss passed Factor × FirstLoss
	CauseGradientNotFinite              // a gradient value was NaN or ±Inf
	CauseWeightsNotFinite               // a weight was NaN or ±Inf at the end of an epoch
	CauseValidationLoss                 // the validation loss was NaN or ±Inf
)

// DivergedError reports where training diverged. It matches ErrDiverged with
// errors.Is. The network keeps the last finite weights.
type DivergedError struct {
	Epoch, Batch int // 1-based
	Loss         float64
	Cause        DivergeCause
	// Factor and FirstLoss are set for CauseLossExploded: the loss passed
	// Factor times the first batch's loss, FirstLoss.
	Factor, FirstLoss float64
	Reason            string // Cause in English: "loss NaN", "loss +Inf", "gradient not finite", …
}

// Error implements error.
func (e *DivergedError) Error() string {
	return fmt.Sprintf("training diverged at epoch %d, batch %d (%s)", e.Epoch, e.Batch, e.Reason)
}

// Is makes errors.Is(err, ErrDiverged) true.
func (e *DivergedError) Is(target error) bool { return target == ErrDiverged }

// reasonOf words a cause in English, the text of DivergedError.Reason.
func reasonOf(e *DivergedError) string {
	switch e.Cause {
	case CauseLossNaN:
		return "loss NaN"
	case CauseLossInf:
		return fmt.Sprintf("loss %v", e.Loss)
	case CauseLossExploded:
		return fmt.Sprintf("loss %.4g exploded past %g× the first batch's %.4g", e.Loss, e.Factor, e.FirstLoss)
	case CauseGradientNotFinite:
		return "gradient not finite"
	case CauseWeightsNotFinite:
		return "weights not finite"
	case CauseValidationLoss:
		return "validation loss not finite"
	}
	return "unknown cause"
}
