package exporter

import (
	"context"
	"errors"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// Noun names what a screen exports, as counted: "users" and "个用户".
type Noun struct{ En, Zh string }

// WriteFunc writes an export to w, reporting the rows written on progress
// and giving up when ctx is done.
type WriteFunc func(ctx context.Context, w io.Writer, progress func(done, total int)) error

// Msg is news of an export for the screen For names.
type Msg interface{ For() string }

// ProgressMsg says how many of an export's rows are written.
type ProgressMsg struct {
	To               string // the screen
	Job, Done, Total int
}

// For implements Msg.
func (m ProgressMsg) For() string { return m.To }

// DoneMsg says an export finished, failed or was cancelled.
type DoneMsg struct {
	To  string // the screen
	Job int
	Result
}

// For implements Msg.
func (m DoneMsg) For() string { return m.To }

// Result is how an export ended.
type Result struct {
	// Path is the file written; on a served session, its generated name in
	// the export folder.
	Path string
	Rows int
	// OnScreen says the export was made to be shown: Text holds it.
	OnScreen bool
	Text     string
	Served   bool
	Err      error
}

// job is an export running in its own goroutine: the writer reports each
// written block on progress (only the latest report is kept), and the
// final message arrives on done.
type job struct {
	id          int
	cancel      context.CancelFunc
	progress    chan ProgressMsg
	done        chan DoneMsg
	doneN, rows int         // rows written so far, of rows
	target      common.Said // where it writes, in words
}

// report keeps only the latest progress: it never blocks the writer.
func (j *job) report(p ProgressMsg) {
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
func (j *job) wait() tea.Cmd {
	progress, done := j.progress, j.done
	return func() tea.Msg {
		select {
		case p := <-progress:
			return p
		case m := <-done:
			return m
		}
	}
}

// Model is a screen's exports: the running one, if any, and the one shown
// on screen, if any.
type Model struct {
	owner  string
	noun   Noun
	served bool
	dir    string
	quota  *Quota // bounds a served session's exports (nil: none)
	jobs   int    // counts exports, to drop stale answers
	job    *job
	shown  *shown
}

// New returns the exports of the screen named owner (the For of its
// messages), counting noun.
func New(owner string, noun Noun) Model { return Model{owner: owner, noun: noun} }

// SetNoun changes what the next exports count (the Plan screen's list
// is of validation customers only when the run held them out).
func (m *Model) SetNoun(noun Noun) { m.noun = noun }

// SetServed says the screen runs in a session of `retain serve` (exports
// go to dir under a generated name, or to the screen when dir is "").
func (m *Model) SetServed(served bool, dir string) { m.served, m.dir = served, dir }

// SetQuota bounds the exports a served session writes into its export
// folder; every screen of a session shares one Quota (nil: no bound).
func (m *Model) SetQuota(q *Quota) { m.quota = q }

// IsServed reports whether exports are a served session's.
func (m Model) IsServed() bool { return m.served }

// Dir is the served session's export folder ("" for none).
func (m Model) Dir() string { return m.dir }

// Running reports whether an export is being written.
func (m Model) Running() bool { return m.job != nil }

// Job is the running export's number (0 for none).
func (m Model) Job() int {
	if m.job == nil {
		return 0
	}
	return m.job.id
}

// n counts rows of the noun in c's language: "5 users", "5 个用户".
func (m Model) n(c common.Common, rows int) string {
	if c.Zh() {
		return common.Thousands(rows) + " " + m.noun.Zh
	}
	return common.Thousands(rows) + " " + m.noun.En
}

// run starts write in a goroutine when the returned Cmd runs; Cancel
// stops its context.
func (m *Model) run(rows int, target common.Said, write func(ctx context.Context, progress func(done, total int)) Result) tea.Cmd {
	m.jobs++
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{id: m.jobs, cancel: cancel, progress: make(chan ProgressMsg, 1), done: make(chan DoneMsg, 1),
		rows: rows, target: target}
	m.job = j
	owner := m.owner
	return func() tea.Msg {
		go func() {
			defer cancel()
			res := write(ctx, func(done, total int) {
				j.report(ProgressMsg{To: owner, Job: j.id, Done: done, Total: total})
			})
			j.done <- DoneMsg{To: owner, Job: j.id, Result: res}
		}()
		return j.wait()()
	}
}

// File writes rows rows to path, atomically, in a goroutine; it returns
// the Cmd and the status to show ("" while it runs). A served session
// never writes at a client's path: it exports as Served does instead.
func (m *Model) File(c common.Common, path, prefix string, rows int, write WriteFunc) (tea.Cmd, common.Said) {
	if m.served {
		return m.Served(c, prefix, rows, write)
	}
	if m.job != nil {
		return nil, common.Both("✗ an export is running (esc cancels it)", "✗ 已有导出在进行（esc 取消）")
	}
	path = strings.TrimSpace(path)
	if path == "" {
		return nil, common.Both("✗ no file name given", "✗ 没有给出文件名")
	}
	return m.run(rows, common.Plain(path), func(ctx context.Context, progress func(int, int)) Result {
		err := experiment.WriteFileAtomic(path, func(w io.Writer) error { return write(ctx, w, progress) })
		return Result{Path: path, Rows: rows, Err: err}
	}), common.Said{}
}

// Update takes the news of the screen's exports: progress, or the end of
// one. It returns the Cmd to run next and, when set is true, the status
// the screen should show.
func (m *Model) Update(c common.Common, msg Msg) (cmd tea.Cmd, status common.Said, set bool) {
	j := m.job
	switch msg := msg.(type) {
	case ProgressMsg:
		if j == nil || msg.Job != j.id {
			return nil, common.Said{}, false
		}
		j.doneN, j.rows = msg.Done, msg.Total
		return j.wait(), common.Said{}, false
	case DoneMsg:
		if j == nil || msg.Job != j.id {
			return nil, common.Said{}, false
		}
		m.job = nil
		if msg.OnScreen {
			cmd, status = m.show(c, msg.Result)
			return cmd, status, true
		}
		if full := new(FolderFullError); errors.As(msg.Err, &full) {
			return panel(c, full), common.Both("✗ export stopped: the server's export folder is full; no file written",
				"✗ 导出已停止：服务器导出文件夹已满，未写入文件"), true
		}
		if qe := new(QuotaError); errors.As(msg.Err, &qe) {
			return panel(c, qe), common.Both("✗ export stopped: past this session's export limit; no file written",
				"✗ 导出已停止：超过本会话的导出上限，未写入文件"), true
		}
		r := msg.Result
		return nil, c.SayIn(func(c common.Common) string { return m.ended(c, r) }), true
	}
	return nil, common.Said{}, false
}

// ended says how an export to a file went.
func (m Model) ended(c common.Common, r Result) string {
	switch {
	case errors.Is(r.Err, context.Canceled):
		return c.T("✗ export cancelled; no file written", "✗ 导出已取消，没有写入文件")
	case r.Err != nil:
		// The path was typed: a long one (a page pasted) is quoted short.
		return c.T("✗ export failed: ", "✗ 导出失败：") + common.ShortPathIn(c.ErrorText(r.Err), r.Path)
	case r.Served:
		// Short enough for one line at 80 columns with a million rows and
		// the folder's longest file name (retain-users-YYYYMMDD-HHMMSS-N.csv).
		return c.Tf("✓ saved %s to the server: %s", "✓ 已将 %s保存到服务器：%s", m.n(c, r.Rows), r.Path)
	}
	return c.Tf("✓ wrote %s to %s", "✓ 已将 %s写入 %s", m.n(c, r.Rows), r.Path)
}

// Cancel stops the running export and returns the status saying so; its
// final message says when it has stopped.
func (m *Model) Cancel() common.Said {
	if m.job == nil {
		return common.Said{}
	}
	m.job.cancel()
	return common.Both("cancelling the export…", "正在取消导出…")
}

// Close cancels the running export, if any, without a status: the session
// is ending (see tui.Model.Close), and the export stops writing shortly
// after, its file removed.
func (m Model) Close() {
	if m.job != nil {
		m.job.cancel()
	}
}

// Line is the status line while an export runs.
func (m Model) Line(c common.Common) string {
	j := m.job
	if j == nil {
		return ""
	}
	return c.Tf("exporting %s of %s to %s… (esc cancels)", "正在导出 %s / %s到 %s…（esc 取消）",
		common.Thousands(j.doneN), m.n(c, j.rows), j.target.In(c))
}
