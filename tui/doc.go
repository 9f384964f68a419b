// Package tui holds the Bubble Tea models of retain's terminal interface.
package tui
