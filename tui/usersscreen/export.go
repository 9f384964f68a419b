package usersscreen

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// exportReasons is how many reasons each exported user gets.
const exportReasons = 3

// ExportDoneMsg says an export finished.
type ExportDoneMsg struct {
	path   string // the file, or its generated name in the export folder (served)
	rows   int
	err    error
	served bool
}

// startExport writes the shown users to path in a Cmd.
func (s *Model) startExport(path string) tea.Cmd {
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
	s.status = fmt.Sprintf("exporting %s users to %s…", common.Thousands(len(rows)), path)
	return func() tea.Msg {
		err := experiment.WriteFileAtomic(path, func(w io.Writer) error { return writeUsersCSV(w, u, rows) })
		return ExportDoneMsg{path: path, rows: len(rows), err: err}
	}
}

// writeUsersCSV writes one line per user: id, probability and the top
// reasons, each as "column = value (+attribution)".
func writeUsersCSV(w io.Writer, u *usersData, rows []int32) (err error) {
	defer common.Recovered(&err)
	cw := csv.NewWriter(w)
	idName := "row"
	if n := u.exp.Pipeline.IDName; n != "" {
		idName = n
	}
	header := []string{idName, "probability_" + u.risk.Label + "_" + u.risk.Positive}
	for k := range exportReasons {
		header = append(header, "reason_"+strconv.Itoa(k+1))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	// Explanations dominate (about 0.1 ms a user): compute each block of
	// rows on every core, then write the block in order.
	const block = 2048
	recs := make([][]string, block)
	for i := range recs {
		recs[i] = make([]string, len(header))
	}
	workers := max(runtime.GOMAXPROCS(0), 1)
	for start := 0; start < len(rows); start += block {
		chunk := rows[start:min(start+block, len(rows))]
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				defer common.Recovered(&errs[w])
				for i := w; i < len(chunk); i += workers {
					if errs[w] = exportRecord(recs[i], u, int(chunk[i])); errs[w] != nil {
						return
					}
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		for i := range chunk {
			if err := cw.Write(recs[i]); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// exportRecord fills rec with one user's id, probability and top reasons,
// each as "column = value (+attribution)".
func exportRecord(rec []string, u *usersData, r int) error {
	in, err := u.exp.Row(r)
	if err != nil {
		return err
	}
	ex, err := u.explainer.Explain(in)
	if err != nil {
		return err
	}
	rec[0] = u.id(r)
	rec[1] = strconv.FormatFloat(u.prob[r], 'f', 6, 64)
	for k := range exportReasons {
		rec[2+k] = ""
		if k < len(ex.Reasons) {
			rs := ex.Reasons[k]
			sign := ""
			if rs.Attribution >= 0 {
				sign = "+"
			}
			rec[2+k] = fmt.Sprintf("%s = %s (%s%s)", rs.Column, rs.Value, sign, strconv.FormatFloat(rs.Attribution, 'f', 4, 64))
		}
	}
	return nil
}

// exported reports how an export went.
func (s *Model) exported(msg ExportDoneMsg) {
	if msg.err != nil {
		s.status = "✗ export failed: " + msg.err.Error()
		return
	}
	if msg.served {
		s.status = fmt.Sprintf("✓ wrote %s users to %s in the server's export folder", common.Thousands(msg.rows), msg.path)
		return
	}
	s.status = fmt.Sprintf("✓ wrote %s users to %s", common.Thousands(msg.rows), msg.path)
}
