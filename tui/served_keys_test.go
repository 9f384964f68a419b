package tui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

// servedTable is a session of retain serve serving a small table named
// served.csv with its label given, in lang.
func servedTable(t *testing.T, lang string) (Model, experiment.Source) {
	t.Helper()
	var b strings.Builder
	b.WriteString("member,visits,left_company\n")
	for i := range 40 {
		fmt.Fprintf(&b, "m%02d,%d,%s\n", i, i%9, []string{"stayed", "gone"}[i%3/2])
	}
	src := experiment.Source{Kind: "csv", Path: "served.csv", Label: "left_company"}
	opts := Options{Source: src, Config: experiment.DefaultConfig(), Served: true, Lang: lang,
		Open: func(p string) (io.ReadCloser, error) {
			if p != src.Path {
				return nil, fmt.Errorf("%s: opening files is disabled over SSH", p)
			}
			return io.NopCloser(strings.NewReader(b.String())), nil
		}}
	return loadedModel(t, opts, 140, 40), src
}

// pressOpen presses k and, when the Data screen answers with a request to
// open data, loads it as the program would.
func pressOpen(t *testing.T, m Model, k string) Model {
	t.Helper()
	m, cmd := update(t, m, screentest.Press(k))
	if cmd == nil {
		return m
	}
	if open, ok := cmd().(datascreen.OpenMsg); ok {
		return openSource(t, m, open)
	}
	return m
}

// mustNotContain fails when view holds any of parts.
func mustNotContain(t *testing.T, view string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(view, p) {
			t.Errorf("view holds %q:\n%s", p, view)
		}
	}
}

// TestServedDataScreenOffersTheServedFileOnly: a served session cannot
// open a path, so its Data screen offers no "open file" or "open order
// log", in the footer or the full help; o reloads the served file as the
// server serves it (after other data, say), and g says why it does nothing.
func TestServedDataScreenOffersTheServedFileOnly(t *testing.T) {
	m, src := servedTable(t, "en")
	screentest.MustContain(t, screen(m), "o reload served file")
	mustNotContain(t, screen(m), "open file", "open order log")
	help := screen(pressAll(t, m, "?"))
	screentest.MustContain(t, help, "reload served file")
	mustNotContain(t, help, "open file", "open order log")

	m = pressOpen(t, m, "b")
	if m.data == nil || m.data.Source.Kind != "builtin" {
		t.Fatalf("b loaded %+v", m.data)
	}
	m = pressOpen(t, m, "o")
	if m.dataScr.Editing() {
		t.Fatal("o opened a prompt in a served session")
	}
	if m.err != nil || m.data == nil || m.data.Source.Path != src.Path || m.data.Source.Label != src.Label {
		t.Fatalf("o after the built-in data: err %v, data %+v; want %s with label %s", m.err, m.data, src.Path, src.Label)
	}
	m = pressAll(t, m, "g")
	if m.dataScr.Editing() {
		t.Fatal("g opened a prompt in a served session")
	}
	screentest.MustContain(t, screen(m), "a served session opens no other file: o reloads served.csv")
}

func TestServedDataScreenSpeaksChinese(t *testing.T) {
	m, _ := servedTable(t, "zh")
	screentest.MustContain(t, screen(m), "o 重新载入服务的文件")
	mustNotContain(t, screen(m), "打开文件", "打开订单日志")
	m = pressAll(t, m, "g")
	screentest.MustContain(t, screen(m), "服务会话不能打开其他文件：按 o 重新载入 served.csv")
}

// TestServedBuiltinOffersNoFile: a server of the built-in data serves no
// file: neither o nor g is offered, and both say why they do nothing.
func TestServedBuiltinOffersNoFile(t *testing.T) {
	opts := textbookOptions()
	opts.Served = true
	m := loadedModel(t, opts, 140, 40)
	mustNotContain(t, screen(m), "open file", "open order log", "reload served file")
	for _, k := range []string{"o", "g"} {
		m = pressAll(t, m, "1", k)
		if m.dataScr.Editing() {
			t.Fatalf("%s opened a prompt in a served session", k)
		}
		screentest.MustContain(t, screen(m), "a served session opens no file: the server serves the built-in data")
	}
}

// TestLocalDataScreenStillOpensFiles: outside serve, o and g open their
// prompts as before.
func TestLocalDataScreenStillOpensFiles(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 140, 40)
	screentest.MustContain(t, screen(m), "o open file")
	if m = pressAll(t, m, "o"); !m.dataScr.Editing() {
		t.Error("o opened no prompt in a local session")
	}
}
