package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// cohortsOptions are the flags of `retain cohorts`.
type cohortsOptions struct {
	log, logColumns string
	dateOrder       string
	period, metric  string
	periods         int
	json, csv       bool
	pseudo          pseudoFlags
}

// cohortMetrics are the values --metric can show in the triangle.
var cohortMetrics = []string{"share", "customers", "revenue", "orders"}

func newCohortsCmd(a *app) *cobra.Command {
	o := &cohortsOptions{}
	cmd := &cobra.Command{
		Use:   "cohorts --log FILE [flags]",
		Short: "Print the cohort retention triangle of an order log",
		Long: `Group an order log's customers into acquisition cohorts by the calendar month
(or ISO week, Monday to Sunday) of their first order, and print for every
cohort and every period since its acquisition the share of its customers who
ordered in that period (period 0 is the acquisition period itself), then the
average retention curve.

The average is customer-weighted: the customers active in a period summed over
the cohorts that have fully observed it, divided by the sum of their sizes.
Periods after the log's end are left blank; the last period is marked * when
the log ends before it does. Lines dated after today are warned about and
left out. --metric shows customers, revenue or orders
instead of shares; --csv and --json give every figure of every cell. The
CSV's rows whose cohort is "average" hold the average curve: cohort_size is
the summed sizes of the cohorts counted, customers their active customers,
share the average; orders and revenue are blank.`,
		Example: `  retain cohorts --log orders.csv
  retain cohorts --log CDNOW_master.txt --period week --periods 12
  retain cohorts --log orders.csv --metric revenue
  retain cohorts --log orders.csv --csv > triangle.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// --csv and --json give every period of every metric; these
			// two shape only the table.
			if o.csv || o.json {
				if name := firstGiven(cmd.Flags().Changed, "periods", "metric"); name != "" {
					return usageError(fmt.Errorf("--%s shapes the table: --csv and --json give every period and every figure of each cell", name))
				}
			}
			return classify(runCohorts(a, o))
		},
	}
	fs := cmd.Flags()
	inputFileVar(fs, &o.log, "log", "order or event log `FILE` (- for standard input) (required)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of the log's columns as role=column pairs, e.g. customer=1,time=3,amount=5 (default: detected)")
	dateOrderVar(fs, &o.dateOrder)
	fs.StringVar(&o.period, "period", "month", "cohort and period length: month or week")
	fs.StringVar(&o.metric, "metric", "share", "what the triangle shows: share, customers, revenue or orders")
	fs.IntVar(&o.periods, "periods", 0, "show at most `N` periods since acquisition (default: all)")
	fs.BoolVar(&o.json, "json", false, "print the whole triangle as one JSON document")
	fs.BoolVar(&o.csv, "csv", false, "print one CSV row per cell (cohort, period, size, customers, share, orders, revenue, partial), then the average curve's as cohort \"average\"")
	// Accepted, so that a wrapper may pass them to every command; the
	// triangle holds no customer id to replace.
	o.pseudo.register(cmd)
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	_ = cmd.RegisterFlagCompletionFunc("period", cobra.FixedCompletions([]string{"month", "week"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("metric", cobra.FixedCompletions(cohortMetrics, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runCohorts(a *app, o *cohortsOptions) error {
	if strings.TrimSpace(o.log) == "" {
		return usageError(errors.New("cohorts needs --log FILE, an order log with a customer id and a date on every line"))
	}
	if o.json && o.csv {
		return usageError(errors.New("--json and --csv cannot be used together: choose one output format"))
	}
	period, err := data.ParseRetentionPeriod(o.period)
	if err != nil {
		return usageError(fmt.Errorf("--period %q: want month or week", o.period))
	}
	metric := strings.ToLower(strings.TrimSpace(o.metric))
	if !contains(cohortMetrics, metric) {
		return usageError(fmt.Errorf("--metric %q: want share, customers, revenue or orders", o.metric))
	}
	if o.periods < 0 {
		return usageError(fmt.Errorf("--periods %d: want a positive number, or 0 for all", o.periods))
	}
	// The salt is checked as every command checks it, so that a mistake in
	// a wrapper's flags shows here too.
	key, err := o.pseudo.key(a)
	if err != nil {
		return err
	}
	src := experiment.Source{Kind: "log", Path: o.log}
	if src.LogColumns, err = parseLogColumns(o.logColumns); err != nil {
		return usageError(fmt.Errorf("--log-columns %q: %w", o.logColumns, err))
	}
	if src.DateOrder, err = parseDateOrderFlag(o.dateOrder); err != nil {
		return err
	}
	// Lines dated after today are warned about, as by every command, and
	// left out of the table (data.CohortRetention).
	log, warnings, err := experiment.ReadLog(src, a.open, time.Now())
	if err != nil {
		return err
	}
	r, err := data.CohortRetention(log, period)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		msg := w.String()
		if _, ok := w.(*experiment.FutureWarning); ok && r.FutureOrders > 0 {
			msg += fmt.Sprintf("; cohorts leaves them out: the table ends on the last date up to today, %s", r.Last.Format(time.DateOnly))
		}
		if _, ok := w.(*experiment.EarlyWarning); ok && r.EarlyOrders > 0 {
			msg += fmt.Sprintf("; cohorts leaves them out: the table starts on %s", r.First.Format(time.DateOnly))
		}
		fmt.Fprintln(a.stderr, "warning: "+msg)
	}
	if metric == "revenue" && !r.HasAmount {
		return usageError(fmt.Errorf("--metric revenue: %s has no amount or price column (name one with --log-columns amount=COLUMN)", o.log))
	}
	if key != nil {
		fmt.Fprintln(a.stderr, "note: --pseudonymise has no effect on cohorts: it prints no customer ids, only counts per cohort")
	}
	// Which column was read as the customer id decides the cohorts (a log
	// may have two, as Olist's customer_id and customer_unique_id): said
	// as train says it.
	for _, n := range experiment.LogNotes(src.Path, log) {
		fmt.Fprintln(a.stderr, "note: "+n)
	}
	fmt.Fprintln(a.stderr, cohortsNote(log, r, metric))
	if experiment.SingleOrders(log) && r.FirstCohort.Periods > 0 {
		// Every later cell is 0 %: asked as train and backtest ask it.
		fmt.Fprintf(a.stderr, "warning: %s: every customer has one order, so every cell after period 0 is 0.0 %% — %s\n", src.Path, singleOrdersWhy(log, log.Columns.Customer))
	}
	switch {
	case o.json:
		return writeJSON(a.stdout, r)
	case o.csv:
		return writeCohortsCSV(a.stdout, r)
	}
	return writeCohortsTable(a.stdout, r, metric, o.periods)
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// cellMeanings says what a cell of the table holds for each --metric, in
// a sentence ending "in that PERIOD".
var cellMeanings = map[string]string{
	"share":     "the share of the cohort's customers with at least one order",
	"customers": "the number of the cohort's customers with at least one order",
	"orders":    "the number of orders the cohort's customers placed",
	"revenue":   "the sum of the amounts of the orders the cohort's customers placed, less the refunds of their cancellations dated",
}

// cohortsNote says on stderr what was counted and how; the cell sentence
// follows metric.
func cohortsNote(log *data.OrderLog, r *data.Retention, metric string) string {
	var b strings.Builder
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return data.Thousands(n) + " " + many
	}
	fmt.Fprintf(&b, "%s: %s, %s, %s .. %s, in %s by calendar %s of first order",
		log.Name, count(r.Customers, "customer", "customers"), count(r.Orders, "order", "orders"), r.First.Format(time.DateOnly),
		r.Last.Format(time.DateOnly), count(len(r.Cohorts), "cohort", "cohorts"), r.Period)
	if r.Period == data.ByWeek {
		b.WriteString(" (Monday to Sunday)")
	}
	fmt.Fprintf(&b, ".\nA cell is %s in that %s (period 0 = the %[2]s of their first order).", cellMeanings[metric], r.Period)
	fmt.Fprintf(&b, "\nThe average is customer-weighted: active customers summed over the cohorts that have fully observed the period, divided by the sum of their sizes.")
	if r.EndPartial {
		upTo := ""
		if r.FutureOrders > 0 {
			upTo = " (up to today)"
		}
		fmt.Fprintf(&b, "\n* the log ends on %s%s, before the end of its last %s: those cells are partly observed (and left out of the average).",
			r.Last.Format(time.DateOnly), upTo, r.Period)
	}
	if r.StartPartial {
		fmt.Fprintf(&b, "\nThe log starts on %s, after the start of its first %s.", r.First.Format(time.DateOnly), r.Period)
	}
	for _, n := range averageNotes(r) {
		b.WriteString("\n" + n)
	}
	// The lines left out in train's words (data.OrderLog.LeftOut), then
	// the orders dated after today, which only the table leaves out.
	var left []string
	if s := log.LeftOut(); s != "" {
		left = append(left, s)
	}
	if r.FutureOrders > 0 {
		s := thousandsOf(r.FutureOrders, "order") + " dated after today"
		if r.FutureCustomers > 0 {
			s += fmt.Sprintf(" (%s with no earlier order)", thousandsOf(r.FutureCustomers, "customer"))
		}
		left = append(left, s)
	}
	if r.EarlyOrders > 0 {
		s := thousandsOf(r.EarlyOrders, "order") + " dated far before the rest of the log"
		if r.EarlyCustomers > 0 {
			s += fmt.Sprintf(" (%s with no later order)", thousandsOf(r.EarlyCustomers, "customer"))
		}
		left = append(left, s)
	}
	if len(left) > 0 {
		fmt.Fprintf(&b, "\nLeft out: %s.", strings.Join(left, ", "))
	}
	if log.Discounts > 0 {
		fmt.Fprintf(&b, "\nDiscounts: %s.", log.DiscountNote())
	}
	if n := log.DateNote(); n != "" {
		fmt.Fprintf(&b, "\nDates: %s.", strings.TrimPrefix(n, "dates "))
	}
	return b.String()
}

// thousandsOf writes n (with thousands separators) and the noun, plural
// unless n is 1.
func thousandsOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return data.Thousands(n) + " " + noun + "s"
}

// cohortCellText formats one cell's metric for the table.
func cohortCellText(c data.RetentionCell, metric string) string {
	switch metric {
	case "customers":
		return data.Thousands(c.Customers)
	case "orders":
		return data.Thousands(c.Orders)
	case "revenue":
		if !(math.Abs(c.Revenue) < 1e15) {
			// Past an int's range a conversion would wrap; the order log
			// reader keeps each amount within 2^53, not their sums.
			return strconv.FormatFloat(c.Revenue, 'g', 4, 64)
		}
		return data.Thousands(int(math.Round(c.Revenue)))
	}
	return percent(c.Share)
}

// writeCohortsTable prints the triangle, one line per cohort, then the
// average retention curve (shares whatever the metric). A partly observed
// cell is followed by "*"; cells after the log's end are blank. The
// average row's size is the customers its first period covers (see
// Retention.AverageSize); the first cohort's label is marked firstMark and
// the rows of averageRows follow.
func writeCohortsTable(w io.Writer, r *data.Retention, metric string, limit int) error {
	n := r.MaxPeriods()
	if limit > 0 {
		n = min(n, limit)
	}
	head := []tableCell{{text: "cohort"}, {text: "size"}}
	for _, h := range periodHeads(n) {
		head = append(head, tableCell{text: h})
	}
	rows := [][]tableCell{head}
	for _, c := range r.Cohorts {
		row := []tableCell{{text: c.Label}, {text: data.Thousands(c.Size)}}
		for k := 0; k < n && k < len(c.Cells); k++ {
			row = append(row, tableCell{cohortCellText(c.Cells[k], metric), c.Cells[k].Partial})
		}
		rows = append(rows, row)
	}
	// The first cohort starts with the log: its label is marked ^ (see
	// firstCohortNote).
	if len(r.Cohorts) > 0 {
		rows[1][0].text += firstMark
	}
	rows = append(rows, averageRows(r, metric, n)...)
	widths := make([]int, len(head))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], len(c.text))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		line := fmt.Sprintf("%-*s", widths[0], row[0].text)
		for i := 1; i < len(row); i++ {
			mark := " "
			if row[i].partial {
				mark = "*"
			}
			line += fmt.Sprintf(" %*s%s", widths[i], row[i].text, mark)
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// firstMark follows the first cohort's label in the table: it starts with
// the log, so it may hold customers who bought before it.
const firstMark = "^"

// tableCell is one cell of the printed table; partial adds the * mark.
type tableCell struct {
	text    string
	partial bool
}

// averageRows are the table's lines under the cohorts: the average curve,
// how many cohorts each of its cells is over, and, when the first cohort
// looks like customers who bought before the log, the average without it
// (none when no period is fully observed: cohortsNote says so).
func averageRows(r *data.Retention, metric string, n int) [][]tableCell {
	if len(r.Average) == 0 {
		return nil
	}
	avgLabel := "average"
	if metric != "share" {
		avgLabel = "avg share"
	}
	curve := func(label string, pts []data.RetentionPoint) []tableCell {
		row := []tableCell{{text: label}, {text: data.Thousands(pts[0].Base)}}
		for k := 0; k < n && k < len(pts); k++ {
			row = append(row, tableCell{text: percent(pts[k].Share)})
		}
		return row
	}
	counts := []tableCell{{text: "cohorts"}, {}}
	for k := 0; k < n && k < len(r.Average); k++ {
		counts = append(counts, tableCell{text: strconv.Itoa(r.Average[k].Cohorts)})
	}
	rows := [][]tableCell{curve(avgLabel, r.Average), counts}
	if r.FirstCohort.LooksExisting && len(r.AverageWithoutFirst) > 0 {
		rows = append(rows, curve("w/o "+r.FirstCohort.Label, r.AverageWithoutFirst))
	}
	return rows
}

// periodHeads are the column heads 0, 1, … n-1.
func periodHeads(n int) []string {
	heads := make([]string, n)
	for k := range heads {
		heads[k] = strconv.Itoa(k)
	}
	return heads
}

// averageCohort is the cohort field of the CSV rows of the average curve.
const averageCohort = "average"

// writeCohortsCSV prints one row per observed cell (cells after the log's
// end have no row), then one row per point of the average curve: cohort
// "average", cohort_size the summed sizes of the cohorts that fully observed
// the period, customers their active customers, share the average, orders
// and revenue blank (not averaged), partial false (partial cells are left
// out of it).
func writeCohortsCSV(w io.Writer, r *data.Retention) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"cohort", "period", "cohort_size", "customers", "share", "orders", "revenue", "partial"})
	for _, c := range r.Cohorts {
		for k, cell := range c.Cells {
			revenue := "" // blank, not 0, when the log has no amounts
			if r.HasAmount {
				revenue = strconv.FormatFloat(cell.Revenue, 'f', 2, 64)
			}
			_ = cw.Write([]string{c.Label, strconv.Itoa(k), strconv.Itoa(c.Size), strconv.Itoa(cell.Customers),
				strconv.FormatFloat(cell.Share, 'g', -1, 64), strconv.Itoa(cell.Orders), revenue, strconv.FormatBool(cell.Partial)})
		}
	}
	for _, pt := range r.Average {
		_ = cw.Write([]string{averageCohort, strconv.Itoa(pt.Period), strconv.Itoa(pt.Base), strconv.Itoa(pt.Active),
			strconv.FormatFloat(pt.Share, 'g', -1, 64), "", "", "false"})
	}
	cw.Flush()
	return cw.Error()
}
