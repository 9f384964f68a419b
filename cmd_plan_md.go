package main

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// planDoc is a plan report with what the command knows around it.
type planDoc struct {
	report *experiment.PlanReport
	bundle *experiment.Bundle
	// data names the customers' file (or the built-in population);
	// logPath is the --log file ("" for none or standard input).
	data, logPath string
	// guessed says the target came from the label's name, and byDefault
	// that the name said nothing of which class is good or bad.
	guessed, byDefault bool
	// defaults lists the assumptions left at their defaults.
	defaults []string
	// short counts the customers with a short history (an order log's).
	short int
	// chance and majority are the chance sentence (chanceSentence) and
	// the majority-class rate (experiment.MajorityRate) of the model's
	// validation rows, computed once per document (withModelFigures).
	chance   string
	majority float64
	// extrapolating holds, per column and end of its kept range beyond
	// which many customers lie, the warning printCellNotes prints
	// (Pipeline.ClipWarnings): the plan's probabilities are then the
	// model's extrapolation.
	extrapolating []string
	// suggestions are the plan's suggestions for the platform
	// (experiment.PlatformSuggestions).
	suggestions []experiment.PlatformSuggestion
	// bgnbd is BG/NBD's fit when it scored the customers (--scorer
	// bgnbd): the model file's validation figures, calibration,
	// extrapolation warnings, drivers and levers are the network's and
	// are left out (nil: the network scored them).
	bgnbd *bgnbdScoring
}

// withModelFigures returns d with its chance sentence and majority-class
// rate computed from the bundle's validation metrics.
func (d planDoc) withModelFigures() planDoc {
	if d.bgnbd != nil {
		d.majority, d.extrapolating = math.NaN(), nil
		return d
	}
	d.chance = chanceSentence(d.bundle.ValidationMetrics)
	d.majority = experiment.MajorityRate(d.bundle.ValidationMetrics)
	return d
}

// planActionsShown caps the segment × risk cells the Markdown lists (the
// JSON has them all).
const planActionsShown = 12

// planJSON is the JSON document of `retain plan --json`.
type planJSON struct {
	Model      string              `json:"model"`
	Data       string              `json:"data"`
	Guessed    bool                `json:"target_guessed_from_label"`
	Defaults   []string            `json:"defaults_used,omitempty"`
	Caveat     string              `json:"caveat"`
	Validation []experiment.Figure `json:"validation,omitempty"`
	// MajorityRate is the accuracy of predicting the more common class
	// for every validation row, the rate accuracy is read against.
	MajorityRate *float64 `json:"majority_class_rate,omitempty"`
	// Chance says the model ranks its validation rows no better than at
	// random (experiment.RanksAtChance), in a sentence; "" when it does
	// better.
	Chance string `json:"no_better_than_chance,omitempty"`
	// Why says why an encouraging plan contacts the least likely first
	// (planWhy); omitted otherwise.
	Why string `json:"ranking_note,omitempty"`
	// Short counts the customers with a short history, ShortNote says
	// what it means (an order log's; omitted when none).
	Short     int    `json:"short_history,omitempty"`
	ShortNote string `json:"short_history_note,omitempty"`
	Note      string `json:"validation_note,omitempty"`
	// RandomSplit says, for a model trained on an order log, that its
	// validation figures are a random split at its training cutoff, and
	// which command measures it out of time (randomSplitNote).
	RandomSplit string `json:"validation_random_split,omitempty"`
	// NotCalibrated says, when the model's Platt scaling was not applied
	// (too few validation rows), that the plan adds up the network's own
	// probabilities; omitted otherwise.
	NotCalibrated string `json:"probabilities_not_calibrated,omitempty"`
	// Extrapolating holds the warnings of columns for which many
	// customers lie beyond the range the model keeps (omitted when none).
	Extrapolating []string `json:"extrapolating,omitempty"`
	// Suggestions are the suggestions for the platform, each with the
	// figure it rests on (experiment.PlatformSuggestions).
	Suggestions []experiment.PlatformSuggestion `json:"platform_suggestions,omitempty"`
	// Scorer is what gave the probabilities: "network" or "bgnbd"; under
	// bgnbd, BGNBD is the fit and ScorerNote says what it means, and the
	// network's validation figures, drivers and levers are left out.
	Scorer     string                 `json:"scorer"`
	BGNBD      *experiment.BGNBDFit   `json:"bgnbd_fit,omitempty"`
	ScorerNote string                 `json:"scorer_note,omitempty"`
	Plan       *experiment.PlanReport `json:"plan"`
}

