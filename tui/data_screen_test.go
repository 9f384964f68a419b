package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// writeFile writes content into dir/name and returns the path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// smallCSV has 40 users, a detectable label (churn) and a second
// two-valued column (active) that could be the label instead.
func smallCSV() string {
	var b strings.Builder
	b.WriteString("id,plan,active,spend,churn\n")
	for i := range 40 {
		plan := []string{"basic", "plus", "pro"}[i%3]
		active := []string{"yes", "no"}[i%2]
		fmt.Fprintf(&b, "u%02d,%s,%s,%d,%d\n", i, plan, active, 10+i*3%17, i%4/3)
	}
	return b.String()
}

// send delivers msg to the root and runs the Cmds it returns that produce
// messages at once (not ticks or waits), the way the program would.
func send(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, cmd := update(t, m, msg)
	for cmd != nil {
		next := cmd()
		switch next.(type) {
		case datascreen.OpenMsg, datascreen.ResplitMsg, loadedMsg, datascreen.DirListMsg:
			m, cmd = update(t, m, next)
		default:
			return m
		}
	}
	return m
}

func sendKeys(t *testing.T, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		m = send(t, m, screentest.Press(k))
	}
	return m
}

func TestOpenCSVThroughThePromptAndChooseAnotherLabel(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "users.csv", smallCSV())
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = sendKeys(t, m, "o")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Source.Path != path || m.data.Table.Label.Name != "churn" {
		t.Fatalf("after opening: err %v source %+v label %q", m.err, m.data.Source, m.data.Table.Label.Name)
	}
	if got := strings.Join(m.dataScr.Info().Candidates, ","); got != "churn,active" {
		t.Fatalf("label candidates %s, want churn,active", got)
	}
	screentest.MustContain(t, screen(m), path, "40 rows", "churn")

	m = sendKeys(t, m, "c")
	if !m.dataScr.Picking() {
		t.Fatal("c did not open the label picker")
	}
	screentest.MustContain(t, screen(m), "Choose the label column", "churn", "active")
	m = sendKeys(t, m, "down", "enter")
	if m.data.Table.Label.Name != "active" || m.data.Source.Label != "active" {
		t.Fatalf("label %q after choosing active", m.data.Table.Label.Name)
	}
	if m.modelScr.Inputs() != m.dataScr.Info().Inputs || m.modelScr.Inputs() == 0 {
		t.Fatalf("model screen inputs %d, data %d", m.modelScr.Inputs(), m.dataScr.Info().Inputs)
	}
}

func TestPromptRefusesInPlace(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	cases := []struct{ key, text, reason string }{
		{"o", "", "type a file name (tab completes)"},
		{"o", "somewhere/", "type a file name (tab completes)"},
		{"s", "-1", "the seed must be a whole number ≥ 0"},
		{"s", "x", "the seed must be a whole number ≥ 0"},
		{"s", "99999999999999999999999", "the seed is too large: at most 18446744073709551615"},
	}
	for _, c := range cases {
		m = sendKeys(t, m, c.key)
		m.dataScr.SetPromptValue(c.text)
		m = sendKeys(t, m, "enter")
		if m.dataScr.PromptErr() != c.reason || !m.editing() {
			t.Errorf("%s %q: prompt error %q, want %q", c.key, c.text, m.dataScr.PromptErr(), c.reason)
		}
		screentest.MustContain(t, screen(m), "✗ "+c.reason)
		m = sendKeys(t, m, "esc")
	}
}

func TestResplitWithSeed(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = sendKeys(t, m, "s")
	m.dataScr.SetPromptValue("42")
	m = sendKeys(t, m, "enter")
	if m.modelScr.Config().Seed != 42 || m.dataScr.Info().Seed != 42 {
		t.Fatalf("seed: model %d, data %d", m.modelScr.Config().Seed, m.dataScr.Info().Seed)
	}
	screentest.MustContain(t, screen(m), "seed 42: train")
}

func TestPathCompletion(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "alpha.csv", "a")
	writeFile(t, dir, "alpine.csv", "a")
	writeFile(t, dir, ".hidden.csv", "a")
	if err := os.Mkdir(filepath.Join(dir, "beta"), 0o700); err != nil {
		t.Fatal(err)
	}
	m := loadedModel(t, textbookOptions(), 100, 30)
	m = sendKeys(t, m, "o")
	m.dataScr.SetPromptValue(dir + "/al")
	m = sendKeys(t, m, "tab")
	if got, n := m.dataScr.PromptValue(), len(m.dataScr.PromptMatches()); got != dir+"/alp" || n != 2 {
		t.Fatalf("completion of al: %q with %d matches", got, n)
	}
	screentest.MustContain(t, screen(m), "alpha.csv  alpine.csv")
	m.dataScr.SetPromptValue(dir + "/b")
	m = sendKeys(t, m, "tab")
	if got := m.dataScr.PromptValue(); got != dir+"/beta/" {
		t.Fatalf("completion of b: %q, want the folder with a slash", got)
	}
	m.dataScr.SetPromptValue(dir + "/zz")
	m = sendKeys(t, m, "tab")
	if m.dataScr.PromptErr() != "no file or folder starts with zz" {
		t.Fatalf("no match: error %q", m.dataScr.PromptErr())
	}
	m.dataScr.SetPromptValue(dir + "/nowhere/x")
	m = sendKeys(t, m, "tab")
	if want := "open " + dir + "/nowhere/: no such file or directory"; m.dataScr.PromptErr() != want {
		t.Fatalf("missing folder: error %q, want %q", m.dataScr.PromptErr(), want)
	}
}

