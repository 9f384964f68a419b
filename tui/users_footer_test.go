package tui

import (
	"strings"
	"testing"
)

// TestUsersFooterListsEnterAt80Columns: at 80×24 the Users screen shows
// the list alone and a user's reasons only after enter, which the footer
// cut off after "c correct/wrong" (review31 #4: First five minutes
// promises reasons there). The footer's last line now names it.
func TestUsersFooterListsEnterAt80Columns(t *testing.T) {
	for _, c := range []struct{ lang, want string }{
		{"en", "enter reasons, details"},
		{"zh", "enter 原因与详情"},
	} {
		o := textbookOptions()
		o.Lang = c.lang
		users := pressAll(t, analysedModel(t, o, 80, 24, 2), "5")
		lines := strings.Split(strings.TrimRight(screen(users), "\n"), "\n")
		if footer := lines[len(lines)-1]; !strings.Contains(footer, c.want) {
			t.Errorf("%s: footer %q lacks %q", c.lang, footer, c.want)
		}
	}
}
