package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// systemMemoryLimits reads what linux says the process may still use:
// MemAvailable, the cgroup (v2 or v1) limit minus its current usage, and
// RLIMIT_AS minus the address space already mapped.
func systemMemoryLimits() []uint64 {
	var limits []uint64
	if f, err := os.Open("/proc/meminfo"); err == nil {
		if v, ok := parseMeminfoKB(f, "MemAvailable"); ok {
			limits = append(limits, v)
		}
		f.Close()
	}
	if v, ok := cgroupRemaining(); ok {
		limits = append(limits, v)
	}
	var rl syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_AS, &rl) == nil && rl.Cur != ^uint64(0) {
		var mapped uint64
		if f, err := os.Open("/proc/self/status"); err == nil {
			mapped, _ = parseMeminfoKB(f, "VmSize")
			f.Close()
		}
		limits = append(limits, rl.Cur-min(mapped, rl.Cur))
	}
	return limits
}

// cgroupRemaining returns the cgroup's memory limit minus its usage.
func cgroupRemaining() (uint64, bool) {
	dir := "/sys/fs/cgroup"
	if raw, err := os.ReadFile("/proc/self/cgroup"); err == nil {
		for _, line := range bytes.Split(raw, []byte{'\n'}) {
			if p, ok := strings.CutPrefix(string(line), "0::"); ok {
				dir = filepath.Join("/sys/fs/cgroup", p)
			}
		}
	}
	for _, files := range [][2]string{
		{filepath.Join(dir, "memory.max"), filepath.Join(dir, "memory.current")},
		{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"},
		{"/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes"},
	} {
		raw, err := os.ReadFile(files[0])
		if err != nil {
			continue
		}
		limit, ok := parseLimit(string(raw))
		if !ok {
			return 0, false
		}
		used := uint64(0)
		if raw, err := os.ReadFile(files[1]); err == nil {
			used, _ = parseLimit(string(raw))
		}
		return limit - min(used, limit), true
	}
	return 0, false
}
