package tui

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// TestLabelQuestionInsteadOfRefusal opens a CSV whose label column is
// named nothing retain recognises: the Data screen lists its columns, the
// two-valued one first; a choice with eight classes is refused with the
// reason, the question staying open; the two-valued column then loads. Esc instead
// shows the original refusal and keeps the data loaded before.
func TestLabelQuestionInsteadOfRefusal(t *testing.T) {
	const csv = "a,b,outcome_flag\n1,2,y\n2,3,n\n3,1,y\n4,5,n\n5,3,y\n6,2,n\n7,1,y\n8,9,n\n"
	opts := textbookOptions()
	opts.Open = func(p string) (io.ReadCloser, error) {
		if p == "new.csv" {
			return io.NopCloser(strings.NewReader(csv)), nil
		}
		return screentest.Open(p)
	}
	m := loadedModel(t, opts, 80, 24)
	before := m.data
	open := func(m Model, msg tea.Msg) Model { return settle(t, m, msg) }
	m = open(m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "new.csv"}})
	view := screen(m)
	for _, want := range []string{"Which column of new.csv is the label?", "▸ outcome_flag", "  a"} {
		if !strings.Contains(view, want) {
			t.Fatalf("view lacks %q:\n%s", want, view)
		}
	}
	if m.err != nil || m.data != before {
		t.Fatalf("asking changed the state: err %v", m.err)
	}
	m = open(m, screentest.Press("down"))
	m = open(m, screentest.Press("enter")) // a: eight classes
	if view := screen(m); !strings.Contains(view, `label column "a" has 8 classes`) || !strings.Contains(view, "Which column") {
		t.Fatalf("a refused label did not ask again with the reason:\n%s", view)
	}
	m = open(m, screentest.Press("up"))
	m = open(m, screentest.Press("enter"))
	if m.data == before || m.data.Table.Label.Name != "outcome_flag" || m.err != nil {
		t.Fatalf("outcome_flag did not load (err %v)", m.err)
	}
	// Declining: the refusal shows and the data stay as they were.
	loaded := m.data
	m = open(m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "new.csv", Label: "nope"}})
	if !strings.Contains(screen(m), "Which column of new.csv is the label?") {
		t.Fatalf("a missing named label did not ask:\n%s", screen(m))
	}
	m = open(m, screentest.Press("esc"))
	if m.err == nil || !strings.Contains(m.err.Error(), `no column named "nope" for the label (columns: a, b, outcome_flag)`) || m.data != loaded {
		t.Errorf("esc: err %v, data kept %v", m.err, m.data == loaded)
	}
}

// TestTitleAboveTheHeaderIsLeftOut: a CSV whose header sits under a
// report's title and date lines loads with those lines left out and named
// on the Data screen; one cell above rows of numbers (no header) is
// refused with the line where the wider rows start, not asked about: no
// column of the title line can be the label. The data loaded before stay.
func TestTitleAboveTheHeaderIsLeftOut(t *testing.T) {
	files := map[string]string{
		"report.csv":     "Customer report\nexported 2024-05-01\n\nuser_id,orders,churned\n1,2,yes\n2,3,no\n3,1,yes\n4,4,no\n",
		"headerless.csv": "Customer report\nexported 2024-05-01\n\n1,2,yes\n2,3,no\n",
	}
	opts := textbookOptions()
	opts.Open = func(p string) (io.ReadCloser, error) {
		if text, ok := files[p]; ok {
			return io.NopCloser(strings.NewReader(text)), nil
		}
		return screentest.Open(p)
	}
	open := func(m Model, path string) Model {
		return settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: path}})
	}
	m := loadedModel(t, opts, 80, 24)
	before := m.data
	m = open(m, "headerless.csv")
	if strings.Contains(screen(m), "Which column") {
		t.Fatalf("asked for a label among the title line's cells:\n%s", screen(m))
	}
	want := `line 1 holds one cell, "Customer report", and line 4 is the first with 3 cells: if the lines above line 4 are a title, not the header, remove them`
	if m.err == nil || !strings.Contains(m.err.Error(), want) || m.data != before {
		t.Errorf("err %v, data kept %v; want the refusal saying %q", m.err, m.data == before, want)
	}
	m = open(m, "report.csv")
	if m.err != nil || m.data == before {
		t.Fatalf("the report did not load: %v", m.err)
	}
	screentest.MustContain(t, screen(m), "Titles", `lines above the header left out: "Customer report", "exported`)
}

