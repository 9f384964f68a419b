package experiment

import (
	"io"

	"github.com/retainlab/retain/data"
)

// OrderLogWarning reports a table read with a label (detected or named)
// whose file reads as an order log (data.LookLikeOrderLog): each of its
// lines is a row of its own, where reading it as a log would make one row
// per customer. A table without a label found is refused instead
// (data.LogLookError).
type OrderLogWarning struct {
	Path string
	Look data.LogLook
}

// String is the warning in English, with the command line's advice.
func (w *OrderLogWarning) String() string {
	return w.Path + ": " + w.Look.What() +
		": each line is read as a row of its own; give it with --log instead of --data for one row per customer, labelled by whether they order again"
}

// orderLogWarnings is an *OrderLogWarning for t, read from src, when t has
// a label and its input reads as an order log (read again, see lookAgain;
// an input that cannot be, such as standard input, gets none).
func orderLogWarnings(src Source, open Opener, again func() io.Reader, t *data.Table) []LoadWarning {
	if t.Label.Name == "" {
		return nil
	}
	if look, ok := lookAgain(src, open, again); ok {
		return []LoadWarning{&OrderLogWarning{Path: src.Path, Look: look}}
	}
	return nil
}
