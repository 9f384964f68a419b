package experiment

import "github.com/retainlab/retain/data"

// DateOrderWarning reports a log whose dates written with the year last
// were read in the order that only a few of them show
// (data.WeakDateOrder): one mistyped line can turn a month-first log's
// calendar day first.
type DateOrderWarning struct {
	data.WeakDateOrder
}

// String is the warning in English.
func (w *DateOrderWarning) String() string { return w.WeakDateOrder.String() }

// dateOrderWarnings is the DateOrderWarning of log, if its date order
// rests on few of its dates.
func dateOrderWarnings(log *data.OrderLog) []LoadWarning {
	if w := log.WeakDateOrder(); w != nil {
		return []LoadWarning{&DateOrderWarning{*w}}
	}
	return nil
}
