package engine

import (
	"errors"
	"fmt"
)

// Sentinel errors, checked with errors.Is.
var (
	ErrConfig            = errors.New("engine: invalid configuration")
	ErrUnknownActivation = errors.New("engine: unknown activation")
	ErrShape             = errors.New("engine: shape mismatch")
	ErrNotFinite         = errors.New("engine: value is not finite")
	ErrDiverged          = errors.New("engine: training diverged")
	ErrNoData            = errors.New("engine: no training rows")
)

// DivergedError reports where training diverged. It matches ErrDiverged with
// errors.Is. The network keeps the last finite weights.
type DivergedError struct {
	Epoch, Batch int // 1-based
	Loss         float64
	Reason       string // "loss NaN", "loss +Inf", "loss exploded", "weights not finite"
}

// Error implements error.
func (e *DivergedError) Error() string {
	return fmt.Sprintf("engine: training diverged at epoch %d, batch %d (%s)", e.Epoch, e.Batch, e.Reason)
}

// Is makes errors.Is(err, ErrDiverged) true.
func (e *DivergedError) Is(target error) bool { return target == ErrDiverged }
