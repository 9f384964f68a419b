package common

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// TestShortQuotesALongValueByItsEnds: a value of at most 40 cells is
// quoted whole; a longer one by its first 30 cells, "…" and its last 9,
// cut between characters. The expected texts are counted by hand.
func TestShortQuotesALongValueByItsEnds(t *testing.T) {
	digits := strings.Repeat("0123456789", 4) // 40 cells
	zh := strings.Repeat("中", 100)            // 200 cells
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", ""},
		{"40 cells", digits, digits},
		{"20 Chinese characters", zh[:20*3], zh[:20*3]},
		// 41 characters: 0–29, then the 9 at 32–40.
		{"41 cells", digits + "A", "012345678901234567890123456789…23456789A"},
		{"a 4,096-character paste", strings.Repeat("x", 4096), strings.Repeat("x", 30) + "…" + strings.Repeat("x", 9)},
		// 15 characters are 30 cells; 4 are 8 (a fifth would take 10).
		{"Chinese", zh, strings.Repeat("中", 15) + "…" + strings.Repeat("中", 4)},
		// "a" and 14 characters are 29 cells: the 15th would end at 31.
		{"Chinese after a letter", "a" + zh, "a" + strings.Repeat("中", 14) + "…" + strings.Repeat("中", 4)},
		// e and a combining acute accent are one cell: 30 of them, then 9.
		{"combining marks", strings.Repeat("e\u0301", 50), strings.Repeat("e\u0301", 30) + "…" + strings.Repeat("e\u0301", 9)},
	} {
		got := Short(c.in)
		if got != c.want {
			t.Errorf("%s: Short = %q, want %q", c.name, got, c.want)
		}
		if !utf8.ValidString(got) || ansi.StringWidth(got) > QuoteWidth {
			t.Errorf("%s: %q is %d cells or not UTF-8", c.name, got, ansi.StringWidth(got))
		}
	}
}

// TestShortInQuotesTheValuesOfAMessageShort: a refusal written elsewhere
// (a file's error) has each long value quoted short, also where it quotes
// the value as Go does (a " inside is \"); a short value and the rest of
// the message stay.
func TestShortInQuotesTheValuesOfAMessageShort(t *testing.T) {
	long := "/tmp/" + strings.Repeat("p", 4091)
	msg := "open " + long + ": file name too long (in /tmp)"
	want := "open /tmp/" + strings.Repeat("p", 25) + "…" + strings.Repeat("p", 9) + ": file name too long (in /tmp)"
	if got := ShortIn(msg, long, "/tmp"); got != want {
		t.Errorf("ShortIn = %q,\nwant %q", got, want)
	}
	quoted := strings.Repeat(`a"`, 30) // 60 cells
	msg = `got "` + strings.ReplaceAll(quoted, `"`, `\"`) + `", want a number`
	// Its first 30 cells are a" 15 times; its last 9 are "a"a"a"a".
	want = `got "` + strings.Repeat(`a\"`, 15) + `…\"a\"a\"a\"a\"", want a number`
	if got := ShortIn(msg, quoted); got != want {
		t.Errorf("ShortIn = %q,\nwant %q", got, want)
	}
	if got := ShortIn("cost 12: want more", "12", "not in it"); got != "cost 12: want more" {
		t.Errorf("ShortIn changed a message without long values: %q", got)
	}
}

// TestShortPathQuotesAPathWholeUpTo160Cells: a mistyped path is quoted
// whole up to two lines of 80 cells, its typo anywhere in it; a page
// pasted as a path is cut as Short cuts a value.
func TestShortPathQuotesAPathWholeUpTo160Cells(t *testing.T) {
	path := "/home/alice/" + strings.Repeat("d", 139) + "/x.csv" // 12 + 139 + 6 = 157 cells
	if got := ShortPath(path + "abc"); got != path+"abc" {
		t.Errorf("ShortPath cut a path of 160 cells: %q", got)
	}
	// 161 cells: the first 30 (/home/alice/ and 18 d), "…", the last 9.
	want := "/home/alice/" + strings.Repeat("d", 18) + "…x.csvabcd"
	if got := ShortPath(path + "abcd"); got != want {
		t.Errorf("ShortPath = %q, want %q", got, want)
	}
	msg := "writing " + path + "abcd: directory /home/alice does not exist"
	if got, want := ShortPathIn(msg, path+"abcd"), "writing "+want+": directory /home/alice does not exist"; got != want {
		t.Errorf("ShortPathIn = %q,\nwant %q", got, want)
	}
}
