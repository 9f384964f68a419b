package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// mixedCSV has one column of every treatment: an identifier, a constant, a
// column of mostly numbers read as text, a number with missing cells, a
// categorical, a boolean and the label.
func mixedCSV() string {
	var b strings.Builder
	b.WriteString("customerID,region,age,tenure,plan,active,churn\n")
	for i := range 40 {
		age, tenure := fmt.Sprint(20+i), fmt.Sprint(1+i%7)
		if i%8 == 0 {
			age = "pending" // "unknown" until it became a numeric missing word
		}
		if i%10 == 3 {
			tenure = ""
		}
		fmt.Fprintf(&b, "C%03d,north,%s,%s,%s,%s,%s\n", i, age, tenure, []string{"basic", "plus", "pro"}[i%3],
			[]string{"yes", "no"}[i%2], []string{"no", "no", "no", "yes"}[i%4])
	}
	return b.String()
}

// englishTreatment lists phrases of the data package's English column
// descriptions that must not reach a Chinese screen.
var englishTreatment = []string{"encoded", "scaled", "z-scored", "kept to identify", "not a feature", "label:",
	"missing in training", "filled with", "dropped", "used as is", "read as text", "every value", "unique",
	"distinct values", "of rows", "indicator", "a single value", "then"}

// TestSchemaSpeaksChinese: every column's preprocessing, kind reason and
// warning, in the table and in the selected column's full description,
// is worded in Chinese.
func TestSchemaSpeaksChinese(t *testing.T) {
	s := loaded(t, screentest.Common("zh", 160, 48), experiment.Source{Kind: "csv", Path: "m.csv"}, mixedCSV())
	cols := s.info.Schema.Columns
	if len(cols) != 7 {
		t.Fatalf("%d columns", len(cols))
	}
	for i, c := range cols {
		s.scroll[sectionSchema] = i
		text := s.columnDetail(c) + "\n" + strings.Join(s.panelLines(c, 400, 40), "\n")
		for _, en := range englishTreatment {
			if strings.Contains(text, en) {
				t.Errorf("%s: %q in\n%s", c.Name, en, text)
			}
		}
	}
	// The English detail says the data package's action, without the
	// reason a column lacking levels and range already gives beside it:
	// the reason once, never twice.
	en := loaded(t, screentest.Common("en", 160, 48), experiment.Source{Kind: "csv", Path: "m.csv"}, mixedCSV())
	for _, c := range en.info.Schema.Columns {
		action, detail := c.Action, en.columnDetail(c)
		if why := c.Why.String(); why != "" && en.showsReason(c) {
			action = strings.Replace(strings.Replace(action, " ("+why+")", "", 1), "dropped: "+why, "dropped", 1)
			if n := strings.Count(detail, why); n != 1 {
				t.Errorf("%s: the reason %q is said %d times in %q", c.Name, why, n, detail)
			}
		}
		if !strings.Contains(detail, " — "+action) {
			t.Errorf("%s: English detail %q lacks %q", c.Name, detail, action)
		}
		if c.Name == "customerID" {
			if want := "customerID: id, 0 missing, every value is unique — kept to identify rows; not a feature"; detail != want {
				t.Errorf("detail %q, want %q", detail, want)
			}
		}
	}
}

// TestTooVariedTextIsShownAsDroppedText: a text column with more levels
// than a category may have (here 60 states of 120 users, each seen twice)
// is shown as text and dropped, with the reason, in both languages — not
// as the id the rows are named by.
func TestTooVariedTextIsShownAsDroppedText(t *testing.T) {
	var b strings.Builder
	b.WriteString("state,visits,churn\n")
	for i := range 120 {
		fmt.Fprintf(&b, "S%02d,%d,%s\n", i%60, i%9, []string{"no", "yes"}[i%2])
	}
	want := map[string]string{
		"en": "state: text, dropped, 0 missing, 60 levels — dropped: 60 distinct values, more than the 50 a categorical column may have",
		"zh": "state：文本，未使用，缺失 0，60 个取值 — 未使用：60 个不同值，超过类别列最多 50 个的上限",
	}
	for lang, w := range want {
		s := loaded(t, screentest.Common(lang, 160, 48), experiment.Source{Kind: "csv", Path: "s.csv"}, b.String())
		if got := s.columnDetail(s.info.Schema.Columns[0]); got != w {
			t.Errorf("%s: detail\n%q\nwant\n%q", lang, got, w)
		}
	}
}

