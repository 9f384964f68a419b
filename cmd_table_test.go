package main

import (
	"strings"
	"testing"
)

// Columns line up by terminal width: 张伟 takes four columns, ｆｕｌｌ
// eight, Zoë written with a combining diaeresis three; a tab inside a
// cell is a space. Expected text written out by hand.
func TestTextTableAlignsWideCharacters(t *testing.T) {
	var tb textTable
	tb.add("rank", "user", "reasons")
	tb.add("1", "张伟", "a")
	tb.add("2", "ｆｕｌｌ", "b")
	tb.add("3", "Zoe\u0308", "c\td")
	var b strings.Builder
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	want := "rank  user      reasons\n" +
		"1     张伟      a\n" +
		"2     ｆｕｌｌ  b\n" +
		"3     Zoe\u0308       c d\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
