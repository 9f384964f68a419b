package usersscreen

import (
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/exporter"
)

// SetLang makes the screen speak lang, keeping its data, place and
// fields: the keys' help and every chart's wording are taken from a
// screen built afresh in lang, and the view is drawn again.
func (s *Model) SetLang(lang string) {
	s.Common.SetLang(lang)
	s.keys = common.Relabel(s.keys, defaultUsersKeyMap(s.Common))
	s.shownKeys = common.Relabel(s.shownKeys, exporter.DefaultShownKeys(s.Common))
	fresh := New(s.Common)
	s.sweep.Relabel(fresh.sweep)
	if s.whatIf.active {
		// The sweep again: its caption (the feature's name) and a level's
		// "◂ now" mark, which the fresh screen has no data to set.
		s.fillSweep()
	}
	s.bars.SetText(s.BarsText())
	s.levels.SetText(s.BarsText())
	if s.prompt != usersNoPrompt {
		s.input.Prompt = s.promptLabel(s.prompt)
	}
	s.SetSize(s.Width, s.Height) // the field's width after its label, and the view
}

// Relang implements common.Screen.
func (s Model) Relang(lang string) common.Screen { return common.Relanged(s, lang) }

// promptLabel is the label before the text field of p.
func (s Model) promptLabel(p usersPrompt) string {
	switch p {
	case usersSearchPrompt:
		return s.T("Find id: ", "查找 id：")
	case usersExportPrompt:
		return s.T("Export to CSV: ", "导出到 CSV：")
	case usersValuePrompt:
		return s.T("Value: ", "取值：")
	}
	return ""
}