// TestDecimalCommaTextSaysWhatItLikelyIs: a column of numbers written with
// a decimal comma in a comma-separated file (60 distinct prices "1,5",
// "2,5", … of 120 users, each seen twice) is shown as text and dropped, and
// its reason says it looks like numbers with a decimal comma, with what to
// do, in both languages, not only that it has too many levels.
func TestDecimalCommaTextSaysWhatItLikelyIs(t *testing.T) {
	var b strings.Builder
	b.WriteString("price,visits,churn\n")
	for i := range 120 {
		fmt.Fprintf(&b, "\"%d,5\",%d,%s\n", i%60, i%9, []string{"no", "yes"}[i%2])
	}
	want := map[string]string{
		"en": `price: text, dropped, 0 missing, 60 levels — dropped: it looks like numbers written with a decimal comma ("0,5", "1,5"), ` +
			"which only a semicolon-separated file reads as numbers: separate the fields with semicolons, or write the numbers with a decimal point",
		"zh": `price：文本，未使用，缺失 0，60 个取值 — 未使用：看起来是用小数逗号书写的数字（"0,5"、"1,5"），` +
			"只有以分号分隔的文件才把它们读作数字：请用分号分隔各字段，或用小数点书写数字",
	}
	for lang, w := range want {
		s := loaded(t, screentest.Common(lang, 160, 48), experiment.Source{Kind: "csv", Path: "p.csv"}, b.String())
		if got := s.columnDetail(s.info.Schema.Columns[0]); got != w {
			t.Errorf("%s: detail\n%q\nwant\n%q", lang, got, w)
		}
	}
}

// TestPersonalTextReasons: the reasons --pseudonymise gives for text that
// names people (experiment.PersonalText) are worded in both languages, the
// English as the data package's note.
func TestPersonalTextReasons(t *testing.T) {
	src := experiment.Source{Kind: "csv", Path: "m.csv"}
	en := loaded(t, screentest.Common("en", 160, 48), src, mixedCSV())
	zh := loaded(t, screentest.Common("zh", 160, 48), src, mixedCSV())
	for _, tc := range []struct {
		why    data.Reason
		en, zh string
	}{
		{data.Reason{Kind: data.ReasonMostlyDistinct, Distinct: 39, Rows: 40},
			"nearly every value distinct, 39 in 40 rows", "几乎每个值都不同：40 行中有 39 个不同值"},
		{data.Reason{Kind: data.ReasonContact},
			"written like e-mail addresses or phone numbers", "写法像电子邮件地址或电话号码"},
		// A full_name column of five names (review20 #3).
		{data.Reason{Kind: data.ReasonPersonHeader},
			"its header names a person or their contact details", "列名指向个人姓名或联系方式"},
		// A presence flag, and identifiers with blank ids.
		{data.Reason{Kind: data.ReasonPresence, Value: "Y", Blanks: 2099},
			`one value ("Y") and 2,099 blanks: read as yes/no, present or blank`, `只有一个取值（"Y"）和 2,099 个空白：读作是/否，有值或空白`},
		{data.Reason{Kind: data.ReasonPresence, Value: "10", Blanks: 1},
			`one value ("10") and 1 blank: read as yes/no, present or blank`, `只有一个取值（"10"）和 1 个空白：读作是/否，有值或空白`},
		{data.Reason{Kind: data.ReasonUniqueIntegers, Blanks: 1}, "unique integers; 1 blank id", "互不相同的整数；1 个空白标识"},
		{data.Reason{Kind: data.ReasonUnique, Blanks: 1200}, "every value is unique; 1,200 blank ids", "每个值都不同；1,200 个空白标识"},
		// An identifier's cells that look like decimal-comma numbers,
		// pseudonymised: said without quoting them.
		{data.Reason{Kind: data.ReasonUnique, DecimalComma: [2]string{"p_1", "p_2"}, DecimalCommaHidden: true},
			"it looks like numbers written with a decimal comma, which only a semicolon-separated file reads as numbers: " +
				"separate the fields with semicolons, or write the numbers with a decimal point",
			"看起来是用小数逗号书写的数字，只有以分号分隔的文件才把它们读作数字：请用分号分隔各字段，或用小数点书写数字"},
	} {
		if got := en.reason(tc.why); got != tc.en || tc.why.String() != tc.en {
			t.Errorf("English %q, note %q; want %q", got, tc.why.String(), tc.en)
		}
		if got := zh.reason(tc.why); got != tc.zh {
			t.Errorf("Chinese %q, want %q", got, tc.zh)
		}
	}
}
