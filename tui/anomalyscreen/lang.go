package anomalyscreen

import "github.com/retainlab/retain/tui/common"

// SetLang makes the screen speak lang, keeping its data and place.
func (s *Model) SetLang(lang string) {
	s.Common.SetLang(lang)
	s.keys = common.Relabel(s.keys, defaultKeyMap(s.Common))
	s.render()
}

// Relang implements common.Screen.
func (s Model) Relang(lang string) common.Screen { return common.Relanged(s, lang) }
