package datascreen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// footerOf is the prompt's footer as the short help shows it.
func footerOf(s Model) string {
	var footer []string
	for _, b := range s.HelpGroups()[0] {
		if b.Enabled() {
			footer = append(footer, b.Help().Key+" "+b.Help().Desc)
		}
	}
	return strings.Join(footer, " • ")
}

// TestPathPromptsReplaceTheirFolder: o and g opened on the current file's
// folder with the cursor after it, so a path typed as in the shell was
// read inside that folder ("../shared/x.csv" after "data/shoppers/" gave
// data/shoppers/../shared/x.csv; review31 #3). They open on the folder
// selected, as every other field opens: the path typed replaces it. →
// keeps the folder to go on from, the footer then names ctrl+u to clear
// it, and a folder kept and edited is opened as the path it names.
func TestPathPromptsReplaceTheirFolder(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := loaded(t, screentest.Common(lang, 80, 24), experiment.Source{Kind: "log", Path: "data/shoppers/orders.csv"}, orderLog())
		for _, k := range []string{"o", "g"} {
			p := keys(s, k)
			if got := p.PromptValue(); got != "data/shoppers/" {
				t.Fatalf("%s %s: the prompt opens on %q, want data/shoppers/", lang, k, got)
			}
			if f, want := footerOf(p), p.T("type to replace • ←/→ to edit", "输入 即替换 • ←/→ 在原值上修改"); !strings.Contains(f, want) {
				t.Errorf("%s %s: footer %q, want it to hold %q", lang, k, f, want)
			}
			typed := keys(p, strings.Split("../shared/x.csv", "")...)
			if got := typed.PromptValue(); got != "../shared/x.csv" {
				t.Errorf("%s %s: ../shared/x.csv typed gives %q", lang, k, got)
			}
			if msg := enter(t, typed); msg.Src.Path != "../shared/x.csv" {
				t.Errorf("%s %s: opens %q, want ../shared/x.csv", lang, k, msg.Src.Path)
			}

			kept := keys(p, "right")
			if f, want := footerOf(kept), "ctrl+u "+p.T("clear", "清空"); !strings.Contains(f, want) {
				t.Errorf("%s %s: footer once editing %q, want it to hold %q", lang, k, f, want)
			}
			kept = keys(kept, strings.Split("../retail/y.csv", "")...)
			if got := kept.PromptValue(); got != "data/shoppers/../retail/y.csv" {
				t.Errorf("%s %s: typed after → gives %q", lang, k, got)
			}
			if msg := enter(t, kept); msg.Src.Path != "data/retail/y.csv" {
				t.Errorf("%s %s: opens %q, want the cleaned data/retail/y.csv", lang, k, msg.Src.Path)
			}
			cleared, _ := kept.step(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
			if got := cleared.PromptValue(); got != "" {
				t.Errorf("%s %s: ctrl+u leaves %q", lang, k, got)
			}
		}
	}
}

// TestTabKeepsTheFolder: tab on the folder selected completes it, and
// what is typed next goes on from the completion instead of replacing it.
func TestTabKeepsTheFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "only.csv"), []byte("a,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := loaded(t, screentest.Common("en", 80, 24), experiment.Source{Kind: "log", Path: filepath.Join(dir, "orders.csv")}, orderLog())
	s = keys(s, "o")
	s, cmd := s.step(screentest.Press("tab"))
	if cmd == nil {
		t.Fatal("tab lists nothing")
	}
	next, _ := s.Update(cmd())
	s = next.(Model)
	if got, want := s.PromptValue(), filepath.Join(dir, "only.csv"); got != want {
		t.Fatalf("tab completes to %q, want %q", got, want)
	}
	s = keys(s, "x")
	if got, want := s.PromptValue(), filepath.Join(dir, "only.csvx"); got != want {
		t.Errorf("x typed after the completion gives %q, want %q", got, want)
	}
}

// enter presses enter on the prompt and returns the OpenMsg it sends.
func enter(t *testing.T, s Model) OpenMsg {
	t.Helper()
	_, cmd := s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatalf("enter refused the path: %q", s.PromptErr())
	}
	msg, ok := cmd().(OpenMsg)
	if !ok {
		t.Fatalf("enter gives %#v", cmd())
	}
	return msg
}
