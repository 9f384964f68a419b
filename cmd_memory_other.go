//go:build !linux

package main

// systemMemoryLimits knows no system limits outside linux: only GOMEMLIMIT
// is checked there.
func systemMemoryLimits() []uint64 { return nil }
