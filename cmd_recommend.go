package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/recommend"
)

// recommendOptions are the flags of `retain recommend`.
type recommendOptions struct {
	log, logColumns, itemColumn string
	excludeItems                string
	dateOrder                   string
	cutoff, horizon             string
	top, workers                int
	seed                        uint64
	evaluate, json              bool
	pseudo                      pseudoFlags
}

func newRecommendCmd(a *app) *cobra.Command {
	o := &recommendOptions{}
	cmd := &cobra.Command{
		Use:   "recommend --log FILE [--cutoff D] [--horizon 30d] [--top 10] [--item-column C] [--evaluate] [--json]",
		Short: "Rank for every customer the items they are most likely to buy next",
		Long: `Rank, for every customer with history before the cutoff, the items they are
most likely to buy in the horizon that follows. An item is the log's item
column (StockCode, sku, product_id, …) or the column named with --item-column
(a category, say); descriptions come from a description column when there is
one. Cancellations, lines without a customer and lines of non-positive
quantity are left out. The history is every order dated before the cutoff
day; the horizon starts on it.

The model is a network over (customer, item) pairs (how often and how lately
the customer bought the item, its popularity and trend, its repurchase rate,
the customer's recency, frequency, spend and basket size), trained on the
horizons before the cutoff: it never sees an order or a return dated on or
after the cutoff (a purchase returned later stays in the history). Pairs it
cannot learn from (all bought, none bought, all from one customer, none held
out to validate on) are refused with exit 2. Its lists are written
only when, on the customers held out of training, it ranked better than
GP-TopFreq (NDCG@10, by at least 2 standard errors, with at least 20 of them
ranked differently); otherwise the lists are GP-TopFreq's, with the score
left empty. stderr says which.
The default cutoff is the day after the log's last date, so every order is
history; with --evaluate it is the latest date that leaves a whole horizon
in the log. Lines dated after today (a mistyped year, say) are warned about
and never read: the log's last date is then the last one up to today.

Without --evaluate it writes customer,rank,item,description,score,reason as
CSV. --evaluate instead measures the model beside three baselines on the
customers who buy in the horizon after the cutoff (which the log must cover):
TopPop (the items on the most invoices in the horizon before the cutoff),
P-TopFreq (the customer's own items by number of invoices; on ties the later
invoice first: the later day, then later in the file; then the item on more
invoices in TopPop's window) and GP-TopFreq
(P-TopFreq filled up with TopPop), by hit@k, recall@k (÷ min(bought, k)),
NDCG@k (binary gains) and catalogue coverage for k = 5, 10, 20, and the
model's gain over GP-TopFreq at 10 with a 95 % interval (a paired bootstrap
over the customers). A horizon in which no customer with history buys is
refused with exit 2: there is nothing to measure. Progress goes to stderr,
results to stdout.`,
		Example: `  retain recommend --log online_retail.parquet > recommendations.csv
  retain recommend --log online_retail.parquet --cutoff 2011-11-09 --evaluate
  retain recommend --log orders.csv --item-column category --top 5 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.evaluate && cmd.Flags().Changed("top") {
				return usageError(fmt.Errorf("--top sets the length of the lists written without --evaluate; --evaluate measures the top %s", listOfKs()))
			}
			return classify(runRecommend(cmd.Context(), a, o))
		},
	}
	fs := cmd.Flags()
	inputFileVar(fs, &o.log, "log", "order log `FILE` (- for standard input) with an item column (required)")
	fs.StringVar(&o.cutoff, "cutoff", "", "first `DATE` (YYYY-MM-DD) after the history (default: the day after the log's last date; with --evaluate, the latest date the log has a whole horizon after)")
	fs.StringVar(&o.horizon, "horizon", "", "period to recommend for, e.g. 30d, 4w or 30 (default 30d)")
	fs.IntVar(&o.top, "top", recommend.DefaultTop, "items listed per customer")
	fs.StringVar(&o.excludeItems, "exclude-items", "", "leave the `IDS` (item ids as written, separated by commas, or by spaces without a comma, e.g. POST,M for postage and manual lines; text that is one item, such as \"BANK CHARGES\", stays whole) out of the history and of what is recommended")
	fs.StringVar(&o.itemColumn, "item-column", "", "`COLUMN` holding the item (default: detected, e.g. StockCode, sku)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of the log's columns as role=column pairs, e.g. customer=1,time=3,item=2 (default: detected)")
	dateOrderVar(fs, &o.dateOrder)
	fs.Uint64Var(&o.seed, "seed", recommend.DefaultModelConfig().Seed, "seed of the sampled pairs, the validation split, the initial weights and the shuffles")
	fs.IntVar(&o.workers, "workers", 0, fmt.Sprintf(
		"workers that share each training batch of %d rows or more (0: one per core; 1 leaves the other cores to other work)", engine.ParallelMinBatch))
	fs.BoolVar(&o.evaluate, "evaluate", false, "measure the model and the baselines on the horizon after the cutoff instead of listing")
	fs.BoolVar(&o.json, "json", false, "print the result as one JSON document")
	o.pseudo.register(cmd)
	_ = cmd.MarkFlagRequired("log")
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	return cmd
}

// options turns the flags into the log's source and recommend options;
// every error is the user's.
func (o *recommendOptions) options() (experiment.Source, recommend.Options, error) {
	src := experiment.Source{Kind: "log", Path: o.log}
	opts := recommend.Options{HorizonDays: data.DefaultHorizonDays, Top: o.top, Evaluate: o.evaluate,
		Model: recommend.DefaultModelConfig()}
	opts.Model.Seed = o.seed
	if o.workers < 0 {
		return src, opts, usageError(fmt.Errorf("--workers %d: want a number of workers ≥ 1, or 0 for one per core", o.workers))
	}
	opts.Model.Train.Workers = o.workers
	cols, err := parseLogColumns(o.logColumns)
	if err != nil {
		return src, opts, usageError(fmt.Errorf("--log-columns %q: %w", o.logColumns, err))
	}
	if item := strings.TrimSpace(o.itemColumn); item != "" {
		if cols.Item != "" && cols.Item != item {
			return src, opts, usageError(fmt.Errorf("--item-column %q and --log-columns item=%s disagree: give the item column once", item, cols.Item))
		}
		cols.Item = item
	}
	src.LogColumns = cols
	if src.DateOrder, err = parseDateOrderFlag(o.dateOrder); err != nil {
		return src, opts, err
	}
	if o.horizon != "" {
		if opts.HorizonDays, err = parseDays(o.horizon); err != nil {
			return src, opts, usageError(fmt.Errorf("--horizon %q: %w", o.horizon, err))
		}
	}
	if o.cutoff != "" {
		if opts.Cutoff, err = time.Parse(time.DateOnly, strings.TrimSpace(o.cutoff)); err != nil {
			return src, opts, usageError(fmt.Errorf("--cutoff %q is not a date as YYYY-MM-DD", o.cutoff))
		}
	}
	if o.top < 1 {
		return src, opts, usageError(fmt.Errorf("--top %d: want at least 1 item per customer", o.top))
	}
	return src, opts, nil
}

func runRecommend(ctx context.Context, a *app, o *recommendOptions) (err error) {
	src, opts, err := o.options()
	if err != nil {
		return err
	}
	key, err := o.pseudo.key(a)
	if err != nil {
		return err
	}
	// Under --pseudonymise no error quotes a cell that may name someone.
	defer func() { err = experiment.WithholdCells(key, err) }()
	start := time.Now()
	// The list is read as the Recommend screen reads its field
	// (recommend.ItemList): commas, or spaces without any comma.
	log, notes, warnings, err := experiment.ReadItemLogNotes(src, a.open, time.Now(), o.excludeItems, key)
	if err != nil {
		return err
	}
	if len(log.NotFound) > 0 {
		fmt.Fprintf(a.stderr, "note: --exclude-items: %s: no such item in column %s (ids are compared as written)\n",
			strings.Join(log.NotFound, ", "), log.ItemColumn)
	}
	if len(log.LeftOutOnly) > 0 {
		fmt.Fprintf(a.stderr, "note: --exclude-items: %s: in column %s only on lines left out (cancelled, without a customer id, or not a sale), on none that is read\n",
			strings.Join(log.LeftOutOnly, ", "), log.ItemColumn)
	}
	for _, w := range warnings {
		msg := w.String()
		if fw, ok := w.(*experiment.FutureWarning); ok && !fw.AllFuture() {
			// Their own wording: recommend's cutoffs are not train's.
			// When every order is after today, none is left out, as the
			// warning says (recommend.Log.LastUpToToday is the last).
			msg += fmt.Sprintf("; recommend leaves them out: it reads nothing dated after the last date up to today, %s",
				recommend.Date(log.LastUpToToday).Format(time.DateOnly))
		}
		fmt.Fprintln(a.stderr, "warning: "+msg)
	}
	for _, n := range notes {
		fmt.Fprintln(a.stderr, "note: "+n)
	}
	if am := log.AmountLike(); am != nil {
		fmt.Fprintln(a.stderr, "warning: "+am.String())
	}
	customers, baskets := log.UpToToday()
	fmt.Fprintf(a.stderr, "Read %s: %s, %s (column %s), %s, %s .. %s%s\n", src.Path,
		data.Count(customers, "customer", "customers"), data.Count(log.ItemCount(), "item", "items"), log.ItemColumn,
		data.Count(baskets, "order", "orders"),
		recommend.Date(log.First).Format(time.DateOnly), recommend.Date(log.LastUpToToday).Format(time.DateOnly), leftOutOfItems(log))
	if n := log.ReturnedCustomers(); n > 0 {
		fmt.Fprintf(a.stderr, "note: %s left out: they cancelled or returned in full every item they ordered, so no history is left to rank from; predict, plan, cohorts and anomalies, which count orders rather than the items kept, keep them\n",
			data.Count(n, "customer is", "customers are"))
	}
	run, err := recommend.Prepare(log, opts)
	if err != nil {
		return err
	}
	// The same history, named two ways: recommend's cutoff is the
	// horizon's first day, predict's and train's the history's last.
	fmt.Fprintf(a.stderr, "note: the history is every order before the cutoff %s, up to %s: the date retain predict and plan call \"active at\" and train --log the cutoff\n",
		recommend.Date(run.Cutoff).Format(time.DateOnly), recommend.Date(run.Cutoff-1).Format(time.DateOnly))
	if m := run.Model; m != nil {
		fmt.Fprintf(a.stderr, "Cutoff %s, horizon %d days; training on %s pairs (%s bought) at the cutoffs %s, validating on %s\n",
			recommend.Date(run.Cutoff).Format(time.DateOnly), run.Horizon, data.Thousands(m.TrainRows), data.Thousands(m.Positives),
			joinDates(m.TrainCutoffs), data.Thousands(m.ValRows))
		fmt.Fprintf(a.stderr, "Network: %s\n", describeNetwork(m.Net.Arch))
		pr := newProgressPrinter(a)
		if err := watchTraining(ctx, m.Trainer, pr); err != nil {
			return err
		}
		// As train does: a run that ends before its last epoch says so,
		// or the output would end at "Epoch 4/10" as if cut short.
		reportStop(a.stderr, m.Trainer, "")
	} else {
		fmt.Fprintf(a.stderr, "Cutoff %s, horizon %d days; no network trained: %s\n",
			recommend.Date(run.Cutoff).Format(time.DateOnly), run.Horizon, run.Untrained)
	}
	res, err := run.Finish(ctx)
	if err != nil {
		return err
	}
	if key.Enabled() {
		for i := range res.Customers {
			res.Customers[i].ID = key.ID(res.Customers[i].ID)
		}
		// Never the log's order beside pseudonyms: it gives the ids back
		// whenever they were given out in that order (as on the screen).
		res.SortByID()
		for _, c := range experiment.PseudonymiseItems(res, log, key) {
			fmt.Fprintf(a.stderr, "note: --pseudonymise: column %s is written like e-mail addresses or phone numbers: its values are shown as pseudonyms\n", c)
		}
	}
	fmt.Fprintln(a.stderr, checkSentence(res))
	fmt.Fprintf(a.stderr, "Ranked %s in %.1fs\n", data.Count(len(res.Customers), "customer", "customers"), time.Since(start).Seconds())
	switch {
	case o.json && o.evaluate:
		return writeJSON(a.stdout, newRecommendJSON(res, run, false))
	case o.json:
		return writeJSON(a.stdout, newRecommendJSON(res, run, true))
	case o.evaluate:
		return printRecommendMetrics(a.stdout, res)
	}
	return writeRecommendCSV(a.stdout, res)
}

// joinDates lists day numbers as dates, oldest first.
func joinDates(days []int32) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[len(days)-1-i] = recommend.Date(d).Format(time.DateOnly)
	}
	return strings.Join(parts, ", ")
}

// writeRecommendCSV writes customer,rank,item,description,score,reason.
func writeRecommendCSV(w io.Writer, res *recommend.Result) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"customer", "rank", "item", "description", "score", "reason"}); err != nil {
		return err
	}
	for _, c := range res.Customers {
		for r, it := range c.Items {
			score := "" // GP-TopFreq's lists have no score
			if it.Score != nil {
				score = strconv.FormatFloat(*it.Score, 'f', 4, 64)
			}
			rec := []string{c.ID, strconv.Itoa(r + 1), it.ItemID, it.Description, score, it.Reason.String()}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// printRecommendMetrics writes the metrics table of the model and the
// baselines, then the model's gain over GP-TopFreq at 10.
func printRecommendMetrics(w io.Writer, res *recommend.Result) error {
	if len(res.Metrics) == 0 {
		return errors.New("nothing was measured")
	}
	first := res.Metrics[0]
	fmt.Fprintf(w, "Recommendation on %s at %s, horizon %d days: %s customers bought in the horizon; catalogue %s items\n",
		res.Log, res.Cutoff.Format(time.DateOnly), res.HorizonDays, data.Thousands(first.Customers), data.Thousands(first.Catalogue))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "ranker\tk\thit\trecall\tNDCG\tcoverage\t\n")
	for _, m := range res.Metrics {
		for i, at := range m.At {
			name := m.Ranker
			if i > 0 {
				name = ""
			}
			fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, at.K, at.Hit, at.Recall, at.NDCG, at.Coverage)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, m := range res.Metrics[1:] {
		if m.Ranker != recommend.GPTopFreqName || first.Ranker != recommend.ModelName {
			continue
		}
		mod, gp := first.AtK(10), m.AtK(10)
		recall, ndcg := relative(mod.Recall, gp.Recall), relative(mod.NDCG, gp.NDCG)
		if g := res.Gain; g != nil {
			recall += fmt.Sprintf(", 95 %% CI %s to %s", recommend.TrendPercent(g.RecallLow), recommend.TrendPercent(g.RecallHigh))
			ndcg += fmt.Sprintf(", 95 %% CI %s to %s", recommend.TrendPercent(g.NDCGLow), recommend.TrendPercent(g.NDCGHigh))
		}
		fmt.Fprintf(w, "At 10, %s vs %s: recall %.3f vs %.3f (%s), NDCG %.3f vs %.3f (%s)\n", first.Ranker, m.Ranker,
			mod.Recall, gp.Recall, recall, mod.NDCG, gp.NDCG, ndcg)
	}
	c := res.Check
	if res.Untrained != "" {
		fmt.Fprintf(w, "Lists recommend writes without --evaluate: GP-TopFreq's (no network trained: %s)\n", res.Untrained)
	} else {
		fmt.Fprintf(w, "Lists recommend writes without --evaluate: %s (held-out check: NDCG@%d %.3f vs %.3f for GP-TopFreq, z %+.2f, %s customers differing)\n",
			listsOf(c), recommend.CheckK, c.Model, c.Baseline, c.Z, data.Thousands(c.Differing))
	}
	if pop, gp, ok := res.TopPopAhead(); ok {
		fmt.Fprintf(w, "TopPop measures better than GP-TopFreq on this horizon (recall@10 %.3f vs %.3f, NDCG@10 %.3f vs %.3f); "+
			"the fallback is always GP-TopFreq (the customer's own items first), so on this log the most popular items may serve customers better than the lists written\n",
			pop.Recall, gp.Recall, pop.NDCG, gp.NDCG)
	}
	return nil
}

// listsOf names whose lists are written: "the model's" or "GP-TopFreq's".
func listsOf(c recommend.Check) string {
	if c.UseModel {
		return "the " + recommend.ModelName + "'s"
	}
	return recommend.GPTopFreqName + "'s"
}

// checkSentence says how the held-out check chose the lists (stderr), or
// why no network was trained.
func checkSentence(res *recommend.Result) string {
	if res.Untrained != "" {
		return "The lists are GP-TopFreq's, without scores: each customer's own items by number of orders, then the popular ones"
	}
	c := res.Check
	s := fmt.Sprintf("Check on the %s customers held out of training who bought after their training cutoff: NDCG@%d %.3f (model) vs %.3f (GP-TopFreq), z %+.2f, %s differing: the lists are %s",
		data.Thousands(c.Customers), recommend.CheckK, c.Model, c.Baseline, c.Z, data.Thousands(c.Differing), listsOf(c))
	if !c.UseModel {
		s += fmt.Sprintf(", without scores (the model's are written when z ≥ %.0f with at least %d customers differing)", recommend.CheckZ, recommend.CheckDiffering)
	}
	return s
}

// relative writes a/b − 1 as "+21 %" (or "n/a" when b is 0).
func relative(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return recommend.TrendPercent(a/b - 1)
}

// recommendJSON is the JSON document of `retain recommend --json`.
type recommendJSON struct {
	*recommend.Result
	Items        string                   `json:"item_column"`
	TrainPairs   int                      `json:"train_pairs"`
	Epochs       int                      `json:"epochs"`
	Network      string                   `json:"network"`
	Customers    []recommend.CustomerRecs `json:"customers,omitempty"`
	FeatureNames []string                 `json:"features"`
}

func newRecommendJSON(res *recommend.Result, run *recommend.Run, withCustomers bool) recommendJSON {
	out := recommendJSON{Result: res, Items: res.ItemColumn, FeatureNames: recommend.FeatureNames}
	if m := run.Model; m != nil {
		out.TrainPairs, out.Epochs, out.Network = m.TrainRows, len(m.Trainer.History()), describeNetwork(m.Net.Arch)
	}
	if withCustomers {
		out.Customers = res.Customers
	}
	return out
}

// listOfKs writes the list lengths --evaluate measures ("5, 10 and 20").
func listOfKs() string {
	ks := make([]string, len(recommend.Ks))
	for i, k := range recommend.Ks {
		ks[i] = strconv.Itoa(k)
	}
	if len(ks) < 2 {
		return strings.Join(ks, "")
	}
	return strings.Join(ks[:len(ks)-1], ", ") + " and " + ks[len(ks)-1]
}

// leftOutOfItems says what reading the log for recommendation left out
// beside cancellations: the excluded items' lines and the orders without
// an item ("" when nothing was).
func leftOutOfItems(l *recommend.Log) string {
	var parts []string
	if len(l.Excluded) > 0 {
		parts = append(parts, fmt.Sprintf("the %s lines of %s (--exclude-items)", data.Thousands(l.ExcludedLines), strings.Join(l.Excluded, ", ")))
	}
	if l.WithoutItems > 0 {
		parts = append(parts, fmt.Sprintf("%s orders without an item in column %s", data.Thousands(l.WithoutItems), l.ItemColumn))
	}
	if l.ReturnedLines > 0 {
		parts = append(parts, fmt.Sprintf("%s lines of items their customer cancelled or returned in full (%s orders with nothing else; a history ending before the return keeps them)",
			data.Thousands(l.ReturnedLines), data.Thousands(l.ReturnedOrders)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "; left out: " + strings.Join(parts, ", ")
}
