package scoreapi

import (
	"io/fs"
	"syscall"
)

// fileIdentity returns the device, inode and inode change time (ctime, in
// nanoseconds) of fi: a file put in place by rename is another inode, and
// a file rewritten in place whose modification time was then set back
// (touch -d, cp -p, rsync -a, tar) has a new ctime, which no user can set.
func fileIdentity(fi fs.FileInfo) (dev, ino uint64, ctime int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Dev), st.Ino, st.Ctim.Nano()
	}
	return 0, 0, 0
}
