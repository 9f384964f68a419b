package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// An empty path given to a flag is almost always a shell variable that was
// not set (retain train --data "$IN" with $IN unset): read as "not given",
// it trained on the built-in shop and exited 0, or wrote no model. Every
// command refuses it instead, by the flag set's record of what was given,
// before any work.

// refuseEmptyPaths refuses a path flag of cmd given on the command line
// with an empty value (a usage error naming the flag). A path flag is one
// whose value is a FILE or a DIR: by its placeholder in the help or by
// cobra's file-name completion marks.
func refuseEmptyPaths(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || !f.Changed || f.Value.String() != "" {
			return
		}
		if kind := pathKind(f); kind != "" {
			err = fmt.Errorf("--%s \"\": an empty path; give a %s name (is a shell variable unset?)", f.Name, kind)
		}
	})
	return err
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
