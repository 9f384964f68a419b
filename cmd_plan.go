package main

import (
	"bytes"
	"context"
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
	"github.com/retainlab/retain/pseudonym"
)

// planOptions are the flags of `retain plan`.
type planOptions struct {
	model, data             string
	log, cutoff, logColumns string
	dateOrder               string
	scorer                  string // --scorer: network (the model's) or bgnbd
	budget, value, target   string
	cost, success           float64
	levers                  []string
	json                    bool
	out                     string
	contactsOut             string // --contacts-out: where the whole target list goes
	pseudo                  pseudoFlags
}

// Defaults of the plan's assumptions; the report says which were taken.
// Together they make a contact pay for itself from a probability of
// cost ÷ (value × success) = 0.1.
const (
	defaultCost    = 1.0
	defaultValue   = 100.0
	defaultSuccess = 0.1
)

func newPlanCmd(a *app) *cobra.Command {
	o := &planOptions{}
	cmd := &cobra.Command{
		Use:   "plan --model FILE [--data FILE | --log FILE [--cutoff DATE]] [--budget N|N%] [--cost C] [--value V|COLUMN] [--success S]",
		Short: "Write a retention plan: whom to contact, what it is worth, what to do (Markdown)",
		Long: `Score the customers with a saved model and write a campaign plan in Markdown:
the headline, net value against the share of customers contacted (its best
point within the budget), segments (RFM cells for an order log, value levels
for a per-user table) crossed with the predicted risk, a suggested action per
segment for the customers the plan contacts and one for those it leaves out,
with the model's drivers there, suggestions for the platform drawn from
these figures, the first contacts with their most movable lever, and the
model's validation figures with 95 % intervals.

The figures are expectations under your assumptions — the cost of a contact,
the value of a customer kept or converted, and the share of contacted
customers whose outcome the action changes (--success) — and under the
model's probabilities: the model's association, not a measured effect of a
campaign.

--target says whether the campaign prevents the outcome (churn) or encourages
it (a purchase); by default it is guessed from the label's name (churn,
cancel, leave… prevent the positive class; anything else encourages it).
Preventing a purchase label's positive class acts on its negative class:
on an order log, --target prevent acts on "no order in the horizon".

--contacts-out FILE writes every customer the plan contacts, in the plan's
order, as CSV (the list the Plan screen's x exports): id, probability,
band, segment, p_level, action, lever, value (the customer's value the plan
ranked by), expected_gain (success × P × value − cost, with 1 − P to
encourage: the list adds up to the net value), reason_1 … reason_3. The
report lists only the first contacts; this is the whole list. With --out
FILE, --contacts-out - writes the list to stdout instead.

--scorer bgnbd (with --log) plans on BG/NBD's probabilities instead of the
network's: each customer's P(at least one order in the model's horizon), BG/NBD
fitted on the log up to the cutoff (1 − P for --target prevent), for a log
where retain backtest shows BG/NBD ahead. Expected values, the contact list
and the value in play are computed the same way; drivers, levers and reasons,
which explain the network, are left out and the plan says so.

Without --data or --log, a model trained on the built-in shop plans for the
built-in population it was trained on.`,
		Example: `  retain plan --model model.json --data users.csv --budget 10% --cost 2 --value 120 --success 0.2
  retain plan --model log_model.json --log orders.csv --target prevent --value monetary_avg --out plan.md --contacts-out contacts.csv
  retain plan --model model.json --data users.csv --levers CouponUsed,HourSpendOnApp --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runPlan(cmd.Context(), a, o, cmd))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	inputFileVar(fs, &o.data, "data", "per-user CSV, Parquet or xlsx `FILE` (- for standard input) whose customers to plan for")
	inputFileVar(fs, &o.log, "log", "order log `FILE` (- for standard input) whose current customers to plan for (a model trained on an order log)")
	fs.StringVar(&o.cutoff, "cutoff", "", "plan for the customers of --log as of `DATE` (YYYY-MM-DD; default: the log's last date)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of --log's columns, as for train (default: the model's)")
	dateOrderVar(fs, &o.dateOrder)
	scorerVar(fs, &o.scorer)
	fs.StringVar(&o.budget, "budget", "", "most to spend, an `AMOUNT` (5000) or a share of customers (10%) (default: no limit)")
	fs.Float64Var(&o.cost, "cost", defaultCost, "cost of one contact")
	fs.StringVar(&o.value, "value", "", "value of a customer kept or converted: an `AMOUNT`, or a numeric COLUMN of the data, a feature or not (default 100)")
	fs.Float64Var(&o.success, "success", defaultSuccess, "your assumed `SHARE` of contacted customers whose outcome the action changes")
	fs.StringVar(&o.target, "target", "", "the outcome to act on: `prevent|encourage` (or prevent:CLASS, encourage:CLASS; default: the model file's, else from the label's name)")
	fs.StringSliceVar(&o.levers, "levers", nil, "feature `COLUMNS` the platform can influence (COLUMN:up or COLUMN:down moves a numeric one only that way; default: the model file's; \"\": none)")
	allowEmpty(cmd, "levers")
	fs.BoolVar(&o.json, "json", false, "write the plan as one JSON document instead of Markdown")
	o.pseudo.register(cmd)
	fs.StringVarP(&o.out, "out", "o", "", "write the plan to `FILE` (atomically) instead of stdout")
	fs.StringVar(&o.contactsOut, "contacts-out", "", "write every customer the plan contacts, in its order, as CSV to `FILE` (atomically; - for stdout when --out takes the plan)")
	_ = cmd.MarkFlagRequired("model")
	cmd.MarkFlagsMutuallyExclusive("data", "log")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("data", inputFileExts()...)
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	_ = cmd.MarkFlagFilename("out", "md", "json")
	_ = cmd.MarkFlagFilename("contacts-out", "csv")
	return cmd
}

// planFlags are the checked assumptions of the command line.
type planFlags struct {
	assumptions experiment.PlanAssumptions
	// valueColumn is --value when it names a column.
	valueColumn string
	// defaults lists the assumptions left at their defaults.
	defaults []string
}

// parsePlanFlags checks the assumption flags, each refusal one sentence.
func parsePlanFlags(o *planOptions, changed func(string) bool) (planFlags, error) {
	var f planFlags
	a := &f.assumptions
	if o.budget != "" {
		// The Plan screen's field reads a budget with the same parser.
		var err error
		if a.BudgetMoney, a.BudgetShare, err = experiment.ParseBudget(o.budget); err != nil {
			return f, usageError(fmt.Errorf("--budget %s: %s", o.budget, experiment.BudgetWant))
		}
	}
	if math.IsNaN(o.cost) || math.IsInf(o.cost, 0) || o.cost < 0 {
		return f, usageError(fmt.Errorf("--cost %g: want an amount ≥ 0, such as 2.5", o.cost))
	}
	if !(o.success > 0 && o.success <= 1) {
		return f, usageError(fmt.Errorf("--success %g: want a share above 0 and at most 1, such as 0.2", o.success))
	}
	a.CostPerContact, a.Success, a.Value = o.cost, o.success, defaultValue
	if o.value != "" {
		v, err := strconv.ParseFloat(o.value, 64)
		switch {
		case err == nil && (math.IsNaN(v) || math.IsInf(v, 0) || v < 0):
			return f, usageError(fmt.Errorf("--value %s: want an amount ≥ 0 or a numeric column, such as 120", o.value))
		case err == nil:
			a.Value = v
		default:
			f.valueColumn = o.value
		}
	}
	for _, name := range []string{"cost", "value", "success"} {
		if !changed(name) {
			f.defaults = append(f.defaults, name)
		}
	}
	return f, nil
}

func runPlan(ctx context.Context, a *app, o *planOptions, cmd *cobra.Command) (err error) {
	if o.log == "" {
		if err := modelDataFlags(o.cutoff, o.logColumns, o.dateOrder); err != nil {
			return err
		}
	}
	pf, err := parsePlanFlags(o, func(n string) bool { return cmd.Flags().Changed(n) })
	if err != nil {
		return err
	}
	bgnbd, err := checkScorer(o.scorer, o.log)
	if err != nil {
		return err
	}
	inputs := []inputFile{{"model", o.model}, {"data", o.data}, {"log", o.log}, {"salt-file", o.pseudo.salt}}
	if err := checkOutOrStdout(&o.out, inputs...); err != nil {
		return err
	}
	if err := checkContactsOut(o, inputs); err != nil {
		return err
	}
	key, err := o.pseudo.key(a)
	if err != nil {
		return err
	}
	// Under --pseudonymise no error quotes a cell that may name someone.
	defer func() { err = experiment.WithholdCells(key, err) }()
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	tf := targetFlags{target: o.target}
	target, note, err := tf.resolve(data.LabelSpec(b.Label), b)
	if err != nil {
		return err
	}
	in, err := planCustomers(ctx, a, o, b, key)
	if err != nil {
		return err
	}
	if in.personal, err = personalValues(a, key, b, in.columns); err != nil {
		return err
	}
	in.scored.IDs = rowIDs(key, in.scored.IDs, in.scored.IDName)
	in.tiesByID = key.Enabled()
	// The cells scored as other than they read, and the model
	// extrapolating, as predict says them for the same customers.
	if !bgnbd { // the cells the network read, not BG/NBD
		printCellNotes(a, b, in.scored, in.logCustomers, in.name, key, in.advice)
	}
	levers := b.Levers
	if cmd.Flags().Changed("levers") {
		levers = o.levers
	}
	if levers, err = experiment.CheckLevers(b.Pipeline, levers); err != nil {
		return usageError(fmt.Errorf("--levers: %w", err))
	}
	if bgnbd && len(levers) > 0 {
		fmt.Fprintf(a.stderr, "note: levers (%s) are not available under --scorer bgnbd: they move the network's inputs, not BG/NBD's\n",
			strings.Join(levers, ", "))
		levers = nil
	}
	contacts, err := buildPlan(b, in, pf, target, levers)
	if err != nil {
		return err
	}
	rep := contacts.Report
	fmt.Fprintln(a.stderr, note)
	if in.inSample != "" {
		fmt.Fprintln(a.stderr, "warning: "+in.inSample)
	}
	if n := notCalibratedNote(b.CalibrationDropped); n != "" && !bgnbd {
		fmt.Fprintln(a.stderr, "note: "+strings.ToLower(n[:1])+n[1:])
	}
	logPath := o.log
	if logPath == "-" {
		logPath = ""
	}
	doc := planDoc{report: rep, bundle: b, data: in.name, logPath: logPath, guessed: target.Guessed,
		byDefault: !experiment.NameJudges(target.Label), defaults: pf.defaults, short: in.short,
		extrapolating: b.Pipeline.ClipWarnings(in.scored.Beyond, len(in.scored.IDs), in.name),
		suggestions:   experiment.PlatformSuggestions(rep, experiment.CustomersBeyond(b.Pipeline, in.scored.Beyond, len(in.scored.IDs))), bgnbd: in.bgnbd}.withModelFigures()
	write := func(w io.Writer) error {
		if o.json {
			return writeJSON(w, doc.jsonDoc())
		}
		return doc.markdown(w)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if o.contactsOut != "" {
		if err := writeContacts(ctx, a, o.contactsOut, contacts); err != nil {
			return err
		}
	}
	if err := writeOut(ctx, a, o.out, write); err != nil || o.out == "" {
		return err
	}
	fmt.Fprintf(a.stderr, "Plan written to %s: %s\n", o.out, rep.Headline)
	return nil
}

// planData is the scored customers of a plan with the table of their
// rows, in order: the value columns and RFM segments are read from it.
type planData struct {
	scored *experiment.Scored
	table  *data.Table
	name   string
	// raw reads a numeric column's raw values (original units, NaN when
	// missing), one per scored row: not the model's inputs, which are
	// clipped to the k-anonymous range.
	raw func(pc *data.PipelineColumn) ([]float64, error)
	// tiesByID ranks tied customers by id: their ids are pseudonyms, and
	// the file's order would give them back (PlanInput.TiesByID).
	tiesByID bool
	// columns reads the scored rows' columns (under --pseudonymise), and
	// personal shows the values of those that name people as pseudonyms
	// in reasons and levers (nil: none).
	columns  scoredColumns
	personal *experiment.PersonalValues
	// inSample says why the probabilities are in-sample ("" when they
	// are not known to be), warned once the plan is made.
	inSample string
	// short counts an order log's customers with a short history
	// (data.CohortReport.ShortHistory; 0 for a per-user file).
	short int
	// logCustomers is an order log's table of customers, whose cells
	// printCellNotes names by customer (nil for a file, whose scored
	// rows carry their notes).
	logCustomers *data.Table
	// advice adds to an extrapolation warning why an order log's column
	// lies beyond its range when the log is scored at a later cutoff than
	// the model's (laterCutoffAdvice; nil otherwise).
	advice func(x data.Extrapolation) string
	// bgnbd is BG/NBD's fit when it scored the customers (--scorer
	// bgnbd), nil when the network did.
	bgnbd *bgnbdScoring
}

// own gives a customer's own raw value of a numeric column (NaN when
// missing), read once per column from the data (nil without raw values);
// a column that cannot be read gives NaN.
func (in planData) own() func(i int, pc *data.PipelineColumn) float64 {
	if in.raw == nil {
		return nil
	}
	read := map[string][]float64{}
	return func(i int, pc *data.PipelineColumn) float64 {
		vals, ok := read[pc.Name]
		if !ok {
			vals, _ = in.raw(pc)
			read[pc.Name] = vals
		}
		if i < 0 || i >= len(vals) {
			return math.NaN()
		}
		return vals[i]
	}
}

// tableValues reads a numeric column of t (the scored rows, in order).
func tableValues(t *data.Table) func(pc *data.PipelineColumn) ([]float64, error) {
	return func(pc *data.PipelineColumn) ([]float64, error) {
		c := t.Column(pc.Name)
		if c == nil || c.Values == nil {
			return nil, fmt.Errorf("%s: no numeric column %q", t.Source, pc.Name)
		}
		return c.Values, nil
	}
}

// planCustomers scores the customers: a per-user file, an order log's
// current customers, or the built-in population the model was trained on;
// an order log's notes as --pseudonymise (key) shows them.
func planCustomers(ctx context.Context, a *app, o *planOptions, b *experiment.Bundle, key *pseudonym.Key) (planData, error) {
	switch {
	case o.log != "":
		flags := sourceFlags{log: o.log, cutoff: o.cutoff, logColumns: o.logColumns, dateOrder: o.dateOrder}
		src, err := flags.source()
		if err != nil {
			return planData{}, err
		}
		if src, err = b.ForLog(src); err != nil {
			return planData{}, err
		}
		cur, err := experiment.LoadCurrent(src, a.open, time.Now())
		if err != nil {
			return planData{}, err
		}
		a.printLoadNotes(cur.Data().WithholdTypes(key))
		s, err := b.ScoreCurrent(cur)
		if err != nil {
			return planData{}, err
		}
		var bg *bgnbdScoring
		if o.scorer == experiment.ScorerBGNBD {
			if s.Scored, bg, err = scoreBGNBDFit(ctx, a, b, cur, s.Scored); err != nil {
				return planData{}, err
			}
		}
		fmt.Fprintln(a.stderr, cur.Summary())
		return planData{scored: s.Scored, table: cur.Table, name: o.log, raw: tableValues(cur.Table), columns: tableColumns(cur.Table),
			short: cur.Report.ShortHistory, logCustomers: cur.Table,
			advice: laterCutoffAdvice(b, cur.Source.Cutoff, o.log, o.model), bgnbd: bg}, nil
	case o.data != "":
		if err := b.ForTable(o.data); err != nil {
			return planData{}, err
		}
		raw, err := readAll(a, o.data)
		if err != nil {
			return planData{}, err
		}
		s, err := b.ScoreCSV(bytes.NewReader(raw), o.data)
		if err != nil {
			return planData{}, err
		}
		// The file as a table of its own, label and all, for any of its
		// numeric columns as the value column, as the Plan screen reads
		// the run's table.
		t, err := data.ReadCSV(bytes.NewReader(raw), o.data, data.CSVOptions{NoLabel: true})
		if err != nil {
			return planData{}, err
		}
		values := func(pc *data.PipelineColumn) ([]float64, error) {
			return b.Pipeline.ReadValues(bytes.NewReader(raw), o.data, pc.Name)
		}
		return planData{scored: s, table: t, name: o.data, raw: values, columns: fileColumns(b, raw, o.data),
			inSample: planInSample(b, o.model, o.data, raw, len(s.Probabilities))}, nil
	case b.Source.Kind == "builtin" || b.Source.Kind == "":
		d, err := experiment.Load(b.Source, a.open)
		if err != nil {
			return planData{}, err
		}
		s, err := b.ScoreTable(d.Table)
		return planData{scored: s, table: d.Table, name: d.Source.Describe(), raw: tableValues(d.Table), columns: tableColumns(d.Table),
			inSample: fmt.Sprintf("the plan scores %s, the users %s was trained on: their probabilities are in-sample, "+
				"surer than on users it has not seen, and so are the plan's expected figures", d.Source.Describe(), o.model)}, err
	}
	return planData{}, usageError(fmt.Errorf("plan needs --data or --log: %s was trained on %s", o.model, b.SourceDescription))
}

// planInSample says so when the table plan scores (raw, read once, so
// standard input works too) holds exactly the rows the model was trained
// on: the plan then ranks and counts on in-sample probabilities. A table
// without the label column cannot be told from others: "".
func planInSample(b *experiment.Bundle, model, name string, raw []byte, rows int) string {
	again := func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil }
	if !holdsTrainingRows(b, name, "", rows, again) {
		return ""
	}
	return fmt.Sprintf("%s holds exactly the %s rows %s was trained on (in any order): their probabilities are "+
		"in-sample, surer than on customers it has not seen, and so are the plan's expected figures; plan on customers "+
		"it has not seen", name, data.Thousands(rows), model)
}

// buildPlan turns the scored customers into the plan report, returned
// with what its whole target list is written from (bands by share).
func buildPlan(b *experiment.Bundle, in planData, pf planFlags, target experiment.Target, levers []string) (experiment.ContactList, error) {
	s := in.scored
	var x *experiment.Explainer
	var row func(i int) []float64
	if in.bgnbd == nil { // BG/NBD's scores: no drivers, levers or reasons
		var err error
		if x, err = b.ExplainerFor(s); err != nil {
			return experiment.ContactList{}, err
		}
		x.Personal = in.personal
		row = s.X.RawRowView
	}
	own := in.own()
	c := experiment.PlanCustomers{IDs: s.IDs, Pos: s.Probabilities, Table: in.table, Pipeline: b.Pipeline,
		Explainer: x, Row: row, Own: own, TiesByID: in.tiesByID}
	rep, seg, err := experiment.PlanFor(c, target, pf.valueColumn, experiment.PlanRequest{Assumptions: pf.assumptions, Levers: levers})
	if ve, ok := errors.AsType[*experiment.ValueColumnError](err); ok {
		return experiment.ContactList{}, usageError(fmt.Errorf("--value %s: not an amount, nor a numeric column of %s; its numeric columns: %s",
			ve.Name, in.name, strings.Join(ve.Numeric, ", ")))
	}
	return experiment.ContactList{Report: rep, Segments: seg, Target: target, Levers: levers, IDs: s.IDs,
		Explainer: x, Row: row, Own: own, Unexplained: in.bgnbd != nil}, err
}
