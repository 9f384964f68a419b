package tui

import (
	"errors"

	"github.com/retainlab/retain/experiment"
)

// errLoadCancelled is why no data is loaded when the user cancelled the
// load that would have loaded the first (esc).
var errLoadCancelled = errors.New("the load was cancelled (esc); o opens a file, b the built-in shop")

// resplitting is a re-split asked for (reprepare) whose data have not
// come: the split settings asked for (to) and those the data in use were
// prepared with (from), which the Model screen gets back when it comes to
// nothing, so that the settings shown are those of the data in use. A
// load of other data started meanwhile supersedes it (superseded): those
// data are prepared with the settings asked for, so nothing is lost
// unless that load fails or is cancelled too.
type resplitting struct {
	from, to   experiment.Config
	superseded bool
}

// cancelLoad abandons the load or re-split in progress (esc): its context
// is cancelled, so its file stops being read (a reader blocked on a FIFO
// ends once the file yields or closes) and its split stops, and its
// result, should it still come, is dropped (a new generation). The data,
// settings and runs of before stay; the status line says so.
func (m *Model) cancelLoad() {
	m.loads.cancelCurrent()
	m.gen++
	m.setLoading(nil)
	r := m.dropResplit()
	if m.data == nil && m.bare == nil {
		m.setNoData(errLoadCancelled)
	}
	m.settleAside()
	switch {
	case r != nil && !r.superseded:
		m.notice = m.com.Tf("Re-split with seed %d cancelled; the data stay split with seed %d, and the split settings are back to theirs.",
			"已取消以种子 %d 重新划分；数据仍按种子 %d 划分，划分设置已恢复为当前数据所用的。", r.to.Seed, r.from.Seed)
	case r != nil:
		m.notice = m.com.Tf("Load cancelled; the re-split with seed %d it replaced is abandoned too: the split settings are back to those of the data in use (seed %d).",
			"已取消加载；它所取代的以种子 %d 重新划分也已放弃：划分设置已恢复为当前数据所用的（种子 %d）。", r.to.Seed, r.from.Seed)
	case m.data == nil && m.bare == nil:
		m.notice = m.com.T("Load cancelled; no data is loaded.", "已取消加载；尚未加载任何数据。")
	default:
		m.notice = m.com.T("Load cancelled; the data loaded before stay in use.", "已取消加载；继续使用之前加载的数据。")
	}
	m.layout()
}

// dropResplit forgets the re-split asked for, if any, putting the split
// settings of the data in use back on the Model screen; it returns the
// re-split (nil: none).
func (m *Model) dropResplit() *resplitting {
	r := m.resplit
	m.resplit = nil
	if r != nil {
		m.modelScr.SetSplit(r.from)
	}
	return r
}

// supersedeResplit marks the re-split asked for, if any, as superseded by
// a load of other data starting now (open, a preset's data).
func (m *Model) supersedeResplit() {
	if m.resplit != nil {
		m.resplit.superseded = true
	}
}

// resplitFailed is err, the error of a load that left the data in use as
// they were, with a line for the error panel when it ended a re-split
// asked for (dropResplit): the error panel's "the previous data and
// settings are unchanged" is then true of the split settings too.
func (m *Model) resplitFailed(err error) error {
	r := m.dropResplit()
	if r == nil || err == nil {
		return err
	}
	return &notedError{err: err, note: m.com.Tf(
		"The re-split with seed %d was abandoned; the split settings are back to those of the data in use (seed %d).",
		"以种子 %d 重新划分已放弃；划分设置已恢复为当前数据所用的（种子 %d）。", r.to.Seed, r.from.Seed)}
}

// notedError is a load's error with a line the error panel adds about
// what else came to nothing with it (a re-split abandoned).
type notedError struct {
	err  error
	note string
}

func (e *notedError) Error() string { return e.err.Error() }
func (e *notedError) Unwrap() error { return e.err }

// errorNote is the line err carries for the error panel ("" for none).
func errorNote(err error) string {
	var n *notedError
	if errors.As(err, &n) {
		return n.note
	}
	return ""
}
