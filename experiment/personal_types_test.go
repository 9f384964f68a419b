package experiment

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/pseudonym"
)

// TestTypesNamePeople: event types or order statuses name people by the
// rule text follows (PersonalText), read on their line counts, or when
// there are more than a category's 50 levels.
func TestTypesNamePeople(t *testing.T) {
	many := func(n int, lines int) ([]string, []int) {
		values, counts := make([]string, n), make([]int, n)
		for i := range values {
			values[i], counts[i] = fmt.Sprintf("v%d", i), lines
		}
		return values, counts
	}
	v51, l51 := many(51, 10) // 51 values of 10 lines each: too many for a category
	v50, l50 := many(50, 10) // 50 values on 500 lines: a category
	v30, l30 := many(30, 1)  // 30 values on 30 lines: every line its own
	for _, tc := range []struct {
		name   string
		values []string
		lines  []int
		want   bool
	}{
		{"two statuses on 400 lines", []string{"delivered", "canceled"}, []int{355, 45}, false},
		{"e-mail addresses on 10 lines each", []string{"a@example.com", "b@example.com"}, []int{10, 10}, true},
		{"phone numbers beside one word (2 in 3)", []string{"+44 20 7946 0958", "+44 20 7946 0959", "view"}, []int{9, 9, 9}, false},
		{"51 values", v51, l51, true},
		{"50 values", v50, l50, false},
		{"every line its own", v30, l30, true},
		{"3 in 4 lines distinct", []string{"a", "b", "c"}, []int{2, 1, 1}, true},
		{"beyond the counted types", []string{"view", data.OtherEventTypes()}, []int{10, 90}, true},
		{"none", nil, nil, false},
	} {
		if got := typesNamePeople(tc.values, tc.lines); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestPseudonymiseWithholdsLogTypes: an event log whose event type column
// holds, on the lines that are no purchase, the customers' e-mail
// addresses (contact-like) counted them by address in its cohort's note;
// Pseudonymise counts them without naming them, as it does the statuses
// of a status column of addresses in the load notes. Without a key the
// notes are as before.
func TestPseudonymiseWithholdsLogTypes(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer,date,action,state\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 120 {
		c := i % 12
		action := "purchase"
		if i%3 == 0 {
			action = fmt.Sprintf("c%d@example.com", c)
		}
		fmt.Fprintf(&b, "c%d,%s,%s,c%d@example.com\n", c, start.AddDate(0, 0, i).Format(time.DateOnly), action, c)
	}
	src := Source{Kind: "log", Path: "orders.csv", HorizonDays: 30,
		LogColumns: data.LogColumns{Customer: "customer", Time: "date", Event: "action", Status: "state"}}
	key, err := pseudonym.New([]byte("first salt, long enough"))
	if err != nil {
		t.Fatal(err)
	}
	load := func() *Data {
		d, err := LoadAt(src, stringOpener(b.String()), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	plain, pseudo := load(), load()
	pseudo.Pseudonymise(key)
	// 40 lines (i = 0, 3, …, 117) are no purchase: those of c0, c3, c6 and
	// c9, 10 each. The 80 purchases carry a status, the address of one of
	// the 8 others, 10 lines each (ties in byte order: c10 before c1).
	for _, tc := range []struct {
		d                *Data
		events, statuses string
	}{
		{plain, `40 events that are not purchases ("c0@example.com" 10, "c3@example.com" 10, "c6@example.com" 10, "c9@example.com" 10)`,
			`note: orders.csv: order status: "c10@example.com" 10 (orders), "c11@example.com" 10 (orders), "c1@example.com" 10 (orders), ` +
				`"c2@example.com" 10 (orders), "c4@example.com" 10 (orders), "c5@example.com" 10 (orders), "c7@example.com" 10 (orders), "c8@example.com" 10 (orders)`},
		{pseudo, "40 events that are not purchases (of 4 types, their values withheld, as they may name someone)",
			"note: orders.csv: order status: 80 lines read as orders, 0 as cancelled (of 8 statuses, their values withheld, as they may name someone)"},
	} {
		if tc.d.Cohort.EventNote != tc.events || !strings.Contains(tc.d.Cohort.LoadNote("orders.csv"), tc.events) {
			t.Errorf("event note %q\nwant %q\nin %q", tc.d.Cohort.EventNote, tc.events, tc.d.Cohort.LoadNote("orders.csv"))
		}
		if notes := tc.d.Notes(); !slices.Contains(notes, tc.statuses) {
			t.Errorf("notes lack\n%s\n%q", tc.statuses, notes)
		}
	}
	if plain.WithholdTypes(nil) != plain || plain.WithholdTypes(key) == plain || plain.Log.StatusesWithheld {
		t.Error("WithholdTypes: without a key d itself, with one a copy, d untouched")
	}
}
