package exporter

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
)

// TestServedExportSaysItsFileIn80Columns: what a served session's export
// says when it has written its file names the file whole within 80
// columns, in English and Chinese, for a million customers (the longer
// noun) and a session's 999th file; it used to run to 84
// columns and lose its end at 80.
func TestServedExportSaysItsFileIn80Columns(t *testing.T) {
	const name = "retain-users-20261206-060906-999.csv"
	for _, c := range []struct{ lang, want string }{
		{"en", "✓ saved 1,000,000 customers to the server: " + name},
		{"zh", "✓ 已将 1,000,000 位客户保存到服务器：" + name},
	} {
		m := New("plan", Noun{En: "customers", Zh: "位客户"})
		got := m.ended(common.New(c.lang), Result{Rows: 1_000_000, Path: name, Served: true})
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
		if w := ansi.StringWidth(got); w > 80 {
			t.Errorf("%s: %d columns wide", c.lang, w)
		}
	}
}
