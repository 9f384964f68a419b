package tui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestFooterDropsWholeKeys: help.ShortHelpView added a key that did not
// fit when its "…" would not fit either, and the footer then cut it mid-
// word ("• enter back to lis…"). Only whole keys are shown, then " …".
func TestFooterDropsWholeKeys(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	keys := []key.Binding{b("c", "correct/wrong"), b("/", "find id"), b("enter", "back to list")}
	h := help.New()
	for w := 1; w <= 50; w++ {
		got := ansi.Strip(shortHelpFit(h, keys, w))
		if ansi.StringWidth(got) > w {
			t.Fatalf("width %d: %q is wider", w, got)
		}
		if got == "" || got == "…" {
			continue
		}
		items := strings.Split(strings.TrimSuffix(got, " …"), " • ")
		for i, item := range items {
			if want := keys[i].Help().Key + " " + keys[i].Help().Desc; item != want {
				t.Fatalf("width %d: item %q, want %q whole (%q)", w, item, want, got)
			}
		}
		if all := len(items) == len(keys); all == strings.HasSuffix(got, "…") {
			t.Fatalf("width %d: %q: all keys %v, ends with … %v", w, got, all, strings.HasSuffix(got, "…"))
		}
	}
	if got := ansi.Strip(shortHelpFit(h, keys, 21)); got != "c correct/wrong …" {
		t.Errorf("21 cells: %q", got)
	}
}

// TestFooterNeverCutsAKeyOnAnyScreen: at 80 and 100 columns in both
// languages, every word of the footer's left part is a whole key or
// description of the screen's keys.
func TestFooterNeverCutsAKeyOnAnyScreen(t *testing.T) {
	for _, lang := range screentest.Langs {
		for _, w := range []int{80, 100} {
			m := loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(),
				Open: screentest.Open, Lang: lang}, w, 24)
			for _, tab := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "R", "T", "A"} {
				m = sendKeys(t, m, tab)
				var whole []string
				for _, g := range m.helpKeys().screen {
					for _, b := range g {
						whole = append(whole, b.Help().Key+" "+b.Help().Desc)
					}
				}
				lines := strings.Split(screen(m), "\n")
				footer := lines[len(lines)-1]
				right := ansi.Strip(m.help.ShortHelpView(m.footerGlobal(m.helpKeys())))
				left := strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(footer, " "), right))
				left = strings.TrimSuffix(left, " …")
				if left == "" {
					continue
				}
				for _, item := range strings.Split(left, " • ") {
					found := false
					for _, k := range whole {
						found = found || k == item
					}
					if !found {
						t.Errorf("%s %d cols, tab %s: footer item %q is not a whole key (%q)", lang, w, tab, item, footer)
					}
				}
			}
		}
	}
}

// TestDataFooterAndHelpListItsKeys: the Data screen's footer never listed
// x, g, b, c or [ ] and ? left out [ ] but on the preview; both list the
// keys that work, and [ or ] from another section shows the preview.
func TestDataFooterAndHelpListItsKeys(t *testing.T) {
	m := loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}, 300, 30)
	m = sendKeys(t, m, "1")
	footer := func() string {
		lines := strings.Split(screen(m), "\n")
		return lines[len(lines)-1]
	}
	screentest.MustContain(t, footer(), "x column in/out of features", "[/] preview columns", "o open file", "g open order log", "b built-in data", "s re-split seed")
	m = sendKeys(t, m, "?")
	screentest.MustContain(t, screen(m), "[/]", "preview columns")
	m = sendKeys(t, m, "esc")
	if m.dataScr.Section() != 0 {
		t.Fatalf("section %d, want the schema", m.dataScr.Section())
	}
	m = sendKeys(t, m, "]")
	if m.dataScr.Section() != 1 || m.dataScr.ColumnOffset() != 0 {
		t.Errorf("] on the schema: section %d, offset %d; want the preview, with every feature in view at 300 columns",
			m.dataScr.Section(), m.dataScr.ColumnOffset())
	}
}
