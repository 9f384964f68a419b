package data

import (
	"fmt"
	"io"
)

// logLookLines bounds the data lines LookLikeOrderLog reads.
const logLookLines = 10000

// LogLook is what a file looks like read as an order log
// (LookLikeOrderLog): the columns read as its customer id and its date
// (numbered 1, 2, … in a Headerless log), and how many data lines were read
// (at most the first logLookLines: Sampled says the file goes on) and how
// many distinct customers they hold.
type LogLook struct {
	Customer, Date   string
	Headerless       bool
	Lines, Customers int
	Sampled          bool
}

// LookLikeOrderLog reads the first lines of r (at most logLookLines) as an
// order log, and reports what they look like when they read as one whose
// customers come back: at most half as many customers as lines, so that a
// customer id repeats on the lines as one does on a customer's orders. A
// table of one row per user, whose ids do not repeat, and a file that does
// not read as a log (no customer or date column, a date that cannot be
// read) are not one.
func LookLikeOrderLog(r io.Reader, name string) (LogLook, bool) {
	log, err := ReadOrderLog(r, name, LogOptions{maxLines: logLookLines})
	if err != nil || len(log.Customers) == 0 || 2*len(log.Customers) > log.Lines {
		return LogLook{}, false
	}
	return LogLook{Customer: log.Columns.Customer, Date: log.Columns.Time, Headerless: log.Headerless, Lines: log.Lines,
		Customers: len(log.Customers), Sampled: log.Lines >= logLookLines}, true
}

// What says in English what the file looks like: "it looks like an order
// log, not a table of one row per customer (its 6,919 lines hold 2,357
// customers in column 1, with dates in column 3)".
func (l LogLook) What() string {
	lines := fmt.Sprintf("its %s lines", Thousands(l.Lines))
	if l.Sampled {
		lines = fmt.Sprintf("its first %s lines", Thousands(l.Lines))
	}
	column := func(name string) string {
		if l.Headerless {
			return "column " + name
		}
		return fmt.Sprintf("column %q", name)
	}
	customers := Thousands(l.Customers) + " customers"
	if l.Customers == 1 {
		customers = "1 customer"
	}
	return fmt.Sprintf("it looks like an order log, not a table of one row per customer (%s hold %s in %s, with dates in %s)",
		lines, customers, column(l.Customer), column(l.Date))
}

// LogLookError is the refusal of a table (Err: no label column, or a
// label that is not binary) whose file reads as an order log (Look): its
// message adds what the file looks like. How to open the file as a log is
// the program's to say (LogLookError.Advice): the command line names its
// --log flag, the terminal interface a key.
type LogLookError struct {
	Err  error
	Look LogLook
	// Advice, empty as the error is made, is set by a program that says
	// how to open the file as an order log its own way (the command line:
	// ": give it with --log instead of --data, …"): the message ends with
	// it, right after what the file looks like.
	Advice string
}

// Error is the table's refusal, what the file looks like (LogLook.What)
// and Advice.
func (e *LogLookError) Error() string { return e.Err.Error() + "; " + e.Look.What() + e.Advice }

// Unwrap returns the table's refusal.
func (e *LogLookError) Unwrap() error { return e.Err }
