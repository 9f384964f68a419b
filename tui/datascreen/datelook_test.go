package datascreen

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// spellingsCSV has a column "signup" holding one date in seven spellings
// (a category of seven levels) and a column "joined" of dates written day
// first whose days never exceed 12 (too many to be a category).
func spellingsCSV() string {
	spellings := []string{"2021-03-04", "04/03/2021", "03/04/2021", `"Mar 04, 2021"`, "4 Mar 2021", "2021/03/04", "20210304"}
	var b strings.Builder
	b.WriteString("signup,joined,visits,churn\n")
	for i := range 84 {
		j := i % 60 // 60 dates, some twice: too many for a category, and no identifier
		fmt.Fprintf(&b, "%s,%02d/%02d/2020,%d,%s\n", spellings[i%7], 1+j%12, 1+j/12, i%13, []string{"no", "yes", "no"}[i%3])
	}
	return b.String()
}

// A category of dates in forms not read, and dates that cannot tell day
// from month, say so in the Schema's description, with how to have them
// read, in both languages (before, the category said nothing of dates, and
// the dropped column gave no way to read it).
func TestSchemaSaysDatesWereNotRead(t *testing.T) {
	for _, tc := range []struct{ lang, signup, joined string }{
		{"en", `read as categories, not dates: its values look like dates, but some are written in forms not read as dates: ` +
			`with the month name before the day ("Mar 04, 2021"), as whole numbers ("20210304") among dates written otherwise; ` +
			`write the dates as YYYY-MM-DD (or 4 Mar 2021) to read the column as dates; ` +
			`dates written with the year last ("03/04/2021") that cannot tell day from month: none has a first or second number above 12; ` +
			`give the date order (--date-order dmy or mdy) to read them as dates`,
			`give the date order (--date-order dmy or mdy) to read them as dates`},
		{"zh", `按类别而非日期读取：其值看似日期，但有些写法不按日期读取：月份名写在日之前（"Mar 04, 2021"），在其他写法的日期中写成整数（"20210304"）；` +
			`把日期写成 YYYY-MM-DD（或 4 Mar 2021）即可按日期读取该列；` +
			`年份在后的日期（"03/04/2021"）分不清日和月：没有一个日期的第一或第二个数大于 12；给出日期顺序（--date-order dmy 或 mdy）即可按日期读取`,
			`给出日期顺序（--date-order dmy 或 mdy）即可按日期读取`},
	} {
		s := loaded(t, screentest.Common(tc.lang, 160, 48), experiment.Source{Kind: "csv", Path: "u.csv"}, spellingsCSV())
		for _, c := range s.info.Schema.Columns {
			switch c.Name {
			case "signup":
				if !strings.HasPrefix(s.action(c), tc.signup) {
					t.Errorf("%s signup: %q\nwant it to start with %q", tc.lang, s.action(c), tc.signup)
				}
			case "joined":
				if !strings.HasSuffix(s.action(c), tc.joined) {
					t.Errorf("%s joined: %q\nwant it to end with %q", tc.lang, s.action(c), tc.joined)
				}
			}
		}
	}
	// Given the order (retain --data u.csv --date-order dmy), joined is a
	// date feature.
	s := loaded(t, screentest.Common("en", 160, 48), experiment.Source{Kind: "csv", Path: "u.csv", DateOrder: "dmy"}, spellingsCSV())
	for _, c := range s.info.Schema.Columns {
		if c.Name == "joined" && (!c.Date || c.Kind != data.Numeric || c.Role != "feature") {
			t.Errorf("joined given dmy: kind %v, date %v, role %s; want a date feature", c.Kind, c.Date, c.Role)
		}
	}
}

func TestGoldenDatesNotRead(t *testing.T) {
	screentest.ForEach(t, func(t *testing.T, c common.Common) {
		s := loaded(t, c, experiment.Source{Kind: "csv", Path: "u.csv"}, spellingsCSV())
		// The advice at the end of the selected column's explanation is
		// on screen (review29 #11: cut at 4 lines beside the table, 2
		// under it, at every size).
		screentest.MustContain(t, screentest.Render(s, c.Width, c.Height), "--date-order")
		screentest.Golden(t, s, c.Width, c.Height)
	})
}
