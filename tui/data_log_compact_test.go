package tui

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/screentest"
)

// retailLog is an order log with an invoice's columns (invoice, item,
// quantity, date, price, customer), cancelled invoices and lines without a
// customer: its Data screen has every header field an order log can have
// but warnings (Source, Rows, Label, Plan, Scheme, Cohort, Columns,
// Features). 200 customers over 150 days, each buying on a day with its
// own chance from its first day until a day it stops, drawn from a seeded
// generator.
func retailLog() string {
	day0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r := rand.New(rand.NewPCG(19, 8))
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n")
	inv := 500000
	line := func(d, q int, cancelled bool, customer string) {
		no := fmt.Sprint(inv)
		if cancelled {
			no, q = "C"+no, -q
		}
		inv++
		fmt.Fprintf(&b, "%s,K%d,%d,%s,%.2f,%s\n", no, 10+r.IntN(30), q, day0.AddDate(0, 0, d).Format(time.DateOnly), 0.5+float64(r.IntN(40))/4, customer)
	}
	for c := range 200 {
		id := fmt.Sprint(12000 + c)
		first, chance := r.IntN(60), 0.02+r.Float64()*0.1
		stop := first + r.IntN(151-first)
		line(first, 1+r.IntN(6), false, id)
		for d := first + 1; d <= stop; d++ {
			if r.Float64() < chance {
				line(d, 1+r.IntN(6), r.IntN(20) == 0, id)
			}
		}
		if c%10 == 0 {
			line(first+r.IntN(30), 2, false, "")
		}
	}
	return b.String()
}

// TestGoldenOrderLogDataScreenCompact: review19's finding 8. At 80×24 an
// order log's Data screen (Online Retail's, CDNOW's in Chinese) gave its
// header 13 lines and showed 3 or 4 rows of the schema. At small heights
// the header's fields now take their short form (one line each: an order
// log's Source is its path, the Cohort line gives the cutoff and horizon;
// the Plan and the Scheme abbreviated) so that at least 8 rows of the
// schema show, in English and Chinese.
func TestGoldenOrderLogDataScreenCompact(t *testing.T) {
	for _, lang := range screentest.Langs {
		// At 160×48 the header has room for its full form (checked there
		// too, and at least 8 rows of the schema).
		for _, sz := range [][2]int{{80, 24}, {160, 48}} {
			w, h := sz[0], sz[1]
			t.Run(fmt.Sprintf("%s_%dx%d", lang, w, h), func(t *testing.T) {
				opts := Options{Source: experiment.Source{Kind: "log", Path: "orders.csv"}, Config: experiment.DefaultConfig(), Lang: lang,
					Open: func(p string) (io.ReadCloser, error) {
						if p == "orders.csv" {
							return io.NopCloser(strings.NewReader(retailLog())), nil
						}
						return screentest.Open(p)
					}}
				m := loadedModel(t, opts, w, h)
				if m.data == nil || m.data.Log == nil {
					t.Fatalf("the log did not load: %v", m.err)
				}
				view := screen(m)
				checkFrame(t, view, w, h)
				// The schema's rows: the lines after the head "column …" / "列 …",
				// up to the selected column's detail, which starts with its name.
				lines := strings.Split(view, "\n")
				head := map[string]string{"en": "column ", "zh": "列 "}[lang]
				rows := 0
				for i, l := range lines {
					if strings.HasPrefix(l, head) {
						for _, r := range lines[i+1:] {
							if strings.HasPrefix(r, "CustomerID：") || strings.HasPrefix(r, "CustomerID:") {
								break
							}
							if strings.TrimSpace(r) != "" {
								rows++
							}
						}
						break
					}
				}
				if rows < 8 {
					t.Errorf("%s: %d rows of the schema at %d×%d, want at least 8:\n%s", lang, rows, w, h, view)
				}
				golden.RequireEqual(t, []byte(view))
			})
		}
	}
}