// planCaveat is said wherever the figures are.
const planCaveat = "Expectations under your assumptions and the model's probabilities: " +
	"the model's association, not a measured effect of the campaign."

func (d planDoc) jsonDoc() planJSON {
	if d.bgnbd != nil {
		return planJSON{Model: d.bundle.File, Data: d.data, Guessed: d.guessed, Defaults: d.defaults, Caveat: planCaveat,
			Plan: d.report, Why: planWhy(d.report), Short: d.short, ShortNote: d.shortNote(), Suggestions: d.suggestions,
			Scorer: experiment.ScorerBGNBD, BGNBD: &d.bgnbd.fit, ScorerNote: d.bgnbdNote()}
	}
	return planJSON{Model: d.bundle.File, Data: d.data, Guessed: d.guessed, Defaults: d.defaults, Caveat: planCaveat,
		Validation: experiment.ValidationFigures(d.bundle.ValidationMetrics), Note: d.bundle.ValidationNote, Plan: d.report,
		MajorityRate: finite(d.majority), Chance: d.chance, Why: planWhy(d.report),
		Short: d.short, ShortNote: d.shortNote(), NotCalibrated: notCalibratedNote(d.bundle.CalibrationDropped),
		Extrapolating: d.extrapolating, RandomSplit: randomSplitNote(d.bundle, d.logPath), Suggestions: d.suggestions,
		Scorer: experiment.ScorerNetwork}
}

// bgnbdNote says, under --scorer bgnbd, what gave the plan's
// probabilities and what of the model file does not apply to them.
func (d planDoc) bgnbdNote() string {
	g := d.bgnbd
	return fmt.Sprintf("The probabilities are BG/NBD's (--scorer bgnbd): P(at least one order within %d days after %s), "+
		"BG/NBD fitted on %s. The model file gives the horizon and the customers' columns (segments, values), not the "+
		"probabilities: its validation figures, drivers, levers and reasons are the network's and are not available here.",
		g.horizonDays, g.cutoff.Format(time.DateOnly), describeBGNBD(g.fit))
}

// notCalibratedNote says that the probabilities a plan adds up are the
// network's own, since the calibration the model was trained with was not
// applied (the model file's calibration_not_applied), and why; "" when the
// model's calibration was applied or none was asked for.
func notCalibratedNote(d *experiment.CalibrationDropped) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("The probabilities are the network's own, not calibrated (the %s %s rows hold %s positive and %s negative: "+
		"too few to fit Platt scaling, which needs at least %d of each class and %s rows at this positive rate): "+
		"expected counts may be off.",
		data.Thousands(d.Rows), d.FitPart, data.Thousands(d.Positives), data.Thousands(d.Rows-d.Positives),
		d.MinClassRows, data.Thousands(d.MinRows))
}

// shortNote says how many customers have a short history and what it
// means for their probabilities, as stderr says it when they are scored;
// "" when none has.
func (d planDoc) shortNote() string {
	if d.short == 0 {
		return ""
	}
	who := fmt.Sprintf("%s of the %s customers have", data.Thousands(d.short), data.Thousands(d.report.Customers))
	switch {
	case d.short == d.report.Customers && d.short == 1:
		who = "The customer has"
	case d.short == d.report.Customers:
		who = fmt.Sprintf("All %s customers have", data.Thousands(d.short))
	case d.short == 1:
		who = fmt.Sprintf("1 of the %s customers has", data.Thousands(d.report.Customers))
	}
	return fmt.Sprintf("%s a short history (first order fewer than %d days before the cutoff): the model sees less of "+
		"their behaviour, so their probabilities, and the plan's figures for them, are less sure.", who, data.ShortHistoryDays)
}

