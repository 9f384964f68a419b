package exporter

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestCreateNewWritesOwnerOnly: exports in a served session's folder were
// created 0644, readable by every local user of the server, while the host
// key and token files are held to 0600 (review20 #6). They are created
// 0600 now (a umask only takes bits away).
func TestCreateNewWritesOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	name, err := CreateNew(dir, "out", ".csv", func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("%s was created %#o, want 0600", name, perm)
	}
}

// TestCloseCancelsTheExportInFlight: an export's context was
// context.Background(), so one running when its session ended wrote on
// (review20 #1). Close cancels it: the write sees its context done and the
// export ends cancelled, its file not written.
func TestCloseCancelsTheExportInFlight(t *testing.T) {
	dir := t.TempDir()
	m := New("users", Noun{En: "users", Zh: "个用户"})
	m.SetServed(true, dir)
	started := make(chan struct{})
	cmd, status := m.File(common.Common{}, "", "retain-users-", 10, func(ctx context.Context, w io.Writer, progress func(int, int)) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	if cmd == nil {
		t.Fatalf("no export started: %q", status.In(common.Common{}))
	}
	done := make(chan any, 1)
	go func() { done <- cmd() }()
	<-started
	m.Close()
	msg, ok := (<-done).(DoneMsg)
	if !ok || !errors.Is(msg.Err, context.Canceled) {
		t.Fatalf("the export ended with %#v, want it cancelled", msg)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the cancelled export left %d files in the folder", len(entries))
	}
}
