package walkthrough

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestPreview(t *testing.T) {
	if os.Getenv("WALK_PREVIEW") == "" {
		t.Skip("set WALK_PREVIEW=WxH[:lang] to print every step")
	}
	var w, h int
	lang := "en"
	fmt.Sscanf(os.Getenv("WALK_PREVIEW"), "%dx%d", &w, &h)
	if l := os.Getenv("WALK_LANG"); l != "" {
		lang = l
	}
	m, _ := fixtureModel(t, lang, w, h)
	if os.Getenv("WALK_WIDE") != "" {
		exp := wideExperiment(t, 64, 32)
		in, err := NewInput(exp, exp.TrainRows[3])
		if err != nil {
			t.Fatal(err)
		}
		m = New(in, lang, DefaultStyles())
		m.SetSize(w, h)
	}
	_, total := m.Step()
	for i := range total {
		fmt.Println("=== step " + strconv.Itoa(i+1))
		v := m.View()
		if os.Getenv("WALK_COLOR") == "" {
			v = ansi.Strip(v)
		}
		fmt.Println(v)
		m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	}
}
