package exporter

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

// maxClipboard is the largest export sent to the client's clipboard: OSC 52
// sends it base64-encoded in one escape sequence, and terminals cap those.
const maxClipboard = 1 << 20

// shown is an export on screen: its text as written and its lines made
// safe for a terminal, scrolled to line top.
type shown struct {
	rows  int
	text  string
	lines []string
	top   int
}

// Served exports without asking for a path: into the export folder under
// a name made of prefix, the time and a number, or without a folder as
// text for the screen. It returns the Cmd and the status ("" while it
// runs).
func (m *Model) Served(c common.Common, prefix string, rows int, write WriteFunc) (tea.Cmd, common.Said) {
	if m.job != nil {
		return nil, common.Both("✗ an export is running (esc cancels it)", "✗ 已有导出在进行（esc 取消）")
	}
	dir := m.dir
	if dir == "" {
		return m.run(rows, common.Both("the screen", "屏幕"), func(ctx context.Context, progress func(int, int)) Result {
			var b bytes.Buffer
			err := write(ctx, &b, progress)
			return Result{Rows: rows, OnScreen: true, Text: b.String(), Err: err}
		}), common.Said{}
	}
	quota := m.quota
	if err := quota.take(); err != nil {
		var qe *QuotaError
		errors.As(err, &qe)
		return panel(c, qe), common.Both("✗ export refused: this session's export limit is reached",
			"✗ 导出被拒绝：本会话的导出已达上限")
	}
	folder := quota.inFolder()
	if err := folder.start(); err != nil {
		quota.giveBack(0)
		var full *FolderFullError
		errors.As(err, &full)
		return panel(c, full), common.Both("✗ export refused: the server's export folder is full", "✗ 导出被拒绝：服务器导出文件夹已满")
	}
	return m.run(rows, common.Both("the server's export folder", "服务器导出文件夹"), func(ctx context.Context, progress func(int, int)) Result {
		var counted *quotaWriter
		name, err := CreateNew(dir, prefix+time.Now().UTC().Format("20060102-150405"), ".csv",
			func(w io.Writer) error {
				counted = quota.writer(w)
				return write(ctx, counted, progress)
			})
		var written int64
		if counted != nil {
			written = counted.written
		}
		folder.end(written, err == nil)
		if err != nil {
			// The file was removed: it counts neither as a file nor in bytes.
			quota.giveBack(written)
		}
		return Result{Path: name, Rows: rows, Err: err, Served: true}
	}), common.Said{}
}

// CreateNew writes a new file in dir named prefix-N.ext for the first N
// from 1 whose name is free, and returns that name. The file is created
// exclusively, so nothing existing is ever replaced (nor a symbolic link
// followed); a failed write removes it.
func CreateNew(dir, prefix, ext string, write func(io.Writer) error) (string, error) {
	for n := 1; n <= 1000; n++ {
		name := fmt.Sprintf("%s-%d%s", prefix, n, ext)
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
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
			return "", withoutFolder(err, dir, path, name)
		}
		return name, nil
	}
	return "", fmt.Errorf("no free name for %s-N%s in the export folder", prefix, ext)
}

// withoutFolder returns err with the export folder left out of its text:
// "write retain-users-….csv: no space left on device", the file named by
// name only (errors.Is and errors.As still see err).
func withoutFolder(err error, dir, path, name string) error {
	msg := strings.ReplaceAll(err.Error(), path, name)
	if dir != "" && dir != "." {
		msg = strings.ReplaceAll(msg, filepath.Clean(dir)+string(filepath.Separator), "")
		msg = strings.ReplaceAll(msg, filepath.Clean(dir), "the export folder")
	}
	if msg == err.Error() {
		return err
	}
	return &folderless{msg: msg, err: err}
}

// folderless is an error whose text no longer names the export folder.
type folderless struct {
	msg string
	err error
}

func (e *folderless) Error() string { return e.msg }
func (e *folderless) Unwrap() error { return e.err }

// show opens an export made for the screen and sends it to the clipboard
// when it is small enough; it returns that Cmd and the status.
func (m *Model) show(c common.Common, r Result) (tea.Cmd, common.Said) {
	switch {
	case errors.Is(r.Err, context.Canceled):
		return nil, common.Both("✗ export cancelled", "✗ 导出已取消")
	case r.Err != nil:
		return nil, c.SayIn(func(c common.Common) string {
			return c.T("✗ export failed: ", "✗ 导出失败：") + c.ErrorText(r.Err)
		})
	}
	text := strings.TrimSuffix(r.Text, "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = TerminalSafe(strings.TrimSuffix(l, "\r"))
	}
	m.shown = &shown{rows: r.Rows, text: r.Text, lines: lines}
	if len(r.Text) > maxClipboard {
		return nil, c.SayIn(func(c common.Common) string {
			return c.Tf("%s below to copy (%s KB: too large for the clipboard)", "下方 %s可供复制（%s KB：超出剪贴板上限）",
				m.n(c, r.Rows), common.Thousands(len(r.Text)/1024))
		})
	}
	return tea.SetClipboard(r.Text), c.SayIn(func(c common.Common) string {
		return c.Tf("%s below to copy; also sent to your clipboard (if your terminal allows OSC 52)",
			"下方 %s可供复制；也已发送到剪贴板（如果终端支持 OSC 52）", m.n(c, r.Rows))
	})
}

