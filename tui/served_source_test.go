package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
	"github.com/retainlab/retain/tui/datascreen"
)

// servedPseudonymised is a served session of file, whose text open
// returns, with pseudonyms forced, as `retain serve --pseudonymise` runs
// it.
func servedPseudonymised(t *testing.T, src experiment.Source, file string) Model {
	t.Helper()
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: src, Config: experiment.DefaultConfig(), Served: true, Pseudonym: key,
		Open: func(p string) (io.ReadCloser, error) {
			if p != src.Path {
				return nil, fmt.Errorf("%s: not served", p)
			}
			return io.NopCloser(strings.NewReader(file)), nil
		}}
	return loadedModel(t, opts, 140, 45)
}

// openSource asks the root for a source as the Data screen does and feeds
// it the load's answer.
func openSource(t *testing.T, m Model, msg datascreen.OpenMsg) Model {
	t.Helper()
	m, cmd := update(t, m, msg)
	if cmd == nil {
		return m
	}
	answers := []tea.Msg{cmd()}
	if b, ok := answers[0].(tea.BatchMsg); ok {
		answers = answers[:0]
		for _, c := range b {
			if c != nil {
				answers = append(answers, c())
			}
		}
	}
	for _, a := range answers {
		if l, ok := a.(loadedMsg); ok {
			m, _ = update(t, m, l)
		}
	}
	return m
}

// TestServedLogNeverOpensAsATable: read as a per-user table, a served
// order log's customer column is an ordinary column, whose values the
// label question quotes; a session with pseudonyms forced must never show
// them.
func TestServedLogNeverOpensAsATable(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,order_date,amount\n")
	for i := range 40 {
		for j := range 1 + i%4 {
			fmt.Fprintf(&b, "person%02d@example.com,2024-%02d-%02d,%d.50\n", i, 1+(i+j*3)%12, 1+(i*7+j)%28, 10+i+j)
		}
	}
	src := experiment.Source{Kind: "log", Path: "/srv/orders.csv", HorizonDays: 30}
	m := servedPseudonymised(t, src, b.String())
	if strings.Contains(screen(m), "@example.com") {
		t.Fatal("the served log shows a real id before anything is asked")
	}
	m = openSource(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: src.Path}})
	m = openSource(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: src.Path, Label: "customer_id"},
		Columns: []string{"customer_id", "order_date", "amount"}})
	got := screen(m)
	if strings.Contains(got, "@example.com") {
		t.Errorf("a pseudonymised session shows real ids:\n%s", got)
	}
	if !strings.Contains(got, "/srv/orders.csv is served as an order log: o reloads it as one") {
		t.Errorf("the refusal is not shown:\n%s", got)
	}
	if m.data == nil || m.data.Source.Kind != "log" {
		t.Errorf("the served log is no longer loaded: %+v", m.data)
	}
}

// TestServedTableKeepsTheServersLabel: a request for the served table by
// its name and kind alone keeps the label the server was given, rather
// than asking for one among every column, the id column included.
func TestServedTableKeepsTheServersLabel(t *testing.T) {
	var b strings.Builder
	b.WriteString("member,visits,left_company\n")
	for i := range 40 {
		fmt.Fprintf(&b, "person%02d@example.com,%d,%s\n", i, i%9, []string{"stayed", "gone"}[i%3/2])
	}
	src := experiment.Source{Kind: "csv", Path: "/srv/users.csv", Label: "left_company"}
	m := servedPseudonymised(t, src, b.String())
	m = openSource(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: src.Path}})
	if got := screen(m); strings.Contains(got, "is the label?") {
		t.Fatalf("reopening the served table asks for its label among every column:\n%s", got)
	}
	if m.err != nil || m.data == nil || m.data.Source.Label != "left_company" {
		t.Fatalf("reopening the served table: err %v, label %q", m.err, m.data.Source.Label)
	}
}

// TestServedNoLabelEntryLoadsWithoutTheServersLabel (review36 #6): in a
// session served with a label, the label question's "no label — anomaly
// detection only" entry loaded the table with the server's label all the
// same (servedSource fills an empty label with it); it now loads it
// without one.
func TestServedNoLabelEntryLoadsWithoutTheServersLabel(t *testing.T) {
	var b strings.Builder
	b.WriteString("member,visits,left_company\n")
	for i := range 40 {
		fmt.Fprintf(&b, "person%02d@example.com,%d,%s\n", i, i%9, []string{"stayed", "gone"}[i%3/2])
	}
	src := experiment.Source{Kind: "csv", Path: "/srv/users.csv", Label: "left_company"}
	m := servedPseudonymised(t, src, b.String())
	m = openSource(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "csv", Path: src.Path}, NoLabel: true})
	if m.bare == nil {
		t.Fatalf("the no-label entry loaded nothing without a label (err %v):\n%s", m.err, screen(m))
	}
	if name := m.bare.Table.Label.Name; name != "" {
		t.Errorf("loaded with label %q", name)
	}
}
