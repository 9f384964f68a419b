package common

import (
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestRelabelKeepsKeysAndEnabled: a key map relabelled in another
// language takes the help of the fresh map, and keeps the keys and the
// enabled state the screen gave its bindings since it was built (a
// fresh map has every binding enabled, on its first keys).
func TestRelabelKeepsKeysAndEnabled(t *testing.T) {
	type keyMap struct {
		Go, Stop key.Binding
		Pages    [2]key.Binding
	}
	build := func(c Common) keyMap {
		b := func(k, en, zh string) key.Binding {
			return key.NewBinding(key.WithKeys(k), key.WithHelp(k, c.T(en, zh)))
		}
		return keyMap{Go: b("g", "go", "开始"), Stop: b("s", "stop", "停止"),
			Pages: [2]key.Binding{b("pgup", "up", "上页"), b("pgdown", "down", "下页")}}
	}
	old := build(Common{Lang: "en"})
	old.Stop.SetEnabled(false)
	old.Go.SetKeys("g", "home")
	got := Relabel(old, build(Common{Lang: "zh"}))
	if got.Go.Help().Desc != "开始" || got.Stop.Help().Desc != "停止" || got.Pages[1].Help().Desc != "下页" {
		t.Errorf("help not relabelled: %q %q %q", got.Go.Help().Desc, got.Stop.Help().Desc, got.Pages[1].Help().Desc)
	}
	if got.Stop.Enabled() || !got.Go.Enabled() || len(got.Go.Keys()) != 2 {
		t.Errorf("enabled or keys lost: stop enabled %v, go keys %v", got.Stop.Enabled(), got.Go.Keys())
	}
	if old.Go.Help().Desc != "go" {
		t.Errorf("the old map changed: %q", old.Go.Help().Desc)
	}
}

// TestSaySaysInEachLanguage: a Said reads in the language of the context
// it is read in, whichever language it was made in.
func TestSaySaysInEachLanguage(t *testing.T) {
	type screen struct{ Common }
	s := screen{Common{Lang: "zh"}}
	said := Say(s, func(s screen) string { return s.Tf("%d runs", "%d 次训练", 3) })
	if en, zh := said.In(Common{Lang: "en"}), said.In(s.Common); en != "3 runs" || zh != "3 次训练" {
		t.Errorf("said %q in English, %q in Chinese", en, zh)
	}
	if got := Both("a", "甲").Then(Plain("!")).In(Common{Lang: "zh"}); got != "甲!" {
		t.Errorf("Then: %q", got)
	}
}
