package main

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Cobra refuses a command run without a flag it marks required
// (MarkFlagRequired) in its own words: `required flag(s) "model" not
// set`. plainRequiredFlagError says it as retain's other flag errors do:
// the command, the flag as it is typed, the value it takes and what that
// value is.
var requiredFlagsMissing = regexp.MustCompile(`^required flag\(s\) "(.*)" not set$`)

// requiredFlagValues say what the value of a required flag is, by flag
// name or, where commands differ, by "command --flag".
var requiredFlagValues = map[string]string{
	"model":            "a model written by retain train",
	"backtest --log":   "an order or event log, CSV, Parquet or xlsx; - for standard input",
	"recommend --log":  "an order log with an item column, CSV, Parquet or xlsx; - for standard input",
	"export --dialect": "sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql",
	"api-bench --data": "a comma-separated file with the model's columns",
}

// plainRequiredFlagError rewrites cobra's error of required flags missing
// from cmd's command line, as "predict needs --model FILE (a model written
// by retain train)"; any other error is returned as it is.
func plainRequiredFlagError(cmd *cobra.Command, err error) error {
	if err == nil || cmd == nil {
		return err
	}
	m := requiredFlagsMissing.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
	// In the order the command's synopsis gives them (cobra sorts them).
	flags := strings.Split(m[1], `", "`)
	at := func(flag string) int {
		if i := strings.Index(cmd.Use, "--"+flag+" "); i >= 0 {
			return i
		}
		return len(cmd.Use)
	}
	slices.SortStableFunc(flags, func(a, b string) int { return at(a) - at(b) })
	var needs []string
	for _, flag := range flags {
		needs = append(needs, requiredFlag(cmd.Flags().Lookup(flag), name, flag))
	}
	return errors.New(name + " needs " + andList(needs))
}

// requiredFlag writes flag f of command name as it is typed, with its
// value's placeholder and what the value is: "--model FILE (a model
// written by retain train)".
func requiredFlag(f *pflag.Flag, name, flag string) string {
	s := "--" + flag
	if f == nil {
		return s
	}
	if placeholder, _ := pflag.UnquoteUsage(f); placeholder != "" {
		s += " " + placeholder
	}
	what, ok := requiredFlagValues[name+" --"+flag]
	if !ok {
		what = requiredFlagValues[flag]
	}
	if what != "" {
		s += " (" + what + ")"
	}
	return s
}