// planWhy says, under a plan that encourages the outcome and contacts
// someone, why it contacts the customers least likely to have it first
// while eval's gains, lift and bands rank the most likely first, as the
// Plan screen does; "" otherwise.
func planWhy(r *experiment.PlanReport) string {
	if r.Target != "encourage" || r.Best.Contacted == 0 || r.Best.TooSmall() {
		return ""
	}
	first := "The least likely first, as a contact can only convert a customer who would not convert anyway (success × (1 − P) each)"
	if r.ValueColumn != "" {
		first = "Ranked by (1 − P) × value, as a contact can only convert a customer who would not convert anyway"
	}
	return first + "; the gains, lift and bands of `retain eval` rank the most likely first to measure the model, not to choose whom to contact."
}

// chanceSentence says, when the model ranks its validation rows (r) no
// better than at random (the Evaluate screen's rule,
// experiment.RanksAtChance), that the plan's ranking is no better than a
// random list; "" otherwise.
func chanceSentence(r *metrics.Report) string {
	at, lift := experiment.RanksAtChance(r)
	if !at {
		return ""
	}
	return fmt.Sprintf("The model ranks its validation rows no better than at random (lift of the top 20 %% %.1f×): "+
		"the plan's ranking and expected figures are no better than those of a random list.", lift)
}

// finite is &v, or nil for NaN.
func finite(v float64) *float64 {
	if v != v {
		return nil
	}
	return &v
}

// markdown writes the report.
func (d planDoc) markdown(out io.Writer) error {
	w := bufio.NewWriter(out)
	r := d.report
	verb := map[string]string{"prevent": "prevent", "encourage": "encourage"}[r.Target]
	fmt.Fprintf(w, "# Retention plan: %s %s\n\n", verb, r.Outcome)
	fmt.Fprintf(w, "Model `%s`, trained on %s. Customers: %s from %s.\n\n", filepath.Base(d.bundle.File), d.bundle.SourceDescription,
		data.Thousands(r.Customers), d.data)
	if n := d.shortNote(); n != "" {
		fmt.Fprintf(w, "%s\n\n", n)
	}
	if d.bgnbd != nil {
		fmt.Fprintf(w, "**Scored by BG/NBD.** %s\n\n", d.bgnbdNote())
	}
	fmt.Fprintf(w, "**%s**\n\n", r.Headline)
	if why := planWhy(r); why != "" {
		fmt.Fprintf(w, "%s\n\n", why)
	}
	// What the plan rests on: where a contact starts to pay, and how the
	// plan moves with the success rate, an assumption.
	fmt.Fprintf(w, "%s %s\n\n", experiment.BreakEvenSentence(r), experiment.SensitivitySentence(r))
	if c := d.chance; c != "" {
		fmt.Fprintf(w, "**Warning: %s**\n\n", c)
	}
	for _, x := range d.extrapolating {
		fmt.Fprintf(w, "**Warning:** %s.\n\n", x)
	}
	if n := notCalibratedNote(d.bundle.CalibrationDropped); n != "" && d.bgnbd == nil {
		fmt.Fprintf(w, "**Note:** %s\n\n", n)
	}
	if u := r.BestWithoutBudget; r.BudgetBinds() {
		fmt.Fprintf(w, "The budget binds: without it the best is to contact %s (%s), net value %s.\n\n",
			data.Thousands(u.Contacted), experiment.Percent(u.Share), experiment.Money(u.Net))
	}
	fmt.Fprintf(w, "%s\n\n", planCaveat)
	d.assumptions(w)
	d.curve(w)
	d.segments(w)
	d.actions(w)
	d.drivers(w)
	d.platform(w)
	d.contacts(w)
	d.validation(w)
	return w.Flush()
}

