package recscreen

import (
	"github.com/retainlab/retain/tui/common"
)

// SetLang makes the screen speak lang, keeping its data, place and
// fields: the keys' help and every chart's wording are taken from a
// screen built afresh in lang, and the view is drawn again.
func (s *Model) SetLang(lang string) {
	s.Common.SetLang(lang)
	s.keys = common.Relabel(s.keys, defaultKeyMap(s.Common))
	s.scrollKeys = common.Relabel(s.scrollKeys, common.NewScrollKeys(s.Common))
	s.loss.Relabel(New(s.Common, s.open).loss)
	s.render()
}

// Relang implements common.Screen.
func (s Model) Relang(lang string) common.Screen { return common.Relanged(s, lang) }
