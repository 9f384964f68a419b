package widget

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Punctuation that must not start a line (closing) or end one (opening),
// the usual line-breaking rules of Chinese typesetting.
const (
	closingPunct = "，。、；：？！）」』】》〉”’…—,.;:?!)%="
	openingPunct = "（「『【《〈“‘("
)

// token is an unbreakable piece of a paragraph: a Latin word or number,
// or a single CJK character (which may break on either side).
type token struct {
	text        string
	spaceBefore bool
	glue        bool // stays on the line of the token before it
}

// isWide reports whether r is a CJK character or full-width punctuation,
// after which a line may break even without a space.
func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || ansi.StringWidth(string(r)) == 2
}

// NoBreakSpace joins two words that a line never breaks between: Keep
// writes it, and a wrapped line shows it as an ordinary space. It is a
// character of Unicode's private use area, which no text of the program
// or its data is expected to hold; a real no-break space (U+00A0) is
// kept as it is, part of the word it is in.
const NoBreakSpace = '\ue000'

// wordJoiner joins two CJK characters that a line never breaks between;
// it takes no cell and is dropped from wrapped lines.
const wordJoiner = '\u2060'

// Keep joins the words and CJK characters of a short unit that must stay
// on one line when wrapped: a key hint ("p prevent", "t: random split"),
// a term ("对数似然"). Text that goes to the terminal without WrapText
// (or its kin) should not be kept: it would show the joiners as they are.
func Keep(s string) string {
	var b strings.Builder
	prevWide := false
	for _, r := range s {
		switch {
		case r == ' ':
			b.WriteRune(NoBreakSpace)
			prevWide = false
			continue
		case isWide(r) && prevWide && !strings.ContainsRune(closingPunct, r):
			b.WriteRune(wordJoiner)
		}
		b.WriteRune(r)
		prevWide = isWide(r)
	}
	return b.String()
}

// comparisons are the operators that stay on the line of both their
// operands ("z < −1.5" never ends a line at "z <" or at "z").
const comparisons = "<>≤≥≠‹›"

// isComparison reports whether word is a comparison operator alone.
func isComparison(word string) bool {
	r, n := utf8.DecodeRuneInString(word)
	return n == len(word) && n > 0 && strings.ContainsRune(comparisons, r)
}

// BreakAfter holds the characters after which a line may break without a
// space: "PaymentMethod=Bank transfer" may end a line at "PaymentMethod="
// and go on with the level, rather than split a word.
const BreakAfter = "="

// tokenize splits a paragraph at spaces, after every BreakAfter character
// and around every CJK character. A command-line flag ("--log-columns")
// is never split at its "=" and keeps its value ("item=COLUMN", "FILE",
// "30d") on its line, unsplit: "--log-columns item=" at a line's end read
// as a whole flag.
func tokenize(s string) []token {
	var out []token
	var word strings.Builder
	space, glueNext := false, false
	afterFlag := false // the word being read follows a flag: it may be its value
	flush := func() {
		if word.Len() > 0 {
			text := word.String()
			if len(out) > 0 && space && isSizeUnit(text) && endsInDigit(out[len(out)-1].text) {
				glueNext = true // "256 MiB" never ends a line at "256"
			}
			value := afterFlag && isFlagValue(text)
			if value {
				glueNext = true // "--log FILE" never ends a line at "--log"
			}
			cmp := isComparison(text) && len(out) > 0 && space
			if cmp {
				glueNext = true // "z <" never ends a line
			}
			out = append(out, token{text: text, spaceBefore: space, glue: glueNext})
			word.Reset()
			// A footnote mark ("* partly observed") stays with the word
			// after it, never alone at a line's end; so does a narrow
			// opening mark (“, ‘) with the CJK text it opens ("“数据”页"),
			// and a flag's value ending in "=" with the text after it
			// ("item=列名").
			last, _ := utf8.DecodeLastRuneInString(text)
			space, glueNext = false, text == "*" || strings.ContainsRune(openingPunct, last) || value && last == '=' || cmp
			afterFlag = isFlag(text)
		}
	}
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || r == '\t':
			flush()
			space = true
		case r == NoBreakSpace:
			flush()
			space, glueNext = true, true
		case r == wordJoiner:
			flush()
			glueNext = true
		case isWide(r):
			flush()
			t := token{text: string(r), spaceBefore: space, glue: glueNext || strings.ContainsRune(closingPunct, r)}
			out = append(out, t)
			space, glueNext = false, strings.ContainsRune(openingPunct, r)
		default:
			if word.Len() == 0 && len(out) > 0 && !space && strings.ContainsRune(closingPunct, r) {
				glueNext = true // "word," stays together when "," follows a CJK token
			}
			if word.Len() == 0 && len(out) > 0 && r == '%' {
				glueNext = true // "52 %" never ends a line at "52"
			}
			word.WriteRune(r)
			if strings.ContainsRune(BreakAfter, r) && !afterFlag && !isFlag(word.String()) {
				flush()
			}
		}
	}
	flush()
	return out
}

