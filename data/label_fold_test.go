package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// Two classes written in several ways that differ only in case or spaces
// are read as two, each named by its most frequent spelling, with a note
// listing the others; three classes that fold to three stay refused.
func TestLabelSpellingsFold(t *testing.T) {
	text := "id,x,churn\n" +
		"1,1,Yes\n2,2,No\n3,3,yes\n4,4,No\n5,5, YES\n6,6,no\n7,7,No\n8,8,Yes\n"
	tab, err := ReadCSV(strings.NewReader(text), "u.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	l := tab.Label
	// Counted by hand: Yes 2, yes 1, YES 1 → "Yes"; No 3, no 1 → "No".
	if l.Positive != "Yes" || l.Negative != "No" {
		t.Fatalf("classes %q / %q, want Yes / No", l.Positive, l.Negative)
	}
	want := []float64{1, 0, 1, 0, 1, 0, 0, 1}
	if !slices.Equal(l.Values, want) {
		t.Errorf("values %v, want %v", l.Values, want)
	}
	const note = `u.csv: label column "churn": "YES", "no", "yes" read as "Yes" or "No", the class each differs from only in case or spaces`
	if got := labelSpellingsNote(tab); got != note {
		t.Errorf("note:\n got %s\nwant %s", got, note)
	}
	_, err = ReadCSV(strings.NewReader("id,x,churn\n1,1,Yes\n2,2,no\n3,3,maybe\n4,4,NO\n"), "u.csv", CSVOptions{Label: "churn"})
	if !errors.Is(err, ErrLabelNotBinary) {
		t.Errorf("three classes: %v, want ErrLabelNotBinary", err)
	}
}

// Numbers written two ways fold by value; two spellings of one class are
// one class, refused as such.
func TestLabelNumbersFoldAndOneClassTwoWays(t *testing.T) {
	tab, err := ReadCSV(strings.NewReader("id,x,y\n1,1,1\n2,2,0.0\n3,3,1.0\n4,4,0\n5,5,0\n6,6,1\n"), "u.csv", CSVOptions{Label: "y"})
	if err != nil {
		t.Fatal(err)
	}
	if l := tab.Label; l.Positive != "1" || l.Negative != "0" || !slices.Equal(l.Values, []float64{1, 0, 1, 0, 0, 1}) {
		t.Errorf("label %+v, want 1/0 with values 1 0 1 0 0 1", l)
	}
	_, err = ReadCSV(strings.NewReader("id,x,churn\n1,1,Yes\n2,2,yes\n3,3,Yes\n"), "u.csv", CSVOptions{Label: "churn"})
	const want = `label column "churn" has only one class, written two ways ("Yes" and "yes" differ only in case, spaces or how a number is written); it needs exactly two`
	if !errors.Is(err, ErrLabelNotBinary) || !strings.Contains(err.Error(), want) {
		t.Errorf("Yes and yes: %v\nwant %s", err, want)
	}
}