func (d planDoc) assumptions(w io.Writer) {
	r := d.report
	a := r.Assumptions
	def := func(name string) string {
		if slices.Contains(d.defaults, name) {
			return " (default)"
		}
		return ""
	}
	fmt.Fprintf(w, "## Assumptions\n\n| | |\n|---|---|\n")
	target := r.Target + " " + r.Outcome
	switch {
	case d.guessed && d.byDefault:
		target += " (a default guess: " + nameSaysNothing + "; --target to change)"
	case d.guessed:
		target += " (guessed from the label's name; --target to change)"
	}
	fmt.Fprintf(w, "| target | %s |\n", target)
	switch {
	case a.BudgetShare > 0:
		fmt.Fprintf(w, "| budget | %s of customers (at most %s) |\n", experiment.Percent(a.BudgetShare), data.Thousands(r.Plan.MaxContacts))
	case a.BudgetMoney > 0:
		fmt.Fprintf(w, "| budget | %s (at most %s contacts) |\n", experiment.Money(a.BudgetMoney), data.Thousands(r.Plan.MaxContacts))
	default:
		fmt.Fprintf(w, "| budget | none |\n")
	}
	fmt.Fprintf(w, "| cost per contact | %s%s |\n", experiment.Money(a.CostPerContact), def("cost"))
	if r.ValueColumn != "" {
		fmt.Fprintf(w, "| value of a customer | per customer, column `%s`%s |\n", r.ValueColumn, valueReadNote(r))
	} else {
		fmt.Fprintf(w, "| value of a customer | %s%s |\n", experiment.Money(a.Value), def("value"))
	}
	fmt.Fprintf(w, "| success rate | %s%s: your assumption of the share of contacted customers whose outcome the action changes |\n",
		experiment.Percent(a.Success), def("success"))
	rank := "P(" + r.Outcome + ")"
	switch {
	case r.Target == "encourage" && r.ValueColumn != "":
		rank = "(1 − P(" + r.Outcome + "))"
	case r.Target == "encourage":
		rank = "1 − P(" + r.Outcome + ")"
	}
	if r.ValueColumn != "" {
		rank += " × value: the expected value at stake"
		if r.Target == "encourage" {
			rank += " a contact can win"
		}
	}
	fmt.Fprintf(w, "| ranking | by %s, highest first |\n\n", rank)
	if r.Target == "encourage" {
		fmt.Fprintf(w, "A contact can only change the outcome of a customer who would not have it anyway: the plan contacts "+
			"the customers least likely to have %s without a contact first, and expects success × (1 − P) of each to "+
			"convert. Customers who would convert anyway are not counted as converted.\n\n", r.Outcome)
	}
}

func (d planDoc) curve(w io.Writer) {
	r := d.report
	changed := "kept"
	if r.Target == "encourage" {
		changed = "converted"
	}
	fmt.Fprintf(w, "## Net value by share contacted\n\n")
	fmt.Fprintf(w, "| share | contacted | mean P | expected %s | expected value | cost | net value | ROI |\n", changed)
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|\n")
	// The rows the Plan screen shows too, each share with the decimals
	// that tell it from the others (4,335 and 4,339 of 4,339 are 99.9 %
	// and 100 %).
	shown, labels, best := r.CurveRows()
	for i, p := range shown {
		switch {
		case i == best:
			labels[i] = "**best: " + labels[i] + "**"
		case !p.InBudget:
			labels[i] += " (over budget)"
		}
	}
	// The three money columns written alike, all whole or all to the
	// cent ("339" never above "25.00", and value − cost gives the net
	// shown), as the TUI's Plan screen writes them.
	money := moneyColumn(3*len(shown), func(i int) float64 {
		p := shown[i/3]
		return [3]float64{p.Value, p.Cost, p.Net}[i%3]
	})
	value, cost, net := make([]string, len(shown)), make([]string, len(shown)), make([]string, len(shown))
	for i := range shown {
		value[i], cost[i], net[i] = money[3*i], money[3*i+1], money[3*i+2]
	}
	for i, p := range shown {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", labels[i], data.Thousands(p.Contacted), prob(p.MeanProb),
			experiment.Count(p.Outcomes), value[i], cost[i], net[i], roi(p.ROI))
	}
	fmt.Fprintln(w)
}

