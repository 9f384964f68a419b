package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/retainlab/retain/tui/screentest"
)

// langModel is the textbook data loaded at w×h with the interface in lang.
func langModel(t *testing.T, lang string, w, h int) Model {
	t.Helper()
	o := textbookOptions()
	o.Lang = lang
	return loadedModel(t, o, w, h)
}

// TestHelpOverlayShowsEveryKeyAt80x24 is the ? overlay that repeated the
// footer and cut its text at 80 columns: on every screen it shows every
// key that works, whole, and the footer only says how to close it.
func TestHelpOverlayShowsEveryKeyAt80x24(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		base := langModel(t, lang, 80, 24)
		for tb := range tabCount {
			m := sendKeys(t, base, fmt.Sprint(int(tb)+1), "?")
			view := screen(m)
			checkFrame(t, view, 80, 24)
			var want []string
			for _, g := range m.helpKeys().screen {
				for _, b := range g {
					if b.Enabled() {
						want = append(want, b.Help().Desc)
					}
				}
			}
			g := m.keys
			for _, b := range append(g.TabKeys(), g.NextTab, g.PrevTab, g.Quit) {
				want = append(want, b.Help().Desc)
			}
			for _, d := range want {
				if !strings.Contains(view, d) {
					t.Errorf("%s tab %d: the help lacks %q:\n%s", lang, tb+1, d, view)
				}
			}
			if strings.Contains(view, "…") {
				t.Errorf("%s tab %d: the help is cut:\n%s", lang, tb+1, view)
			}
			lines := strings.Split(view, "\n")
			footer := lines[len(lines)-1]
			if !strings.Contains(footer, "? / esc") || strings.Contains(footer, g.Quit.Help().Desc) {
				t.Errorf("%s tab %d: footer %q, want only how to close the help", lang, tb+1, footer)
			}
		}
	}
}

// TestHelpOverlayKeys checks that keys read in the help do nothing else:
// a screen's key is swallowed, esc closes, a tab key switches and closes.
func TestHelpOverlayKeys(t *testing.T) {
	m := sendKeys(t, langModel(t, "en", 80, 24), "3", "?", "space")
	if !m.help.ShowAll || m.trainScr.Alive() {
		t.Fatalf("space in the help: help %v, training %v", m.help.ShowAll, m.trainScr.Alive())
	}
	if m = sendKeys(t, m, "esc"); m.help.ShowAll {
		t.Fatal("esc did not close the help")
	}
	if m = sendKeys(t, m, "?", "7"); m.help.ShowAll || m.active != tabRuns {
		t.Fatalf("7 in the help: help %v, tab %d", m.help.ShowAll, m.active)
	}
}

// TestHelpLinesScrollWhenTooTall checks the layout of a help too tall for
// its area: every key is in the lines, none wider than the area.
func TestHelpLinesScrollWhenTooTall(t *testing.T) {
	m := langModel(t, "en", 80, 24)
	var many []helpSection
	for s := range 6 {
		sec := helpSection{title: fmt.Sprintf("Section %d", s)}
		for range 12 {
			sec.keys = append(sec.keys, m.keys.NextTab)
		}
		many = append(many, sec)
	}
	lines := helpLines(m.styles, many, 80, 20)
	if len(lines) <= 20 {
		t.Fatalf("%d lines for 78 entries in 80x20", len(lines))
	}
	text := ansi.Strip(strings.Join(lines, "\n"))
	if got := strings.Count(text, "next screen"); got != 72 {
		t.Errorf("%d keys laid out, want 72", got)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d cells wide", i+1, w)
		}
	}
}

// TestRootSpeaksChinese checks every text of the root frame in Chinese.
func TestRootSpeaksChinese(t *testing.T) {
	m := langModel(t, "zh", 80, 24)
	screentest.MustContain(t, screen(sendKeys(t, m, "7")), "1数据", "7记录", "按键", "退出")
	wide := langModel(t, "zh", 160, 48)
	screentest.MustContain(t, screen(wide), "6 逐步讲解", "7 训练记录", "8 决策图")
	withErr := m
	withErr.err = errors.New("boom")
	withErr.layout()
	screentest.MustContain(t, screen(withErr), "错误  boom", "之前的数据和设置没有改变。按 esc 关闭此消息。", "关闭错误")
	tm, _ := m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
	if got := screen(tm.(Model)); got != "窗口 60×20 太小：请放大到至少 80×24。" {
		t.Errorf("too-small notice %q", got)
	}
	tm, _ = m.Update(tea.WindowSizeMsg{Width: 20, Height: 20})
	if got := screen(tm.(Model)); got != "请放大到 80×24" {
		t.Errorf("narrow too-small notice %q", got)
	}
	starting := NewModel(Options{Lang: "zh"})
	if got := starting.statusText(); !strings.HasPrefix(got, "正在加载 ") {
		t.Errorf("loading status %q", got)
	}
	m.quitting = true
	if got := m.statusText(); got != "正在停止训练…" {
		t.Errorf("quitting status %q", got)
	}
}

// TestGoldenRoot is the root frame (tab bar, rule, footer, help overlay,
// error panel) around the empty Runs screen, in both languages at 80×24
// and 160×48.
func TestGoldenRoot(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			w, h := size[0], size[1]
			states := map[string]func() Model{
				"runs": func() Model { return sendKeys(t, langModel(t, lang, w, h), "7") },
				"help": func() Model { return sendKeys(t, langModel(t, lang, w, h), "7", "?") },
				"error": func() Model {
					m := sendKeys(t, langModel(t, lang, w, h), "7")
					m.err = errors.New("data.csv:3:7: bad number \"x\"")
					m.layout()
					return m
				},
			}
			for name, m := range states {
				t.Run(fmt.Sprintf("%s_%s_%dx%d", name, lang, w, h), func(t *testing.T) {
					view := screen(m())
					checkFrame(t, view, w, h)
					golden.RequireEqual(t, []byte(view))
				})
			}
		}
	}
}

// zhNotice is a server notice that speaks both languages.
type zhNotice struct{}

func (zhNotice) Notice() string              { return "closing soon" }
func (zhNotice) NoticeIn(lang string) string { return map[string]string{"zh": "即将关闭"}[lang] }

// TestNoticeInTheInterfaceLanguage checks that a server's notice is shown
// in Chinese when it can say it so.
func TestNoticeInTheInterfaceLanguage(t *testing.T) {
	m, _ := update(t, langModel(t, "zh", 80, 24), zhNotice{})
	if m.statusText() != "即将关闭" {
		t.Errorf("notice %q", m.statusText())
	}
}
