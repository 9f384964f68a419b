package modelscreen

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// sgdFixture is the Model screen with the sgd optimiser chosen.
func sgdFixture(t *testing.T) Model {
	return typeValue(selectField(t, modelFixture(), "Optimiser"), "sgd")
}

func TestTrainingSettingsReachTheConfig(t *testing.T) {
	s := typeValue(selectField(t, sgdFixture(t), "Momentum"), "0.9")
	s = typeValue(selectField(t, s, "Nesterov"), "on")
	if got := s.Config().Train.Optimizer; got != (engine.OptimizerConfig{Kind: "sgd", LR: 1e-3, Momentum: 0.9, Nesterov: true}) {
		t.Errorf("optimizer %+v", got)
	}
	s = typeValue(selectField(t, s, "Gradient clip"), "2.5")
	if s.Config().Train.ClipNorm != 2.5 {
		t.Errorf("clip norm %g", s.Config().Train.ClipNorm)
	}

	s = typeValue(selectField(t, s, "LR schedule"), "step")
	s = typeValue(selectField(t, s, "  LR step every"), "4")
	s = typeValue(selectField(t, s, "  LR factor"), "0.3")
	if got := s.Config().Train.Schedule; got != (engine.ScheduleConfig{Kind: "step", Every: 4, Factor: 0.3}) {
		t.Errorf("step schedule %+v", got)
	}
	s = selectField(t, s, "LR schedule")
	s, _ = s.step(screentest.Press("right")) // step → plateau
	s = typeValue(selectField(t, s, "  LR patience"), "3")
	s = typeValue(selectField(t, s, "  Min LR"), "1e-5")
	if got := s.Config().Train.Schedule; got != (engine.ScheduleConfig{Kind: "plateau", Factor: 0.5, Patience: 3, MinDelta: 1e-4, MinLR: 1e-5}) {
		t.Errorf("plateau schedule %+v", got)
	}
	s = selectField(t, s, "LR schedule")
	s, _ = s.step(screentest.Press("right")) // plateau → cosine
	s = typeValue(selectField(t, s, "  Min LR"), "1e-4")
	if got := s.Config().Train.Schedule; got != (engine.ScheduleConfig{Kind: "cosine", MinLR: 1e-4}) {
		t.Errorf("cosine schedule %+v", got)
	}
	s = typeValue(selectField(t, s, "LR schedule"), "none")
	if got := s.Config().Train.Schedule; got != (engine.ScheduleConfig{}) {
		t.Errorf("no schedule %+v", got)
	}
	if err := s.Config().Validate(); err != nil {
		t.Error(err)
	}
}

func TestBadTrainingSettingsAreRefusedInPlace(t *testing.T) {
	cases := []struct {
		start       func(t *testing.T) Model
		field, text string
		refusal     string
	}{
		{sgdFixture, "Momentum", "1", "must be from 0 to below 1"},
		{sgdFixture, "Nesterov", "maybe", "type on or off"},
		{sgdFixture, "Nesterov", "on", "needs a momentum above 0"},
		{func(*testing.T) Model { return modelFixture() }, "LR schedule", "warmup", "choose none, step, plateau or cosine"},
		{func(*testing.T) Model { return modelFixture() }, "Gradient clip", "-1", "must be from 0 to 1,000,000"},
		{func(t *testing.T) Model { return typeValue(selectField(t, modelFixture(), "LR schedule"), "plateau") },
			"  LR factor", "1", "must be above 0 and below 1"},
		{func(t *testing.T) Model { return typeValue(selectField(t, modelFixture(), "LR schedule"), "step") },
			"  LR step every", "0", "must be from 1 to 100,000"},
	}
	for _, c := range cases {
		s := selectField(t, c.start(t), c.field)
		before := s.Config()
		s = typeValue(s, c.text)
		if !s.typing || s.refusal.In(s.Common) != c.refusal || s.refused != s.sel {
			t.Errorf("%s = %q: typing %v, refusal %q, want %q", c.field, c.text, s.typing, s.refusal.In(s.Common), c.refusal)
		}
		if !reflect.DeepEqual(s.Config(), before) {
			t.Errorf("%s = %q changed the configuration although refused", c.field, c.text)
		}
	}
}

