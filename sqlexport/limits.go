package sqlexport

import (
	"strconv"
	"strings"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// Limits lists the cells that retain predict reads and the SELECT written
// for b with o does not, one sentence each, naming the columns: Build
// writes them as comments at the top of the query, and retain export
// prints them as warnings. Every other cell the SELECT reads as retain
// predict does (or gives NULL where retain predict refuses it).
func Limits(b *experiment.Bundle, o Options) []string {
	if b == nil || b.Pipeline == nil {
		return nil
	}
	if b.Source.Kind == "log" {
		return logLimits(b, o)
	}
	var dates []string
	for _, pc := range b.Pipeline.Columns {
		if pc.Date && pc.Kind == data.Numeric {
			dates = append(dates, strconv.Quote(pc.Name))
		}
	}
	var out []string
	var commas []string
	for _, pc := range b.Pipeline.Columns {
		if pc.DecimalComma {
			commas = append(commas, strconv.Quote(pc.Name))
		}
	}
	if len(commas) > 0 {
		// retain predict reads such a column's text cells with a decimal
		// comma; the SELECT reads every numeric cell as retain predict
		// reads a comma-separated file's (cellNumber).
		out = append(out, columnWord(commas)+": the training file wrote the numbers with decimal commas (1.418,50 or 9,83E-05), "+
			"which retain predict reads and the SELECT does not: the table must hold them as numeric columns; a text cell written "+
			"with a decimal comma gives the row a NULL probability, and one written 1.418 (a thousand) is read as 1.418")
	}
	if spaced := spacedColumns(b.Pipeline); len(spaced) > 0 {
		// retain predict reads such a column's cells without the spaces
		// or apostrophes grouping their thousands (data.NumberMarks'
		// SpaceGroups); cellNumber reads none (data.AllNumberMarks).
		out = append(out, columnWord(spaced)+": the training file grouped thousands with spaces or apostrophes (1 234,50 or 1'234.50), "+
			"which retain predict reads and the SELECT does not: the table must hold them as numeric columns; a text cell "+
			"written so gives the row a NULL probability")
	}
	if len(dates) > 0 {
		out = append(out, columnWord(dates)+": an RFC 1123 date with a zone other than ±hhmm or a name of three capital "+
			"letters (or four or five ending in T), such as GMT+3, +03, ChST or WITA, or with the year 0000 or more than "+
			"32 spaces in a row, gives the row a NULL probability where retain predict reads it")
	}
	return out
}

// logLimits is Limits for a model of an order log: the time column is read
// in one form (timeForm), and a number retain predict refuses stops it,
// where the SELECT leaves the line out.
func logLimits(b *experiment.Bundle, o Options) []string {
	c := merge(merge(o.Columns, b.Source.DetectedLogColumns), b.Source.LogColumns)
	var out []string
	if f, err := timeForm(b, o); err == nil && c.Time != "" {
		out = append(out, "the orders table's time column "+strconv.Quote(c.Time)+" is read as "+f.Words()+
			"; a text cell in another of the forms retain predict reads (2019-10-01, 20191001, Unix time, 1/12/2010, "+
			"1 Dec 2019, Wed, 01 Dec 2019 10:11:12 +0000) is no date here: its line is left out, or the engine stops the query "+
			"at a cast it cannot make (--time-format names the form the column is written in)")
	}
	var nums []string
	for _, name := range []string{c.Amount, c.Price, c.Quantity} {
		if name != "" {
			nums = append(nums, strconv.Quote(name))
		}
	}
	if len(nums) > 0 && !b.Source.DecimalCommas {
		out = append(out, columnWord(nums)+": a cell that is no number to retain (\"abc\", \"1,2\") makes its line no sale "+
			"and leaves it out, where retain predict stops with an error naming its line")
	}
	return out
}

// columnWord is `column "a"` or `columns "a", "b"`.
func columnWord(quoted []string) string {
	if len(quoted) == 1 {
		return "column " + quoted[0]
	}
	return "columns " + strings.Join(quoted, ", ")
}

// spacedColumns names, quoted, the numeric columns of p whose training file
// grouped thousands with spaces or apostrophes.
func spacedColumns(p *data.Pipeline) []string {
	var out []string
	for _, pc := range p.Columns {
		if pc.Kind == data.Numeric && (pc.Marks.SpaceGroups() || pc.Marks.ApostropheGroups()) {
			out = append(out, strconv.Quote(pc.Name))
		}
	}
	return out
}
