package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestDataHeaderCountsOneFeatureInTheSingular: a file with one feature
// said "1 features → 1 model inputs".
func TestDataHeaderCountsOneFeatureInTheSingular(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,a,churn\n")
	for i := range 20 {
		b.WriteString(itoa(i) + "," + itoa(i%7) + "," + itoa(i%2) + "\n")
	}
	path := writeFile(t, t.TempDir(), "one.csv", b.String())
	m := loadedModel(t, Options{Source: experiment.Source{Kind: "csv", Path: path}, Config: experiment.DefaultConfig(), Open: screentest.Open}, 100, 30)
	view := screen(m)
	screentest.MustContain(t, view, "20 rows · 3 columns · 1 feature → 1 model input")
	if strings.Contains(view, "1 features") || strings.Contains(view, "1 model inputs") {
		t.Errorf("plural after 1:\n%s", view)
	}
}
