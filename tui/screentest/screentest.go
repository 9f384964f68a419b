// Package screentest helps the screen packages test a screen on its own:
// build its context in a language, lay it out at a size, render it without
// styling and compare it with a golden file. Only tests import it.
//
// A golden test of a screen in both languages at the usual sizes:
//
//	func TestGolden(t *testing.T) {
//		screentest.ForEach(t, func(t *testing.T, c common.Common) {
//			s := New(c) // fill it as the test needs
//			screentest.Golden(t, s, c.Width, c.Height)
//		})
//	}
//
// ForEach runs one subtest per language and size, named like "zh_80x24",
// so the files are testdata/TestGolden/zh_80x24.golden and so on; run the
// test with -update to write them.
package screentest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// Sizes are the window sizes every screen has goldens at: the smallest
// supported terminal and a large one.
var Sizes = [][2]int{{80, 24}, {160, 48}}

// Langs are the interface languages.
var Langs = []string{"en", "zh"}

// Common returns a screen context in lang with the content size w×h.
func Common(lang string, w, h int) common.Common {
	c := common.New(lang)
	c.SetSize(w, h)
	return c
}

// ForEach runs f in a subtest for every language and size, with a context
// of that language and size.
func ForEach(t *testing.T, f func(t *testing.T, c common.Common)) {
	t.Helper()
	for _, lang := range Langs {
		for _, sz := range Sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				f(t, Common(lang, sz[0], sz[1]))
			})
		}
	}
}

// Render lays s out at w×h and returns its view, cut or padded to exactly
// w×h, without styling.
func Render(s common.Screen, w, h int) string {
	s = s.Resize(w, h)
	return ansi.Strip(widget.Fit(s.View(), w, h))
}

// Golden renders s at w×h, checks that the view has h lines none wider
// than w cells (CJK characters count two), and compares it with the test's
// golden file.
func Golden(t *testing.T, s common.Screen, w, h int) {
	t.Helper()
	view := Render(s, w, h)
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Fatalf("line %d is %d cells wide, more than %d: %q", i+1, n, w, l)
		}
	}
	golden.RequireEqual(t, []byte(view))
}
