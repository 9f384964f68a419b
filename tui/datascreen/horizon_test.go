package datascreen

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// typeHorizon types v into the h prompt of s and presses enter: the
// source it asks to open, or ok false with the prompt's refusal.
func typeHorizon(t *testing.T, s Model, v string) (src experiment.Source, refusal string, ok bool) {
	t.Helper()
	s = keys(s, "h")
	s.SetPromptValue(v)
	s, cmd := s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		return src, s.PromptErr(), false
	}
	msg, isOpen := cmd().(OpenMsg)
	if !isOpen {
		t.Fatalf("%q: enter gives %#v", v, cmd())
	}
	return msg.Src, "", true
}

// TestHorizonReadsTheCommandLinesSyntax: h reads what --horizon reads
// (data.ParseHorizon), days with or without d, or weeks: "90d" was
// refused (review 33, finding 9).
func TestHorizonReadsTheCommandLinesSyntax(t *testing.T) {
	for _, lang := range screentest.Langs {
		s := loaded(t, screentest.Common(lang, 80, 24), experiment.Source{Kind: "log", Path: "orders.csv"}, orderLog())
		for v, want := range map[string]int{"90d": 90, "90": 90, "13w": 91, " 4W ": 28, "3650d": 3650} {
			src, refusal, ok := typeHorizon(t, s, v)
			if !ok || src.HorizonDays != want {
				t.Errorf("%s: %q opens horizon %d (refused %q), want %d", lang, v, src.HorizonDays, refusal, want)
			}
		}
		want := map[string]string{"en": "write the horizon as days, e.g. 90d, 13w or 90, from 1 to 3,650 days",
			"zh": "观察期请写成天数，例如 90d、13w 或 90，取 1 到 3,650 天"}[lang]
		for _, v := range []string{"0", "0d", "3651", "522w", "month", "9x"} {
			if _, refusal, ok := typeHorizon(t, s, v); ok || refusal != want {
				t.Errorf("%s: %q accepted %v, refusal %q; want %q", lang, v, ok, refusal, want)
			}
		}
	}
}

// TestHorizonMovesTheDefaultCutoff: a cutoff nobody chose follows the
// horizon as the command line's default does, the last date minus the
// horizon; a chosen one stays. orderLog's last date up to today is
// 1998-09-13, so the 30-day default cutoff is 1998-08-14 and the 60-day
// one 1998-07-15 (Python's datetime). Before, h kept 1998-08-14, whose
// 60-day window ran 30 days past the log (review 33, finding 1).
func TestHorizonMovesTheDefaultCutoff(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	s := loaded(t, screentest.Common("en", 80, 24), experiment.Source{Kind: "log", Path: "orders.csv"}, orderLog())
	if got := s.data.Source.Cutoff; !got.Equal(day("1998-08-14")) || !s.data.Source.CutoffDefault {
		t.Fatalf("loaded at %s (default %v), want the default 1998-08-14", got.Format(time.DateOnly), s.data.Source.CutoffDefault)
	}
	src, refusal, ok := typeHorizon(t, s, "60")
	if !ok {
		t.Fatal(refusal)
	}
	d, err := experiment.LoadAt(src, stringOpener(orderLog()), day("1998-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Source.Cutoff.Format(time.DateOnly); got != "1998-07-15" || d.Cohort.HorizonTruncated {
		t.Errorf("60 days on the default cutoff: loaded at %s (window truncated %v), want 1998-07-15", got, d.Cohort.HorizonTruncated)
	}
	// A cutoff typed with u, then h: the cutoff stays where it was put.
	s = keys(s, "u")
	s.SetPromptValue("1998-06-01")
	_, cmd := s.step(tea.KeyPressMsg{Code: tea.KeyEnter})
	if cmd == nil {
		t.Fatal("the cutoff was refused")
	}
	chosen := cmd().(OpenMsg).Src
	if chosen.CutoffDefault {
		t.Errorf("a typed cutoff is still marked the default")
	}
	s = loaded(t, screentest.Common("en", 80, 24), chosen, orderLog())
	if src, _, _ = typeHorizon(t, s, "60"); !src.Cutoff.Equal(day("1998-06-01")) {
		t.Errorf("60 days on a chosen cutoff: opens at %s, want 1998-06-01 kept", src.Cutoff.Format(time.DateOnly))
	}
	// Given at launch (--cutoff) it stays too.
	s = loaded(t, screentest.Common("en", 80, 24), experiment.Source{Kind: "log", Path: "orders.csv", Cutoff: day("1998-05-31")}, orderLog())
	if src, _, _ = typeHorizon(t, s, "60"); !src.Cutoff.Equal(day("1998-05-31")) {
		t.Errorf("60 days on a --cutoff: opens at %s, want 1998-05-31 kept", src.Cutoff.Format(time.DateOnly))
	}
}
