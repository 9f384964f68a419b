package tui

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
)

// exportReasons is how many reasons each exported user gets.
const exportReasons = 3

// exportDoneMsg says an export finished.
type exportDoneMsg struct {
	path string
	rows int
	err  error
}

// startExport writes the shown users to path in a Cmd.
func (s *usersScreen) startExport(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	if path == "" {
		s.status = "✗ no file name given"
		return nil
	}
	u := s.list.users
	if u == nil || u.exp == nil {
		return nil
	}
	rows := s.list.shown // read only: the list replaces, never edits, it
	s.status = fmt.Sprintf("exporting %s users to %s…", thousands(len(rows)), path)
	return func() tea.Msg {
		err := experiment.WriteFileAtomic(path, func(w io.Writer) error { return writeUsersCSV(w, u, rows) })
		return exportDoneMsg{path: path, rows: len(rows), err: err}
	}
}

// writeUsersCSV writes one line per user: id, probability and the top
// reasons, each as "column = value (+attribution)".
func writeUsersCSV(w io.Writer, u *usersData, rows []int32) (err error) {
	defer recovered(&err)
	cw := csv.NewWriter(w)
	idName := "row"
	if n := u.exp.Pipeline.IDName; n != "" {
		idName = n
	}
	header := []string{idName, "probability_" + u.risk.label + "_" + u.risk.positive}
	for k := range exportReasons {
		header = append(header, "reason_"+strconv.Itoa(k+1))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	x := u.explainer
	rec := make([]string, len(header))
	for _, r := range rows {
		in, err := u.exp.Row(int(r))
		if err != nil {
			return err
		}
		ex, err := x.Explain(in)
		if err != nil {
			return err
		}
		rec[0] = u.id(int(r))
		rec[1] = strconv.FormatFloat(u.prob[r], 'f', 6, 64)
		for k := range exportReasons {
			rec[2+k] = ""
			if k < len(ex.Reasons) {
				rs := ex.Reasons[k]
				rec[2+k] = fmt.Sprintf("%s = %s (%s)", rs.Column, rs.Value, strconv.FormatFloat(rs.Attribution, 'f', 4, 64))
				if rs.Attribution >= 0 {
					rec[2+k] = fmt.Sprintf("%s = %s (+%s)", rs.Column, rs.Value, strconv.FormatFloat(rs.Attribution, 'f', 4, 64))
				}
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// exported reports how an export went.
func (s *usersScreen) exported(msg exportDoneMsg) {
	if msg.err != nil {
		s.status = "✗ export failed: " + msg.err.Error()
		return
	}
	s.status = fmt.Sprintf("✓ wrote %s users to %s", thousands(msg.rows), msg.path)
}