func TestMomentumOnlyForSGD(t *testing.T) {
	for _, f := range fields(common.New("en"), experiment.DefaultConfig(), experiment.Limits{}, experiment.Shape{}) {
		if f.label == "Momentum" || f.label == "Nesterov" {
			t.Errorf("%s offered with adam", f.label)
		}
	}
}

// TestPresetKeyCyclesTheArticlePresets: p applied §4.3, which silently
// replaced the loaded file with the 100 textbook users, then §5 on those
// users, and round again: nothing went back to the default or brought the
// file back. The footer now says what the next p does, §4.3 asks the root
// to set the loaded data aside, §5 asks for them back, and the step after
// §5 is the configuration the session started with (the seed kept).
func TestPresetKeyCyclesTheArticlePresets(t *testing.T) {
	s := modelFixture()
	s.SetSeed(7)
	if got := presetKeyHelp(s); got != "§4.3 preset, own 100 users" {
		t.Errorf("before the first p, its help %q", got)
	}
	s, cmd := s.step(screentest.Press("p"))
	want, _ := experiment.PresetByName(experiment.PresetArticle43)
	// The §4.3 case loads its own data: the 100-user textbook population.
	if cmd == nil {
		t.Fatal("§4.3 preset asked for no data")
	}
	if msg, ok := cmd().(PresetDataMsg); !ok || !reflect.DeepEqual(msg.Src, experiment.Source{Kind: "textbook"}) {
		t.Errorf("§4.3 preset sent %#v, want the textbook source", cmd())
	}
	got := s.Config()
	if got.Seed != 7 {
		t.Errorf("seed %d, want the user's 7 kept", got.Seed)
	}
	got.Seed = want.Config.Seed
	// The test part is held out as the validation part the screens show.
	if got.ValFrac != 0.2 || got.TestFrac != 0 {
		t.Errorf("val %g test %g, want the 20 %% held out as validation", got.ValFrac, got.TestFrac)
	}
	got.ValFrac, got.TestFrac = want.Config.ValFrac, want.Config.TestFrac
	if !reflect.DeepEqual(got, want.Config) {
		t.Errorf("§4.3 config %+v\nwant %+v", got, want.Config)
	}
	// … and says so, as retain train --preset calls those rows its test
	// part, and that its own users replace the loaded data, which the
	// root sets aside and names.
	if want := "preset §4.3 case (100 users) · its 20 % test part is the validation part here"; s.presetNote.In(s.Common) != want {
		t.Errorf("preset note %q, want %q", s.presetNote.In(s.Common), want)
	}
	s.SetAside("telco.csv")
	screentest.MustContain(t, strings.Join(strings.Fields(stripped(strings.Join(s.formLines(56), " "))), " "),
		"telco.csv set aside for the preset's own users: p or r brings it back")
	if got := presetKeyHelp(s); got != "§5 preset, your data back" {
		t.Errorf("after §4.3, p's help %q", got)
	}

	s, cmd = s.step(screentest.Press("p"))
	if cmd == nil {
		t.Fatal("§5 preset did not ask for the data set aside back")
	}
	if msg := cmd(); msg != (RestoreDataMsg{}) {
		t.Errorf("§5 preset sent %#v, want RestoreDataMsg", msg)
	}
	c := s.Config()
	if c.Train.Epochs != 10 || c.Train.BatchSize != 32 || c.Train.EarlyStop.Patience != 0 ||
		c.Pipeline.Scale != data.ScaleMinMax || c.Pipeline.Log1p || len(c.Hidden) != 2 {
		t.Errorf("§5 config %+v", c)
	}
	if want := "preset §5 Keras code · its 20 % test part is the validation part here · telco.csv is loaded again"; s.presetNote.In(s.Common) != want {
		t.Errorf("§5 note %q, want %q", s.presetNote.In(s.Common), want)
	}
	s.SetAside("") // the root, once the data are back
	if got := presetKeyHelp(s); got != "default settings" {
		t.Errorf("after §5, p's help %q", got)
	}
	// An edit ends the preset's note.
	s = typeValue(selectField(t, s, "Epochs"), "20")
	if s.presetNote.In(s.Common) != "" {
		t.Errorf("note %q after an edit", s.presetNote.In(s.Common))
	}
	// The step after §5 is the default: the configuration the screen
	// started with, the seed as the user set it.
	s, cmd = s.step(screentest.Press("p"))
	if cmd != nil {
		t.Errorf("the default with nothing set aside sent %#v", cmd())
	}
	def := experiment.DefaultConfig()
	def.Seed = 7
	if !reflect.DeepEqual(s.Config(), def) {
		t.Errorf("third p: config %+v\nwant the default %+v", s.Config(), def)
	}
	if s.presetNote.In(s.Common) != "default settings (seed 7 kept)" {
		t.Errorf("default's note %q", s.presetNote.In(s.Common))
	}
	// Round again to §4.3.
	if s, _ = s.step(screentest.Press("p")); s.preset != 1 {
		t.Errorf("fourth p: preset %d, want §4.3 again", s.preset)
	}
}

