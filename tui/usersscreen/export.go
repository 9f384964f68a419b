package usersscreen

import (
	"context"
	"io"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// exportReasons is how many reasons each exported user gets.
const exportReasons = 3

// ExportOwner names the Users screen in its exports' messages
// (exporter.Msg.For).
const ExportOwner = "users"

// newExports returns the screen's export machinery.
func newExports() exporter.Model {
	return exporter.New(ExportOwner, exporter.Noun{En: "users", Zh: "个用户"})
}

// startExport writes the shown users to path in a Cmd; a served session
// never writes at a path its client chose (see exporter.Model.Served).
func (s *Model) startExport(path string) tea.Cmd {
	u := s.list.users
	if u == nil || u.exp == nil {
		return nil
	}
	rows, threshold := s.list.shown, s.list.threshold // read only: the list replaces, never edits, it
	prefix := "retain-users-"
	if u.current != nil {
		prefix = "retain-current-"
	}
	cmd, status := s.out.File(s.Common, path, prefix, len(rows), func(ctx context.Context, w io.Writer, progress func(int, int)) error {
		return writeUsersCSV(ctx, w, u, rows, threshold, progress)
	})
	s.status = status
	return cmd
}

// writeUsersCSV writes the users in rows as a scores CSV (the format of
// `retain predict`), each with its top reasons.
func writeUsersCSV(ctx context.Context, w io.Writer, u *usersData, rows []int32, threshold float64, progress func(done, total int)) (err error) {
	defer common.Recovered(&err)
	idx := make([]int, len(rows))
	for i, r := range rows {
		idx[i] = int(r)
	}
	o := u.exp.ExportOptions(0, threshold)
	o.Reasons, o.Explainer, o.Progress = exportReasons, u.explainer, progress
	o.History = u.current != nil // the current customers' short-history marks
	return experiment.WriteScoresCSV(ctx, w, u.exp.ExportRows(u.scores, idx), o)
}

// exportNews takes the news of an export.
func (s *Model) exportNews(msg exporter.Msg) tea.Cmd {
	cmd, status, set := s.out.Update(s.Common, msg)
	if set {
		s.status = status
	}
	return cmd
}

// shownKey handles keys while an export is on screen.
func (s *Model) shownKey(k tea.KeyPressMsg) tea.Cmd {
	cmd, status, set := s.out.ShownKey(s.shownKeys, k, s.Height-usersHeaderH)
	if set {
		s.status = status
	}
	return cmd
}

// CloseExports cancels the export the screen is writing, if any (the
// session is ending).
func (s Model) CloseExports() { s.out.Close() }
