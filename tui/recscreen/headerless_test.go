package recscreen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// TestHeaderlessItemColumnNamedByPosition: the item log without its
// header line (its first field, an invoice number, makes it headerless)
// has its columns named "1", "2", …; the title named the item column
// "item column 2" where the Data screen's column chooser (l) says
// "column 2" ("第 2 列"). It now names it as the chooser does.
func TestHeaderlessItemColumnNamedByPosition(t *testing.T) {
	text, err := os.ReadFile(itemLog)
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(text), "\n")
	path := filepath.Join(t.TempDir(), "items.csv")
	if err := os.WriteFile(path, []byte(rest), 0o600); err != nil {
		t.Fatal(err)
	}
	// InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID
	cols := data.LogColumns{Order: "1", Item: "2", Description: "3", Quantity: "4", Time: "5", Price: "6", Customer: "7"}
	d, err := experiment.Load(experiment.Source{Kind: "log", Path: path, LogColumns: cols}, open)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"en": "Recommend · items.csv · items in column 2", "zh": "推荐 · items.csv · 商品在第 2 列"}
	for _, lang := range screentest.Langs {
		c := screentest.Common(lang, 80, 24)
		s := New(c, open)
		s.SetSize(c.Width, c.Height)
		s = drain(s, s.SetData(d))
		if s.log == nil {
			t.Fatalf("%s: log not read: %q", lang, s.refusal.In(s.Common))
		}
		first := strings.TrimRight(strings.Split(ansi.Strip(s.View()), "\n")[0], " ")
		if first != want[lang] {
			t.Errorf("%s: title %q, want %q", lang, first, want[lang])
		}
	}
}
