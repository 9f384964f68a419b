package exporter

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/tui/common"
)

// exportWith runs one served export of text on m and returns the Cmd and
// status of its refusal, or of its end.
func exportWith(t *testing.T, m *Model, c common.Common, text string) (tea.Cmd, string) {
	t.Helper()
	cmd, status := m.Served(c, "retain-users-", 1, func(_ context.Context, w io.Writer, _ func(int, int)) error {
		_, err := io.WriteString(w, text)
		return err
	})
	if cmd == nil || status.In(c) != "" {
		return cmd, status.In(c)
	}
	msg, ok := cmd().(DoneMsg)
	if !ok {
		t.Fatalf("the export's first message is not its end")
	}
	cmd, status, _ = m.Update(c, msg)
	return cmd, status.In(c)
}

// panelText runs cmd and returns the error, which must be target
// (errors.Is), that it asks the error panel to show ("" when it asks for
// none).
func panelText(t *testing.T, cmd tea.Cmd, target error) string {
	t.Helper()
	if cmd == nil {
		return ""
	}
	msg, ok := cmd().(ErrorMsg)
	if !ok {
		t.Fatalf("the Cmd gave %T, not an ErrorMsg", cmd())
	}
	if !errors.Is(msg.Err, target) {
		t.Errorf("the panel's error %v is not %v", msg.Err, target)
	}
	return msg.Err.Error()
}

// TestExportFolderIsBoundedAcrossSessions: each session's exports were
// bounded, but not the folder's: sessions one after another, each within
// its own quota, could fill the server's disk. Two sessions now share the
// folder's bound, files already in it count, a refusal goes to the error
// panel and leaves no file, and removing files makes room again.
func TestExportFolderIsBoundedAcrossSessions(t *testing.T) {
	c := common.New("en")
	dir := t.TempDir()
	// An operator's file of 10 bytes, and room for 30 in all.
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("0123456789"), 0o600); err != nil {
		t.Fatal(err)
	}
	folder := NewFolder(dir, 30)
	one, two := New("users", Noun{En: "users"}), New("users", Noun{En: "users"})
	one.SetServed(true, dir)
	one.SetQuota(NewQuota(0, 0, folder))
	two.SetServed(true, dir)
	two.SetQuota(NewQuota(0, 0, folder))

	if cmd, got := exportWith(t, &one, c, "id\np_0001\n"); cmd != nil || !strings.HasPrefix(got, "✓ saved 1 users to the server: retain-users-") {
		t.Fatalf("first export (10 of 20 bytes left): %q", got)
	}
	// 10 + 10 bytes are in the folder: 11 more would pass 30.
	cmd, got := exportWith(t, &two, c, "id\np_00001\n")
	if want := "✗ export stopped: the server's export folder is full; no file written"; got != want {
		t.Errorf("an export past the folder's bound: status %q, want %q", got, want)
	}
	want := "no file written: this export would take the server's export folder past 30 bytes, " +
		"the most that the exports of every session may take together; ask the server's operator to make room"
	if got := panelText(t, cmd, ErrFolderFull); got != want {
		t.Errorf("error panel\n%q, want\n%q", got, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the stopped export left a file: %d files, want 2", len(entries))
	}
	// Exactly the room left.
	if cmd, got := exportWith(t, &two, c, "id\np_0002\n"); cmd != nil || !strings.HasPrefix(got, "✓ saved 1 users to the server: retain-users-") {
		t.Fatalf("an export of the 10 bytes left: %q", got)
	}
	cmd, got = exportWith(t, &one, c, "")
	if want := "✗ export refused: the server's export folder is full"; got != want {
		t.Errorf("an export into the full folder: status %q, want %q", got, want)
	}
	want = "no file written: the server's export folder holds 30 bytes, " +
		"the most that the exports of every session may take together; ask the server's operator to make room"
	if got := panelText(t, cmd, ErrFolderFull); got != want {
		t.Errorf("error panel\n%q, want\n%q", got, want)
	}
	// The operator makes room: the folder is read again.
	if err := os.Remove(filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	if cmd, got := exportWith(t, &one, c, "id\np_0003\n"); cmd != nil || !strings.HasPrefix(got, "✓ saved 1 users to the server: retain-users-") {
		t.Fatalf("an export once the operator made room: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("%d files in the export folder, want the 3 exports", len(entries))
	}
}

// TestExportFolderFullInChinese: the error panel speaks the session's
// language.
func TestExportFolderFullInChinese(t *testing.T) {
	c := common.New("zh")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "old.csv"), make([]byte, 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New("users", Noun{En: "users", Zh: "个用户"})
	m.SetServed(true, dir)
	m.SetQuota(NewQuota(0, 0, NewFolder(dir, 1024)))
	cmd, got := exportWith(t, &m, c, "id\n")
	if want := "✗ 导出被拒绝：服务器导出文件夹已满"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	want := "未写入文件：服务器导出文件夹已有 2 KiB，达到所有会话的导出合计可占用的上限；请联系服务器管理员腾出空间"
	if got := panelText(t, cmd, ErrFolderFull); got != want {
		t.Errorf("error panel %q, want %q", got, want)
	}
}