func (d planDoc) segments(w io.Writer) {
	r := d.report
	title := "Segments (predicted P × value)"
	if r.SegmentKind == "rfm" {
		title = "Segments (RFM cells: quintile scores of recency, frequency and spend)"
	}
	fmt.Fprintf(w, "## %s\n\n| segment | customers | share | high P | mean P | value | value in play | contacted |\n", title)
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|\n")
	value := moneyColumn(len(r.Segments), func(i int) float64 { return r.Segments[i].Value })
	stake := moneyColumn(len(r.Segments), func(i int) float64 { return r.Segments[i].ValueInPlay })
	for i, c := range r.Segments {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Segment, data.Thousands(c.Customers),
			experiment.Percent(c.Share), data.Thousands(c.HighRisk), prob(c.MeanProb), value[i], stake[i], data.Thousands(c.Contacted))
	}
	fmt.Fprintf(w, "\nP: the model's probability of %s. High P: the customers in the top 20 %% of it; medium: the next 30 %%; low: the rest — levels relative to these customers, so a low one can still be a high probability. %s Contacted: the customers of the best plan.\n\n", r.Outcome, inPlayMeaning(r))
}

func (d planDoc) actions(w io.Writer) {
	r := d.report
	cells := slices.Clone(r.Actions)
	slices.SortStableFunc(cells, func(p, q experiment.SegmentAction) int {
		switch {
		case p.ValueInPlay > q.ValueInPlay:
			return -1
		case p.ValueInPlay < q.ValueInPlay:
			return 1
		}
		return 0
	})
	fmt.Fprintf(w, "## Suggested actions\n\nLargest value in play first (what a contact can change, as in the segments above). The action is a fixed playbook per segment: one for the customers the best plan contacts, whatever their P level, one for those it leaves out (— where the cell has none); the drivers are the model's mean attributions to P in the cell.\n\n")
	fmt.Fprintf(w, "| segment | P level | customers | contacted | value in play | action if contacted | if not contacted | main drivers |\n|---|---|---:|---:|---:|---|---|---|\n")
	top := cells[:min(planActionsShown, len(cells))]
	stake := moneyColumn(len(top), func(i int) float64 { return top[i].ValueInPlay })
	for i, c := range top {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", c.Segment, c.Risk, data.Thousands(c.Customers),
			data.Thousands(c.Contacted), stake[i], actionCell(c.Contact), actionCell(c.Others), driverList(c.Drivers))
	}
	if len(cells) > planActionsShown {
		fmt.Fprintf(w, "\n%d smaller cells are in --json.\n", len(cells)-planActionsShown)
	}
	fmt.Fprintln(w)
}

// inPlayMeaning says what a plan's "value in play" is: the value of the
// outcomes a contact can change, Σ P × value preventing the outcome and
// Σ (1 − P) × value encouraging it.
func inPlayMeaning(r *experiment.PlanReport) string {
	if r.Target == "encourage" {
		return "Value in play: Σ (1 − P) × value, the value a contact could win (a customer who would convert anyway is not won by it), before the success rate."
	}
	return "Value in play: Σ P × value, the value a contact could save, before the success rate."
}

// actionCell writes an action, "—" for none.
func actionCell(a *experiment.Action) string {
	if a == nil {
		return "—"
	}
	return a.String()
}

