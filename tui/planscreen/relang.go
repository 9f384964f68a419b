package planscreen

import (
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// SetLang makes the screen speak lang, keeping its data, place and
// fields: the keys' help and every chart's wording are taken from a
// screen built afresh in lang, and the view is drawn again.
func (s *Model) SetLang(lang string) {
	s.Common.SetLang(lang)
	s.keys = common.Relabel(s.keys, defaultKeyMap(s.Common))
	s.shownKeys = common.Relabel(s.shownKeys, exporter.DefaultShownKeys(s.Common))
	s.leverKeys = common.Relabel(s.leverKeys, defaultLeverKeys(s.Common))
	s.scrollKeys = common.Relabel(s.scrollKeys, defaultScrollKeys(s.Common))
	s.render()
}

// Relang implements common.Screen.
func (s Model) Relang(lang string) common.Screen { return common.Relanged(s, lang) }
