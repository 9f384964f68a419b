//go:build mysql

// The MySQL test needs a running MySQL 8 or MariaDB server, so it runs
// only when asked, with a database it may fill:
//
//	RETAIN_MYSQL_DSN='root@unix(/run/mysqld/mysqld.sock)/retain_test' go test -tags mysql ./sqlexport

package sqlexport

import (
	"database/sql"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"

	_ "github.com/go-sql-driver/mysql" // the MySQL driver, registered as "mysql"
)

// openMySQL empties the database RETAIN_MYSQL_DSN names and opens it,
// skipping the test without one.
func openMySQL(t *testing.T) *sql.DB {
	t.Helper()
	dsn := os.Getenv("RETAIN_MYSQL_DSN")
	if dsn == "" {
		t.Skip("RETAIN_MYSQL_DSN names no MySQL database")
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	for _, table := range []string{"users", "orders"} {
		if _, err := db.Exec(fmt.Sprintf("DROP TABLE IF EXISTS `%s`", table)); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func TestMySQLMatchesPredictOnPerUserSets(t *testing.T) {
	checkPerUser(t, openMySQL, MySQL)
}

func TestMySQLMatchesPredictOnCDNOW(t *testing.T) {
	checkOrderLog(t, openMySQL, MySQL)
}

func TestMySQLMatchesPredictWithRareLevelsAndClipping(t *testing.T) {
	checkRareAndClipped(t, openMySQL, MySQL)
}

func TestMySQLMatchesPredictWithDates(t *testing.T) {
	checkDates(t, openMySQL, MySQL)
}

func TestMySQLMatchesPredictWithTimestampForms(t *testing.T) {
	checkTimestampForms(t, openMySQL, MySQL)
}

func TestMySQLMatchesPredictWithBlankNumbers(t *testing.T) {
	checkBlankNumbers(t, openMySQL, MySQL)
}

func TestMySQLGivesNullForAnUnreadBoolean(t *testing.T) {
	checkNullForUnreadBoolean(t, openMySQL, MySQL)
}

// The Online Retail-shaped logs (with and without quantities) and the
// CDNOW event log of the SQLite tests, in MySQL: items, cancellations and
// event counts compared byte by byte (utf8mb4_bin), not under MySQL's
// case-blind default collation.
func TestMySQLMatchesPredictOnRetailAndEventLogs(t *testing.T) {
	cut, at := time.Date(1997, 9, 30, 0, 0, 0, 0, time.UTC), time.Date(1998, 3, 31, 0, 0, 0, 0, time.UTC)
	small := func(c *experiment.Config) { c.Hidden = []engine.LayerSpec{{Units: 8, Activation: engine.ReLU}} }
	for _, quantity := range []bool{true, false} {
		t.Run(fmt.Sprintf("retail, quantity %v", quantity), func(t *testing.T) {
			header, rows := retailRows(t, quantity)
			file := writeLog(t, "retail.csv", header, rows)
			model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90}, small)
			mustUse(t, model, "basket_size_avg", "cancel_share")
			checkLogIn(t, openMySQL, MySQL, model, readLogFile(t, file), at, header, rows)
		})
	}
	t.Run("events", func(t *testing.T) {
		header, rows := cdnowEvents(t, datasetPath(t, "cdnow/CDNOW_master.txt"))
		file := writeLog(t, "events.csv", header, rows)
		model := train(t, experiment.Source{Kind: "log", Path: file, Cutoff: cut, HorizonDays: 90}, small)
		mustUse(t, model, "event_view_30d")
		checkLogIn(t, openMySQL, MySQL, model, readLogFile(t, file), at, header, rows)
	})
}