func (d planDoc) drivers(w io.Writer) {
	r := d.report
	if len(r.Drivers) == 0 {
		return
	}
	fmt.Fprintf(w, "## Main drivers\n\nMean integrated-gradients attribution to P(%s), against the mean training customer (estimated from a sample of at most 64 customers per segment and P level).\n\n", r.Outcome)
	fmt.Fprintf(w, "| column | mean effect on P | mean size |\n|---|---:|---:|\n")
	for _, dr := range r.Drivers {
		fmt.Fprintf(w, "| %s | %+.4f | %.4f |\n", dr.Column, dr.Mean, dr.MeanAbs)
	}
	fmt.Fprintln(w)
}

// platform writes the suggestions for the platform, the article's last
// step, each from a figure of this plan.
func (d planDoc) platform(w io.Writer) {
	if len(d.suggestions) == 0 {
		return
	}
	fmt.Fprintf(w, "## Suggestions for the platform\n\nDrawn from this plan's own figures, each named; what the model associates, not tested effects.\n\n")
	for _, s := range d.suggestions {
		fmt.Fprintf(w, "- %s\n", s.Text)
	}
	fmt.Fprintln(w)
}

func (d planDoc) contacts(w io.Writer) {
	r := d.report
	if len(r.Contacts) == 0 {
		return
	}
	fmt.Fprintf(w, "## First contacts of the best plan\n\n")
	switch {
	case d.bgnbd != nil:
		fmt.Fprintf(w, "Levers: not available under --scorer bgnbd (they move the network's inputs, not BG/NBD's).\n\n")
	case len(r.Levers) == 0:
		fmt.Fprintf(w, "No levers: give the columns the platform can influence with --levers (here or to train) to see each customer's most movable one.\n\n")
	default:
		fmt.Fprintf(w, "Lever: the change of one of %s within its training range, and at most a quarter of that range from the customer's value (in log units for a column the model takes in logs), that moves P most in the helpful direction, the rest unchanged (the model's association, not a tested effect).\n\n",
			strings.Join(r.Levers, ", "))
	}
	fmt.Fprintf(w, "| rank | customer | P | value | segment | suggested action | lever |\n|---:|---|---:|---:|---|---|---|\n")
	value := moneyColumn(len(r.Contacts), func(i int) float64 { return r.Contacts[i].Value })
	for i, c := range r.Contacts {
		lever := "—"
		if c.Lever != nil {
			lever = c.Lever.String(r.Outcome)
		}
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s |\n", c.Rank, c.ID, prob(c.Prob), value[i],
			c.Segment, c.Action, lever)
	}
	fmt.Fprintln(w)
}

func (d planDoc) validation(w io.Writer) {
	fmt.Fprintf(w, "## The model\n\n")
	if g := d.bgnbd; g != nil {
		fmt.Fprintf(w, "BG/NBD, fitted on %s. The model file's validation figures are the network's, not BG/NBD's; "+
			"`retain backtest --log %s --horizon %dd` measures both out of time on this log.\n", describeBGNBD(g.fit), d.logArg(), g.horizonDays)
		return
	}
	figs := experiment.ValidationFigures(d.bundle.ValidationMetrics)
	if figs == nil {
		fmt.Fprintf(w, "No validation figures in the model file (%s).\n", d.bundle.ValidationNote)
		return
	}
	fmt.Fprintf(w, "Measured on its %s validation rows, with 95 %% intervals; precision and recall are of %s = %s at threshold %.2f.\n\n",
		data.Thousands(d.bundle.ValidationRows), d.bundle.Label.Name, d.bundle.Label.Positive, d.bundle.Threshold)
	if n := randomSplitNote(d.bundle, d.logPath); n != "" {
		fmt.Fprintf(w, "%s\n\n", n)
	}
	fmt.Fprintf(w, "| figure | value | 95 %% interval | of |\n|---|---:|---|---:|\n")
	for _, f := range figs {
		fmt.Fprintf(w, "| %s | %.3f | %.3f – %.3f (%s) | %s |\n", f.Name, f.Value, f.Low, f.High, f.Method, data.Thousands(f.Of))
	}
	if m := d.majority; m == m {
		fmt.Fprintf(w, "\nAccuracy against the majority-class rate: %.3f — predicting the more common class for every row scores that.\n", m)
	}
	if c := d.chance; c != "" {
		fmt.Fprintf(w, "\n%s\n", c)
	}
}

