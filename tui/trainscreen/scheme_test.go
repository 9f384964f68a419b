package trainscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestValidationSchemeShown: before a run on an order log the Train screen
// names the scheme the run will be validated with, in both languages; a
// table says nothing about it.
func TestValidationSchemeShown(t *testing.T) {
	d := screentest.LoadLog(t, "")
	want := map[string]map[experiment.Scheme]string{
		"en": {experiment.OutOfTime: "· validated out of time", experiment.RandomSplit: "· validated on a random split"},
		"zh": {experiment.OutOfTime: "· 跨时间验证", experiment.RandomSplit: "· 随机划分验证"},
	}
	for _, lang := range screentest.Langs {
		for scheme, text := range want[lang] {
			s := New(screentest.Common(lang, 160, 48))
			s.SetSize(160, 48)
			cfg := experiment.DefaultConfig()
			cfg.Validation = scheme
			s.SetInputs(d, cfg, experiment.Limits{})
			screentest.MustContain(t, s.View(), text)
		}
	}
	s := New(screentest.Common("en", 160, 48))
	s.SetSize(160, 48)
	builtin, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 200}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.DefaultConfig()
	cfg.Validation = experiment.OutOfTime
	s.SetInputs(builtin, cfg, experiment.Limits{})
	if strings.Contains(s.View(), "validated") {
		t.Errorf("a table's plan names a validation scheme:\n%s", s.View())
	}
}
