package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestDataDashReadsStandardInput scores the same rows given as a file and
// on standard input: the CSVs on stdout must be byte for byte the same.
func TestDataDashReadsStandardInput(t *testing.T) {
	csvPath := usersCSV(t, 200)
	model := trainModel(t, csvPath)
	raw, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	fromFile := newCLI(t)
	if code := fromFile.run(context.Background(), "predict", "--model", model, "--data", csvPath); code != exitOK {
		t.Fatalf("predict --data FILE: exit %d, stderr %q", code, fromFile.stderr.String())
	}
	fromStdin := newCLI(t)
	fromStdin.app.stdin = bytes.NewReader(raw)
	if code := fromStdin.run(context.Background(), "predict", "--model", model, "--data", "-"); code != exitOK {
		t.Fatalf("predict --data -: exit %d, stderr %q", code, fromStdin.stderr.String())
	}
	if fromStdin.stdout.Len() == 0 || fromStdin.stdout.String() != fromFile.stdout.String() {
		t.Errorf("predict --data - wrote\n%.300s\nwant what --data FILE wrote\n%.300s", fromStdin.stdout, fromFile.stdout)
	}
}

// TestTrainFromStandardInput trains on a piped table: the model file must
// be written, and a malformed cell on stdin is reported as <stdin>:line:col.
func TestTrainFromStandardInput(t *testing.T) {
	raw, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	c := newCLI(t)
	c.app.stdin = bytes.NewReader(raw)
	out := t.TempDir() + "/m.json"
	if code := c.run(context.Background(), "train", "--data", "-", "--label", "churn", "--epochs", "2", "--out", out); code != exitOK {
		t.Fatalf("train --data -: exit %d, stderr %q", code, c.stderr.String())
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no model written: %v", err)
	}

	// Line 3 (the second data row), field 2 (visits) holds text in a
	// numeric column.
	bad := "user_id,visits,spend,plan,churn\n1,3,10.5,basic,no\n2,many,7,pro,yes\n3,4,1,plus,no\n"
	c = newCLI(t)
	c.app.stdin = strings.NewReader(bad)
	model := trainModel(t, usersCSV(t, 100))
	if code := c.run(context.Background(), "predict", "--model", model, "--data", "-"); code == exitOK {
		t.Fatalf("a text cell in a numeric column was scored: stdout %q", c.stdout.String())
	}
	if got, want := c.stderr.String(), `retain: <stdin>:3:2: column "visits": expected a finite number, got "many"`+"\n"; got != want {
		t.Errorf("stderr %q\nwant   %q", got, want)
	}
}

func TestStandardInputIsReadOnce(t *testing.T) {
	open := withStdin(func(string) (io.ReadCloser, error) { return nil, errors.New("not a file") },
		strings.NewReader("a,b\n1,2\n"), io.Discard)
	f, err := open(stdinPath)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(f); string(b) != "a,b\n1,2\n" {
		t.Errorf("first open read %q", b)
	}
	f.Close()
	if _, err := open(stdinPath); !errors.Is(err, errStdinTwice) {
		t.Errorf("second open: %v, want errStdinTwice", err)
	}
	if _, err := open("x.csv"); err == nil || err.Error() != "not a file" {
		t.Errorf("other paths must go to the opener given: %v", err)
	}
}

func TestTheTUIAndServeRefuseStandardInput(t *testing.T) {
	why := "the terminal UI reads its keys on standard input, and reads the data again when you reload it (o); give the file's path\n"
	mustRefuse(t, []string{"--data", "-"}, "retain: --data -: "+why)
	mustRefuse(t, []string{"tui", "--log", "-"}, "retain: --log -: "+why)
	// serve reads no keys on standard input: it gives its own reason.
	serveWhy := "retain serve loads the data again for every session and every reload, and standard input can be read only once; give the file's path\n"
	mustRefuse(t, []string{"serve", "--data", "-", "--insecure-no-auth"}, "retain: --data -: "+serveWhy)
	mustRefuse(t, []string{"serve", "--log", "-", "--insecure-no-auth"}, "retain: --log -: "+serveWhy)
}

// TestTunePrintsDashBack: the train command tune suggests names standard
// input as the user typed it, "-", while the source reads it as stdinPath.
func TestTunePrintsDashBack(t *testing.T) {
	cmd := &cobra.Command{}
	var f sourceFlags
	f.register(cmd, false)
	if err := cmd.Flags().Parse([]string{"--data", "-", "--label", "Churn"}); err != nil {
		t.Fatal(err)
	}
	if f.data != stdinPath {
		t.Errorf("--data - is stored as %q, want %q", f.data, stdinPath)
	}
	if got, want := sourceArgs(cmd.Flags()), []string{"--data", "-", "--label", "Churn"}; !slices.Equal(got, want) {
		t.Errorf("sourceArgs %q, want %q", got, want)
	}
}
