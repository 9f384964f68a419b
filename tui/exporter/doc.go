// Package exporter is the export machinery the screens share: a CSV
// written in its own goroutine with its progress shown and esc to cancel
// it, and, on a served session (`retain serve`), never at a path the client
// chose: into the operator's export folder under a generated name, or shown
// on screen to copy (with a copy sent to the client's clipboard by OSC 52).
//
// A screen holds one Model, starts exports with File or Served, and hands it
// the messages whose For names the screen. What is written, and how, is the
// screen's WriteFunc; the exporter only runs it.
package exporter
