package datascreen

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/widget"
)

// num writes a reading with grouped digits, never in e-notation where a
// column can hold it: 63,973.52, 118.75, 0.0123. Integers keep all their
// digits, others at most two decimals (three significant digits below 1).
func num(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "–"
	case math.IsInf(v, 0) || a >= 1e15 || (a < 1e-4 && a > 0):
		return widget.FormatValue(v)
	case a < 1:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	text := strconv.FormatFloat(a, 'f', 2, 64)
	whole, frac, _ := strings.Cut(text, ".")
	frac = strings.TrimRight(frac, "0")
	n, _ := strconv.Atoi(whole)
	out := common.Thousands(n)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 {
		out = "-" + out
	}
	return out
}

// wrap breaks text into lines of at most w cells (CJK characters count
// two), keeping at most maxLines; the last kept line ends in an ellipsis
// when more would follow. Lines break at spaces and between CJK
// characters, never inside a word unless the word alone is wider than w.
func wrap(text string, w, maxLines int) []string {
	if w <= 0 || maxLines <= 0 {
		return nil
	}
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, tok := range tokens(text) {
		tw := ansi.StringWidth(tok.text)
		sep := 0
		if tok.space && lineW > 0 {
			sep = 1
		}
		if lineW > 0 && lineW+sep+tw > w {
			flush()
			sep = 0
		}
		for tw > w { // a word wider than the line is cut
			head := ansi.Truncate(tok.text, w, "")
			line.WriteString(head)
			flush()
			tok.text = strings.TrimPrefix(tok.text, head)
			tw = ansi.StringWidth(tok.text)
		}
		if sep > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(tok.text)
		lineW += sep + tw
	}
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		lines[maxLines-1] = common.Truncate(lines[maxLines-1]+" …", w)
	}
	return lines
}

// token is a unit wrap does not break: a word, or one wide character.
type token struct {
	text  string
	space bool // spaces came before it
}

// closers are the CJK punctuation marks a line must not start with.
const closers = "，。；：、）」』》！？"

// tokens splits text at spaces and around wide (CJK) characters.
func tokens(text string) []token {
	var out []token
	var word strings.Builder
	space := false
	end := func() {
		if word.Len() > 0 {
			out = append(out, token{word.String(), space})
			word.Reset()
			space = false
		}
	}
	for _, r := range text {
		switch {
		case r == ' ' || r == '\n' || r == '\t':
			end()
			space = true
		case strings.ContainsRune(closers, r) && !space && (word.Len() > 0 || len(out) > 0):
			// Closing punctuation never starts a line: it stays with
			// what it closes.
			end()
			out[len(out)-1].text += string(r)
		case ansi.StringWidth(string(r)) > 1:
			end()
			out = append(out, token{string(r), space})
			space = false
		default:
			word.WriteRune(r)
		}
	}
	end()
	return out
}
