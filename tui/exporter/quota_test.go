package exporter

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/tui/common"
)

// TestCreateNewErrorsNameTheFileOnly: only the open error had the export
// folder taken out; write and close errors said "write
// /srv/exports/retain-users-….csv: no space left on device".
func TestCreateNewErrorsNameTheFileOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "operator-secret")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		write func(io.Writer) error
		want  string
	}{
		{"write", func(w io.Writer) error {
			w.(*os.File).Close()
			_, err := io.WriteString(w, "id\n")
			return err
		}, "write out-1.csv: file already closed"},
		{"close", func(w io.Writer) error { return w.(*os.File).Close() }, "close out-1.csv: file already closed"},
	} {
		_, err := CreateNew(dir, "out", ".csv", tc.write)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if !errors.Is(err, os.ErrClosed) {
			t.Errorf("%s: %v is not os.ErrClosed", tc.name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: the failed file was kept: %v", tc.name, entries)
		}
	}
}

// exportOnce runs one served export of text and returns the status the
// screen shows at its end.
func exportOnce(t *testing.T, m *Model, c common.Common, text string) string {
	t.Helper()
	cmd, status := m.Served(c, "retain-users-", 1, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		_, err := io.WriteString(w, text)
		return err
	})
	if cmd == nil {
		return status
	}
	msg, ok := cmd().(DoneMsg)
	if !ok {
		t.Fatalf("the export's first message is not its end")
	}
	_, status, _ = m.Update(c, msg)
	return status
}

// TestServedExportsAreBounded: a served session could write exports into
// the server's folder without end; a session's files and bytes are now
// bounded, shared by its screens, and a refused export leaves no file.
func TestServedExportsAreBounded(t *testing.T) {
	c := common.New("en")
	dir := t.TempDir()
	quota := NewQuota(2, 10, nil)
	users, plan := New("users", Noun{En: "users"}), New("plan", Noun{En: "customers"})
	for _, m := range []*Model{&users, &plan} {
		m.SetServed(true, dir)
		m.SetQuota(quota)
	}
	if got := exportOnce(t, &users, c, "id\np_1\n"); !strings.HasPrefix(got, "✓ wrote 1 users to retain-users-") {
		t.Fatalf("first export: %q", got)
	}
	want := "✗ this session's exports would pass 10 bytes, the server's limit; no file written"
	if got := exportOnce(t, &plan, c, "id\np_1\np_2\n"); got != want {
		t.Errorf("past the bytes: %q, want %q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refused export left a file: %d files", len(entries))
	}
	// The refused export counted neither as a file nor in bytes.
	if got := exportOnce(t, &plan, c, "id\n"); !strings.HasPrefix(got, "✓ wrote 1 customers to retain-users-") {
		t.Fatalf("second export: %q", got)
	}
	want = "✗ this session has written its 2 exports, the server's limit"
	if got := exportOnce(t, &users, c, ""); got != want {
		t.Errorf("past the files: %q, want %q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the export folder, want 2", len(entries))
	}
}