// TestResetKeyGoesBackToTheDefault: r returns every setting to the
// configuration the session started with, keeping the seed, and brings
// back data a preset set aside.
func TestResetKeyGoesBackToTheDefault(t *testing.T) {
	s := modelFixture()
	s = typeValue(selectField(t, s, "Seed"), "3")
	s = typeValue(selectField(t, s, "Scaling"), "minmax")
	s = typeValue(selectField(t, s, "log(1+v)"), "off")
	s = typeValue(selectField(t, s, "Learning rate"), "0.01")
	s, _ = s.step(screentest.Press("r"))
	def := experiment.DefaultConfig()
	def.Seed = 3
	if !reflect.DeepEqual(s.Config(), def) {
		t.Errorf("after r: %+v\nwant %+v", s.Config(), def)
	}
	s, _ = s.step(screentest.Press("p")) // §4.3
	s.SetAside("built-in shop")
	s, cmd := s.step(screentest.Press("r"))
	if cmd == nil || cmd() != (RestoreDataMsg{}) {
		t.Fatal("r with data set aside did not ask for them back")
	}
	if !reflect.DeepEqual(s.Config(), def) {
		t.Errorf("r after §4.3: %+v\nwant %+v", s.Config(), def)
	}
	if want := "default settings (seed 3 kept) · built-in shop is loaded again"; s.presetNote.In(s.Common) != want {
		t.Errorf("note %q, want %q", s.presetNote.In(s.Common), want)
	}
}

// presetKeyHelp is what the footer says p does now.
func presetKeyHelp(s Model) string {
	for _, b := range s.HelpGroups()[0] {
		if b.Help().Key == "p" {
			return b.Help().Desc
		}
	}
	return ""
}

func TestPresetRespectsTheSessionLimit(t *testing.T) {
	s := New(common.New("en"), experiment.DefaultConfig(), experiment.Limits{MaxEpochs: 5})
	s.SetSize(100, 30)
	s, _ = s.step(screentest.Press("p"))
	s, _ = s.step(screentest.Press("p"))
	if s.Config().Train.Epochs != 5 {
		t.Errorf("epochs %d, want the session's 5", s.Config().Train.Epochs)
	}
}

// TestDecayCheckSetting: the decay check's alternative prior is typed or
// stepped into the configuration, 0 shows as off, a negative one is
// refused in place, and the row leaves with the prior (a fixed L2).
func TestDecayCheckSetting(t *testing.T) {
	s := typeValue(selectField(t, modelFixture(), "Decay check"), "5")
	if s.Config().L2PriorAlt != 5 {
		t.Fatalf("typed 5: alternative prior %g", s.Config().L2PriorAlt)
	}
	s, _ = s.step(screentest.Press("left")) // 5 → 2
	s, _ = s.step(screentest.Press("left")) // 2 → 1
	s, _ = s.step(screentest.Press("left")) // 1 → 0
	if got := fields(common.New("en"), s.Config(), experiment.Limits{}, experiment.Shape{}); s.Config().L2PriorAlt != 0 || got[s.sel].get(s.Config()) != "off" {
		t.Fatalf("stepped down: alternative prior %g, shown %q", s.Config().L2PriorAlt, got[s.sel].get(s.Config()))
	}
	r := typeValue(selectField(t, modelFixture(), "Decay check"), "-1")
	if r.refusal.In(r.Common) != "must be from 0 to 1e9" || r.Config().L2PriorAlt != 2 {
		t.Errorf("-1: refusal %q, alternative prior %g", r.refusal.In(r.Common), r.Config().L2PriorAlt)
	}
	s = typeValue(selectField(t, modelFixture(), "L2"), "0.001")
	for _, f := range fields(common.New("en"), s.Config(), experiment.Limits{}, experiment.Shape{}) {
		if f.label == "Decay check" {
			t.Error("decay check offered with a fixed L2")
		}
	}
}

