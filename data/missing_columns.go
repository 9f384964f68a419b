package data

import (
	"fmt"
	"strings"
)

// MaxNamedColumns is how many missing columns a message names before it
// counts the rest ("and 12 more").
const MaxNamedColumns = 5

// NameColumns lists names quoted, the first MaxNamedColumns of them and
// then how many more: `"a"`, `"a" and "b"`, `"a", "b", … "e" and 12 more`.
func NameColumns(names []string) string {
	shown := names[:min(len(names), MaxNamedColumns)]
	quoted := make([]string, len(shown))
	for i, n := range shown {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	if rest := len(names) - len(shown); rest > 0 {
		return strings.Join(quoted, ", ") + fmt.Sprintf(" and %d more", rest)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " and " + quoted[len(quoted)-1]
}

// missingColumnsMessage says which of the model's of columns a file lacks,
// naming them all (NameColumns), and, when it lacks every one of several,
// that the file may be meant for another model.
func missingColumnsMessage(missing []string, of int) string {
	if len(missing) == 1 {
		return fmt.Sprintf("missing column %s that the model was trained on", NameColumns(missing))
	}
	msg := fmt.Sprintf("missing columns %s that the model was trained on", NameColumns(missing))
	if len(missing) == of {
		msg += fmt.Sprintf(": none of its %d columns is in the file (is it the model for this file?)", of)
	}
	return msg
}
