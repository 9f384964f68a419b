package planscreen

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// figures are the numbers a text says, in order ("0.128", "1,000",
// "25"): the Chinese suggestion must say the English one's.
func figures(text string) []string {
	return regexp.MustCompile(`[0-9][0-9,]*(\.[0-9]+)?`).FindAllString(text, -1)
}

// flat is text without its spaces and line breaks, to find a wrapped
// sentence in a view.
func flat(text string) string { return strings.Join(strings.Fields(text), "") }

// TestGoldenSuggestions: the Plan screen shows the suggestions for the
// platform of `retain plan` (experiment.PlatformSuggestions of the plan
// shown), in a section after the segments, and a scrolls the page to it.
// Today's customers of screentest.OrderLog make all three: the model's
// drivers, where the 80 contacts go, and the 80 of 80 customers beyond
// the training range (the log's last date is 20 days after the cutoff the
// model trained at). In English each is the report's text; in Chinese the
// same figures in the same order. At 80×24 and 200×60, in both languages.
// Before the fix the screen had no such section.
func TestGoldenSuggestions(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	for _, lang := range screentest.Langs {
		for _, sz := range [][2]int{{80, 24}, {200, 60}} {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				c := screentest.Common(lang, sz[0], sz[1])
				s := pressToday(t, planned(t, c, run))
				want := experiment.PlatformSuggestions(s.Report(), 80)
				got := s.Suggestions()
				if len(got) != 3 || !slices.EqualFunc(got, want, func(a, b experiment.PlatformSuggestion) bool { return a.Text == b.Text }) {
					t.Fatalf("the screen's suggestions\n%+v\nwant (80 customers beyond the range)\n%+v", got, want)
				}
				s = feed(t, s, screentest.Press("a"))
				view := screentest.Render(s, sz[0], sz[1])
				title := map[bool]string{false: "Suggestions for the platform", true: "平台优化建议"}[c.Zh()]
				if sz[1] < 40 && !strings.HasPrefix(strings.Split(view, "\n")[1], title) {
					t.Errorf("a did not scroll the suggestions under the title:\n%s", view)
				}
				for _, p := range got {
					text := s.suggestionText(p)
					if !c.Zh() && text != p.Text {
						t.Errorf("English suggestion %q, want the report's %q", text, p.Text)
					}
					if f, en := figures(text), figures(p.Text); !slices.Equal(f, en) {
						t.Errorf("%s suggestion's figures %v, the report's %v:\n%s", p.Topic, f, en, text)
					}
					if sz[1] > 40 && !strings.Contains(flat(view), flat(text)) {
						t.Errorf("the view lacks\n%s\n%s", text, view)
					}
				}
				screentest.Golden(t, s, sz[0], sz[1])
			})
		}
	}
}

// TestGoldenNoSuggestions: a plan with nothing to suggest says so in one
// sentence where the section would be. At a cost of 1,000 a contact no
// contact pays (no budget suggestion); the model's drivers, which a plan
// on the screen always has, are taken out by hand. The textbook's 10
// held-out customers make no range suggestion: fewer than 20 lie beyond
// any end of a column's range, so the extrapolation warning names none
// (experiment.CustomersBeyond).
func TestGoldenNoSuggestions(t *testing.T) {
	run := screentest.TextbookRun(t)
	for _, lang := range screentest.Langs {
		t.Run(lang, func(t *testing.T) {
			c := screentest.Common(lang, 80, 24)
			s := typeIn(t, planned(t, c, run), "c", "1000")
			if got := s.Suggestions(); slices.ContainsFunc(got, func(p experiment.PlatformSuggestion) bool { return p.Topic == experiment.TopicBudget }) {
				t.Fatalf("suggestions at a cost of 1,000: %+v, want no budget", got)
			}
			s.suggestions = nil
			s.render()
			s = feed(t, s, screentest.Press("a"))
			line := map[bool]string{false: "Suggestions for the platform: none from this plan", true: "平台优化建议：本计划没有可提的建议"}[c.Zh()]
			screentest.MustContain(t, screentest.Render(s, 80, 24), line)
			screentest.Golden(t, s, 80, 24)
		})
	}
}

// TestSuggestKeyListed: the key a is offered while the plan is taller
// than the screen, not when it fits.
func TestSuggestKeyListed(t *testing.T) {
	run := screentest.TextbookRun(t)
	for _, sz := range [][2]int{{80, 24}, {200, 200}} {
		s := planned(t, screentest.Common("en", sz[0], sz[1]), run)
		listed := slices.ContainsFunc(s.HelpGroups()[0], func(b key.Binding) bool { return b.Enabled() && b.Help().Key == "a" })
		if listed != (s.maxScroll > 0) {
			t.Errorf("%dx%d: a listed %v, page scrolls %v", sz[0], sz[1], listed, s.maxScroll > 0)
		}
	}
}

// TestSuggestionsStayInView: once a has scrolled to the suggestions, they
// stay under the title when the language switches (ctrl+l: the Chinese
// page's lines are not the English page's) or the window is resized; a
// scrolling key lets go of them.
func TestSuggestionsStayInView(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	s := feed(t, pressToday(t, planned(t, screentest.Common("en", 80, 24), run)), screentest.Press("a"))
	second := func(s Model) string { return strings.Split(screentest.Render(s, s.Width, s.Height), "\n")[1] }
	s.SetLang("zh")
	if got := second(s); !strings.HasPrefix(got, "平台优化建议") {
		t.Errorf("in Chinese the line under the title is %q, want the suggestions' title", got)
	}
	s.SetSize(100, 30)
	if got := second(s); !strings.HasPrefix(got, "平台优化建议") {
		t.Errorf("resized, the line under the title is %q", got)
	}
	s.SetLang("en")
	s = feed(t, s, screentest.Press("up"))
	if got := second(s); strings.HasPrefix(got, "Suggestions for the platform") || s.atSuggestions {
		t.Errorf("after ↑ the page still holds the suggestions: %q", got)
	}
}

// TestFieldOpensInView: a field opened with the page scrolled past the
// inputs (to the suggestions with a, or to the end with G) scrolls back
// so that the field typed in is in view.
func TestFieldOpensInView(t *testing.T) {
	run := screentest.LogRun(t, screentest.LoadLog(t, ""), experiment.OutOfTime, 5)
	for _, away := range []string{"a", "G"} {
		s := feed(t, pressToday(t, planned(t, screentest.Common("en", 80, 24), run)), screentest.Press(away))
		s = feed(t, s, screentest.Press("c"))
		if view := screentest.Render(s, 80, 24); !strings.Contains(view, "c cost per contact") {
			t.Errorf("after %s, c opened its field out of view:\n%s", away, view)
		}
	}
}
