package sqlexport

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
)

// A quarter of CDNOW's customers (someCustomers), their orders' dates written as an event log's timestamps:
// "YYYY-MM-DD HH:MM:SS UTC" (REES46's form), and as Unix time, seconds on
// even lines and milliseconds on odd ones, at 23:59:59 UTC so that a
// query off by a time zone or a rounding would move the day; and as three
// numbers with one-digit parts where they have one: month first with a
// time ("12/1/1997 8:26", Online Retail's CSV form; "… 11:59:59 PM" on odd
// lines), day first with dots or dashes ("1.12.1997", "1-12-1997 23:59"),
// and year first with slashes on some lines and ISO on others
// ("1997/1/5 23:59", "1997-01-05"). The model records the form; the query
// reads the table as the file wrote it and matches retain predict.
func TestSQLiteMatchesPredictWithTimestampForms(t *testing.T) {
	checkTimestampForms(t, openSQLite, SQLite)
}

// checkTimestampForms is TestSQLiteMatchesPredictWithTimestampForms in the
// database open gives, with d's SQL.
func checkTimestampForms(t *testing.T, open func(t *testing.T) *sql.DB, d Dialect) {
	path := datasetPath(t, "cdnow/CDNOW_master.txt")
	header, orders := cdnowRows(t, path)
	orders = someCustomers(orders, 4)
	for _, c := range []struct {
		name string
		form data.TimeForm
		cell func(i int, day time.Time) string
	}{
		{"utc", data.TimeISO, func(_ int, day time.Time) string { return day.Format(time.DateOnly) + " 23:59:59 UTC" }},
		{"unix", data.TimeUnix, func(i int, day time.Time) string {
			end := day.Add(24*time.Hour - time.Second).Unix()
			if i%2 == 1 {
				return fmt.Sprint(end*1000 + 999)
			}
			return fmt.Sprint(end)
		}},
		{"mdy", data.TimeMDY, func(i int, day time.Time) string {
			if i%2 == 1 {
				return fmt.Sprintf("%d/%d/%d 11:59:59 PM", day.Month(), day.Day(), day.Year())
			}
			return fmt.Sprintf("%d/%d/%d %d:%02d", day.Month(), day.Day(), day.Year(), 8+i%12, i%60)
		}},
		{"dmy", data.TimeDMY, func(i int, day time.Time) string {
			if i%2 == 1 {
				return fmt.Sprintf("%d-%d-%d 23:59", day.Day(), day.Month(), day.Year())
			}
			return day.Format("02.01.2006")
		}},
		{"ymd", data.TimeYMD, func(i int, day time.Time) string {
			if i%2 == 1 {
				return day.Format(time.DateOnly)
			}
			return fmt.Sprintf("%d/%d/%d 23:59", day.Year(), day.Month(), day.Day())
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := make([][]string, len(orders))
			for i, r := range orders {
				day, err := time.Parse(time.DateOnly, r[1])
				if err != nil {
					t.Fatal(err)
				}
				rows[i] = append([]string{r[0], c.cell(i, day)}, r[2:]...)
			}
			file := writeLog(t, c.name+".csv", header, rows)
			cut := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC)
			model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90},
				func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} })
			if model.Source.TimeForm != c.form {
				t.Fatalf("the model records the time form %q, want %q", model.Source.TimeForm, c.form)
			}
			log := readLogFile(t, file)
			checkLogIn(t, open, d, model, log, time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC), header, rows)
		})
	}
}

// A model trained on dates written with month names is refused with what
// to do, unless --time-format says how the table writes them.
func TestExportRefusesDatesItCannotRead(t *testing.T) {
	text := "customer,date,amount\n"
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"}
	for i := range 600 {
		text += fmt.Sprintf("c%d,%d %s 2020,%d\n", i%97, 13+i%15, months[i%11], 5+i%40)
	}
	file := filepath.Join(t.TempDir(), "monthnames.csv")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC), HorizonDays: 30},
		func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 4, Activation: engine.ReLU}} })
	if model.Source.TimeForm != data.TimeOther {
		t.Fatalf("the model records the time form %q, want %q", model.Source.TimeForm, data.TimeOther)
	}
	const want = "the model was trained on a log whose dates were written with month names or in another form " +
		"than numbers (such as 1 Dec 2010, 2010年12月1日 or Wed, 01 Dec 2010), which the query cannot read; if the orders table holds its time column as a DATE or TIMESTAMP, or as text written " +
		"YYYY-MM-DD…, say so with --time-format iso (or yyyymmdd, unix, ymd, dmy or mdy for another form it is written in), " +
		"else convert the column first"
	if _, err := Build(model, Options{Dialect: SQLite}); err == nil || err.Error() != want {
		t.Errorf("export: %v\nwant %s", err, want)
	}
	sqlText, err := Build(model, Options{Dialect: SQLite, TimeForm: data.TimeISO})
	if err != nil {
		t.Fatalf("export with --time-format iso: %v", err)
	}
	if !strings.Contains(sqlText, `date(SUBSTR(`+SQLite.trim(`CAST(src."date" AS TEXT)`)+`, 1, 10))`) {
		t.Errorf("the query does not read the dates as ISO text:\n%s", sqlText[:min(len(sqlText), 600)])
	}
}
