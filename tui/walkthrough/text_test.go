package walkthrough

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// verbPattern matches a formatting verb, with an optional explicit
// argument index: %d, %s, %[2]d.
var verbPattern = regexp.MustCompile(`%(?:\[(\d+)\])?([a-z])`)

// argumentVerbs lists "argument:verb" for every verb of a format string,
// resolving implicit indices the way fmt does, sorted, so two languages
// that order the same arguments differently compare equal.
func argumentVerbs(s string) []string {
	var out []string
	next := 1
	for _, m := range verbPattern.FindAllStringSubmatch(s, -1) {
		arg := next
		if m[1] != "" {
			arg, _ = strconv.Atoi(m[1])
		}
		out = append(out, strconv.Itoa(arg)+":"+m[2])
		next = arg + 1
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestEveryTextExistsInBothLanguages(t *testing.T) {
	en, zh := slices.Sorted(maps.Keys(textEN)), slices.Sorted(maps.Keys(textZH))
	for _, k := range en {
		if _, ok := textZH[k]; !ok {
			t.Errorf("%q has no Chinese text", k)
		}
	}
	for _, k := range zh {
		if _, ok := textEN[k]; !ok {
			t.Errorf("%q has no English text", k)
		}
	}
	for _, k := range en {
		zhText, ok := textZH[k]
		if !ok {
			continue
		}
		if a, b := argumentVerbs(textEN[k]), argumentVerbs(zhText); !slices.Equal(a, b) {
			t.Errorf("%q takes %v in English but %v in Chinese", k, a, b)
		}
		if strings.TrimSpace(textEN[k]) == "" || strings.TrimSpace(zhText) == "" {
			t.Errorf("%q is empty in one language", k)
		}
	}
}

// Every page, in both languages, uses only texts that exist (a missing one
// shows as ⟦key⟧) and no formatting goes wrong (%!d(MISSING) and the like).
func TestEveryPageRendersInBothLanguages(t *testing.T) {
	exp := fixtureExperiment(t)
	in, err := NewInput(exp, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		m := New(in, lang, DefaultStyles())
		m.SetSize(160, 200)
		_, total := m.Step()
		for i := range total {
			v := ansi.Strip(m.View())
			for _, bad := range []string{"⟦", "%!", "NaN"} {
				if strings.Contains(v, bad) {
					t.Errorf("%s step %d shows %q:\n%s", lang, i+1, bad, v)
				}
			}
			m = press(m, keyRight)
		}
	}
}

func TestDetectLang(t *testing.T) {
	cases := []struct{ flag, env, want string }{
		{"", "zh_CN.UTF-8", "zh"},
		{"", "zh_TW", "zh"},
		{"", "en_GB.UTF-8", "en"},
		{"", "C", "en"},
		{"", "", "en"},
		{"en", "zh_CN.UTF-8", "en"}, // the flag wins
		{"zh", "en_US.UTF-8", "zh"},
		{"ZH-cn", "", "zh"},
		{"fr", "zh_CN.UTF-8", "zh"}, // an unknown flag falls back to LANG
	}
	for _, c := range cases {
		if got := DetectLang(c.flag, c.env); got != c.want {
			t.Errorf("DetectLang(%q, %q) = %q, want %q", c.flag, c.env, got, c.want)
		}
	}
}

func TestBadInputIsReportedNotPanicked(t *testing.T) {
	if _, err := NewInput(nil, 0); err == nil || err.Error() != "no experiment loaded" {
		t.Errorf("NewInput(nil) error = %v", err)
	}
	exp := fixtureExperiment(t)
	if _, err := NewInput(exp, 100); err == nil || err.Error() != "row 100 outside the table's 100 rows" {
		t.Errorf("NewInput(row 100) error = %v", err)
	}
	m := New(Input{}, "en", DefaultStyles())
	if m.Err() == nil || m.Err().Error() != "no trained model yet" {
		t.Fatalf("New(empty input) error = %v", m.Err())
	}
	m.SetSize(80, 24)
	if !strings.Contains(ansi.Strip(m.View()), "no trained model yet") {
		t.Errorf("the panel does not say why:\n%s", ansi.Strip(m.View()))
	}
	m = press(m, keyRight, keyDown, keyTab)
	if m.KeyMap().Next.Enabled() {
		t.Error("next is advertised with nothing to show")
	}
	short := Input{Exp: exp, Row: 0, X: []float64{1, 2}}
	if m := New(short, "en", DefaultStyles()); m.Err() == nil || m.Err().Error() != "the input has 2 values, the network takes 10" {
		t.Errorf("New(short input) error = %v", m.Err())
	}
}

// A walkthrough without a trainer (a loaded model) shows the forward pass
// only, and says nothing about training.
func TestForwardOnlyWithoutTrainer(t *testing.T) {
	exp := fixtureExperiment(t)
	noTrainer := *exp
	noTrainer.Trainer = nil
	in, err := NewInput(&noTrainer, fixtureRow(exp))
	if err != nil {
		t.Fatal(err)
	}
	m := New(in, "en", DefaultStyles())
	m.SetSize(100, 30)
	if _, total := m.Step(); total != 2+3*2 {
		t.Fatalf("%d steps without a trainer, want the 8 forward ones", total)
	}
	if m.Err() != nil {
		t.Fatal(m.Err())
	}
	m = goTo(t, m, stepActivate, 2)
	if v := ansi.Strip(m.View()); strings.Contains(v, "how training would change") {
		t.Errorf("the last forward page promises a training step that does not follow:\n%s", v)
	}
}

func TestLocaleFollowsPOSIXOrder(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, "zh_CN.UTF-8"},
		{map[string]string{"LC_MESSAGES": "zh_TW", "LANG": "en_US"}, "zh_TW"},
		{map[string]string{"LC_ALL": "C", "LC_MESSAGES": "zh_TW", "LANG": "zh_CN"}, "C"},
		{map[string]string{"LC_ALL": "", "LANG": "en_GB"}, "en_GB"},
		{nil, ""},
	}
	for _, c := range cases {
		if got := Locale(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("Locale(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}
