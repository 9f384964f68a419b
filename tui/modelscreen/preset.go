package modelscreen

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/datascreen"
)

// presetTitle names a preset of the source article on screen.
func presetTitle(com common.Common, name string) string {
	switch name {
	case experiment.PresetArticle43:
		return com.T("§4.3 case (100 users)", "§4.3 案例（100 个用户）")
	case experiment.PresetArticle5:
		return com.T("§5 Keras code", "§5 Keras 代码")
	}
	return name
}

// nextPreset applies the article's next preset (in experiment.PresetNames
// order, round and round), keeping the seed and the validation scheme. A
// preset with its own data asks the root to load it.
func (s *Model) nextPreset() tea.Cmd {
	names := experiment.PresetNames()
	s.preset = (s.preset + 1) % (len(names) + 1)
	if s.preset == 0 {
		s.preset = 1
	}
	p, err := experiment.PresetByName(names[s.preset-1])
	if err != nil {
		s.refusal, s.refused = s.ErrorText(err), s.sel
		return nil
	}
	next := cloneConfig(p.Config)
	next.Seed, next.Validation = s.cfg.Seed, s.cfg.Validation
	// The screens measure held-out rows as the validation part, so the
	// preset's test part is held out as validation; without early
	// stopping, training never looks at it either way.
	heldAsValidation := false
	if next.ValFrac == 0 && next.Train.EarlyStop.Patience == 0 && next.TestFrac > 0 {
		next.ValFrac, next.TestFrac = next.TestFrac, 0
		heldAsValidation = true
	}
	next.Train.Epochs = s.limits.ClampEpochs(next.Train.Epochs)
	if !s.apply(next, nil) {
		return nil
	}
	s.presetNote = presetTitle(s.Common, p.Name)
	if heldAsValidation {
		// `retain train --preset` calls the same rows its test part.
		s.presetNote += s.Tf(" · its %.0f %% test part is the validation part here",
			" · 其 %.0f %% 测试部分在这里是验证部分", 100*next.ValFrac)
	}
	s.sel = min(s.sel, len(fields(s.Common, s.cfg, s.limits))-1)
	if p.Source.Kind == "" {
		return nil
	}
	// Its own data replace the loaded data: said, as the Data screen's o, g
	// or b bring other data back.
	s.presetNote += s.T(" · replaces the loaded data", " · 替换了已加载的数据")
	src := p.Source
	return func() tea.Msg { return datascreen.OpenMsg{Src: src} }
}

// SplitChanged reports whether going from before to after changes how the
// loaded data are split or preprocessed, so they must be prepared again.
func SplitChanged(before, after experiment.Config) bool {
	return before.Seed != after.Seed || before.ValFrac != after.ValFrac || before.TestFrac != after.TestFrac ||
		before.CalibFrac != after.CalibFrac || before.Calibration != after.Calibration ||
		!reflect.DeepEqual(before.Pipeline, after.Pipeline)
}
