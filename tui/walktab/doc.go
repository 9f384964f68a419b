// Package walktab is the Walkthrough tab: it wraps tui/walkthrough for the
// user selected on the Users screen, building the walkthrough in a Cmd
// whenever the analysed run or the user changes.
package walktab
