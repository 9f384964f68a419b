package modelscreen

import (
	"reflect"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
)

// PresetDataMsg asks the root to load a preset's own data (the §4.3
// case's 100 users), setting the data loaded now aside so that
// RestoreDataMsg brings them back.
type PresetDataMsg struct{ Src experiment.Source }

// RestoreDataMsg asks the root to bring back the data a preset's own data
// replaced (nothing when none is set aside).
type RestoreDataMsg struct{}

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

// nextStep is what the preset key does next: 1-based index of the
// article's preset it applies (experiment.PresetNames order), or 0 for
// the default configuration, after the last preset.
func (s Model) nextStep() int { return (s.preset + 1) % (len(experiment.PresetNames()) + 1) }

// presetHelp says what the preset key does next, for the footer, so the
// key that loads the §4.3 case's own users says so before it is pressed.
func (s Model) presetHelp() string {
	next := s.nextStep()
	if next == 0 {
		return s.T("default settings", "默认设置")
	}
	p, err := experiment.PresetByName(experiment.PresetNames()[next-1])
	switch {
	case err != nil:
		return s.T("article preset", "文章预设")
	case p.Source.Kind != "":
		return s.T("§4.3 preset, own 100 users", "§4.3 预设，自带 100 个用户")
	case s.aside != "":
		return s.T("§5 preset, your data back", "§5 预设，恢复你的数据")
	}
	return s.T("§5 preset", "§5 预设")
}

// nextPreset applies the article's next preset, then the default
// configuration, round and round, keeping the seed and the validation
// scheme. A preset with its own data asks the root to load them, and the
// next step brings the data they replaced back.
func (s *Model) nextPreset() tea.Cmd {
	next := s.nextStep()
	if next == 0 {
		return s.reset()
	}
	p, err := experiment.PresetByName(experiment.PresetNames()[next-1])
	if err != nil {
		s.refusal, s.refused = s.say(func(s Model) string { return s.ErrorText(err) }), s.sel
		return nil
	}
	cfg := cloneConfig(p.Config)
	cfg.Seed, cfg.Validation = s.cfg.Seed, s.cfg.Validation
	// The screens measure held-out rows as the validation part, so the
	// preset's test part is held out as validation; without early
	// stopping, training never looks at it either way.
	heldAsValidation := false
	if cfg.ValFrac == 0 && cfg.Train.EarlyStop.Patience == 0 && cfg.TestFrac > 0 {
		cfg.ValFrac, cfg.TestFrac = cfg.TestFrac, 0
		heldAsValidation = true
	}
	cfg.Train.Epochs = s.limits.ClampEpochs(cfg.Train.Epochs)
	if !s.apply(cfg, nil) {
		return nil
	}
	s.preset = next
	s.presetNote = s.say(func(s Model) string { return s.Tf("preset %s", "预设 %s", presetTitle(s.Common, p.Name)) })
	if heldAsValidation {
		// `retain train --preset` calls the same rows its test part.
		s.presetNote = s.presetNote.Then(s.say(func(s Model) string {
			return s.Tf(" · its %.0f %% test part is the validation part here", " · 其 %.0f %% 测试集在这里是验证集", 100*cfg.ValFrac)
		}))
	}
	s.sel = min(s.sel, len(s.fieldList())-1)
	if p.Source.Kind != "" {
		// Its own users replace the loaded data, which the root sets
		// aside (SetAside says which, and the view says so) until the
		// next step or r.
		src := p.Source
		return func() tea.Msg { return PresetDataMsg{Src: src} }
	}
	return s.restore()
}

// reset goes back to the configuration the session started with (the
// default), keeping the seed and the validation scheme, which choose the
// split the Data screen shows, and brings back data a preset replaced.
func (s *Model) reset() tea.Cmd {
	cfg := cloneConfig(s.initial)
	cfg.Seed, cfg.Validation = s.cfg.Seed, s.cfg.Validation
	if !s.apply(cfg, nil) {
		return nil
	}
	s.preset = 0
	s.presetNote = s.say(func(s Model) string {
		return s.Tf("default settings (seed %d kept)", "默认设置（保留随机种子 %d）", cfg.Seed)
	})
	s.sel = min(s.sel, len(s.fieldList())-1)
	return s.restore()
}

// restore asks for the data set aside by a preset back, and says so in
// the note.
func (s *Model) restore() tea.Cmd {
	if s.aside == "" {
		return nil
	}
	s.presetNote = s.presetNote.Then(s.say(func(s Model) string { return s.Tf(" · %s is loaded again", " · 重新加载 %s", s.aside) }))
	return func() tea.Msg { return RestoreDataMsg{} }
}

// SetAside tells the screen the name of the data a preset's own data
// replaced, which its next step or r brings back ("" when none is set
// aside, or they are back).
func (s *Model) SetAside(name string) {
	s.aside = name
	s.view = s.render()
}

// SplitChanged reports whether going from before to after changes how the
// loaded data are split or preprocessed, so they must be prepared again.
func SplitChanged(before, after experiment.Config) bool {
	return before.Seed != after.Seed || before.ValFrac != after.ValFrac || before.TestFrac != after.TestFrac ||
		before.CalibFrac != after.CalibFrac || before.Calibration != after.Calibration ||
		!reflect.DeepEqual(before.Pipeline, after.Pipeline)
}
