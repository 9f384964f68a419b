//go:build unix && !linux

package scoreapi

import (
	"io/fs"
	"syscall"
)

// fileIdentity returns the device and inode of fi: a file put in place by
// rename is another inode, even with the size and modification time of the
// one it replaced. This system's inode change time is not read.
func fileIdentity(fi fs.FileInfo) (dev, ino uint64, ctime int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), uint64(st.Ino), 0
	}
	return 0, 0, 0
}