// TestPathCompletionErrorInChinese: a folder that cannot be listed is
// said in Chinese, with its path once (the system's "open PATH: no such
// file or directory" adds nothing).
func TestPathCompletionErrorInChinese(t *testing.T) {
	dir := t.TempDir()
	opts := textbookOptions()
	opts.Lang = "zh"
	m := loadedModel(t, opts, 100, 30)
	m = sendKeys(t, m, "o")
	m.dataScr.SetPromptValue(dir + "/nowhere/x")
	m = sendKeys(t, m, "tab")
	want := dir + "/nowhere/：找不到文件"
	if got := m.dataScr.PromptErr(); got != want {
		t.Fatalf("missing folder:\n got %q\nwant %q", got, want)
	}
}

// orderLog writes a log of 30 customers over 1998, some ordering again.
func orderLog() string {
	var b strings.Builder
	b.WriteString("customer_id,date,amount\n")
	start := time.Date(1998, 1, 1, 0, 0, 0, 0, time.UTC)
	for c := range 30 {
		for k := range 1 + c%4 {
			d := start.AddDate(0, 0, c*5+k*40)
			fmt.Fprintf(&b, "c%02d,%s,%d.50\n", c, d.Format(time.DateOnly), 10+c+k)
		}
	}
	return b.String()
}

func TestOrderLogCutoffAndHorizon(t *testing.T) {
	path := writeFile(t, t.TempDir(), "orders.csv", orderLog())
	m := loadedModel(t, textbookOptions(), 120, 40)
	m = sendKeys(t, m, "g")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Cohort == nil {
		t.Fatalf("opening the log: %v", m.err)
	}
	screentest.MustContain(t, screen(m), "Cohort", "horizon 30 days", "customer_id")

	m = sendKeys(t, m, "h")
	m.dataScr.SetPromptValue("0")
	m = sendKeys(t, m, "enter")
	if m.dataScr.PromptErr() != "write the horizon as days, e.g. 90d, 13w or 90, from 1 to 3,650 days" {
		t.Fatalf("horizon 0: %q", m.dataScr.PromptErr())
	}
	// Written as --horizon takes it; the default cutoff, which nobody
	// chose, follows: the log's last date 1998-09-13 minus 60 days is
	// 1998-07-15 (Python's datetime), where it stayed at the 30-day
	// default 1998-08-14 before (review 33, findings 1 and 9).
	m.dataScr.SetPromptValue("60d")
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Source.HorizonDays != 60 || !m.data.Source.Cutoff.Equal(time.Date(1998, 7, 15, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("horizon 60: err %v, source %+v", m.err, m.data.Source)
	}
	screentest.MustContain(t, screen(m), "cutoff 1998-07-15 · horizon 60 days")

	m = sendKeys(t, m, "u")
	m.dataScr.SetPromptValue("31/05/1998")
	m = sendKeys(t, m, "enter")
	if m.dataScr.PromptErr() != "write the date as YYYY-MM-DD, e.g. 1998-03-31" {
		t.Fatalf("bad date: %q", m.dataScr.PromptErr())
	}
	m.dataScr.SetPromptValue("1998-05-31")
	m = sendKeys(t, m, "enter")
	if m.err != nil || !m.data.Source.Cutoff.Equal(time.Date(1998, 5, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("cutoff: err %v, source %+v", m.err, m.data.Source)
	}
	screentest.MustContain(t, screen(m), "cutoff 1998-05-31 · horizon 60 days")
}

func TestSectionsAndScrolling(t *testing.T) {
	m := loadedModel(t, Options{Source: experiment.Source{Kind: "builtin"}, Config: experiment.DefaultConfig(), Open: screentest.Open}, 100, 30)
	screentest.MustContain(t, screen(m), "preprocessing", "log(1+v), then z-scored") // the default since issue 15
	m = sendKeys(t, m, "right")
	screentest.MustContain(t, screen(m), "U000001", "rows 1–")
	m = sendKeys(t, m, "down", "down")
	screentest.MustContain(t, screen(m), "U000003", "rows 3–")
	m = sendKeys(t, m, "]")
	if m.dataScr.ColumnOffset() != 1 {
		t.Fatalf("column offset %d", m.dataScr.ColumnOffset())
	}
	m = sendKeys(t, m, "right")
	screentest.MustContain(t, screen(m), "distribution by label", "sessions_30d")
	m = sendKeys(t, m, "left", "left", "left")
	if m.dataScr.Section() != 2 {
		t.Fatalf("section %d after going round", m.dataScr.Section())
	}
	m = sendKeys(t, m, "b")
	if m.data.Source.Kind != "builtin" {
		t.Fatalf("b loaded %q", m.data.Source.Kind)
	}
}

func TestDataScreenShowsFutureDatedOrders(t *testing.T) {
	path := writeFile(t, t.TempDir(), "orders.csv", orderLog()+"c01,2099-12-31,5.50\n")
	m := loadedModel(t, textbookOptions(), 200, 40)
	m = sendKeys(t, m, "g")
	m.dataScr.SetPromptValue(path)
	m = sendKeys(t, m, "enter")
	if m.err != nil || m.data.Cohort == nil {
		t.Fatalf("opening the log: %v", m.err)
	}
	screentest.MustContain(t, screen(m), "Warning", "lines is dated after today", "the log's dates run 1998-01-01 .. 2099-12-31",
		"the default cutoff ignores", "the last date up to today, 1998-09-13, minus the horizon")
}
