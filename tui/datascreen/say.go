package datascreen

import "github.com/retainlab/retain/tui/common"

// say returns what f says of the screen in each language (common.Say), so
// that a switch of language shows the kept text in the new one.
func (s Model) say(f func(s Model) string) common.Said { return common.Say(s, f) }
