package data

import (
	"fmt"
	"slices"
)

// numericMissingWords are the words that stand for a missing value in a
// column of numbers, lower-case (any case matches, the cell trimmed):
// unknown, missing, not available, not applicable, undefined, n.a., n.a,
// unk, and the Chinese 未知 (unknown), 不详 (unknown, not stated), 无
// (none), 空 (empty) and 缺失 (missing); a cell of dashes only ("--", "—":
// missingDashes) is read as one of them. Unlike missingCells they are not
// missing everywhere: in a text column "unknown" is a category (UCI Bank
// Marketing's job). A column whose every present cell is a number except
// cells that are these words is numeric, and the words are its missing
// cells (Column.MissingWords, LoadNotes says so); a column with any other
// non-number is read exactly as without this list. Scoring reads them as
// missing in every numeric column (PipelineColumn.NumericCells), whatever
// file the model was trained on.
var numericMissingWords = []string{"unknown", "missing", "not available", "not applicable", "undefined",
	"n.a.", "n.a", "unk", "未知", "不详", "无", "空", "缺失"}

var numericMissingBytes = asBytes(numericMissingWords)

// missingDashes are the characters a cell made only of them, in any number
// and mix ("--", "---", "—", "–"), is a numeric missing word for: the
// hyphen-minus (a lone "-" is missing in every column: MissingCells), the
// figure dash, the en and em dashes, the horizontal bar and the minus sign,
// which spreadsheet and report exports write for "no value". Like the
// words they are missing in a column of numbers only.
var missingDashes = []string{"-", "‒", "–", "—", "―", "−"}

// MissingDashes returns the characters that a trimmed cell made only of
// them (one or more, mixed) is a numeric missing word for, besides
// NumericMissingWords: for code that must recognise them outside Go, such
// as the SQL export.
func MissingDashes() []string { return slices.Clone(missingDashes) }

// onlyDashes reports whether t is one or more of missingDashes and nothing
// else.
func onlyDashes(t []byte) bool {
	if len(t) == 0 {
		return false
	}
	for len(t) > 0 {
		if t[0] == '-' {
			t = t[1:]
			continue
		}
		// U+2012–U+2015 are E2 80 92–95 in UTF-8, U+2212 is E2 88 92.
		if len(t) < 3 || t[0] != 0xE2 || !(t[1] == 0x80 && t[2] >= 0x92 && t[2] <= 0x95 || t[1] == 0x88 && t[2] == 0x92) {
			return false
		}
		t = t[3:]
	}
	return true
}

// NumericMissingWords returns the trimmed cells read as a missing value in
// a numeric column besides MissingCells, lower-case (any case matches):
// for code that must recognise them outside Go, such as the SQL export.
func NumericMissingWords() []string { return slices.Clone(numericMissingWords) }

// isNumericMissingWord reports whether a trimmed cell is one of
// numericMissingWords, in any case, or dashes only (missingDashes).
func isNumericMissingWord(t []byte) bool {
	if len(t) > 0 && (t[0] == '-' || t[0] == 0xE2) {
		return onlyDashes(t)
	}
	return len(t) >= 3 && len(t) <= 16 && foldedIn(t, numericMissingBytes)
}

// MissingWord counts the cells of a column written as one spelling of a
// numeric-context missing word (numericMissingWords), as written.
type MissingWord struct {
	Word  string
	Cells int
}

// maxWordSpellings bounds the spellings a column counts one by one; cells
// in further spellings are counted together (missingWords.more).
const maxWordSpellings = 16

// missingWords counts a column's missing words by spelling, in the order
// they first appear.
type missingWords struct {
	words []MissingWord
	more  int
}

// add counts one cell t (trimmed, a numeric missing word).
func (m *missingWords) add(t []byte) {
	for i := range m.words {
		if m.words[i].Word == string(t) {
			m.words[i].Cells++
			return
		}
	}
	if len(m.words) < maxWordSpellings {
		m.words = append(m.words, MissingWord{Word: string(t), Cells: 1})
		return
	}
	m.more++
}

// join adds the counts of o, which follows m in the file.
func (m *missingWords) join(o missingWords) {
	for _, w := range o.words {
		i := slices.IndexFunc(m.words, func(x MissingWord) bool { return x.Word == w.Word })
		switch {
		case i >= 0:
			m.words[i].Cells += w.Cells
		case len(m.words) < maxWordSpellings:
			m.words = append(m.words, w)
		default:
			m.more += w.Cells
		}
	}
	m.more += o.more
}

// list returns the counts, further spellings as one last entry with the
// empty word.
func (m missingWords) list() []MissingWord {
	out := slices.Clone(m.words)
	if m.more > 0 {
		out = append(out, MissingWord{Cells: m.more})
	}
	return out
}

// noteWord counts a numeric cell read as missing because it is a word.
func (b *columnBuilder) noteWord(t []byte) {
	b.words.add(t)
}

// numbersWithWords reads a text column as numbers when every level but the
// numeric missing words is a number (allNumeric), the words as missing;
// nil when it has no such word, no number, or another level.
func numbersWithWords(name string, b *columnBuilder, strs, levels []string) *Column {
	var nums []string
	words := map[string]bool{}
	for _, s := range levels {
		if isNumericMissingWord([]byte(s)) {
			words[s] = true
		} else {
			nums = append(nums, s)
		}
	}
	if len(words) == 0 || len(nums) == 0 {
		return nil
	}
	numeric, pointGroups := allNumeric(nums, b.decimalComma)
	if !numeric {
		return nil
	}
	var counts missingWords
	missing := b.missing
	for _, s := range strs {
		if words[s] {
			counts.add([]byte(s))
			missing++
		}
	}
	// stringsToNumbers gives NaN for a word, as for a blank.
	c := inferNumeric(name, stringsToNumbers(strs, b.decimalComma, pointGroups), missing, nil)
	c.DecimalComma = c.Kind == Numeric && pointGroups
	c.Stripped = levelMarks(nums, b.decimalComma)
	c.MissingWords = counts.list()
	return c
}

// missingWordsNote is the load note of a column whose words were read as
// missing: `column "price": 3,702 cells "Unknown" read as missing`.
func missingWordsNote(source string, c *Column) string {
	var parts []string
	for _, w := range c.MissingWords {
		cells := Thousands(w.Cells) + " cells"
		if w.Cells == 1 {
			cells = "1 cell"
		}
		if w.Word == "" {
			parts = append(parts, cells+" in other spellings")
		} else {
			parts = append(parts, fmt.Sprintf("%s %q", cells, w.Word))
		}
	}
	return fmt.Sprintf("%s: column %q: %s read as missing", source, c.Name, wordList(parts))
}
