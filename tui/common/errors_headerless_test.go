package common

import (
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestErrorTextRaggedHeaderlessLog: a ragged line of a log without a
// header said "the header has 4" (表头有 4 个); it names the first line.
func TestErrorTextRaggedHeaderlessLog(t *testing.T) {
	_, err := data.ReadOrderLog(strings.NewReader("1 19970101 1 2.5\n2 19970101 1 x 2.5\n"), "o.txt", data.LogOptions{})
	checkErrorText(t, err, "o.txt:2:5: 5 fields, the first line has 4",
		"o.txt:2:5：这一行的字段数不对（该行有 5 个字段，第一行有 4 个）")
}
