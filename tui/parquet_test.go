package tui

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/internal/shareddata"
	"github.com/retainlab/retain/tui/datascreen"
	"github.com/retainlab/retain/tui/screentest"
)

const onlineRetail = "../../shared/datasets/online_retail/online_retail.parquet"

func TestParquetLogOpensAndACutOneShowsTheError(t *testing.T) {
	raw, err := os.ReadFile(onlineRetail)
	if err != nil {
		shareddata.Missing(t, onlineRetail, err)
	}
	m := loadedModel(t, textbookOptions(), 120, 40)
	before := m.data
	cut := filepath.Join(t.TempDir(), "orders.parquet")
	if err := os.WriteFile(cut, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	m, cmd := update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "log", Path: cut}})
	m, _ = update(t, m, cmd())
	if m.data != before || !errors.Is(m.err, data.ErrParquet) {
		t.Fatalf("error = %v, want a Parquet refusal with the previous data kept", m.err)
	}
	screentest.MustContain(t, screen(m), "Error", "orders.parquet", "truncated or corrupt Parquet", "cut short?", "esc dismiss")
	m, _ = update(t, m, screentest.Press("esc"))

	m, cmd = update(t, m, datascreen.OpenMsg{Src: experiment.Source{Kind: "log", Path: onlineRetail}})
	m, _ = update(t, m, cmd())
	if m.err != nil || m.data == before {
		t.Fatalf("Online Retail did not open: %v", m.err)
	}
	screentest.MustContain(t, screen(m), "online_retail.parquet", "9,288 cancelled lines",
		"133,361 without a customer id", "1,336 stock adjustments")
}

func TestParquetOpenPromptsSayParquet(t *testing.T) {
	m := loadedModel(t, textbookOptions(), 120, 40)
	for key, want := range map[string]string{"o": "Open table (CSV, Parquet or xlsx):", "g": "Open order log (CSV, Parquet or xlsx):"} {
		m2, _ := update(t, m, screentest.Press(key))
		screentest.MustContain(t, screen(m2), want)
	}
}