// TestScheduleInChinese: the Chinese interface shows the schedule in
// Chinese (not "none") and takes it typed either way.
func TestScheduleInChinese(t *testing.T) {
	s := New(common.New("zh"), experiment.DefaultConfig(), experiment.Limits{})
	s.SetSize(100, 30)
	s.SetShape(experiment.Shape{Inputs: 10})
	screentest.MustContain(t, s.View(), "学习率调度", "无")
	s = typeValue(selectField(t, s, "学习率调度"), "平台期")
	if got := s.Config().Train.Schedule.Kind; got != "plateau" {
		t.Fatalf("typed 平台期: schedule %q", got)
	}
	s = typeValue(selectField(t, s, "学习率调度"), "cosine")
	if got := s.Config().Train.Schedule.Kind; got != "cosine" {
		t.Fatalf("typed cosine: schedule %q", got)
	}
	if got := s.fieldList()[s.sel].get(s.Config()); got != "余弦" {
		t.Errorf("cosine shown as %q, want 余弦", got)
	}
}

// TestPreprocessingSettings: the Tune screen's trials set the scaling and
// log(1+v), which no field showed. Both are fields now, stepped, typed in
// either language and refused in place.
func TestPreprocessingSettings(t *testing.T) {
	s := selectField(t, modelFixture(), "Scaling")
	var got []data.Scaling
	for range 4 {
		s, _ = s.step(screentest.Press("right"))
		got = append(got, s.Config().Pipeline.Scale)
	}
	// From the default's zscore: minmax, robust, none, and round to zscore.
	if want := []data.Scaling{data.ScaleMinMax, data.ScaleRobust, data.ScaleNone, data.ScaleZScore}; !reflect.DeepEqual(got, want) {
		t.Errorf("→ stepped through %v, want %v", got, want)
	}
	s = typeValue(s, "robust")
	if s.Config().Pipeline.Scale != data.ScaleRobust {
		t.Errorf("typed robust: %v", s.Config().Pipeline.Scale)
	}
	r := typeValue(s, "log")
	if r.refusal.In(r.Common) != "choose zscore, minmax, robust or none" || r.Config().Pipeline.Scale != data.ScaleRobust {
		t.Errorf("typed log: refusal %q, scaling %v", r.refusal.In(r.Common), r.Config().Pipeline.Scale)
	}
	s = selectField(t, s, "log(1+v)")
	s, _ = s.step(screentest.Press("right"))
	if s.Config().Pipeline.Log1p {
		t.Error("→ left log(1+v) on")
	}
	s = typeValue(s, "on")
	if !s.Config().Pipeline.Log1p {
		t.Error("typed on: log(1+v) off")
	}
	if r := typeValue(s, "maybe"); r.refusal.In(r.Common) != "type on or off" {
		t.Errorf("typed maybe: refusal %q", r.refusal.In(r.Common))
	}

	zh := New(common.New("zh"), experiment.DefaultConfig(), experiment.Limits{})
	zh.SetSize(100, 30)
	zh = typeValue(selectField(t, zh, "缩放"), "最小-最大")
	zh = typeValue(selectField(t, zh, "log(1+v)"), "关")
	if c := zh.Config().Pipeline; c.Scale != data.ScaleMinMax || c.Log1p {
		t.Errorf("typed 最小-最大 and 关: %+v", c)
	}
	fs := fields(zh.Common, zh.Config(), zh.limits, experiment.Shape{})
	if got := fs[len(fs)-2].get(zh.Config()) + " " + fs[len(fs)-1].get(zh.Config()); got != "最小-最大 关" {
		t.Errorf("shown as %q, want 最小-最大 关", got)
	}
}
