package tui

import (
	"context"
	"io"
	"strings"
	"testing"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/pseudonym"
)

// TestLoadPseudonymisesIDs: with Options.Pseudonym the loaded table's ids,
// which every screen and export reads, are the keyed hashes; the source
// file is untouched and the other columns are the same.
func TestLoadPseudonymisesIDs(t *testing.T) {
	csv := "user,visits,churn\n"
	for i := range 30 {
		csv += "c" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + "," + string(rune('0'+i%7)) + "," + []string{"no", "yes"}[i%2] + "\n"
	}
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(csv)), nil }
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	src := experiment.Source{Kind: "csv", Path: "users.csv"}
	cfg := experiment.DefaultConfig()
	plain := loadCmd(context.Background(), 0, Options{Source: src, Open: open}, cfg, nil, nil)().(loadedMsg)
	pseudo := loadCmd(context.Background(), 0, Options{Source: src, Open: open, Pseudonym: key}, cfg, nil, nil)().(loadedMsg)
	if plain.err != nil || pseudo.err != nil {
		t.Fatalf("load: %v, %v", plain.err, pseudo.err)
	}
	ids, pids := plain.data.Table.IDs(), pseudo.data.Table.IDs()
	if len(ids) != 30 || ids[0] != "caa" {
		t.Fatalf("plain ids %q", ids)
	}
	for i := range ids {
		if pids[i] != key.ID(ids[i]) {
			t.Errorf("row %d: %q shown as %q, want %q", i, ids[i], pids[i], key.ID(ids[i]))
		}
	}
	if plain.data.Table.Column("visits").Values[0] != pseudo.data.Table.Column("visits").Values[0] {
		t.Error("a feature column changed")
	}
}

// TestLoadWithholdsCellsInErrors: a served session (pseudonyms forced)
// that loads, or reloads, a file one of whose ids is not UTF-8 saw the id
// quoted in the error; with Options.Pseudonym the error names the file,
// line and column and withholds the value, and without it quotes the cell
// as before.
func TestLoadWithholdsCellsInErrors(t *testing.T) {
	csv := "user,visits,churn\nca,1,no\nJos\xe9,2,yes\n"
	open := func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(csv)), nil }
	key, err := pseudonym.New([]byte("a salt of at least sixteen bytes"))
	if err != nil {
		t.Fatal(err)
	}
	src := experiment.Source{Kind: "csv", Path: "users.csv"}
	cfg := experiment.DefaultConfig()
	const advice = "its bytes read as Latin-1 / Windows-1252 text; convert it to UTF-8 first (iconv -f WINDOWS-1252 -t UTF-8 users.csv > users-utf8.csv)"
	for _, tc := range []struct {
		key  *pseudonym.Key
		want string
	}{
		{nil, `users.csv:3:1: the cell "Jos\xe9" is not UTF-8 (byte 0xE9 at its byte 4); ` + advice},
		{key, "users.csv:3:1: the cell is not UTF-8 (byte 0xE9 at its byte 4; its value withheld, as it may name someone); " + advice},
	} {
		msg := loadCmd(context.Background(), 0, Options{Source: src, Open: open, Pseudonym: tc.key}, cfg, nil, nil)().(loadedMsg)
		if msg.err == nil || msg.err.Error() != tc.want {
			t.Errorf("pseudonyms %v: error %v\nwant %s", tc.key.Enabled(), msg.err, tc.want)
		}
	}
}
