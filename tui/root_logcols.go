package tui

import (
	"errors"

	"github.com/retainlab/retain/data"
)

// askLogColumns turns an order log whose columns could not be resolved
// (no customer id or date column found, its columns not told apart) into
// the Data screen's column chooser on its header, instead of a refusal
// whose advice is the command line's --log-columns. It reports whether it
// asked; the data loaded before stay as they were. A log read from
// standard input (it cannot be read again), or with pseudonymised customer
// ids (common.Common.ColumnsChoosable), is refused as before. The answer
// comes back as a datascreen.OpenMsg, or a datascreen.LabelCancelMsg that
// shows the refusal.
func (m *Model) askLogColumns(msg loadedMsg) bool {
	if msg.err == nil || msg.src.Kind != "log" || msg.src.Path == "-" || !m.com.ColumnsChoosable() {
		return false
	}
	var pe *data.ParseError
	if !errors.As(msg.err, &pe) {
		return false
	}
	unknown, ok := pe.Facts.(data.LogColumnsUnknown)
	if !ok {
		return false
	}
	m.dataScr.ChooseLogColumns(msg.src, unknown, msg.err)
	return true
}
