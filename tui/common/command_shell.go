package common

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// listValue is names as a flag of comma-separated names reads them (as a
// CSV record: a name holding a comma or a quote is quoted).
func listValue(names []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(names) // a bytes.Buffer does not fail
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// ShellWord is s quoted for a POSIX shell when it needs it: as it is when
// it holds only letters, digits and the punctuation a path or a flag
// usually has, else in single quotes, a single quote inside ending the
// quotes, escaped with a backslash and opening them again.
func ShellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+-@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ShellLine is words as one line of a POSIX shell, each quoted as it needs
// (ShellWord).
func ShellLine(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = ShellWord(w)
	}
	return strings.Join(quoted, " ")
}

// ShellLines lays words out as a command of a POSIX shell on lines of at
// most width cells, so that the lines copied from the screen as they are
// run as the one command: each line but the last ends in " \" (the shell
// joins the next line to it), a line breaks only between words and never
// between a flag and its value, and the lines after the first are
// indented (indent, then two spaces more). A word too wide for any line
// is cut into pieces, each quoted on its own and ended by a "\" right
// after it, the next piece at the start of its line (the shell reads the
// pieces as one word).
func ShellLines(words []string, indent string, width int) []string {
	width = max(width, len(indent)+8)
	var lines []string
	line := indent
	fresh := true // line holds no word yet
	more := indent + "  "
	put := func(text string) {
		if !fresh && ansi.StringWidth(line)+1+ansi.StringWidth(text)+2 > width {
			lines = append(lines, line+" \\")
			line, fresh = more, true
		}
		if !fresh {
			line += " "
		}
		line += text
		fresh = false
	}
	for i := 0; i < len(words); i++ {
		group := []string{words[i]}
		if strings.HasPrefix(words[i], "--") && !strings.Contains(words[i], "=") && i+1 < len(words) && !strings.HasPrefix(words[i+1], "--") {
			group = append(group, words[i+1])
			i++
		}
		quoted := make([]string, len(group))
		for k, w := range group {
			quoted[k] = ShellWord(w)
		}
		if text := strings.Join(quoted, " "); ansi.StringWidth(more)+ansi.StringWidth(text)+2 <= width {
			put(text)
			continue
		}
		for k, w := range group {
			if ansi.StringWidth(more)+ansi.StringWidth(quoted[k])+2 <= width {
				put(quoted[k])
				continue
			}
			// Too wide for a line of its own: pieces, each on a line.
			if !fresh {
				lines = append(lines, line+" \\")
			}
			pieces := shellPieces(w, width-1)
			for _, p := range pieces[:len(pieces)-1] {
				lines = append(lines, p+"\\")
			}
			line, fresh = pieces[len(pieces)-1], false
		}
	}
	return append(lines, line)
}

// shellPieces cuts w into pieces whose quoted forms (ShellWord) are at
// most width cells wide, quoted: the shell reads them written one after
// the other as w.
func shellPieces(w string, width int) []string {
	var out []string
	var cur []rune
	for _, r := range w {
		if len(cur) > 0 && ansi.StringWidth(ShellWord(string(append(cur, r)))) > width {
			out = append(out, ShellWord(string(cur)))
			cur = cur[:0]
		}
		cur = append(cur, r)
	}
	return append(out, ShellWord(string(cur)))
}
