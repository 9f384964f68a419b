package exporter

import (
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

// TestServedExportsAreBounded: a served session could write exports into
// the server's folder without end; a session's files and bytes are now
// bounded, shared by its screens, and a refused export leaves no file.
// The refusal shows in the error panel, as the export folder's does (it
// was a status line cut short on a narrow screen), with a short status.
func TestServedExportsAreBounded(t *testing.T) {
	c := common.New("en")
	dir := t.TempDir()
	quota := NewQuota(2, 10, nil)
	users, plan := New("users", Noun{En: "users"}), New("plan", Noun{En: "customers"})
	for _, m := range []*Model{&users, &plan} {
		m.SetServed(true, dir)
		m.SetQuota(quota)
	}
	if cmd, got := exportWith(t, &users, c, "id\np_1\n"); cmd != nil || !strings.HasPrefix(got, "✓ saved 1 users to the server: retain-users-") {
		t.Fatalf("first export: %q", got)
	}
	cmd, got := exportWith(t, &plan, c, "id\np_1\np_2\n")
	if want := "✗ export stopped: past this session's export limit; no file written"; got != want {
		t.Errorf("past the bytes: status %q, want %q", got, want)
	}
	want := "no file written: this export would take this session's exports past 10 bytes, the most the server lets one session write"
	if got := panelText(t, cmd, ErrQuota); got != want {
		t.Errorf("past the bytes: error panel\n%q, want\n%q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the refused export left a file: %d files", len(entries))
	}
	// The refused export counted neither as a file nor in bytes.
	if cmd, got := exportWith(t, &plan, c, "id\n"); cmd != nil || !strings.HasPrefix(got, "✓ saved 1 customers to the server: retain-users-") {
		t.Fatalf("second export: %q", got)
	}
	cmd, got = exportWith(t, &users, c, "")
	if want := "✗ export refused: this session's export limit is reached"; got != want {
		t.Errorf("past the files: status %q, want %q", got, want)
	}
	want = "no file written: this session has written its 2 exports, the most the server lets one session write"
	if got := panelText(t, cmd, ErrQuota); got != want {
		t.Errorf("past the files: error panel\n%q, want\n%q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the export folder, want 2", len(entries))
	}
}

// TestSessionQuotaInChinese: the session's refusals speak its language.
func TestSessionQuotaInChinese(t *testing.T) {
	c := common.New("zh")
	m := New("users", Noun{En: "users", Zh: "个用户"})
	m.SetServed(true, t.TempDir())
	m.SetQuota(NewQuota(1, 2048, nil))
	cmd, got := exportWith(t, &m, c, strings.Repeat("x", 3000))
	if want := "✗ 导出已停止：超过本会话的导出上限，未写入文件"; got != want {
		t.Errorf("past the bytes: status %q, want %q", got, want)
	}
	if got, want := panelText(t, cmd, ErrQuota), "未写入文件：此导出将使本会话的导出超过 2 KiB，即服务器允许一个会话写入的上限"; got != want {
		t.Errorf("past the bytes: error panel %q, want %q", got, want)
	}
	if cmd, got := exportWith(t, &m, c, "id\n"); cmd != nil || !strings.HasPrefix(got, "✓ ") {
		t.Fatalf("an export within the limits: %q", got)
	}
	cmd, got = exportWith(t, &m, c, "id\n")
	if want := "✗ 导出被拒绝：本会话的导出已达上限"; got != want {
		t.Errorf("past the files: status %q, want %q", got, want)
	}
	if got, want := panelText(t, cmd, ErrQuota), "未写入文件：本会话已写满 1 个导出文件，即服务器允许一个会话写入的上限"; got != want {
		t.Errorf("past the files: error panel %q, want %q", got, want)
	}
}
