package datascreen

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// schemeScreen is the Data screen over screentest's order log at cutoff,
// prepared as the TUI does with the scheme asked for.
func schemeScreen(t *testing.T, c common.Common, cutoff string, scheme experiment.Scheme) Model {
	t.Helper()
	return schemeScreenHorizon(t, c, cutoff, 10, scheme)
}

// schemeScreenHorizon is schemeScreen with a horizon of h days.
func schemeScreenHorizon(t *testing.T, c common.Common, cutoff string, h int, scheme experiment.Scheme) Model {
	t.Helper()
	d := screentest.LoadLogHorizon(t, cutoff, h)
	cfg := experiment.DefaultConfig()
	cfg.Validation = scheme
	exp, err := experiment.Prepare(d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := New(c)
	s.SetSize(c.Width, c.Height)
	s.SetData(d, NewInfo(d, exp, cfg.Seed))
	return s
}

func TestGoldenOrderLogOutOfTime(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, schemeScreen(t, c, "", experiment.OutOfTime), c.Width, c.Height)
	})
}

// TestGoldenOrderLogTooShortForOutOfTime: a 60-day log with a 25-day
// horizon is too short to train out of time on customers with one horizon
// of history (the rule of retain backtest): the Data screen says it is
// split at random instead, and why.
func TestGoldenOrderLogTooShortForOutOfTime(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		screentest.Golden(t, schemeScreenHorizon(t, c, "", 25, experiment.OutOfTime), c.Width, c.Height)
	})
}

// TestGoldenOneClassLog: a log in which no customer orders again says so
// in place of the fallback to a random split (which could not train
// either), naming the customer column that may be a per-order key.
func TestGoldenOneClassLog(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		d := screentest.LoadOneOrderEach(t)
		cfg := experiment.DefaultConfig()
		cfg.Validation = experiment.OutOfTime
		exp, err := experiment.Prepare(d, cfg)
		if err != nil {
			t.Fatal(err)
		}
		s := New(c)
		s.SetSize(c.Width, c.Height)
		s.SetData(d, NewInfo(d, exp, cfg.Seed))
		screentest.Golden(t, s, c.Width, c.Height)
	})
}

// TestValidationToggle: t asks the root for the other scheme; after a
// fallback, t asks for the random split the fallback already is, as the
// configuration asks for out of time. The fallback's reason is shown.
func TestValidationToggle(t *testing.T) {
	c := screentest.Common("en", 160, 48)
	for _, tc := range []struct {
		cutoff      string
		scheme      experiment.Scheme
		want        experiment.Scheme
		mustContain string
	}{
		{"", experiment.OutOfTime, experiment.RandomSplit,
			"out of time: trains on the customers at 2024-02-10 (70, 7 of them held out for early stopping), measured on the 80 at 2024-02-20 · t: random split"},
		{"", experiment.RandomSplit, experiment.OutOfTime, "random split, seed 1: train 72 · validation 8 · test 0 (stratified) · t: out of time"},
		{"2024-01-05", experiment.OutOfTime, experiment.RandomSplit,
			"out of time is impossible here: it would train on the customers at 2023-12-26 (10 days before the cutoff 2024-01-05), before the log starts on 2024-01-01"},
		{"2024-01-15", experiment.OutOfTime, experiment.RandomSplit,
			"out of time is impossible here: it would train on the customers at 2024-01-05, who have only 4 days of orders before them, less than the 10-day horizon (the log starts on 2024-01-01); split at random instead (choose a cutoff from 2024-01-21 or a shorter horizon)"},
	} {
		s := schemeScreen(t, c, tc.cutoff, tc.scheme)
		// Words only: the key column indents wrapped lines.
		view := strings.Fields(screentest.Render(s, 160, 48))
		screentest.MustContain(t, strings.Join(view, " "), tc.mustContain)
		_, cmd := s.step(screentest.Press("t"))
		if cmd == nil {
			t.Fatalf("%s at %q: t sends nothing", tc.scheme, tc.cutoff)
		}
		if got, ok := cmd().(SchemeMsg); !ok || got.Scheme != tc.want {
			t.Errorf("%s at %q: t sends %#v, want %s", tc.scheme, tc.cutoff, got, tc.want)
		}
	}
}

// TestValidationHintSaysWhatTDoes: after out of time fell back to the
// random split the Scheme line still said "t: out of time", while t then
// asks for the random split. The hint names what t sends, in English and
// Chinese, in each state.
func TestValidationHintSaysWhatTDoes(t *testing.T) {
	for _, tc := range []struct {
		name           string
		cutoff         string
		scheme         experiment.Scheme
		wantEn, wantZh string
		sends          experiment.Scheme
	}{
		{"out of time", "", experiment.OutOfTime, "t: random split", "t：随机划分", experiment.RandomSplit},
		{"random split", "", experiment.RandomSplit, "t: out of time", "t：跨时间验证", experiment.OutOfTime},
		{"fallback", "2024-01-15", experiment.OutOfTime, "t: choose the random split", "t：改选随机划分", experiment.RandomSplit},
	} {
		for lang, want := range map[string]string{"en": tc.wantEn, "zh": tc.wantZh} {
			s := schemeScreen(t, screentest.Common(lang, 160, 48), tc.cutoff, tc.scheme)
			view := strings.Join(strings.Fields(screentest.Render(s, 160, 48)), " ")
			screentest.MustContain(t, view, want)
			for _, other := range []string{tc.wantEn, tc.wantZh, "t: out of time", "t：跨时间验证", "t: random split", "t：随机划分"} {
				if other != want && !strings.Contains(want, other) && strings.Contains(view, other) {
					t.Errorf("%s, %s: the view says %q besides %q", tc.name, lang, other, want)
				}
			}
			_, cmd := s.step(screentest.Press("t"))
			if got, ok := cmd().(SchemeMsg); !ok || got.Scheme != tc.sends {
				t.Errorf("%s, %s: t sends %#v, want %s", tc.name, lang, got, tc.sends)
			}
		}
	}
}
