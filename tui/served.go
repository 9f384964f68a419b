package tui

import (
	"errors"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// servedSource is what a served session loads when its user asks for
// asked. The served file opens only as what the server serves it as, and
// with the server's label, log columns and date order unless the user chose
// others: read as another kind, or with its label asked again, the file's columns
// are shown and quoted as they are, its customer ids included, which
// --pseudonymise promises no session ever sees. Other sources are
// unchanged (the server's Opener refuses every other path).
func (m *Model) servedSource(asked experiment.Source) (experiment.Source, error) {
	served := m.opts.Source
	if !m.opts.Served || served.Path == "" || asked.Path != served.Path {
		return asked, nil
	}
	if asked.Kind != served.Kind {
		// The Data screen asks for the served file only as it is served (o);
		// this guards every other way a request could come.
		if served.Kind == "log" {
			return asked, errors.New(m.com.Tf("%s is served as an order log: o reloads it as one", "%s 以订单日志提供：按 o 按订单日志重新载入", served.Path))
		}
		return asked, errors.New(m.com.Tf("%s is served as a table: o reloads it as one", "%s 以表格提供：按 o 按表格重新载入", served.Path))
	}
	if asked.Label == "" {
		asked.Label = served.Label
	}
	if asked.LogColumns == (data.LogColumns{}) {
		asked.LogColumns = served.LogColumns
	}
	if asked.DateOrder == "" {
		asked.DateOrder = served.DateOrder
	}
	return asked, nil
}
