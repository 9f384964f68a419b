package trainscreen

import "github.com/retainlab/retain/tui/common"

// say returns what f says of the screen in each language, so that a switch
// of language shows the kept text in the new one.
func (s Model) say(f func(s Model) string) common.Said {
	en, zh := s, s
	en.Lang, zh.Lang = "en", "zh"
	return common.Both(f(en), f(zh))
}
