package tui

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/retainlab/retain/tui/screentest"
	"github.com/retainlab/retain/tui/trainscreen"
)

// quitAfterLoad shows the Data screen and then the Train screen with a
// run (so every kind of styling is on screen once) and quits when the run
// has ended.
type quitAfterLoad struct {
	Model
}

func (q quitAfterLoad) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := q.Model.Update(msg)
	q.Model = m.(Model)
	switch msg.(type) {
	case loadedMsg:
		var start tea.Cmd
		m, _ = q.Model.Update(screentest.Press("3"))
		m, start = m.Update(screentest.Press("space"))
		q.Model = m.(Model)
		return q, tea.Batch(cmd, start)
	case trainscreen.DoneMsg:
		return q, tea.Quit
	}
	return q, cmd
}

// renderWith runs the program with a given colour profile and returns
// everything it wrote to the terminal.
func renderWith(t *testing.T, profile colorprofile.Profile) string {
	t.Helper()
	var out bytes.Buffer
	in, feed := io.Pipe()
	defer feed.Close()
	p := tea.NewProgram(quitAfterLoad{NewModel(textbookOptions())}, tea.WithInput(in), tea.WithOutput(&out),
		tea.WithWindowSize(100, 30), tea.WithColorProfile(profile), tea.WithoutSignalHandler())
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

var sgr = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// sgrParams returns the parameters of every SGR (styling) sequence.
func sgrParams(out string) [][]string {
	var all [][]string
	for _, m := range sgr.FindAllStringSubmatch(out, -1) {
		all = append(all, strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }))
	}
	return all
}

// colourIn returns the first SGR setting a colour (not a reset to the
// default, 39 or 49), and whether it is 24-bit.
func colourIn(out string, trueOnly bool) (string, bool) {
	for _, ps := range sgrParams(out) {
		for i, p := range ps {
			n, _ := strconv.Atoi(p)
			extended := (n == 38 || n == 48) && i+1 < len(ps)
			if trueOnly && extended && ps[i+1] == "2" {
				return strings.Join(ps, ";"), true
			}
			if !trueOnly && ((n >= 30 && n <= 37) || (n >= 40 && n <= 47) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) || extended) {
				return strings.Join(ps, ";"), true
			}
		}
	}
	return "", false
}

func hasReverse(out string) bool {
	for _, ps := range sgrParams(out) {
		if slices.Contains(ps, "7") {
			return true
		}
	}
	return false
}

func TestNoColorProfileDrawsWithoutColour(t *testing.T) {
	// NO_COLOR makes Bubble Tea pick the ASCII profile: text decoration
	// (bold, reverse) stays, colours go.
	out := renderWith(t, colorprofile.ASCII)
	if seq, ok := colourIn(out, false); ok {
		t.Fatalf("a colour (SGR %s) was written under the ASCII profile", seq)
	}
	if !hasReverse(out) {
		t.Fatal("the selected tab lost its reverse video under the ASCII profile")
	}
	if !bytes.Contains([]byte(out), []byte("validation")) {
		t.Fatal("the Train screen was not drawn")
	}
}

// TestANSI256ProfileUsesNoTrueColour checks a 256-colour terminal gets
// colour, and only in forms it understands. (retain's palette is the 16 ANSI
// colours, so the terminal's theme picks the shades; this guards against a
// 24-bit colour slipping in undownsampled.)
func TestANSI256ProfileUsesNoTrueColour(t *testing.T) {
	out := renderWith(t, colorprofile.ANSI256)
	if seq, ok := colourIn(out, true); ok {
		t.Fatalf("24-bit colour (SGR %s) was written to a 256-colour terminal", seq)
	}
	if _, ok := colourIn(out, false); !ok {
		t.Fatal("no colour at all under the 256-colour profile")
	}
}
