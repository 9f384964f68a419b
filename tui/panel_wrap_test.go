package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/screentest"
)

// TestErrorPanelKeepsFlagsWhole: in Chinese, the error panel of a
// per-user table opened as an order log broke "--log-columns" after its
// first hyphen ("name it with -" / "-log-columns time=COLUMN"), and a
// Chinese sentence anywhere, as the box wrapped it. It is wrapped as
// prose now: the flag is whole on one line, no line ends in "-", and the
// message starts on the heading's line. With pseudonymised customer ids
// (the columns are not chosen here, so the Data screen's column chooser
// is not offered) the refusal still names --log-columns.
func TestErrorPanelKeepsFlagsWhole(t *testing.T) {
	o := textbookOptions()
	o.Lang = "zh"
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	o.Pseudonym = key
	for w := 80; w <= 130; w++ {
		m := loadedModel(t, o, w, 24)
		path := writeFile(t, t.TempDir(), "users.csv", smallCSV())
		m = sendKeys(t, m, "1", "g")
		m.dataScr.SetPromptValue(path)
		m = sendKeys(t, m, "enter")
		if m.err == nil {
			t.Fatalf("a per-user table opened as an order log: no error")
		}
		view := screen(m)
		screentest.MustContain(t, view, "--log-columns")
		for _, l := range strings.Split(view, "\n") {
			switch l = strings.Trim(l, " │"); {
			case strings.HasSuffix(l, "-"):
				t.Errorf("width %d: a line ends in a hyphen: %q\n%s", w, l, view)
			case l == "错误":
				t.Errorf("width %d: the heading is alone on its line:\n%s", w, view)
			}
		}
	}
}
