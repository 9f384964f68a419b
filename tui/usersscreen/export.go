package usersscreen

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// exportReasons is how many reasons each exported user gets.
const exportReasons = 3

// ExportDoneMsg says an export to a file finished, failed or was
// cancelled.
type ExportDoneMsg struct {
	job    int
	path   string // the file, or its generated name in the export folder (served)
	rows   int
	err    error
	served bool
}

// ExportProgressMsg says how many of an export's rows are written.
type ExportProgressMsg struct{ job, done, total int }

// exportJob is an export running in its own goroutine: WriteScoresCSV
// reports each written block on progress (only the latest report is
// kept), and the final message arrives on done.
type exportJob struct {
	id          int
	cancel      context.CancelFunc
	progress    chan ExportProgressMsg
	done        chan tea.Msg
	doneN, rows int // rows written so far, of rows
	target      string
}

// report keeps only the latest progress: it never blocks the writer.
func (j *exportJob) report(done, total int) {
	p := ExportProgressMsg{job: j.id, done: done, total: total}
	for {
		select {
		case j.progress <- p:
			return
		default:
		}
		select {
		case <-j.progress:
		default:
		}
	}
}

// wait returns the Cmd that delivers the job's next message.
func (j *exportJob) wait() tea.Cmd {
	return func() tea.Msg {
		select {
		case p := <-j.progress:
			return p
		case m := <-j.done:
			return m
		}
	}
}

// runExport starts write in a goroutine when the returned Cmd runs; esc
// cancels its context. write gets the progress callback for
// WriteScoresCSV and returns the job's final message.
func (s *Model) runExport(rows int, target string, write func(ctx context.Context, progress func(done, total int)) tea.Msg) tea.Cmd {
	s.jobs++
	ctx, cancel := context.WithCancel(context.Background())
	j := &exportJob{id: s.jobs, cancel: cancel, progress: make(chan ExportProgressMsg, 1), done: make(chan tea.Msg, 1),
		rows: rows, target: target}
	s.export = j
	s.status = ""
	return func() tea.Msg {
		go func() {
			defer cancel()
			msg := write(ctx, j.report)
			switch m := msg.(type) {
			case ExportDoneMsg:
				m.job = j.id
				msg = m
			case ExportTextMsg:
				m.job = j.id
				msg = m
			}
			j.done <- msg
		}()
		return j.wait()()
	}
}

// exportProgress shows an export's progress and waits for its next news.
func (s *Model) exportProgress(msg ExportProgressMsg) tea.Cmd {
	j := s.export
	if j == nil || msg.job != j.id {
		return nil
	}
	j.doneN, j.rows = msg.done, msg.total
	return j.wait()
}

// cancelExport stops the running export; its final message says so.
func (s *Model) cancelExport() {
	if s.export != nil {
		s.export.cancel()
		s.status = s.T("cancelling the export…", "正在取消导出…")
	}
}

// startExport writes the shown users to path in a Cmd.
func (s *Model) startExport(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	if path == "" {
		s.status = s.T("✗ no file name given", "✗ 没有给出文件名")
		return nil
	}
	u := s.list.users
	if u == nil || u.exp == nil {
		return nil
	}
	rows, threshold := s.list.shown, s.list.threshold // read only: the list replaces, never edits, it
	return s.runExport(len(rows), path, func(ctx context.Context, progress func(int, int)) tea.Msg {
		err := experiment.WriteFileAtomic(path, func(w io.Writer) error {
			return writeUsersCSV(ctx, w, u, rows, threshold, progress)
		})
		return ExportDoneMsg{path: path, rows: len(rows), err: err}
	})
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

// exported reports how an export went.
func (s *Model) exported(msg ExportDoneMsg) {
	if s.export == nil || msg.job != s.export.id {
		return
	}
	s.export = nil
	switch {
	case errors.Is(msg.err, context.Canceled):
		s.status = s.T("✗ export cancelled; no file written", "✗ 导出已取消，没有写入文件")
	case msg.err != nil:
		s.status = s.T("✗ export failed: ", "✗ 导出失败：") + msg.err.Error()
	case msg.served:
		s.status = s.Tf("✓ wrote %s users to %s in the server's export folder", "✓ 已将 %s 个用户写入服务器导出文件夹中的 %s",
			common.Thousands(msg.rows), msg.path)
	default:
		s.status = s.Tf("✓ wrote %s users to %s", "✓ 已将 %s 个用户写入 %s", common.Thousands(msg.rows), msg.path)
	}
}

// exportLine is the status line while an export runs.
func (s Model) exportLine() string {
	j := s.export
	return s.Tf("exporting %s of %s users to %s… (esc cancels)", "正在导出 %s / %s 个用户到 %s…（esc 取消）",
		common.Thousands(j.doneN), common.Thousands(j.rows), j.target)
}
