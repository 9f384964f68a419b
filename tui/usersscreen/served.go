package usersscreen

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/retainlab/retain/tui/common"
)

// A served session (Options.Served) never writes at a path its client
// chose: the export is either shown on screen to copy, with a copy sent to
// the client's clipboard, or written into the operator's export folder
// under a name the server makes up.

// maxClipboard is the largest export sent to the client's clipboard: OSC 52
// sends it base64-encoded in one escape sequence, and terminals cap those.
const maxClipboard = 1 << 20

// ExportTextMsg carries an export made to be shown on screen.
type ExportTextMsg struct {
	job  int
	rows int
	text string
	err  error
}

// exportShown is an export on screen: its text as written and its lines
// made safe for a terminal, scrolled to line top.
type exportShown struct {
	rows  int
	text  string
	lines []string
	top   int
}

// startServedExport exports the shown users without asking for a path:
// into ExportDir under a generated name, or as text for the screen.
func (s *Model) startServedExport() tea.Cmd {
	u := s.list.users
	if u == nil || u.exp == nil {
		return nil
	}
	rows, threshold := s.list.shown, s.list.threshold // read only: the list replaces, never edits, it
	dir := s.exportDir
	if dir == "" {
		return s.runExport(len(rows), s.T("the screen", "屏幕"), func(ctx context.Context, progress func(int, int)) tea.Msg {
			var b bytes.Buffer
			err := writeUsersCSV(ctx, &b, u, rows, threshold, progress)
			return ExportTextMsg{rows: len(rows), text: b.String(), err: err}
		})
	}
	return s.runExport(len(rows), s.T("the server's export folder", "服务器导出文件夹"), func(ctx context.Context, progress func(int, int)) tea.Msg {
		prefix := "retain-users-"
		if u.current != nil {
			prefix = "retain-current-"
		}
		name, err := createNew(dir, prefix+time.Now().UTC().Format("20060102-150405"), ".csv",
			func(w io.Writer) error { return writeUsersCSV(ctx, w, u, rows, threshold, progress) })
		return ExportDoneMsg{path: name, rows: len(rows), err: err, served: true}
	})
}

// createNew writes a new file in dir named prefix-N.ext for the first N
// from 1 whose name is free, and returns that name. The file is created
// exclusively, so nothing existing is ever replaced (nor a symbolic link
// followed); a failed write removes it.
func createNew(dir, prefix, ext string, write func(io.Writer) error) (string, error) {
	for n := 1; n <= 1000; n++ {
		name := fmt.Sprintf("%s-%d%s", prefix, n, ext)
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// The session is told why, not where: the folder is the
			// operator's business.
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return "", fmt.Errorf("cannot create a file in the export folder: %w", err)
		}
		err = write(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(path)
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("no free name for %s-N%s in the export folder", prefix, ext)
}

// showExport opens the export on screen and sends it to the clipboard
// when it is small enough.
func (s *Model) showExport(msg ExportTextMsg) tea.Cmd {
	if s.export == nil || msg.job != s.export.id {
		return nil
	}
	s.export = nil
	switch {
	case errors.Is(msg.err, context.Canceled):
		s.status = s.T("✗ export cancelled", "✗ 导出已取消")
		return nil
	case msg.err != nil:
		s.status = s.T("✗ export failed: ", "✗ 导出失败：") + msg.err.Error()
		return nil
	}
	text := strings.TrimSuffix(msg.text, "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = terminalSafe(strings.TrimSuffix(l, "\r"))
	}
	s.shown = &exportShown{rows: msg.rows, text: msg.text, lines: lines}
	if len(msg.text) > maxClipboard {
		s.status = s.Tf("%s users below to copy (%s KB: too large for the clipboard)", "下方 %s 个用户可供复制（%s KB：超出剪贴板上限）",
			common.Thousands(msg.rows), common.Thousands(len(msg.text)/1024))
		return nil
	}
	s.status = s.Tf("%s users below to copy; also sent to your clipboard (if your terminal allows OSC 52)",
		"下方 %s 个用户可供复制；也已发送到剪贴板（如果终端支持 OSC 52）", common.Thousands(msg.rows))
	return tea.SetClipboard(msg.text)
}

// terminalSafe replaces control characters, which could drive the
// client's terminal, by U+FFFD.
func terminalSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// shownKey handles keys while an export is on screen.
func (s *Model) shownKey(k tea.KeyPressMsg) tea.Cmd {
	e := s.shown
	page := max(s.Height-usersHeaderH, 1)
	switch {
	case key.Matches(k, s.keys.Close):
		s.shown = nil
		s.status = ""
	case key.Matches(k, s.keys.Copy):
		if len(e.text) > maxClipboard {
			s.status = s.T("✗ too large for the clipboard; select the text on screen instead", "✗ 超出剪贴板上限，请直接在屏幕上选中文本")
			return nil
		}
		s.status = s.T("sent to your clipboard again (if your terminal allows OSC 52)", "已再次发送到剪贴板（如果终端支持 OSC 52）")
		return tea.SetClipboard(e.text)
	case key.Matches(k, s.keys.Up):
		e.top--
	case key.Matches(k, s.keys.Down):
		e.top++
	case key.Matches(k, s.keys.PageUp):
		e.top -= page
	case key.Matches(k, s.keys.PageDn):
		e.top += page
	case key.Matches(k, s.keys.Top):
		e.top = 0
	case key.Matches(k, s.keys.Bottom):
		e.top = len(e.lines)
	}
	if e := s.shown; e != nil {
		e.top = max(min(e.top, len(e.lines)-1), 0)
	}
	return nil
}

// shownLines renders the export from its top line, long lines wrapped, in
// h lines of w cells.
func (s Model) shownLines(w, h int) []string {
	e := s.shown
	out := make([]string, 0, h)
	for i := e.top; i < len(e.lines) && len(out) < h; i++ {
		wrapped := strings.Split(ansi.Hardwrap(e.lines[i], max(w, 1), true), "\n")
		out = append(out, wrapped[:min(len(wrapped), h-len(out))]...)
	}
	return out
}

// shownTitle is the title line over an export on screen.
func (s Model) shownTitle() string {
	e := s.shown
	return s.Styles.Title.Render(s.T("Export", "导出")) + s.Styles.Muted.Render(s.Tf(" · %s users · line %s of %s · select to copy",
		" · %s 个用户 · 第 %s / %s 行 · 选中即可复制", common.Thousands(e.rows), common.Thousands(e.top+1), common.Thousands(len(e.lines))))
}
