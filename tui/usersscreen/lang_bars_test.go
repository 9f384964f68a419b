package usersscreen

import (
	"strings"
	"testing"
)

// TestChineseDetailCountsHiddenReasonsInChinese: the user's reasons are a
// bar chart whose last line counts the bars that do not fit; on the
// Chinese screen it read "… 5 more with smaller |value|".
func TestChineseDetailCountsHiddenReasonsInChinese(t *testing.T) {
	s := analysed(t, "zh", 80, 24)
	s = pressAll(t, s, "enter")
	v := view(s)
	if strings.Contains(v, "more with smaller") || !strings.Contains(v, "项，|值| 更小") {
		t.Fatalf("the count of hidden reasons is not in Chinese:\n%s", v)
	}
}
