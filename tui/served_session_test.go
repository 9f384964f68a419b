package tui

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/screentest"
)

// notice is what serve sends before closing an idle session.
type notice string

func (n notice) Notice() string { return string(n) }

func TestNoticeShowsUntilTheNextKey(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 120, 40)
	m, _ = update(t, m, notice("idle for 9m0s: closing in 1m0s unless you press a key"))
	screentest.MustContain(t, screen(m), "idle for 9m0s: closing in 1m0s unless you press a key")
	m, _ = update(t, m, screentest.Press("down"))
	if strings.Contains(screen(m), "closing in") {
		t.Error("the notice outlived a key press")
	}
}
