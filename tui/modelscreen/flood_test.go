package modelscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// TestOverLongWholeNumbersGetTheRange: a whole number too long for an
// int is a whole number out of range, refused with the field's range as
// 5000 is, not as "not a whole number"; a seed beyond 2^64-1 likewise
// (18,446,744,073,709,551,615 is 2^64-1, the largest uint64). The field
// keeps settingCharLimit (32) characters of the 1,000 typed.
func TestOverLongWholeNumbersGetTheRange(t *testing.T) {
	cases := []struct{ lang, field, text, refusal string }{
		{"en", "Layer 1 units", strings.Repeat("9", 1000), "must be from 1 to 4,096"},
		{"en", "Layer 1 units", "-" + strings.Repeat("9", 30), "must be from 1 to 4,096"},
		{"en", "Batch size", strings.Repeat("9", 25), "must be from 1 to 65,536"},
		{"en", "Seed", strings.Repeat("9", 25), "must be from 0 to 18,446,744,073,709,551,615"},
		{"zh", "第 1 层单元数", strings.Repeat("9", 1000), "必须在 1 到 4,096 之间"},
		{"zh", "随机种子", strings.Repeat("9", 25), "必须在 0 到 18,446,744,073,709,551,615 之间"},
	}
	for _, c := range cases {
		s := New(common.New(c.lang), experiment.DefaultConfig(), experiment.Limits{})
		s.SetSize(100, 30)
		s.SetShape(experiment.Shape{Inputs: 10, TrainRows: 4500})
		s = selectField(t, s, c.field)
		s = typeValue(s, c.text)
		if !s.typing || s.refusal.In(s.Common) != c.refusal {
			t.Errorf("%s %s = %d characters: typing %v, refusal %q, want %q", c.lang, c.field, len(c.text), s.typing, s.refusal.In(s.Common), c.refusal)
		}
		if n := len([]rune(s.input.Value())); n > settingCharLimit {
			t.Errorf("%s: the field holds %d characters, more than %d", c.field, n, settingCharLimit)
		}
	}
}

// TestAKeyIntoAFullFieldDoesNothing: once a field holds settingCharLimit
// characters, a typed character (a paste without brackets types
// thousands) changes nothing and draws nothing again: the screen
// allocates (next to) nothing for it, where it used to insert, scroll and render
// the whole form for a character the field then dropped.
func TestAKeyIntoAFullFieldDoesNothing(t *testing.T) {
	s := selectField(t, modelFixture(), "Layer 1 units")
	s, _ = s.step(screentest.Press("enter"))
	s, _ = s.step(tea.KeyPressMsg{Code: tea.KeyEnd}) // keeps the 64, to type after it
	for range 40 {
		s, _ = s.step(screentest.Press("9"))
	}
	if got := s.input.Value(); got != "64"+strings.Repeat("9", 30) {
		t.Fatalf("the field holds %q, want 64 then 30 nines (its first 32 characters)", got)
	}
	var key tea.Msg = screentest.Press("9") // boxed once, outside the count
	view := s.view
	allocs := testing.AllocsPerRun(20, func() {
		next, cmd := s.step(key)
		if cmd != nil || next.view != view {
			t.Fatal("a key into the full field changed the screen")
		}
	})
	// The one allocation is textinput's Value, the field's text read to
	// count its characters; inserting and drawing the form took hundreds.
	if allocs > 1 {
		t.Errorf("a key into the full field allocates %v times, want at most 1 (nothing done)", allocs)
	}
}
