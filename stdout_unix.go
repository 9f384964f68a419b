//go:build unix

package main

import (
	"io"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// closedAtStart reports whether f, one of the standard files, was closed
// when the process started. The Go runtime then puts /dev/null in its
// place, opened for reading and writing (a shell's `>/dev/null` opens it
// for writing only), so results written there would vanish with exit 0.
// (A user's own `1<>/dev/null` looks the same, and is refused alike.)
func closedAtStart(f *os.File) bool {
	var st unix.Stat_t
	if err := unix.Fstat(int(f.Fd()), &st); err != nil {
		return false
	}
	if st.Mode&unix.S_IFMT != unix.S_IFCHR || st.Rdev != unix.Mkdev(1, 3) { // not /dev/null
		return false
	}
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	return err == nil && flags&unix.O_ACCMODE == unix.O_RDWR
}

// stdoutWriter is the process's standard output, or one that fails every
// write when it was closed at start (`retain predict … >&-`).
func stdoutWriter() io.Writer {
	if closedAtStart(os.Stdout) {
		return closedWriter{}
	}
	return os.Stdout
}

// closedWriter fails every write as a closed standard output would.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EBADF}
}
