package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// pflag reports a value it cannot parse in Go's words ("invalid argument
// "-1" for "--seed" flag: strconv.ParseUint: parsing "-1": invalid
// syntax") and a flag given no value as "flag needs an argument: --seed".
// plainFlagError says both as the rest of retain's messages do: the flag,
// the value given and the kind of value it wants.

// plainFlagError rewrites pflag's error of a flag value it could not
// parse, or of a flag given without one; any other error is returned as
// it is.
func plainFlagError(err error) error {
	var invalid *pflag.InvalidValueError
	if errors.As(err, &invalid) && invalid.GetFlag() != nil {
		f := invalid.GetFlag()
		want := wantedValue(f)
		if want == "" {
			// A value of retain's own kind: its error is a sentence already.
			return fmt.Errorf("--%s %q: %v", f.Name, invalid.GetValue(), invalid.Unwrap())
		}
		if errors.Is(invalid.Unwrap(), strconv.ErrRange) {
			return fmt.Errorf("--%s %q: out of range; want %s%s", f.Name, invalid.GetValue(), want, rangeOf(f))
		}
		return fmt.Errorf("--%s %q: want %s%s", f.Name, invalid.GetValue(), want, flagValueHints[f.Name])
	}
	var missing *pflag.ValueRequiredError
	if errors.As(err, &missing) && missing.GetFlag() != nil {
		f := missing.GetFlag()
		if want := wantedValue(f); want != "" {
			return fmt.Errorf("--%s needs a value: %s", f.Name, want)
		}
		return fmt.Errorf("--%s needs a value", f.Name)
	}
	return err
}

// wantedValue names the kind of value flag f takes, by its type, or ""
// for a string or a value of retain's own kind.
func wantedValue(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "int", "int8", "int16", "int32", "int64":
		return "a whole number"
	case "uint", "uint8", "uint16", "uint32", "uint64":
		return "a whole number ≥ 0"
	case "float32", "float64":
		return "a number"
	case "duration":
		return "a duration such as 30s, 2m or 1h30m"
	case "bool":
		return "true or false"
	case "intSlice", "int32Slice", "int64Slice":
		return "whole numbers separated by commas"
	case "float32Slice", "float64Slice":
		return "numbers separated by commas"
	}
	return ""
}

// rangeOf says the bounds of the numbers flag f takes, for a value out of
// its range: those of the 64-bit integers (pflag reads an int flag as one
// on every platform), or the largest float.
func rangeOf(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "int", "int64", "intSlice", "int64Slice":
		return fmt.Sprintf(" from %d to %d", math.MinInt64, math.MaxInt64)
	case "uint", "uint64":
		return fmt.Sprintf(" up to %d", uint64(math.MaxUint64))
	case "float64", "float64Slice":
		return fmt.Sprintf(" between ±%.2g", math.MaxFloat64)
	}
	return ""
}

// flagValueHints add to the value wanted where a flag's value is often
// mistaken for another kind.
var flagValueHints = map[string]string{
	// tune's leaderboard calls the weight of negatives ÷ positives
	// "balanced", and prints the number beside it.
	"pos-weight": " (1 weighs both classes alike; tune's \"balanced\" is the number of negative rows ÷ positive rows, printed beside it)",
}

// langFlagError adds to pflag's "unknown flag: --lang", met by a command
// without one (retain --lang zh train …: the root's flags are not the
// subcommand's), which commands take it and that this one writes English.
// Any other error is returned as it is.
func langFlagError(cmd *cobra.Command, err error) error {
	var unknown *pflag.NotExistError
	if !errors.As(err, &unknown) || unknown.GetSpecifiedName() != "lang" || cmd.Flags().Lookup("lang") != nil {
		return err
	}
	return fmt.Errorf("%w: %s writes English and takes no --lang; --lang sets the language of the terminal UI: "+
		"retain --lang zh, retain tui --lang zh or retain serve --lang zh", err, cmd.CommandPath())
}
