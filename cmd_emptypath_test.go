package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pathFlags lists "command --flag" for every path flag of every command
// (the root command as "retain").
func pathFlags(t *testing.T) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := strings.TrimPrefix(c.CommandPath(), "retain ")
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if pathKind(f) != "" {
				got[name] = append(got[name], f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(newCLI(t).app))
	return got
}

// A path flag given an empty value (an unset shell variable) is a usage
// error naming the flag, on every command, in both spellings; it trained
// on the built-in shop, or wrote no model, and exited 0.
func TestEmptyPathFlagsRefused(t *testing.T) {
	flags := pathFlags(t)
	// The flags the review found, and every kind of path flag: each must
	// be among those checked, so a change to how they are told apart
	// cannot leave them out unseen.
	for _, want := range []string{"train --data", "train --log", "train --out", "tune --data", "tune --out", "anomalies --data",
		"anomalies --log", "anomalies --export-features", "eval --data", "eval --folds", "eval --model", "eval --write-folds",
		"bench --data", "predict --data", "predict --log", "predict --model", "predict --out", "predict --salt-file",
		"plan --out", "plan --contacts-out", "cohorts --log", "backtest --log", "recommend --log", "api --token-file",
		"api --model", "api-bench --data", "serve --host-key", "serve --export-dir", "serve --authorized-keys",
		"quality --datasets", "export --out", "inspect --model", "retain --data", "tui --log"} {
		cmd, flag, _ := strings.Cut(want, " --")
		found := false
		for _, f := range flags[cmd] {
			found = found || f == flag
		}
		if !found {
			t.Errorf("%s is not seen as a path flag", want)
		}
	}
	cmds := make([]string, 0, len(flags))
	for cmd := range flags {
		cmds = append(cmds, cmd)
	}
	sort.Strings(cmds)
	for _, cmd := range cmds {
		for _, flag := range flags[cmd] {
			var args []string
			if cmd != "retain" {
				args = strings.Fields(cmd)
			}
			kind := "file"
			if flag == "export-dir" || flag == "datasets" {
				kind = "directory"
			}
			want := `retain: --` + flag + ` "": an empty path; give a ` + kind + " name (is a shell variable unset?)\n" +
				"Run '" + strings.Join(append([]string{"retain"}, args...), " ") + " --help' for usage.\n"
			mustRefuse(t, append(append([]string{}, args...), "--"+flag+"="), want)
			mustRefuse(t, append(append([]string{}, args...), "--"+flag, ""), want)
		}
	}
}

// train --data "" --out m.json writes no model (it wrote one of the
// built-in shop), and train --data F --out "" is refused before training.
func TestEmptyDataWritesNoModel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "m.json")
	mustRefuse(t, []string{"train", "--data", "", "--epochs", "1", "--out", out},
		"retain: --data \"\": an empty path; give a file name (is a shell variable unset?)\nRun 'retain train --help' for usage.\n")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written (stat: %v)", out, err)
	}
	mustRefuse(t, []string{"train", "--data", writeFile(t, "users.csv", "id,visits,churn\n1,3,yes\n2,4,no\n"), "--epochs", "1", "--out", ""},
		"retain: --out \"\": an empty path; give a file name (is a shell variable unset?)\nRun 'retain train --help' for usage.\n")
}
