package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// TestServePseudonymNoteNamesTheColumns: serve said "ids pseudonymised in
// every session" even when the only id column was one the loader did not
// recognise; it now names every column it pseudonymises, and says when
// there is none.
func TestServePseudonymNoteNamesTheColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("subscriber,email,plan,churn\n")
	for i := range 200 {
		sub := fmt.Sprintf("S%03d", i)
		if i == 1 {
			sub = "S000"
		}
		fmt.Fprintf(&b, "%s,u%d@example.com,%s,%d\n", sub, i, []string{"a", "b"}[i%2], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "sub.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found := pseudonymNote(&experiment.Data{Table: tab})
	if want := `pseudonymised in every session: "subscriber", "email"`; note != want || !found {
		t.Errorf("note %q, %v; want %q, true", note, found, want)
	}
	plain, err := data.ReadCSV(strings.NewReader("plan,churn\na,0\nb,1\na,1\n"), "plain.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found = pseudonymNote(&experiment.Data{Table: plain})
	if want := "no identifier column to pseudonymise"; note != want || found {
		t.Errorf("note %q, %v; want %q, false", note, found, want)
	}
}

// TestServePseudonymNoteNamesUniqueText: text whose every value is
// distinct, read as a category from a small file, is pseudonymised too
// (experiment.PersonalText); the start-up line names it and says why.
func TestServePseudonymNoteNamesUniqueText(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,contact,plan,churn\n")
	for i := range 15 {
		fmt.Fprintf(&b, "C%03d,person%d@example.com,%s,%d\n", i, i, []string{"a", "b"}[i%2], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "small.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found := pseudonymNote(&experiment.Data{Table: tab})
	want := `pseudonymised in every session: "customerID", "contact" (every value distinct: an identifier, not a category)`
	if note != want || !found {
		t.Errorf("note %q, %v; want %q, true", note, found, want)
	}
}

// TestServePseudonymNoteNamesPersonalText: text that repeats (39 e-mail
// addresses in 40 rows; 30 addresses on 300 orders) stayed a category,
// shown in clear to every session; it is pseudonymised now
// (experiment.PersonalText), and the start-up line names it and says why.
// A category is not named.
func TestServePseudonymNoteNamesPersonalText(t *testing.T) {
	var b strings.Builder
	b.WriteString("customerID,contact,email,plan,churn\n")
	for i := range 300 {
		contact := fmt.Sprintf("person%d@example.com", min(i, 38))
		if i >= 40 {
			contact = "" // 39 distinct in the 40 present cells
		}
		fmt.Fprintf(&b, "C%03d,%s,u%d@example.org,%s,%d\n", i, contact, i%30, []string{"a", "b", "c"}[i%3], i%2)
	}
	tab, err := data.ReadCSV(strings.NewReader(b.String()), "orders.csv", data.CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	note, found := pseudonymNote(&experiment.Data{Table: tab})
	want := `pseudonymised in every session: "customerID", ` +
		`"contact" (nearly every value distinct, 39 in 40 rows: an identifier, not a category), ` +
		`"email" (written like e-mail addresses or phone numbers: an identifier, not a category)`
	if note != want || !found {
		t.Errorf("note %q, %v; want %q, true", note, found, want)
	}
}

// TestServedReloadNamesTheFileOnly: a reload of a served file that is gone
// said "open /the/server's/folder/users.csv: no such file or directory";
// it now says the base name only.
func TestServedReloadNamesTheFileOnly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "secret_dir")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "users.csv")
	if err := os.WriteFile(path, []byte("id,churn\n1,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, open := servedSource(experiment.Source{Kind: "csv", Path: path}, openWithContext(context.Background(), openFile))
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	_, err := open(src.Path)
	if want := "users.csv: no such file or directory"; err == nil || err.Error() != want {
		t.Errorf("reload error %v, want %q", err, want)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v is not fs.ErrNotExist", err)
	}
}

// TestServedReloadRefusesAnotherFile: the served file was opened again by
// path on every reload, so a symbolic link to /etc/passwd put in its
// place was shown to the session; a reload now opens only the file the
// server started with.
func TestServedReloadRefusesAnotherFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "users.csv")
	secret := filepath.Join(dir, "secret.txt")
	for _, f := range []string{path, secret} {
		if err := os.WriteFile(f, []byte("id,churn\n1,0\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, open := servedSource(experiment.Source{Kind: "csv", Path: path}, openWithContext(context.Background(), openFile))
	other := filepath.Join(dir, "other.csv")
	if err := os.WriteFile(other, []byte("id,churn\n3,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same file written again in place still reloads.
	if err := os.WriteFile(path, []byte("id,churn\n2,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := open(src.Path)
	if err != nil {
		t.Fatalf("the served file rewritten in place: %v", err)
	}
	r.Close()
	want := "users.csv: no longer the file the server started with (it was replaced); ask the operator to restart the server"
	for _, replace := range []struct {
		name string
		do   func() error
	}{
		{"a symbolic link", func() error { return os.Symlink(secret, path) }},
		// Renamed over it: made while the served file still exists, it
		// cannot have its inode.
		{"another file", func() error { return os.Rename(other, path) }},
	} {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := replace.do(); err != nil {
			t.Fatal(err)
		}
		r, err := open(src.Path)
		if err == nil {
			r.Close()
			t.Errorf("%s in the served file's place was opened", replace.name)
			continue
		}
		if err.Error() != want || !errors.Is(err, errNotServedFile) {
			t.Errorf("%s: error %q, want %q", replace.name, err, want)
		}
	}
}

func openFile(p string) (io.ReadCloser, error) { return os.Open(p) }