// TerminalSafe replaces control characters, which could drive the
// client's terminal, by U+FFFD, and shows format characters (bidi
// controls, zero-width characters) by code point (common.TerminalSafe).
func TerminalSafe(s string) string { return common.TerminalSafe(s) }

// Showing reports whether an export is shown on screen (it then has the
// keyboard: see ShownKey).
func (m Model) Showing() bool { return m.shown != nil }

// Text is the export shown on screen ("" for none).
func (m Model) Text() string {
	if m.shown == nil {
		return ""
	}
	return m.shown.text
}

// ShownKeys are the keys of an export shown on screen.
type ShownKeys struct {
	Up, Down, PageUp, PageDn, Top, Bottom key.Binding
	Copy, Close                           key.Binding
}

// DefaultShownKeys returns the keys of an export shown on screen.
func DefaultShownKeys(c common.Common) ShownKeys {
	b := func(keys []string, k, en, zh string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, c.T(en, zh)))
	}
	return ShownKeys{
		Up:     b([]string{"up", "k"}, "↑/↓", "move", "移动"),
		Down:   b([]string{"down", "j"}, "↓", "down", "下移"),
		PageUp: b([]string{"pgup"}, "pgup/pgdn", "page", "翻页"),
		PageDn: b([]string{"pgdown"}, "pgdn", "page down", "下一页"),
		Top:    b([]string{"home", "g"}, "g/G", "first/last", "首个/末个"),
		Bottom: b([]string{"end", "G"}, "G", "last", "末个"),
		Copy:   b([]string{"c"}, "c", "copy to clipboard", "复制到剪贴板"),
		Close:  b([]string{"esc"}, "esc", "close", "关闭"),
	}
}

// Help is the footer while an export is shown.
func (k ShownKeys) Help() []key.Binding { return []key.Binding{k.Up, k.PageUp, k.Top, k.Copy, k.Close} }

// ShownKey handles a key while an export is shown, page lines to a page;
// it returns the Cmd and, when set is true, the status to show.
func (m *Model) ShownKey(keys ShownKeys, k tea.KeyPressMsg, page int) (cmd tea.Cmd, status common.Said, set bool) {
	e := m.shown
	if e == nil {
		return nil, common.Said{}, false
	}
	page = max(page, 1)
	switch {
	case key.Matches(k, keys.Close):
		m.shown = nil
		return nil, common.Said{}, true
	case key.Matches(k, keys.Copy):
		if len(e.text) > maxClipboard {
			return nil, common.Both("✗ too large for the clipboard; select the text on screen instead", "✗ 超出剪贴板上限，请直接在屏幕上选中文本"), true
		}
		return tea.SetClipboard(e.text), common.Both("sent to your clipboard again (if your terminal allows OSC 52)", "已再次发送到剪贴板（如果终端支持 OSC 52）"), true
	}
	move := common.ScrollKeys{Up: keys.Up, Down: keys.Down, PageUp: keys.PageUp, PageDown: keys.PageDn, Top: keys.Top, Bottom: keys.Bottom}
	e.top, _ = move.Scrolled(k, e.top, page, len(e.lines)-1)
	return nil, common.Said{}, false
}

// ShownLines renders the export shown from its top line, long lines
// wrapped, in h lines of w cells.
func (m Model) ShownLines(w, h int) []string {
	e := m.shown
	if e == nil {
		return nil
	}
	out := make([]string, 0, max(h, 0))
	for i := e.top; i < len(e.lines) && len(out) < h; i++ {
		wrapped := strings.Split(ansi.Hardwrap(e.lines[i], max(w, 1), true), "\n")
		out = append(out, wrapped[:min(len(wrapped), h-len(out))]...)
	}
	return out
}

// ShownTitle is the title line over an export shown on screen.
func (m Model) ShownTitle(c common.Common) string {
	e := m.shown
	if e == nil {
		return ""
	}
	return c.Styles.Title.Render(c.T("Export", "导出")) + c.Styles.Muted.Render(c.Tf(" · %s · line %s of %s · select to copy",
		" · %s · 第 %s / %s 行 · 选中即可复制", m.n(c, e.rows), common.Thousands(e.top+1), common.Thousands(len(e.lines))))
}