// isFlag reports whether word is a long command-line flag ("--log",
// "--log-columns=item=2").
func isFlag(word string) bool {
	return len(word) > 2 && strings.HasPrefix(word, "--") && word[2] != '-'
}

// isFlagValue reports whether word, after a flag, reads as its value: a
// role=column pair, a placeholder in capitals (FILE, COLUMN), or a number
// ("30d"); not a word of the sentence going on ("--log and").
func isFlagValue(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return strings.Contains(word, "=") || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// sizeUnits are the units data.Bytes writes after a number, which stay on
// the number's line.
var sizeUnits = []string{"bytes", "KiB", "MiB", "GiB", "TiB"}

// isSizeUnit reports whether word is a size unit, perhaps with punctuation
// after it ("MiB),").
func isSizeUnit(word string) bool {
	for _, u := range sizeUnits {
		if rest, ok := strings.CutPrefix(word, u); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
	}
	return false
}

// endsInDigit reports whether s ends in an ASCII digit.
func endsInDigit(s string) bool { return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' }

// hardBreak marks the end of a piece of a word too long for any line, so
// the reader sees that the word goes on at the start of the next line.
const hardBreak = "…"

// WrapText breaks a paragraph into lines of at most width cells: Latin
// text at spaces (or after "="), CJK text between any two characters,
// never putting a closing mark at the start of a line or an opening one at
// its end (the character before moves down with it instead). Widths are
// display cells. A word wider than a whole line is cut into pieces, each
// but the last ending in hardBreak. Every screen that prints prose in
// either language wraps it with this.
func WrapText(s string, width int) []string {
	width = max(width, 1)
	return fill(splitLong(tokenize(s), width, hardBreak), width)
}

// WrapUnmarked breaks a paragraph like WrapText, but cuts a word wider than
// the line without marking the cut: for short notes where the reader sees
// the whole word anyway.
func WrapUnmarked(s string, width int) []string {
	width = max(width, 1)
	return fill(splitLong(tokenize(s), width, ""), width)
}

// WrapParagraphs breaks text of several paragraphs, one a line, each as
// WrapUnmarked does, keeping a paragraph's indentation on each of its
// lines ("  --horizon 7d" stays indented). Boxes of prose in either
// language wrap with it rather than with the terminal's word wrap, which
// breaks a Chinese sentence anywhere and a flag after its hyphens.
func WrapParagraphs(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		body := strings.TrimLeft(para, " ")
		indent := para[:len(para)-len(body)]
		if ansi.StringWidth(indent) >= width/2 {
			indent = ""
		}
		for _, l := range WrapUnmarked(body, width-ansi.StringWidth(indent)) {
			out = append(out, indent+l)
		}
	}
	return out
}

// WrapCell breaks the text of a table cell like WrapText, but a word wider
// than the cell is shortened with an ellipsis instead of split across
// lines: a name is never read as two.
func WrapCell(s string, width int) []string {
	width = max(width, 1)
	tokens := tokenize(s)
	for i, t := range tokens {
		if ansi.StringWidth(t.text) > width {
			tokens[i].text = ansi.Truncate(t.text, width, "…")
		}
	}
	return fill(tokens, width)
}

// fill lays tokens, none wider than width, out on lines of width cells.
func fill(tokens []token, width int) []string {
	var lines [][]token
	var line []token
	for _, t := range tokens {
		if len(line) > 0 && lineWidth(append(line, t)) > width {
			switch {
			case !t.glue:
				lines = append(lines, line)
				line = nil
			case len(line) > 1:
				// A closing mark never starts a line: the token before moves
				// down with it, and so does each token that one is glued
				// to ("（2026-12-05）" moves down whole, "（" never trails).
				k := len(line) - 1
				for k > 0 && line[k].glue {
					k--
				}
				if k > 0 {
					lines = append(lines, line[:k])
					line = slices.Clone(line[k:])
				}
			}
		}
		line = append(line, t)
	}
	lines = append(lines, line)
	lines = avoidOrphan(lines, width)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = renderLine(l)
	}
	return out
}

