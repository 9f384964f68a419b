package datascreen

import (
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestBlankLabelsAndLeakShown: rows left out for a blank label are counted
// on the Rows line, and a column that alone separates the label is a
// warning, in both languages.
func TestBlankLabelsAndLeakShown(t *testing.T) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin"}, screentest.Open)
	if err != nil {
		t.Fatal(err)
	}
	d.Table.BlankLabels = data.BlankLabels{Rows: 1234, First: 2}
	d.Warnings = append(d.Warnings, &experiment.LeakWarning{Path: "t.csv", Column: "Churn Label", AUC: 1})
	cfg := experiment.DefaultConfig()
	exp, err := experiment.New(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		"en": {"· 1,234 rows without a label left out (the first on line 2)",
			`t.csv: column "Churn Label" alone separates the label (ROC AUC 1.0000 on its own)`},
		"zh": {"· 去掉了 1,234 条没有标签的行（第一条在第 2 行）",
			`t.csv：列 "Churn Label" 单独就能区分标签（单列 ROC AUC 1.0000）`},
	} {
		c := screentest.Common(lang, 220, 60)
		s := New(c)
		s.SetSize(c.Width, c.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		screentest.MustContain(t, screentest.Render(s, c.Width, c.Height), want...)
	}
}
