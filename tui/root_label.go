package tui

import (
	"errors"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// askLabel turns a table whose label column was not recognised into the
// Data screen's question instead of a refusal, and asks again, saying why,
// when the column chosen there cannot be the label. It reports whether it
// asked; the data loaded before stay as they were. A file whose first
// line is a title above the header, or that reads as an order log, is
// refused instead, saying so. The answer comes back
// as a datascreen.OpenMsg, or a datascreen.LabelCancelMsg that shows the
// refusal.
func (m *Model) askLabel(msg loadedMsg) bool {
	if msg.err == nil || msg.src.Kind != "csv" {
		return false
	}
	var notFound *data.LabelNotFoundError
	var look *data.LogLookError
	switch {
	case errors.As(msg.err, &notFound) && notFound.TitleAbove > 0:
		// The first line is a title, not the header: no column of it is
		// the label, and the refusal says which line is.
		return false
	case errors.As(msg.err, &look):
		// An order log opened as a table: none of its columns is the
		// label, and the refusal says to open it as a log.
		return false
	case errors.As(msg.err, &notFound):
		var why common.Said
		if msg.asked != nil {
			why = m.com.SayIn(func(c common.Common) string { return c.ErrorText(msg.err) })
		}
		m.dataScr.AskLabel(msg.src, notFound.Offered(nil), why, msg.err)
	case msg.asked != nil:
		// The chosen column was read and refused (one class, many, blanks).
		m.dataScr.AskLabel(msg.src, msg.asked, m.com.SayIn(func(c common.Common) string { return c.ErrorText(msg.err) }), msg.err)
	default:
		return false
	}
	return true
}
