package experiment

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
)

// A model trained on an order log keeps, in its "source", how its rows were
// made from the log: kind "log", the cutoff it was trained at, the label
// horizon in days and the log column roles given (--log-columns). Scoring
// another log (or a later cutoff of the same one) must build the rows the
// same way, above all with the same horizon, or the figures reported under
// the model's label name describe another question.

// LogHorizon returns the label horizon in days of a model trained on an
// order log, and false for any other model. A file that does not record
// the horizon (hand-written, or older than the field) falls back to the
// one in its label name, orders_again_<N>d, then to the default.
func (b *Bundle) LogHorizon() (int, bool) {
	if b.Source.Kind != "log" {
		return 0, false
	}
	if b.Source.HorizonDays > 0 {
		return b.Source.HorizonDays, true
	}
	if s, ok := strings.CutPrefix(b.Label.Name, "orders_again_"); ok {
		if n, err := strconv.Atoi(strings.TrimSuffix(s, "d")); err == nil && n > 0 && n <= data.MaxHorizonDays {
			return n, true
		}
	}
	return data.DefaultHorizonDays, true
}

// name is the model's file name for messages, "the model" when built in
// memory.
func (b *Bundle) name() string {
	if b.File == "" {
		return "the model"
	}
	return b.File
}

// ForLog returns src, an order-log source to score with the model, made the
// way the model's rows were made: the model's horizon, and its log column
// roles unless src gives its own, and its feature set (Source.Features),
// marked as scored so that its load skips the leak check. It refuses
// (ErrSource) a model that was not trained on an order log and a horizon
// other than the model's.
func (b *Bundle) ForLog(src Source) (Source, error) {
	horizon, ok := b.LogHorizon()
	if !ok {
		return src, mismatch("%s was trained on %s, not on an order log, so it cannot score --log %s: give it a per-user table with --data",
			b.name(), b.SourceDescription, src.Path)
	}
	if src.HorizonDays != 0 && src.HorizonDays != horizon {
		return src, mismatch("--horizon of %d days disagrees with %s, which was trained to predict orders within %d days (label %s): leave --horizon out and the model's own horizon is used",
			src.HorizonDays, b.name(), horizon, b.Label.Name)
	}
	src.HorizonDays = horizon
	if src.LogColumns == (data.LogColumns{}) {
		src.LogColumns = b.Source.LogColumns
	}
	// The model's log wrote its dates in this order; a log whose own
	// dates show another is read in that one.
	if src.DateOrder == "" {
		src.DateOrderIfUnknown = b.Source.DateOrder
	}
	if src.Features.BTYD && !b.Source.Features.BTYD {
		return src, mismatch("--btyd-features disagrees with %s, which was trained without the BG/NBD inputs: leave the flag out and the model's own features are built",
			b.name())
	}
	// The model's own feature set; a file older than the record was made
	// with the first set.
	src.Features = b.Source.Features
	if src.Features.isZero() {
		src.Features = LogFeatures{Version: 1}
	}
	src.scoring = true
	return src, nil
}

// ForTable refuses (ErrSource) to score a per-user table with a model
// trained on an order log: its label comes from the log and a horizon.
func (b *Bundle) ForTable(path string) error {
	if _, ok := b.LogHorizon(); ok {
		log := "the order log " + b.Source.Path
		if b.Source.Path == "" {
			log = "an order log (path not stored)"
		}
		return mismatch("%s was trained on %s, so it cannot score --data %s: give it an order log with --log (and --cutoff), which builds its rows the same way",
			b.name(), log, path)
	}
	return nil
}

// ShortLogError reports an order log that ends before cutoff + horizon, so
// the label of some customers cannot be known. With UpToToday, the log has
// lines dated after today, which move no end (data.OrderLog.LastKnown):
// Last is its last date up to today.
type ShortLogError struct {
	Path        string
	First, Last time.Time // the log's first and last dates
	Cutoff      time.Time
	HorizonDays int
	UpToToday   bool
}

// Error implements error.
func (e *ShortLogError) Error() string {
	need := e.Cutoff.AddDate(0, 0, e.HorizonDays)
	latest := e.Last.AddDate(0, 0, -e.HorizonDays)
	ends := "ends"
	if e.UpToToday {
		ends = "ends, up to today,"
	}
	s := fmt.Sprintf("%s %s %s: a %d-day label from cutoff %s needs orders up to %s",
		e.Path, ends, e.Last.Format(time.DateOnly), e.HorizonDays, e.Cutoff.Format(time.DateOnly), need.Format(time.DateOnly))
	if latest.Before(e.First) {
		return s + fmt.Sprintf("; the log starts %s, so it is too short for this horizon", e.First.Format(time.DateOnly))
	}
	return s + "; choose a cutoff on or before " + latest.Format(time.DateOnly)
}

// Is makes errors.Is(err, ErrSource) true.
func (e *ShortLogError) Is(target error) bool { return target == ErrSource }

// CompleteLabels refuses (a *ShortLogError) an order-log cohort whose label
// window runs past the log's last date up to today
// (data.CohortReport.LastKnown); other data pass.
func CompleteLabels(d *Data) error {
	if d.Cohort == nil || !d.Cohort.HorizonTruncated {
		return nil
	}
	c := d.Cohort
	return &ShortLogError{Path: d.Source.Path, First: c.First, Last: c.LastKnown,
		Cutoff: c.Cutoff, HorizonDays: c.HorizonDays, UpToToday: !c.LastKnown.Equal(c.Last)}
}

// MismatchError is a refusal to score data the model's rows were not made
// like; errors.Is(err, ErrSource) is true.
type MismatchError struct{ Reason string }

// Error implements error.
func (e *MismatchError) Error() string { return e.Reason }

// Is makes errors.Is(err, ErrSource) true.
func (e *MismatchError) Is(target error) bool { return target == ErrSource }

func mismatch(format string, args ...any) error {
	return &MismatchError{Reason: fmt.Sprintf(format, args...)}
}
