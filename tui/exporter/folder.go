package exporter

import (
	"errors"
	"os"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// Folder bounds the bytes in the served export folder, every session's
// exports and whatever else is in it counted together, so that sessions,
// each within its own Quota, cannot fill the server's disk between them.
// One Folder is shared by every session of a server; a nil Folder bounds
// nothing.
//
// The folder is read again as each export starts, so files the operator
// removes free their room at once. Exports being written count by the
// bytes written so far, as they write.
type Folder struct {
	dir      string
	maxBytes int64

	mu sync.Mutex
	// kept is the bytes of the folder's files other than the exports
	// being written: as the folder was last read, plus the exports kept
	// since.
	kept int64
	// writing is the bytes written so far by the exports being written.
	writing int64
}

// NewFolder returns the bound of maxBytes on the export folder dir (nil
// for none when maxBytes is 0).
func NewFolder(dir string, maxBytes int64) *Folder {
	if maxBytes <= 0 {
		return nil
	}
	return &Folder{dir: dir, maxBytes: maxBytes}
}

// Max is the most bytes the folder may hold (0 for a nil Folder).
func (f *Folder) Max() int64 {
	if f == nil {
		return 0
	}
	return f.maxBytes
}

// Used reads the folder and returns the bytes of its files: the regular
// files directly in it, whoever wrote them.
func (f *Folder) Used() (int64, error) { return folderBytes(f.dir) }

// folderBytes returns the bytes of the regular files directly in dir.
func folderBytes(dir string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed since the folder was read
		}
		n += info.Size()
	}
	return n, nil
}

// ErrFolderFull is matched (errors.Is) by every FolderFullError.
var ErrFolderFull = errors.New("the server's export folder is full")

// FolderFullError refuses an export that the export folder has no room
// for.
type FolderFullError struct {
	// Max is the most bytes the folder may hold; Used what it held when
	// the export was refused before its first byte, 0 when the export was
	// stopped as it wrote.
	Max, Used int64
}

// Error is the refusal in English (Text words it in either language).
func (e *FolderFullError) Error() string { return e.Text(common.New("en")) }

// Is makes errors.Is(err, ErrFolderFull) true.
func (e *FolderFullError) Is(target error) bool { return target == ErrFolderFull }

// Text says e in c's language.
func (e *FolderFullError) Text(c common.Common) string {
	if e.Used > 0 {
		return c.Tf("no file written: the server's export folder holds %s, the most that the exports of every session may take together; ask the server's operator to make room",
			"未写入文件：服务器导出文件夹已有 %s，达到所有会话的导出合计可占用的上限；请联系服务器管理员腾出空间",
			data.Bytes(float64(e.Used)))
	}
	return c.Tf("no file written: this export would take the server's export folder past %s, the most that the exports of every session may take together; ask the server's operator to make room",
		"未写入文件：此导出将使服务器导出文件夹超过 %s，即所有会话的导出合计可占用的上限；请联系服务器管理员腾出空间",
		data.Bytes(float64(e.Max)))
}

// start reads the folder again as an export starts, and refuses the
// export when the folder is full already. A folder that cannot be read
// keeps the count it had: creating the export's file then says why.
func (f *Folder) start() error {
	if f == nil {
		return nil
	}
	used, err := folderBytes(f.dir)
	f.mu.Lock()
	defer f.mu.Unlock()
	if err == nil {
		// The exports being written are in the folder too, as far as
		// they have got.
		f.kept = max(used-f.writing, 0)
	}
	if total := f.kept + f.writing; total >= f.maxBytes {
		return &FolderFullError{Max: f.maxBytes, Used: total}
	}
	return nil
}

// add counts n more bytes of an export being written, or refuses them
// when they would take the folder past its bound.
func (f *Folder) add(n int64) error {
	if f == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.kept+f.writing+n > f.maxBytes {
		return &FolderFullError{Max: f.maxBytes}
	}
	f.writing += n
	return nil
}

// end says an export that wrote written bytes has ended: its file kept,
// or removed.
func (f *Folder) end(written int64, kept bool) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.writing -= written
	if kept {
		f.kept += written
	}
}

// ErrorMsg asks the root to show Err in its error panel: a refusal the
// user must not miss, which a screen's status line would show cut short.
type ErrorMsg struct{ Err error }

// panelled is a refusal the error panel shows: its text in a language.
type panelled interface {
	error
	Text(c common.Common) string
}

// panel returns the Cmd that shows err in the error panel, in c's
// language.
func panel(c common.Common, err panelled) tea.Cmd {
	shown := &panelError{msg: err.Text(c), err: err}
	return func() tea.Msg { return ErrorMsg{Err: shown} }
}

// panelError is an error whose text is already in the session's language.
type panelError struct {
	msg string
	err error
}

func (e *panelError) Error() string { return e.msg }
func (e *panelError) Unwrap() error { return e.err }
