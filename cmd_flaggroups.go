package main

import (
	"errors"
	"regexp"
	"strings"
)

// Cobra checks the flag groups a command marks (MarkFlagsMutuallyExclusive,
// MarkFlagsOneRequired, MarkFlagsRequiredTogether) and reports a broken one
// in its own words ("if any flags in the group [folds cutoffs] are set none
// of the others can be; [cutoffs folds] were all set"), with bare flag
// names. plainFlagGroupError says the same as the rest of retain's
// messages do: with the flags as they are typed.
var (
	flagGroupExclusive = regexp.MustCompile(`^if any flags in the group \[([^\]]*)\] are set none of the others can be; \[([^\]]*)\] were all set$`)
	flagGroupOneOf     = regexp.MustCompile(`^at least one of the flags in the group \[([^\]]*)\] is required$`)
	flagGroupTogether  = regexp.MustCompile(`^if any flags in the group \[([^\]]*)\] are set they must all be set; missing \[([^\]]*)\]$`)
)

// plainFlagGroupError rewrites cobra's message of a broken flag group; any
// other error is returned as it is.
func plainFlagGroupError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if m := flagGroupExclusive.FindStringSubmatch(msg); m != nil {
		return errors.New(flagList(m[2], "and") + " cannot be used together: give one of them")
	}
	if m := flagGroupOneOf.FindStringSubmatch(msg); m != nil {
		return errors.New("give " + flagList(m[1], "or"))
	}
	if m := flagGroupTogether.FindStringSubmatch(msg); m != nil {
		group := strings.Fields(m[1])
		missing := strings.Fields(m[2])
		var given []string
		for _, g := range group {
			if !strings.Contains(" "+m[2]+" ", " "+g+" ") {
				given = append(given, g)
			}
		}
		verb := " need "
		if len(given) == 1 {
			verb = " needs "
		}
		return errors.New(flagList(strings.Join(given, " "), "and") + verb + flagList(strings.Join(missing, " "), "and") + " too")
	}
	return err
}

// flagList writes space-separated flag names as "--a, --b or --c".
func flagList(names, conj string) string {
	f := strings.Fields(names)
	for i := range f {
		f[i] = "--" + f[i]
	}
	switch len(f) {
	case 0:
		return ""
	case 1:
		return f[0]
	}
	return strings.Join(f[:len(f)-1], ", ") + " " + conj + " " + f[len(f)-1]
}
