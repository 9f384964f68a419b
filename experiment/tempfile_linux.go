package experiment

import (
	"io/fs"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// openAnonymous opens an unnamed file in dir (O_TMPFILE), of mode perm
// less the umask, that vanishes with the process unless linkAnonymous
// names it, or returns nil where the kernel or file system cannot, or
// /proc (needed to name it) is absent.
func openAnonymous(dir string, perm fs.FileMode) *os.File {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_RDWR|unix.O_CLOEXEC, uint32(perm.Perm()))
	if err != nil {
		return nil
	}
	if _, err := os.Lstat(procFD(fd)); err != nil {
		unix.Close(fd)
		return nil
	}
	return os.NewFile(uintptr(fd), dir)
}

// linkAnonymous gives an O_TMPFILE file the name name.
func linkAnonymous(f *os.File, name string) error {
	err := unix.Linkat(unix.AT_FDCWD, procFD(int(f.Fd())), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
	if err != nil {
		return &os.LinkError{Op: "link", Old: f.Name(), New: name, Err: err}
	}
	return nil
}

func procFD(fd int) string { return "/proc/self/fd/" + strconv.Itoa(fd) }
