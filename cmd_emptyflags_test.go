package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pathFlags lists the path flags of every command, by command (the root
// command as "retain").
func pathFlags(t *testing.T) map[string][]string {
	t.Helper()
	return commandFlags(t, func(f *pflag.Flag) bool { return pathKind(f) != "" })
}

// commandFlags lists the flags of every command that keep holds, by
// command (the root command as "retain").
func commandFlags(t *testing.T, keep func(*pflag.Flag) bool) map[string][]string {
	t.Helper()
	got := map[string][]string{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := strings.TrimPrefix(c.CommandPath(), "retain ")
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if keep(f) {
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

// hasFlag reports whether "command --flag" is in flags.
func hasFlag(flags map[string][]string, want string) bool {
	cmd, flag, _ := strings.Cut(want, " --")
	for _, f := range flags[cmd] {
		if f == flag {
			return true
		}
	}
	return false
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
		if !hasFlag(flags, want) {
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

// textFlags lists every text or list flag that is not a path flag, by
// command; emptyOK lists those whose empty value means none.
func textFlags(t *testing.T) (refused, emptyOK map[string][]string) {
	t.Helper()
	isText := func(f *pflag.Flag) bool {
		switch f.Value.Type() {
		case "string", "stringSlice", "stringArray":
			return pathKind(f) == ""
		}
		return false
	}
	refused = commandFlags(t, func(f *pflag.Flag) bool { return isText(f) && textFlag(f) })
	emptyOK = commandFlags(t, func(f *pflag.Flag) bool { return isText(f) && !textFlag(f) })
	return refused, emptyOK
}

// A text or list flag given an empty value (an unset shell variable) is a
// usage error naming the flag, on every command, in both spellings, as a
// path flag is: train --label "" trained on the detected label and exited
// 0, --cutoff "" and --horizon "" took their defaults, plan --value ""
// valued every customer at 100, api --listen "" listened on every
// interface at a port of the system's choosing.
func TestEmptyTextFlagsRefused(t *testing.T) {
	refused, emptyOK := textFlags(t)
	// The flags the review named, and one of each kind (text with and
	// without a default, list with and without a default), on the
	// commands that take them: each must be among those checked.
	for _, want := range []string{"train --label", "train --cutoff", "train --horizon", "train --log-columns", "train --exclude",
		"train --date-order", "train --categorical", "train --activation", "train --layers", "train --calib", "train --target",
		"train --preset", "train --levers", "train --exclude-anomalies", "plan --value", "plan --budget", "plan --cutoff",
		"retain --lang", "tui --lang", "serve --lang", "serve --listen", "serve --max-export-bytes", "api --listen",
		"anomalies --truth", "anomalies --archetype", "backtest --cutoffs", "cohorts --metric", "cohorts --period",
		"recommend --item-column", "recommend --exclude-items", "export --dialect", "export --table", "export --orders-table",
		"export --id", "export --time-format", "quality --sets", "quality --candidates", "predict --bands", "eval --bands"} {
		if !hasFlag(refused, want) {
			t.Errorf("%s is not refused empty", want)
		}
	}
	// The flags whose empty value is documented as a choice of its own:
	// exactly these, so a new one is a decision seen here.
	var exempt []string
	for cmd, flags := range emptyOK {
		for _, f := range flags {
			exempt = append(exempt, cmd+" --"+f)
		}
	}
	if strings.Join(exempt, ";") != "plan --levers" {
		t.Errorf("flags that may be given empty: %q, want only plan --levers", exempt)
	}
	cmds := make([]string, 0, len(refused))
	for cmd := range refused {
		cmds = append(cmds, cmd)
	}
	sort.Strings(cmds)
	for _, cmd := range cmds {
		for _, flag := range refused[cmd] {
			var args []string
			if cmd != "retain" {
				args = strings.Fields(cmd)
			}
			want := emptyValueRefusal(args, flag)
			mustRefuse(t, append(append([]string{}, args...), "--"+flag+"="), want)
			mustRefuse(t, append(append([]string{}, args...), "--"+flag, ""), want)
		}
	}
}

// A list flag given a value and then, repeated, an empty one (--exclude
// churn --exclude "$UNSET") is refused as an empty value: pflag appends
// nothing for the empty repetition, and it ran as if the second flag were
// not there. Every list flag that is refused empty is checked; plan
// --levers, whose empty value means none, still takes it.
func TestEmptyRepetitionRefused(t *testing.T) {
	refused, _ := textFlags(t)
	lists := commandFlags(t, func(f *pflag.Flag) bool { return f.Value.Type() == "stringSlice" })
	n := 0
	for cmd, flags := range lists {
		for _, flag := range flags {
			if !hasFlag(refused, cmd+" --"+flag) {
				continue
			}
			var args []string
			if cmd != "retain" {
				args = strings.Fields(cmd)
			}
			want := emptyValueRefusal(args, flag)
			mustRefuse(t, append(append([]string{}, args...), "--"+flag, "x", "--"+flag, ""), want)
			n++
		}
	}
	if n < 10 {
		t.Errorf("%d list flags checked; the commands have more (exclude, categorical, activation, levers, cutoffs, sets…)", n)
	}
	plan, _, err := newRootCmd(newCLI(t).app).Find([]string{"plan"})
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.ParseFlags([]string{"--levers", "visits", "--levers", ""}); err != nil {
		t.Fatal(err)
	}
	if err := refuseEmptyFlags(plan); err != nil {
		t.Errorf("plan --levers visits --levers \"\": %v", err)
	}
}

// train --label "" --out m.json on a table whose label is detected (churn)
// writes no model: it trained on churn and exited 0.
func TestEmptyLabelWritesNoModel(t *testing.T) {
	out := filepath.Join(t.TempDir(), "m.json")
	mustRefuse(t, []string{"train", "--data", usersCSV(t, 40), "--label", "", "--epochs", "1", "--out", out},
		"retain: --label \"\": an empty value; give one, or leave the flag out (is a shell variable unset?)\nRun 'retain train --help' for usage.\n")
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written (stat: %v)", out, err)
	}
}

// plan --levers "" is still taken, as documented: a plan with none of the
// levers the model file records (without the flag, the model's lever
// visits is each contact's lever where it helps).
func TestPlanEmptyLeversMeansNone(t *testing.T) {
	users := usersCSV(t, 200)
	model := filepath.Join(t.TempDir(), "model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--data", users, "--label", "churn", "--epochs", "2", "--layers", "8",
		"--levers", "visits", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	levers := func(args ...string) int {
		t.Helper()
		c := newCLI(t)
		if code := c.run(context.Background(), append([]string{"plan", "--model", model, "--data", users, "--json"}, args...)...); code != exitOK {
			t.Fatalf("plan %v: exit %d, stderr %q", args, code, c.stderr.String())
		}
		var doc planContactsDoc
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, p := range doc.Plan.Contacts {
			if p.Lever != nil {
				n++
			}
		}
		return n
	}
	if n := levers(); n == 0 {
		t.Fatal("no contact has a lever with the model's levers: the test shows nothing")
	}
	if n := levers("--levers", ""); n != 0 {
		t.Errorf("%d contacts have a lever with --levers \"\"", n)
	}
	if n := levers("--levers="); n != 0 {
		t.Errorf("%d contacts have a lever with --levers=", n)
	}
}

// emptyValueRefusal is the usage error of "retain ARGS --FLAG" given an
// empty text or list value.
func emptyValueRefusal(args []string, flag string) string {
	return `retain: --` + flag + ` "": an empty value; give one, or leave the flag out (is a shell variable unset?)` + "\n" +
		"Run '" + strings.Join(append([]string{"retain"}, args...), " ") + " --help' for usage.\n"
}
