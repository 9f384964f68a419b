package common

import (
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
)

// TestShellLineQuoting: the words of a suggested command are quoted for a
// POSIX shell where they need it: a path with spaces, a single and a
// double quote, an empty value, a column list holding a comma (CSV-quoted
// first, as --exclude reads it). The expected lines are written by hand
// (single quotes around the word; a single quote inside closes them, is
// escaped with a backslash and opens them again), and sh itself reads
// each back into the same words.
func TestShellLineQuoting(t *testing.T) {
	for _, c := range []struct {
		name  string
		words []string
		want  string
	}{
		{"plain", []string{"retain", "train", "--data", "data/users_2024.csv", "--lr", "0.001"},
			"retain train --data data/users_2024.csv --lr 0.001"},
		{"spaces", []string{"--data", "../my data/users.csv"}, "--data '../my data/users.csv'"},
		{"quotes", []string{"--data", `it's "the" file.csv`}, `--data 'it'\''s "the" file.csv'`},
		{"empty", []string{"--levers", ""}, "--levers ''"},
		{"shell characters", []string{"--data", "$HOME/a;b|c&d*`e`~"}, "--data '$HOME/a;b|c&d*`e`~'"},
		{"Chinese", []string{"--data", "客户.csv"}, "--data '客户.csv'"},
		{"list", []string{"--exclude", listValue([]string{"email", "a,b", `say "hi"`})},
			`--exclude 'email,"a,b","say ""hi"""'`},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ShellLine(c.words)
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if back := shWords(t, got); !slices.Equal(back, c.words) {
				t.Errorf("sh reads %s as %q, want %q", got, back, c.words)
			}
		})
	}
}

// shWords is text read by sh as the arguments of one command (set --).
func shWords(t *testing.T, text string) []string {
	t.Helper()
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no POSIX shell to read the command with")
	}
	out, err := exec.Command(sh, "-c", "set -- "+text+`; printf '%s\0' "$@"`).Output()
	if err != nil {
		t.Fatalf("sh could not read %s: %v", text, err)
	}
	return strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00")
}

// TestShellLinesCopyAsOneCommand: a command laid out on the lines of a
// narrow screen keeps every line within the width, breaks only between
// words (a flag with its value), and the lines as they are, pasted into
// sh, are the one command with the same words, a path wider than a
// whole line (cut into pieces quoted one by one) included.
func TestShellLinesCopyAsOneCommand(t *testing.T) {
	long := "/home/someone/a folder with a rather long name/and it's \"quoted\" too/customers of the shop.csv"
	words := []string{"retain", "train", "--data", long, "--label", "purchases_next_30d", "--exclude", listValue([]string{"email", "a,b"}),
		"--layers", "16,8", "--activation", "tanh,leaky_relu", "--log1p=false", "--nesterov", "--levers", "", "--out", "model.json"}
	for _, width := range []int{30, 48, 80, 200} {
		lines := ShellLines(words, "  ", width)
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: line %d is %d cells: %q", width, i+1, w, l)
			}
			if i < len(lines)-1 && !strings.HasSuffix(l, "\\") {
				t.Errorf("width %d: line %d does not go on to the next: %q", width, i+1, l)
			}
		}
		if back := shWords(t, strings.Join(lines, "\n")); !slices.Equal(back, words) {
			t.Errorf("width %d: sh reads\n%s\nas %q, want %q", width, strings.Join(lines, "\n"), back, words)
		}
	}
	// At 80 cells, written by hand: the path goes to lines of its own,
	// cut where its first piece, quoted, and a backslash fill the 80 cells;
	// the other flags keep their values on their lines.
	want := []string{
		"  retain train --data \\",
		"'/home/someone/a folder with a rather long name/and it'\\''s \"quoted\" too/custo'\\",
		"'mers of the shop.csv' --label purchases_next_30d --exclude 'email,\"a,b\"' \\",
		"    --layers 16,8 --activation tanh,leaky_relu --log1p=false --nesterov \\",
		"    --levers '' --out model.json",
	}
	if got := ShellLines(words, "  ", 80); !slices.Equal(got, want) {
		t.Errorf("at 80 cells:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLogColumnsValue: the roles in --log-columns' order; a column whose
// name the flag cannot hold (a comma in it, a space at its end) by its
// 1-based number among the log's columns as read.
func TestLogColumnsValue(t *testing.T) {
	header := []string{"InvoiceNo", "Customer, ID", "Date ", "Amount"}
	cols := data.LogColumns{Customer: "Customer, ID", Time: "Date ", Amount: "Amount", Order: "InvoiceNo", Description: "Text"}
	if got, want := LogColumnsValue(cols, header), "customer=2,time=3,amount=Amount,order=InvoiceNo"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
