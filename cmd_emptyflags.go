package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// An empty value given to a flag is almost always a shell variable that
// was not set (retain train --data "$IN" with $IN unset): read as "not
// given", it trained on the built-in shop and exited 0, or wrote no model;
// --label "$LABEL" trained on the detected label instead. Every command
// refuses it instead, by the flag set's record of what was given, before
// any work: a path, and any other text or list flag, save those whose
// empty value means something of its own (annotated emptyMeansNone).

// emptyMeansNone is the annotation of a text or list flag whose empty
// value is a choice of its own (plan --levers "": no levers, not the model
// file's), so given empty it is not refused.
const emptyMeansNone = "retain_empty_means_none"

// allowEmpty marks flag name of cmd as one whose empty value means none.
func allowEmpty(cmd *cobra.Command, name string) {
	if err := cmd.Flags().SetAnnotation(name, emptyMeansNone, []string{"true"}); err != nil {
		panic(err) // a flag that does not exist: a mistake in this program
	}
}

// refuseEmptyFlags refuses a path, text or list flag of cmd given on the
// command line with an empty value (a usage error naming the flag). A path
// flag is one whose value is a FILE or a DIR: by its placeholder in the
// help or by cobra's file-name completion marks.
func refuseEmptyFlags(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || !f.Changed || !(emptyValue(f) || givenEmptyOnce(f)) {
			return
		}
		if kind := pathKind(f); kind != "" {
			err = fmt.Errorf("--%s \"\": an empty path; give a %s name (is a shell variable unset?)", f.Name, kind)
		} else if textFlag(f) {
			err = fmt.Errorf("--%s \"\": an empty value; give one, or leave the flag out (is a shell variable unset?)", f.Name)
		}
	})
	return err
}

// textFlag reports whether f takes text or a list of texts, and an empty
// one is refused: not one annotated emptyMeansNone.
func textFlag(f *pflag.Flag) bool {
	if _, ok := f.Annotations[emptyMeansNone]; ok {
		return false
	}
	switch f.Value.Type() {
	case "string", "stringSlice", "stringArray":
		return true
	}
	return false
}

// emptyValue reports whether f holds an empty text or an empty list (a
// list flag given "" holds no item).
func emptyValue(f *pflag.Flag) bool {
	if s, ok := f.Value.(pflag.SliceValue); ok {
		return len(s.GetSlice()) == 0
	}
	return f.Value.String() == ""
}

// pathKind is "file" or "directory" for a flag naming one, else "".
func pathKind(f *pflag.Flag) string {
	if _, ok := f.Annotations[cobra.BashCompSubdirsInDir]; ok {
		return "directory"
	}
	if _, ok := f.Annotations[cobra.BashCompFilenameExt]; ok {
		return "file"
	}
	switch name, _ := pflag.UnquoteUsage(f); name {
	case "FILE":
		return "file"
	case "DIR":
		return "directory"
	}
	return ""
}

// emptyItemWatch wraps a list flag's value to remember a repetition given
// empty (--exclude a --exclude "$UNSET"): pflag appends nothing for it, so
// the list alone cannot show it.
type emptyItemWatch struct {
	pflag.SliceValue
	value    pflag.Value
	sawEmpty bool
}

// Set records an empty value and passes every value on.
func (w *emptyItemWatch) Set(s string) error {
	if s == "" {
		w.sawEmpty = true
	}
	return w.value.Set(s)
}

// String is the wrapped value's.
func (w *emptyItemWatch) String() string { return w.value.String() }

// Type is the wrapped value's, so help and completion read it as before.
func (w *emptyItemWatch) Type() string { return w.value.Type() }

// watchEmptyItems wraps every list flag of cmd and its subcommands in an
// emptyItemWatch.
func watchEmptyItems(cmd *cobra.Command) {
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if s, ok := f.Value.(pflag.SliceValue); ok {
			f.Value = &emptyItemWatch{SliceValue: s, value: f.Value}
			if f.DefValue == "[]" {
				// pflag's help leaves out an empty list's default by the
				// value's own type, which the wrapper hides: say so here.
				f.DefValue = ""
			}
		}
	})
	for _, sub := range cmd.Commands() {
		watchEmptyItems(sub)
	}
}

// givenEmptyOnce reports whether the list flag f was given an empty value
// in one of its repetitions.
func givenEmptyOnce(f *pflag.Flag) bool {
	w, ok := f.Value.(*emptyItemWatch)
	return ok && w.sawEmpty
}
