package main

import "os"

// dirWritable reports whether this process can create a file in dir, by
// creating and removing one: access(2) says yes to root for folders such
// as /proc, where every create then fails, and knows nothing of read-only
// mounts on some systems, so a long training ended in a failed write.
func dirWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".retain-probe-*")
	if err != nil {
		return false
	}
	name := f.Name()
	f.Close()
	return os.Remove(name) == nil
}
