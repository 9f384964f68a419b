package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// checkMemory refuses, with exit code 2, a request whose estimated need is
// more than the machine has; what names it ("--layers 64: the network").
// An app that cannot tell its available memory checks nothing.
func (a *app) checkMemory(what string, need float64) error {
	if a.availableMemory == nil {
		return nil
	}
	avail := a.availableMemory()
	if avail == 0 || need <= float64(avail) {
		return nil
	}
	return usageError(fmt.Errorf("%s needs about %s of memory (this machine has %s available)",
		what, data.Bytes(need), data.Bytes(float64(avail))))
}

// checkTrainingMemory refuses a configuration whose network, or network and
// prepared data together, would not fit: before experiment.New allocates it.
func checkTrainingMemory(a *app, d *experiment.Data, cfg experiment.Config, layers string, folds int) error {
	network, matrices := experiment.TrainingMemory(d, cfg, folds)
	if err := a.checkMemory(fmt.Sprintf("--layers %s: the network", layers), network); err != nil {
		return err
	}
	return a.checkMemory(fmt.Sprintf("training on %s (network %s, prepared data %s)", d.Source.Describe(),
		data.Bytes(network), data.Bytes(matrices)), network+matrices)
}

// checkSourceMemory refuses a built-in population too large to generate.
func checkSourceMemory(a *app, src experiment.Source) error {
	if src.Kind != "builtin" || src.Users == 0 {
		return nil
	}
	return a.checkMemory(fmt.Sprintf("--builtin-users %d: the data", src.Users), experiment.BuiltinMemory(src.Users))
}

// availableMemory returns the smallest of the limits the process runs
// under, in bytes, or 0 when none can be read: MemAvailable of the machine,
// what is left under the cgroup's memory limit and the address-space rlimit
// (linux), and GOMEMLIMIT.
func availableMemory() uint64 {
	limits := systemMemoryLimits()
	if lim := debug.SetMemoryLimit(-1); lim > 0 && lim < math.MaxInt64 {
		limits = append(limits, uint64(lim))
	}
	var least uint64
	for _, l := range limits {
		if least == 0 || l < least {
			least = l
		}
	}
	return least
}

// parseMeminfoKB returns the value in bytes of a /proc/meminfo field such
// as "MemAvailable:   24347560 kB".
func parseMeminfoKB(r io.Reader, field string) (uint64, bool) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 0 {
			return 0, false
		}
		kb, err := strconv.ParseUint(f[0], 10, 64)
		if err != nil {
			return 0, false
		}
		return kb * 1024, true
	}
	return 0, false
}

// parseLimit reads a cgroup limit file's content: a number of bytes, or
// "max" (no limit, reported as not ok).
func parseLimit(s string) (uint64, bool) {
	s = strings.TrimSpace(s)
	v, err := strconv.ParseUint(s, 10, 64)
	// cgroup v1 spells "no limit" as a huge page-aligned number.
	if err != nil || v >= 1<<62 {
		return 0, false
	}
	return v, true
}
