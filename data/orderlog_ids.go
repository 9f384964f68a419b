package data

import "fmt"

// customerID is a log line's customer id as the customer is known: a whole
// number written with a decimal part of zeros ("13522.0", as pandas and
// spreadsheets write an id column of floats, the type a column of numbers
// with blanks gets) is that number ("13522"), so that the lines a tool
// wrote "13522" and those it wrote "13522.0" are one customer, as a
// workbook's or a Parquet file's numbers read. Any other id is kept as
// written.
func (p *logParser) customerID(id []byte) []byte {
	dot := -1
	for i, c := range id {
		switch {
		case c == '.' && dot < 0 && i > 0:
			dot = i
		case c >= '0' && c <= '9' && (dot < 0 || c == '0'):
		default:
			return id
		}
	}
	if dot < 0 || dot == len(id)-1 {
		return id
	}
	p.log.FloatIDs++
	return id[:dot]
}

// FloatIDNote says that customer ids written as "13522.0" were read as
// "13522", "" when none was.
func (l *OrderLog) FloatIDNote() string {
	if l.FloatIDs == 0 {
		return ""
	}
	lines := "lines"
	if l.FloatIDs == 1 {
		lines = "line"
	}
	return fmt.Sprintf("customer ids written as whole numbers with a decimal part of zeros (\"13522.0\", as a column of floats is exported) "+
		"were read without it (\"13522\"), so that both forms are one customer: %s %s", Thousands(l.FloatIDs), lines)
}
