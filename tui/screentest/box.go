package screentest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// PanelLines are the lines in the first box of view (common.Panel's
// rounded border), without the border; nil when view has no box.
func PanelLines(view string) []string {
	var lines []string
	in := false
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "╭"):
			in = true
		case strings.HasPrefix(line, "╰"):
			return lines
		case in:
			lines = append(lines, strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(line, "│"), "│")))
		}
	}
	return nil
}

// JoinWrapped joins lines as the wrap split them: with a space between
// two Latin words, with none beside a CJK character.
func JoinWrapped(lines ...string) string {
	var b strings.Builder
	for _, line := range lines {
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(line)
			if last < utf8.RuneSelf && first < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// BoxSays checks that view's box reads heading, then text whole.
func BoxSays(t *testing.T, what, view, heading, text string) {
	t.Helper()
	lines := PanelLines(view)
	if len(lines) == 0 || lines[0] != heading || JoinWrapped(lines[1:]...) != text {
		t.Errorf("%s: box reads\n%q\nwant %q then\n%q\nin\n%s", what, lines, heading, text, ansi.Strip(view))
	}
}
