package evalscreen

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/tui/screentest"
)

// TestPagesScrollAtTheSmallestSize: at 80×24 the gains page ended at the
// window's edge, so its last band and the sentence for managers could not
// be reached (↑/↓ did nothing). The page now scrolls under the header and
// the tabs: end shows its last line, home its first, and a last line says
// which lines are in view. At 120×60 it fits and nothing scrolls.
func TestPagesScrollAtTheSmallestSize(t *testing.T) {
	good, _ := runs(t)
	for _, lang := range []string{"en", "zh"} {
		c := screentest.Common(lang, 80, 24)
		s := evaluated(t, c, good)
		s.page = PageGains
		s.render()
		full := s.sentence(80)
		if len(full) == 0 || s.maxScroll == 0 {
			t.Fatalf("%s: the gains page fits at 80×24 (max scroll %d): the test needs one that does not", lang, s.maxScroll)
		}
		last := strings.TrimSpace(full[len(full)-1])
		if strings.Contains(screentest.Render(s, 80, 24), last) {
			t.Fatalf("%s: the sentence's last line is in view before scrolling", lang)
		}
		s, _ = s.step(screentest.Press("end"))
		view := screentest.Render(s, 80, 24)
		lines := strings.Split(view, "\n")
		if !strings.Contains(view, last) || len(lines) != 24 {
			t.Errorf("%s: after end the view (%d lines) lacks %q:\n%s", lang, len(lines), last, view)
		}
		// In view: the 24 rows less the head, the page tabs and this line.
		inView := 24 - len(s.headLines(80)) - 2
		if want := s.Tf("of %d · ↑/↓ pgup/pgdn scroll", "共 %d 行 · ↑/↓ pgup/pgdn 滚动", s.maxScroll+inView); !strings.Contains(lines[23], want) {
			t.Errorf("%s: last line %q, want it to hold %q", lang, lines[23], want)
		}
		s, _ = s.step(screentest.Press("home"))
		if s.scroll != 0 {
			t.Errorf("%s: home left the page at line %d", lang, s.scroll+1)
		}
		big := evaluated(t, screentest.Common(lang, 120, 60), good)
		big.page = PageGains
		big.render()
		if big.maxScroll != 0 {
			t.Errorf("%s: at 120×60 the gains page scrolls (max %d)", lang, big.maxScroll)
		}
	}
}

// TestOverviewOffersNoScrolling: a summary that scrolled at 80×24 left its
// largest offset behind when the window grew to the one-page overview, so
// the help footer offered ↑/↓ scroll and pgup/pgdn there, which did
// nothing. The overview and the importance page never scroll.
func TestOverviewOffersNoScrolling(t *testing.T) {
	good, _ := runs(t)
	s := evaluated(t, screentest.Common("en", 80, 24), good)
	if s.maxScroll == 0 {
		t.Fatal("the summary fits at 80×24: the test needs one that scrolls")
	}
	for _, page := range []Page{PageSummary, PageImportance} {
		s.page = page
		s.SetSize(80, 24)
		s.SetSize(200, 60)
		scrollHelp := s.keys.Scroll.Up.Help().Key
		offered := slices.ContainsFunc(s.HelpGroups()[0], func(b key.Binding) bool { return b.Help().Key == scrollHelp })
		if !s.allOnOne() || s.maxScroll != 0 || offered {
			t.Errorf("page %d at 200×60: overview %v, max scroll %d, scrolling offered %v", page, s.allOnOne(), s.maxScroll, offered)
		}
	}
}
