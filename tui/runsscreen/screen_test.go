package runsscreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestEmptyScreenSpeaksTheLanguage shows the i18n plumbing: the same screen
// says its empty-state title in English or Chinese after the context's
// language.
func TestEmptyScreenSpeaksTheLanguage(t *testing.T) {
	cases := map[string]string{"en": "No ended run yet.", "zh": "还没有结束的训练。"}
	for lang, want := range cases {
		view := screentest.Render(New(screentest.Common(lang, 80, 24)), 80, 24)
		if !strings.Contains(view, want) {
			t.Errorf("%s: view lacks %q:\n%s", lang, want, view)
		}
	}
}

// TestGoldenEmpty is the empty Runs screen in both languages at both sizes.
func TestGoldenEmpty(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, New(c), c.Width, c.Height)
	})
}
