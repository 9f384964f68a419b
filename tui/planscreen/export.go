package planscreen

import (
	"context"
	"io"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// ExportOwner names the Plan screen in its exports' messages
// (exporter.Msg.For).
const ExportOwner = "plan"

// newExports returns the screen's export machinery.
func newExports() exporter.Model {
	return exporter.New(ExportOwner, exporter.Noun{En: "customers", Zh: "位客户"})
}

// contactList is the target list of the plan shown, as `retain plan
// --contacts-out` writes it (experiment.ContactList); it only reads shared,
// never changed data.
func (s *Model) contactList() experiment.ContactList {
	b := s.base
	return experiment.ContactList{Report: s.report, Segments: s.seg, Target: common.TargetFor(s.chosen, b.label),
		Scheme: s.scheme, Levers: s.shownLevers, IDs: b.customers.IDs, Explainer: b.customers.Explainer,
		Row: b.customers.X.RawRowView, Own: b.customers.Own}
}

// startExport writes the target list to path in a Cmd; a served session
// never writes at a path its client chose (see exporter.Model.Served).
func (s *Model) startExport(path string) tea.Cmd {
	if s.report == nil || s.seg == nil || s.base == nil || s.base.customers.Explainer == nil {
		return nil
	}
	l := s.contactList()
	// The outcome says whose list it is: the CSV has no notes to say it.
	noun := exporter.Noun{En: "customers", Zh: "位客户"}
	switch b := s.base; {
	case b.today || b.later:
		at := b.cutoff.Format(time.DateOnly)
		noun = exporter.Noun{En: "customers at " + at, Zh: "位客户（" + at + "）"}
	case s.everyoneNote() != "":
		noun = exporter.Noun{En: "validation customers", Zh: "位验证客户"}
	}
	s.out.SetNoun(noun)
	write := func(ctx context.Context, w io.Writer, progress func(done, total int)) (err error) {
		defer common.Recovered(&err)
		return l.Write(ctx, w, progress)
	}
	prefix := "retain-plan-"
	if b := s.base; b.today || b.later {
		prefix += b.cutoff.Format(time.DateOnly) + "-"
	}
	cmd, status := s.out.File(s.Common, path, prefix, l.Len(), write)
	s.status = status
	return cmd
}

// CloseExports cancels the export the screen is writing, if any (the
// session is ending).
func (s Model) CloseExports() { s.out.Close() }