// renderLine joins a line's tokens, with a space before those that had
// one in the text, but none at the start of the line.
func renderLine(line []token) string {
	var b strings.Builder
	for i, t := range line {
		if i > 0 && t.spaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// lineWidth is the width in cells of line rendered.
func lineWidth(line []token) int { return ansi.StringWidth(renderLine(line)) }

// isCJKToken reports whether t is a single CJK character or full-width
// mark, which a line may end before or after without a space.
func isCJKToken(t token) bool {
	r, n := utf8.DecodeRuneInString(t.text)
	return n == len(t.text) && isWide(r)
}

// isPunct reports whether t is a closing or opening mark.
func isPunct(t token) bool {
	return strings.Contains(closingPunct, t.text) || strings.Contains(openingPunct, t.text)
}

// avoidOrphan keeps a paragraph's last line from holding a single CJK
// character (with perhaps its closing marks), as Chinese typesetting
// does: "训练" / "行" becomes "训" / "练行", "（猜测：促" / "成）" becomes
// "（猜测：" / "促成）". Characters move down from the line before while
// it broke between two CJK characters (never at a space), keeps some of
// its text, and the last line still fits. Latin text is never touched.
func avoidOrphan(lines [][]token, width int) [][]token {
	n := len(lines)
	if n < 2 {
		return lines
	}
	prev, last := lines[n-2], lines[n-1]
	chars := 0
	for _, t := range last {
		if !isCJKToken(t) {
			return lines
		}
		if !isPunct(t) {
			chars++
		}
	}
	if chars != 1 || last[0].spaceBefore {
		return lines
	}
	prev, last = slices.Clone(prev), slices.Clone(last)
	for len(prev) > 1 {
		t := prev[len(prev)-1]
		if !isCJKToken(t) {
			return lines
		}
		prev, last = prev[:len(prev)-1], append([]token{t}, last...)
		if lineWidth(last) > width {
			return lines
		}
		if t.glue || strings.Contains(openingPunct, prev[len(prev)-1].text) {
			continue // t stays with the mark before it, or that mark with t
		}
		if t.spaceBefore {
			return lines // the line before would end at a space: keep the text as it was
		}
		lines[n-2], lines[n-1] = prev, last
		return lines
	}
	return lines
}

// splitLong cuts tokens wider than a line into pieces that fit, ending
// every piece but the last with mark (none on a line of one cell).
func splitLong(tokens []token, width int, mark string) []token {
	if width <= 1 {
		mark = ""
	}
	markW := ansi.StringWidth(mark)
	var out []token
	for _, t := range tokens {
		for ansi.StringWidth(t.text) > width {
			head := ansi.Truncate(t.text, max(width-markW, 1), "")
			if head == "" {
				break // one character wider than the line: leave it whole
			}
			out = append(out, token{text: head + mark, spaceBefore: t.spaceBefore, glue: t.glue})
			t = token{text: strings.TrimPrefix(t.text, head)}
		}
		out = append(out, t)
	}
	return out
}

// WrapStyled breaks a paragraph to width cells as WrapText does and
// styles every line.
func WrapStyled(s string, width int, style lipgloss.Style) []string {
	lines := WrapText(s, width)
	for i, l := range lines {
		lines[i] = style.Render(l)
	}
	return lines
}

// LongestWord returns the width in cells of the widest piece of s that
// WrapText never breaks (a word, or one CJK character).
func LongestWord(s string) int {
	w := 0
	for _, t := range tokenize(s) {
		w = max(w, ansi.StringWidth(t.text))
	}
	return w
}

// PackItems lays items (plain text) out on lines of at most width cells,
// joined by sep within a line: an item that does not fit after the others
// starts the next line, so no item is split while it fits a line of its
// own, and one wider than a line is wrapped by WrapText. It suits a row
// of figures ("precision 0.65  recall 0.45") that a narrow column must
// break between figures, not inside one.
func PackItems(items []string, sep string, width int) []string {
	return PackItemsWrap(items, sep, width, WrapText)
}

// PackItemsWrap is PackItems with wrap laying out an item wider than a
// line (PackItems uses WrapText).
func PackItemsWrap(items []string, sep string, width int, wrap func(item string, width int) []string) []string {
	width = max(width, 1)
	var lines []string
	line := ""
	for _, item := range items {
		switch {
		case line != "" && ansi.StringWidth(line+sep+item) <= width:
			line += sep + item
			continue
		case line != "":
			lines = append(lines, line)
			line = ""
		}
		if ansi.StringWidth(item) <= width {
			line = item
			continue
		}
		wrapped := wrap(item, width)
		lines = append(lines, wrapped[:len(wrapped)-1]...)
		line = wrapped[len(wrapped)-1]
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return lines
}
