package exporter

import (
	"errors"
	"io"
	"sync"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/tui/common"
)

// Quota bounds what one served session writes into the export folder: the
// number of files and their bytes, so that no session can fill the
// server's disk; with the folder's own bound (Folder), shared by every
// session, sessions cannot fill it between them either. One Quota is
// shared by every screen of a session; a nil Quota bounds nothing.
type Quota struct {
	maxFiles int     // 0: no limit
	maxBytes int64   // 0: no limit
	folder   *Folder // nil: no limit

	mu    sync.Mutex
	files int
	bytes int64
}

// NewQuota returns a session's quota of maxFiles files and maxBytes bytes
// (0: no limit) in the export folder bounded by folder (nil: no limit).
func NewQuota(maxFiles int, maxBytes int64, folder *Folder) *Quota {
	return &Quota{maxFiles: maxFiles, maxBytes: maxBytes, folder: folder}
}

// inFolder is the bound of the folder q's session writes in (nil for
// none).
func (q *Quota) inFolder() *Folder {
	if q == nil {
		return nil
	}
	return q.folder
}

// ErrQuota is matched (errors.Is) by every QuotaError.
var ErrQuota = errors.New("the session's export quota is used up")

// QuotaError says which limit of a Quota an export reached.
type QuotaError struct {
	// Files is the most files, set when the count was reached; Bytes the
	// most bytes, set when the bytes were.
	Files int
	Bytes int64
}

// Error is the refusal in English (Text words it in either language).
func (e *QuotaError) Error() string { return e.Text(common.New("en")) }

// Is makes errors.Is(err, ErrQuota) true.
func (e *QuotaError) Is(target error) bool { return target == ErrQuota }

// Text says e in c's language, for the error panel.
func (e *QuotaError) Text(c common.Common) string {
	if e.Files > 0 {
		return c.Tf("no file written: this session has written its %s exports, the most the server lets one session write",
			"未写入文件：本会话已写满 %s 个导出文件，即服务器允许一个会话写入的上限", common.Thousands(e.Files))
	}
	return c.Tf("no file written: this export would take this session's exports past %s, the most the server lets one session write",
		"未写入文件：此导出将使本会话的导出超过 %s，即服务器允许一个会话写入的上限", data.Bytes(float64(e.Bytes)))
}

// take counts one more file, or refuses it when the session has written
// its most.
func (q *Quota) take() error {
	if q == nil {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.maxFiles > 0 && q.files >= q.maxFiles {
		return &QuotaError{Files: q.maxFiles}
	}
	q.files++
	return nil
}

// give back a file and its bytes that were not kept (the export failed
// and its file was removed).
func (q *Quota) giveBack(bytes int64) {
	if q == nil {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.files--
	q.bytes -= bytes
}

// writer counts what w writes against q and fails, writing nothing more,
// once the session's bytes would pass the limit.
func (q *Quota) writer(w io.Writer) *quotaWriter { return &quotaWriter{q: q, w: w} }

type quotaWriter struct {
	q       *Quota
	w       io.Writer
	written int64
}

func (w *quotaWriter) Write(p []byte) (int, error) {
	if q := w.q; q != nil {
		q.mu.Lock()
		over := q.maxBytes > 0 && q.bytes+int64(len(p)) > q.maxBytes
		if !over {
			q.bytes += int64(len(p))
		}
		q.mu.Unlock()
		if over {
			return 0, &QuotaError{Bytes: q.maxBytes}
		}
		if err := q.folder.add(int64(len(p))); err != nil {
			q.mu.Lock()
			q.bytes -= int64(len(p))
			q.mu.Unlock()
			return 0, err
		}
	}
	n, err := w.w.Write(p)
	w.written += int64(len(p))
	if w.q != nil && n < len(p) {
		unwritten := int64(len(p) - n)
		w.q.mu.Lock()
		w.q.bytes -= unwritten
		w.q.mu.Unlock()
		w.q.folder.end(unwritten, false)
		w.written -= unwritten
	}
	return n, err
}