// TestOrderLogOpenedAsATableIsRefused: an order log opened as a table is
// refused, saying what it looks like and that g opens it as a log, not
// asked which of its columns is the label: none of them is. The data
// loaded before stay.
func TestOrderLogOpenedAsATableIsRefused(t *testing.T) {
	const orders = "customer_id,order_date,amount\n" +
		"c1,2024-01-02,10.5\nc2,2024-01-03,3\nc1,2024-02-01,7\nc3,2024-02-03,12\nc2,2024-02-05,4.25\nc1,2024-03-01,9\n"
	opts := textbookOptions()
	opts.Open = func(p string) (io.ReadCloser, error) {
		if p == "orders.csv" {
			return io.NopCloser(strings.NewReader(orders)), nil
		}
		return screentest.Open(p)
	}
	m := loadedModel(t, opts, 80, 24)
	before := m.data
	m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "orders.csv"}})
	if strings.Contains(screen(m), "Which column") {
		t.Fatalf("asked for a label among the log's columns:\n%s", screen(m))
	}
	var look *data.LogLookError
	if !errors.As(m.err, &look) || m.data != before {
		t.Fatalf("err %v, data kept %v; want a *data.LogLookError", m.err, m.data == before)
	}
	// The panel wraps at 80 columns, so only phrases that stay on one line.
	screentest.MustContain(t, screen(m), "looks like an order log", "press g on the Data")
	if strings.Contains(screen(m), "--label") {
		t.Errorf("the panel names the command line's --label flag:\n%s", screen(m))
	}
}

// settle sends msg to m, then each message its commands return in turn,
// until one returns none, and gives the model as it is then.
func settle(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, cmd := update(t, m, msg)
	for cmd != nil {
		next := cmd()
		if next == nil {
			break
		}
		m, cmd = update(t, m, next)
	}
	return m
}

// TestMissingNamedLabelSaysSo: a label named with no such column (retain
// tui --label Foo) was asked about as a name "not recognised (churn,
// label, target, …)", its columns in file order, although Churn is
// recognised and Foo is simply missing. The question now says there is
// no column named Foo, in either language, and lists the two-valued
// columns first; it still says so when a column chosen is refused.
func TestMissingNamedLabelSaysSo(t *testing.T) {
	const csv = "customerID,gender,tenure,Churn\nA1,F,1,Yes\nA2,M,30,No\nA3,F,12,No\nA4,M,5,Yes\nA5,F,7,No\nA6,M,2,Yes\n"
	for _, c := range []struct {
		lang          string
		first, refuse []string // the question's lines at 80×24, then those after choosing customerID
	}{
		{"en", []string{
			"Which column of telco.csv is the label?",
			`There is no column named "Foo". Choose the label (columns with two values`,
			"first): enter loads the file, esc cancels.",
			"",
			"  no label — anomaly detection only",
			"▸ gender",
			"  Churn",
			"  customerID",
			"  tenure",
		}, []string{
			"Which column of telco.csv is the label?",
			`There is no column named "Foo". Choose the label (columns with two values`,
			"first): enter loads the file, esc cancels.",
			`telco.csv: label column "customerID" has 6 classes ("A1", "A2", "A3", "A4",`,
			`"A5", …); it needs exactly two`,
			"",
			"  no label — anomaly detection only",
			"  gender",
			"  Churn",
			"▸ customerID",
			"  tenure",
		}},
		{"zh", []string{
			"telco.csv 的哪一列是标签？",
			`没有名为 "Foo" 的列。请选择标签列（只有两个取值的列在前）：enter 加载文件，esc`,
			"取消。",
			"",
			"  无标签——仅做异常检测",
			"▸ gender",
			"  Churn",
			"  customerID",
			"  tenure",
		}, []string{
			"telco.csv 的哪一列是标签？",
			`没有名为 "Foo" 的列。请选择标签列（只有两个取值的列在前）：enter 加载文件，esc`,
			"取消。",
			`telco.csv：标签不是二分类（标签列 "customerID" 有 6 个类别（"A1", "A2", "A3",`,
			`"A4", "A5", …），需要恰好两个）`,
			"",
			"  无标签——仅做异常检测",
			"  gender",
			"  Churn",
			"▸ customerID",
			"  tenure",
		}},
	} {
		opts := textbookOptions()
		opts.Lang = c.lang
		opts.Open = func(p string) (io.ReadCloser, error) {
			if p == "telco.csv" {
				return io.NopCloser(strings.NewReader(csv)), nil
			}
			return screentest.Open(p)
		}
		m := loadedModel(t, opts, 80, 24)
		m = settle(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: "telco.csv", Label: "Foo"}})
		if got := questionLines(screen(m), len(c.first)); !slices.Equal(got, c.first) {
			t.Errorf("%s: the question reads\n%s\nwant\n%s", c.lang, strings.Join(got, "\n"), strings.Join(c.first, "\n"))
		}
		for range 2 {
			m = settle(t, m, screentest.Press("down"))
		}
		m = settle(t, m, screentest.Press("enter")) // customerID: six classes
		if got := questionLines(screen(m), len(c.refuse)); !slices.Equal(got, c.refuse) {
			t.Errorf("%s: asked again as\n%s\nwant\n%s", c.lang, strings.Join(got, "\n"), strings.Join(c.refuse, "\n"))
		}
	}
}

// questionLines are the first n lines of view below the tab bar and its
// rule, trailing spaces trimmed.
func questionLines(view string, n int) []string {
	lines := strings.Split(view, "\n")[2:]
	lines = lines[:min(n, len(lines))]
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}
