package data

import "fmt"

// customerID is a log line's customer id as the customer is known
// (WholeIDLen): "13522.0", as pandas and spreadsheets write an id column
// of floats (the type a column of numbers with blanks gets), is "13522",
// so that the lines a tool wrote "13522" and those it wrote "13522.0" are
// one customer, as a workbook's or a Parquet file's numbers read. Any
// other id is kept as written.
func (p *logParser) customerID(id []byte) []byte {
	n := WholeIDLen(id)
	if n == len(id) {
		return id
	}
	p.log.FloatIDs++
	return id[:n]
}

// WholeIDLen is how much of a customer id names the customer: the length
// before the dot of a whole number written with a decimal part of zeros
// ("13522.0", "13522.00"), else the whole id's ("13522.5", "1.3522e4",
// "A-13522.0", ".0", "13522."). Order logs read ids this way, and
// pseudonyms hash them so (pseudonym.Canonical).
func WholeIDLen[ID string | []byte](id ID) int {
	dot := -1
	for i := range len(id) {
		switch c := id[i]; {
		case c == '.' && dot < 0 && i > 0:
			dot = i
		case c >= '0' && c <= '9' && (dot < 0 || c == '0'):
		default:
			return len(id)
		}
	}
	if dot < 0 || dot == len(id)-1 {
		return len(id)
	}
	return dot
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
