package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// oddLog is an order log whose column names (person, when, spent) name
// no role: 30 customers p01…p30 with 3 orders each in 2024.
func oddLog() string {
	var b strings.Builder
	b.WriteString("person,when,spent\n")
	for i := range 90 {
		fmt.Fprintf(&b, "p%02d,2024-%02d-%02d,%d.50\n", i%30+1, i%12+1, i%28+1, 10+i)
	}
	return b.String()
}

// TestUnknownLogColumnsOfferTheChooser: a log whose customer id column
// is found by no name failed to load with the command line's advice
// (--log-columns customer=COLUMN), and the column chooser (l) works only
// on a loaded log. Opened with g, it now opens the chooser on its header
// with the data loaded before kept; esc shows the refusal with this
// interface's advice; opened again, person and when chosen, it loads
// with its 30 customers (as oddLog writes them).
func TestUnknownLogColumnsOfferTheChooser(t *testing.T) {
	path := writeFile(t, t.TempDir(), "odd.csv", oddLog())
	m := loadedModel(t, textbookOptions(), 80, 24)
	before := m.data
	open := func(m Model) Model {
		m = sendKeys(t, m, "1", "g")
		m.dataScr.SetPromptValue(path)
		return sendKeys(t, m, "enter")
	}
	m = open(m)
	if m.data != before || m.err != nil || !m.dataScr.Editing() {
		t.Fatalf("after opening: data replaced %v, err %v, chooser open %v", m.data != before, m.err, m.dataScr.Editing())
	}
	// Neither role is found by its name, and both are said so; the
	// amount and the item, not asked for, are not given (review 9,
	// finding 5: each read "not given (found by its name)").
	screentest.MustContain(t, screen(m), "Columns of odd.csv",
		"odd.csv: no customer id or date column found by its name: choose them below,", "then enter",
		"▸ customer id (customer=) ◂ not found by its name — choose one ▸",
		"  date (time=)              not found by its name — choose one",
		"  amount (amount=)          not given", "  person            not used")

	m, cmd := update(t, m, screentest.Press("esc"))
	if cmd == nil {
		t.Fatal("esc gave no message")
	}
	msg, ok := cmd().(datascreen.LabelCancelMsg)
	if !ok {
		t.Fatalf("esc gave %T", msg)
	}
	m, _ = update(t, m, msg)
	want := path + ":1: no customer id or date column found (columns: person, when, spent); open the log again (g on the Data screen) to choose them"
	if m.data != before || m.err == nil || m.com.ErrorText(m.err) != want {
		t.Fatalf("after esc: data replaced %v, error %q, want %q", m.data != before, m.com.ErrorText(m.err), want)
	}

	m = sendKeys(t, open(sendKeys(t, m, "esc")), "right", "down", "right", "right", "enter")
	if m.err != nil || m.data == before {
		t.Fatalf("after choosing: err %v", m.err)
	}
	if got := m.data.Source.LogColumns; got != (data.LogColumns{Customer: "person", Time: "when"}) {
		t.Errorf("asked for columns %+v", got)
	}
	if got := len(m.data.Log.Customers); m.data.Log.Columns.Customer != "person" || got != 30 {
		t.Errorf("customer id read from %q, %d customers, want person and 30", m.data.Log.Columns.Customer, got)
	}
	// The columns chosen are given as the command line's flag too.
	screentest.MustContain(t, screen(m), "customer id = person · date = when",
		"Flag     --log-columns customer=person,time=when (the columns chosen, for …")
}

// TestChooserAtStartUpPromisesNoDataKept: a log named at start-up whose
// columns are not found opens the chooser with nothing loaded; its help
// said "if that fails, the data loaded now stays" though no data was
// loaded. It says only what enter does now, in English and Chinese.
func TestChooserAtStartUpPromisesNoDataKept(t *testing.T) {
	path := writeFile(t, t.TempDir(), "odd.csv", oddLog())
	for _, tc := range []struct{ lang, want, not string }{
		{"en", "↑/↓ role · ←/→ its column · enter reads the log with these columns · esc cancels", "data loaded now stays"},
		{"zh", "↑/↓ 角色 · ←/→ 该角色的列 · enter 按这些列读取日志 · esc 取消", "保留现在的数据"},
	} {
		opts := Options{Source: experiment.Source{Kind: "log", Path: path}, Config: experiment.DefaultConfig(), Open: screentest.Open, Lang: tc.lang}
		m := NewModel(opts)
		tm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		tm, _ = tm.Update(tm.(Model).Init()())
		m = tm.(Model)
		if m.data != nil || !m.dataScr.Editing() {
			t.Fatalf("%s: data loaded %v, chooser open %v (err %v)", tc.lang, m.data != nil, m.dataScr.Editing(), m.err)
		}
		got := screen(m)
		screentest.MustContain(t, got, tc.want)
		if strings.Contains(got, tc.not) {
			t.Errorf("%s: the chooser promises data kept with none loaded:\n%s", tc.lang, got)
		}
	}
}