// randomSplitNote says, for a model trained on an order log, that its
// validation figures are a random split of the customers at its training
// cutoff (`retain train` validates an order log so), not a measure out of
// time such as the plan's customers, later, stand in, and which command
// gives that figure (for the log at logPath, the plan's --log, else the
// model's own when it records it); "" for other models.
func randomSplitNote(b *experiment.Bundle, logPath string) string {
	h, ok := b.LogHorizon()
	if !ok {
		return ""
	}
	at, cutoffs := "its training cutoff", ""
	if c := b.Source.Cutoff; !c.IsZero() {
		at, cutoffs = "its training cutoff, "+c.Format(time.DateOnly), " --cutoffs "+c.Format(time.DateOnly)
	}
	path := logPath
	if path == "" {
		path = cmp.Or(b.Source.Path, "FILE")
	}
	return fmt.Sprintf("These are a random split of the customers at %s, not an out-of-time test, which is what planning for "+
		"customers at a later date calls for (their behaviour may have drifted). `retain backtest --log %s --horizon %dd%s` measures it "+
		"out of time (trained on the customers a horizon earlier, measured on those at the cutoff), beside BG/NBD.",
		at, path, h, cutoffs)
}

// prob writes a probability with 3 decimals ("—" for NaN).
func prob(p float64) string {
	if p != p {
		return "—"
	}
	return fmt.Sprintf("%.3f", p)
}

// roi writes a return on investment as a percent ("—" when nothing is
// spent).
func roi(v float64) string {
	if v != v {
		return "—"
	}
	pct := math.Round(v * 100)
	if !(math.Abs(pct) < 1e15) {
		return fmt.Sprintf("%.4g %%", pct)
	}
	return data.Thousands(int(pct)) + " %"
}

// driverList writes drivers as "tenure −0.081, Contract +0.052".
func driverList(ds []experiment.Driver) string {
	var parts []string
	for _, dr := range ds {
		parts = append(parts, fmt.Sprintf("%s %+.3f", dr.Column, dr.Mean))
	}
	if parts == nil {
		return "—"
	}
	return strings.Join(parts, ", ")
}

// moneyColumn writes the n amounts of one table column alike
// (experiment.MoneyColumn), amount(i) giving the i-th.
func moneyColumn(n int, amount func(i int) float64) []string {
	vs := make([]float64, n)
	for i := range vs {
		vs[i] = amount(i)
	}
	return experiment.MoneyColumn(vs)
}

// valueReadNote says how a value column's blank and negative cells were
// valued, e.g. "; blank cells: 11, valued at 2,283.30 as the model filled
// them"; "" when there were none.
func valueReadNote(r *experiment.PlanReport) string {
	note := ""
	if r.ValueBlanks > 0 {
		how := " as the model filled them"
		if r.ValueFillMean {
			how = ", the mean of the others (the model does not use the column)"
		}
		note += fmt.Sprintf("; blank cells: %s, valued at %s%s", data.Thousands(r.ValueBlanks),
			experiment.Money(r.ValueFill), how)
	}
	if r.ValueZeroed > 0 {
		note += fmt.Sprintf("; negative values counted as 0: %s", data.Thousands(r.ValueZeroed))
	}
	return note
}

// logArg is the --log file as a command would name it: FILE when the log
// came from standard input.
func (d planDoc) logArg() string {
	if d.logPath == "" {
		return "FILE"
	}
	return d.logPath
}
