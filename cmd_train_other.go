//go:build !unix

package main

// dirWritable cannot tell on this system and lets the write itself report
// a directory it cannot create files in.
func dirWritable(string) bool { return true }
