package datascreen

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// regionsCSV has a column of region codes 1..5 (a code name, whole
// numbers, 5 distinct values: data.CodeHints hints it) and a count.
func regionsCSV() string {
	var b strings.Builder
	b.WriteString("Region,visits,churn\n")
	for i := range 60 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i%5+1, i%13, []string{"no", "yes", "no"}[i%3])
	}
	return b.String()
}

func regionsScreen(t *testing.T, c common.Common, categorical []string) Model {
	return loaded(t, c, experiment.Source{Kind: "csv", Path: "regions.csv", Categorical: categorical}, regionsCSV())
}

// The hint names Region in the header and, on its row, the detail says
// what it saw; y asks for the data again with Region categorical, and y on
// the declared column asks for it as numbers again.
func TestCodesToggleAsksForTheDataWithTheColumnCategorical(t *testing.T) {
	s := regionsScreen(t, screentest.Common("en", 80, 24), nil)
	mustContain(t, flat(s.View()), "Region: whole numbers named like codes; if codes, not amounts, press y on its Schema row",
		"looks like codes: whole numbers 1–5, 5 distinct; y reads them as categories")
	s, msg := run(t, s, "y")
	open, ok := msg.(OpenMsg)
	if !ok || !reflect.DeepEqual(open.Src.Categorical, []string{"Region"}) {
		t.Fatalf("y on Region asked for %#v", msg)
	}
	s = loaded(t, s.Common, open.Src, regionsCSV())
	view := flat(s.View())
	if strings.Contains(view, "named like codes") {
		t.Errorf("a declared column is still hinted:\n%s", view)
	}
	// One input per region and one for visits.
	mustContain(t, view, "Region: categorical, feature, 0 missing", "2 features → 6 model inputs")
	_, msg = run(t, s, "y")
	if back, ok := msg.(OpenMsg); !ok || back.Src.Categorical != nil {
		t.Errorf("y on the declared Region asked for %#v, want none", msg)
	}
}

func TestCodesToggleRefusals(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		s := regionsScreen(t, screentest.Common(lang, 80, 24), nil)
		s = keys(s, "down", "down") // churn, the label
		s, msg := run(t, s, "y")
		want := map[string]string{"en": "churn is not a feature (label): only features switch numbers ⇄ categories",
			"zh": "churn 不是特征（标签）：只有特征列可切换 数值 ⇄ 类别"}[lang]
		if msg != nil {
			t.Errorf("%s: y on the label asked for %#v", lang, msg)
		}
		mustContain(t, s.View(), want)
		s = csvScreen(t, lang, 80, 24) // plan is text
		s, msg = run(t, s, "y")
		want = map[string]string{"en": "plan is text: it is read as categories already", "zh": "plan 是文本：已按类别读取"}[lang]
		if msg != nil {
			t.Errorf("%s: y on text asked for %#v", lang, msg)
		}
		mustContain(t, s.View(), want)
	}
}

func TestGoldenCodesHint(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, regionsScreen(t, c, nil), c.Width, c.Height)
	})
}

func TestGoldenCodesDeclared(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, regionsScreen(t, c, []string{"Region"}), c.Width, c.Height)
	})
}

// flat is the view without styles, its lines joined by one space and
// runs of spaces made one, so that a text wrapped over lines reads whole.
func flat(view string) string { return strings.Join(strings.Fields(ansi.Strip(view)), " ") }
