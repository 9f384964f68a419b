package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// inspectOptions are the flags of `retain inspect`.
type inspectOptions struct {
	model string
}

func newInspectCmd(a *app) *cobra.Command {
	o := &inspectOptions{}
	cmd := &cobra.Command{
		Use:   "inspect --model FILE",
		Short: "Print everything a model file holds, in words",
		Long: `Print everything a saved model file holds, section by section: where its rows
came from (the file's path only if train was given --store-source-path), the
label and threshold, every input column with its role, imputation, clipping
range, log and scaling statistics and one-hot levels, the network's shape and
activations with a summary of its weights, the training settings, the
calibration, the validation metrics, the levers and the target.

No number a model file holds belongs to fewer than 10 customers: a range
bound is the mean of the 10th to 19th smallest or largest values and every
numeric input is clipped to its range (log(1+v) is used when the lower bound
is not negative), levels seen fewer than 10 times are folded into one "other"
level, and the other statistics are aggregates of every training row's
clipped value, a median or quartile the mean of the 10 values around it
(see the README, Privacy).`,
		Example: `  retain inspect --model model.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := loadModel(a, o.model)
			if err != nil {
				return classify(err)
			}
			return classify(writeInspect(a.stdout, b))
		},
	}
	cmd.Flags().StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagFilename("model", "json")
	return cmd
}

// writeInspect describes every field of the model file b.
func writeInspect(w io.Writer, b *experiment.Bundle) error {
	p := &printer{w: w}
	p.line("Model file %s: %s version %d, written %s", b.File, b.Format, b.Version, b.CreatedAt)
	p.section("Source")
	p.line("Trained on %s.", b.SourceDescription)
	s := b.Source
	p.line("Kind: %s.", s.Kind)
	if s.Path == "" && (s.Kind == "csv" || s.Kind == "log") {
		p.line("The file's path is not stored (train --store-source-path stores it).")
	} else if s.Path != "" {
		p.line("Path: %s (stored with --store-source-path).", s.Path)
	}
	if s.Label != "" {
		p.line("Label column asked for: %s.", s.Label)
	}
	if s.Users > 0 || s.DataSeed != 0 {
		p.line("Built-in population: %d users, data seed %d.", s.Users, s.DataSeed)
	}
	if s.Kind == "log" {
		p.line("Order log: cutoff %s, horizon %d days, %s, %s.",
			s.Cutoff.Format("2006-01-02"), s.HorizonDays, describeLogColumns(s.LogColumns), s.Features)
		if s.EventColumn != "" {
			p.line("An event log: only the lines whose %s is a purchase (%s) were orders.",
				s.EventColumn, strings.Join(data.PurchaseEvents(), ", "))
			if len(s.Features.Events) > 0 {
				counted := make([]string, len(s.Features.Events))
				for i, e := range s.Features.Events {
					counted[i] = fmt.Sprintf("%q (%s, %s)", e, data.EventFeatureName(e, data.ShortWindowDays), data.EventFeatureName(e, data.LongWindowDays))
				}
				p.line("Its other events counted as features, by type: %s.", strings.Join(counted, ", "))
			}
		}
		if s.StatusColumn != "" {
			p.line("Orders whose %s is a cancellation (%s) were counted as cancelled, not as orders.",
				s.StatusColumn, strings.Join(data.CancelledStatuses(), ", "))
		}
		if s.DetectedLogColumns != (data.LogColumns{}) {
			p.line("The log's columns as read, by role (the SQL export reads an orders table by these names): %s.",
				strings.TrimPrefix(describeLogColumns(s.DetectedLogColumns), "column roles "))
		}
		if s.ItemBaskets {
			p.line("The log had item ids and no quantity column: basket_size_avg counted the distinct items of an order.")
		}
		if s.DecimalCommas {
			p.line("Its amounts, prices or quantities were written with decimal commas (4,55): the SQL export needs them as numbers in the table.")
		}
		if _, ok := data.ParseTimeForm(string(s.TimeForm)); ok {
			p.line("The log's dates were %s; the SQL export reads the orders table's time column so (export --time-format).", s.TimeForm.Words())
		} else if s.TimeForm != "" {
			p.line("The log's dates were %s; the SQL export cannot read them so, and needs --time-format to say how the orders table writes them.", s.TimeForm.Words())
		}
		if order, err := data.ParseDateOrder(s.DateOrder); err == nil && order != data.DateAuto {
			p.line("Its dates were written with the year last, %s (--date-order %s); a log scored later whose own dates do not show the order is read the same way.",
				order.Words(), order)
		}
	}
	if len(s.Categorical) > 0 {
		p.line("Columns of numbers read as categorical codes (--categorical): %s.", strings.Join(s.Categorical, ", "))
	}
	if len(s.Exclude) > 0 {
		p.line("Columns left out of the features: %s.", strings.Join(s.Exclude, ", "))
	}
	p.section("Label and decision")
	p.line("Label %s: %q is the positive class (1), %q the negative (0).", b.Label.Name, b.Label.Positive, b.Label.Negative)
	p.line("Decision: positive when the probability is at least %s.", fnum(b.Threshold))
	if b.Target != nil {
		p.line("Target: %s the outcome %s = %s.", b.Target.Direction, b.Label.Name, b.Target.Class)
	}
	if len(b.Levers) > 0 {
		p.line("Levers (columns the platform can influence): %s.", strings.Join(b.Levers, ", "))
	}
	inspectPipeline(p, b.Pipeline)
	inspectNetwork(p, b)
	inspectTraining(p, b)
	inspectCalibration(p, b.Calibration, b.CalibrationDropped)
	inspectMetrics(p, b)
	p.section("Privacy")
	k := data.MinGroup
	p.line("No number above comes from fewer than %d training customers: a range bound is the mean of the %d values at", k, k)
	p.line("ranks %d to %d from its end, every numeric input is clipped to its range first, levels seen fewer than %d", k, 2*k-1, k)
	p.line("times fold into the other level, and so does the rarer value of a yes/no column that fewer than %d hold, means", k)
	p.line("and spreads are of the clipped values, a median or quartile is the mean of the %d values around it, a", k)
	p.line("was-missing input needs %d missing cells and fewer are not counted, the baseline and the calibration are", k)
	p.line("aggregates (a 0/1 input's baseline is 0 or 1 when fewer than %d training customers differ from it, an", k)
	p.line("isotonic map's points are means of blocks of at least %d rows), calibration bins of fewer than %d rows are", k, k)
	p.line("left out, and a gains group's lowest score and the best-F1 threshold are means of the %d validation scores", k)
	p.line("around their cut. The training rows fingerprint is one sum over every row, stored only for %d rows or more.", k)
	if c := b.Calibration; c != nil && c.Isotonic != nil && c.Isotonic.MinRows < k {
		p.line("Except this file's isotonic map, written by an older retain: its points are single rows' scores (see")
		p.line("Calibration); train again to replace it.")
	}
	return p.err
}

func inspectPipeline(p *printer, pl *data.Pipeline) {
	p.section("Input columns")
	o := pl.Options
	p.line("Preprocessing: missing numbers filled with the training %s, scaling %s, log(1+v) %s, missing-value indicators %s,",
		o.Impute, o.Scale, onOff(o.Log1p), onOff(o.MissingIndicators))
	p.line("duplicate training rows %s (%d dropped).", map[bool]string{true: "kept", false: "dropped"}[o.KeepDuplicates], pl.Duplicates)
	if pl.IDName != "" {
		p.line("Id column (not an input): %s.", pl.IDName)
	}
	if len(pl.Ignored) > 0 {
		p.line("Other columns of the training data, not inputs (rows may carry them): %s.", strings.Join(pl.Ignored, ", "))
	}
	for i := range pl.Columns {
		c := &pl.Columns[i]
		kind := c.Kind.String()
		if c.Date {
			kind = "date"
		}
		missing := fmt.Sprint(c.Missing)
		if c.FewMissing && c.Missing == 0 {
			missing = fmt.Sprintf("fewer than %d", data.MinGroup)
		}
		p.line("%d. %s (%s), inputs %d..%d; %s missing in training.", i+1, c.Name, kind, c.First+1, c.First+c.Width, missing)
		switch c.Kind {
		case data.Categorical:
			levels := c.Levels
			if c.Other {
				levels = levels[:len(levels)-1]
			}
			p.line("   one-hot levels (each seen at least %d times): %s", data.MinGroup, quoteAll(levels))
			if c.Other {
				p.line("   then %q: the levels seen fewer than %d times and any level never seen", c.Levels[len(c.Levels)-1], data.MinGroup)
			} else {
				p.line("   a level never seen encodes as all zeros")
			}
			p.line("   a missing value encodes as all zeros")
		case data.Boolean:
			if c.Presence() {
				p.line("   a blank (or missing) value = 0, %q = 1: present or blank", c.Levels[1])
			} else {
				p.line("   %q = 0, %q = 1; a missing value becomes %s (the mode)", c.Levels[0], c.Levels[1], fnum(c.Fill))
			}
			if c.RareFlag() {
				p.line("   its rarer value was held by fewer than %d training customers: it folds into the common one, as a rare level does,", data.MinGroup)
				p.line("   so every value reaches the model as %s and it cannot use the column", fnum(c.Min))
			}
		case data.Numeric:
			if c.Date {
				inspectDateColumn(p, c)
				break
			}
			p.line("   a missing value becomes %s; range [%s, %s] (means of the %dth to %dth smallest and largest training values)",
				fnum(c.Fill), fnum(c.Min), fnum(c.Max), data.MinGroup, 2*data.MinGroup-1)
			var steps []string
			if c.Clip {
				steps = append(steps, fmt.Sprintf("clipped to [%s, %s]", fnum(c.Min), fnum(c.Max)))
			}
			if c.Log {
				steps = append(steps, "log(1+v)")
			}
			steps = append(steps, fmt.Sprintf("minus %s, divided by %s", fnum(c.Center), fnum(c.Scale)))
			p.line("   transform: %s", strings.Join(steps, ", then "))
			if c.Marks != 0 {
				// data.NumberMarks' words: "numbers read without their
				// currency sign "$" and thousands separators".
				p.line("   its training file wrote its numbers with marks: %s", c.Marks)
			}
			if c.DecimalComma {
				p.line("   its training file (semicolon-separated) wrote decimal commas: in new semicolon files its points group thousands")
			}
			if c.Whole {
				p.line("   every training value is a whole number: levers are suggested at whole numbers")
			}
		}
		if c.Indicator {
			p.line("   plus a 0/1 input that is 1 when the value was missing")
		} else if pl.Options.MissingIndicators && c.Kind != data.Categorical && (c.Missing > 0 || c.FewMissing) {
			p.line("   no was-missing input: fewer than %d training cells were missing", data.MinGroup)
		}
	}
}

// inspectDateColumn describes a column of dates: its fill and range as
// dates, and the days before its latest date that the model sees.
func inspectDateColumn(p *printer, c *data.PipelineColumn) {
	p.line("   dates; a missing value becomes %s; range [%s, %s] (means of the %dth to %dth earliest and latest training dates)",
		data.FormatDay(c.Fill), data.FormatDay(c.Min), data.FormatDay(c.Max), data.MinGroup, 2*data.MinGroup-1)
	if how := c.DateOrder.Words(); how != "" {
		p.line("   dates written with the year last are read %s", how)
	}
	steps := []string{fmt.Sprintf("clipped to [%s, %s]", data.FormatDay(c.Min), data.FormatDay(c.Max)),
		fmt.Sprintf("days before %s (day %s since 1970-01-01)", data.FormatDay(c.Max), fnum(c.Max))}
	if c.Log {
		steps = append(steps, "log(1+days)")
	}
	steps = append(steps, fmt.Sprintf("minus %s, divided by %s", fnum(c.Center), fnum(c.Scale)))
	p.line("   transform: %s", strings.Join(steps, ", then "))
}

func inspectNetwork(p *printer, b *experiment.Bundle) {
	p.section("Network")
	a := b.Net.Architecture
	p.line("%s, loss %s.", describeNetwork(a), a.Loss)
	for i, l := range b.Net.Layers {
		lo, hi := minMax(l.Weights)
		blo, bhi := minMax(l.Biases)
		p.line("Layer %d: %d inputs → %s, %s; %d weights in [%s, %s], %s in [%s, %s].",
			i+1, l.Inputs, count(l.Outputs, "unit"), l.Activation, len(l.Weights), fnum(lo), fnum(hi),
			count(len(l.Biases), "bias"), fnum(blo), fnum(bhi))
	}
	if len(b.Baseline) > 0 {
		p.line("Baseline of explanations (the mean training user's inputs, in the network's input units):")
		for j, v := range b.Baseline {
			name := fmt.Sprint(j + 1)
			if j < len(b.Features) {
				name = b.Features[j]
			}
			p.line("   %s = %s", name, fnumInput(v))
		}
	}
}

func inspectTraining(p *printer, b *experiment.Bundle) {
	p.section("Training")
	p.line("%d training rows, %d validation rows; %d epochs trained, best epoch %d.",
		b.TrainRows, b.ValidationRows, b.EpochsTrained, b.BestEpoch)
	if b.DecayCheck != nil {
		p.line("%s", describeDecay(b.DecayCheck))
	}
	raw, err := json.MarshalIndent(b.Training, "   ", "  ")
	if err != nil {
		p.err = err
		return
	}
	p.line("Settings (as train recorded them):")
	p.line("   %s", raw)
	if fp := b.TrainingRows; fp != nil {
		p.line("Training rows fingerprint: %s rows summed to %s (the lowest 16 bits of a 64-bit hash of each row's every cell", data.Thousands(fp.Rows), fp.Sum)
		p.line("and label, added up, validation rows included): eval --data warns when it is given these rows again, in any order.")
	} else {
		p.line("No training rows fingerprint (an older file, an order log, or fewer than %d rows): eval cannot tell it is given its training rows again.", data.MinGroup)
	}
}

// calibPartNote names the part a calibration map was fitted on, when the
// file says.
func calibPartNote(c *experiment.Calibration) string {
	switch c.FittedOn {
	case experiment.CalibPart:
		return ", a calibration part held out from training and early stopping"
	case experiment.ValPart:
		return ", the validation part (held out from training; early stopping watched it too)"
	}
	return ""
}

func inspectCalibration(p *printer, c *experiment.Calibration, dropped *experiment.CalibrationDropped) {
	p.section("Calibration")
	switch {
	case c == nil && dropped != nil:
		p.line("None — %s.", dropped.Why())
	case c == nil:
		p.line("None: probabilities are the network's own.")
	case c.Platt != nil:
		op, b := "+", c.Platt.B
		if b < 0 {
			op, b = "−", -b
		}
		p.line("Platt scaling fitted on %d rows (%d positive)%s: P = 1/(1+exp(%s·logit(p) %s %s)).",
			c.Rows, c.Positives, calibPartNote(c), fnum(c.Platt.A), op, fnum(b))
	case c.Isotonic != nil:
		p.line("Isotonic map fitted on %d rows (%d positive)%s, %d points (network probability → calibrated):",
			c.Rows, c.Positives, calibPartNote(c), len(c.Isotonic.X))
		if k := c.Isotonic.MinRows; k > 0 {
			p.line("   each point is the mean probability and the mean label of a block of at least %d of those rows;", k)
			p.line("   between points the map is linear, beyond the ends constant.")
		} else {
			p.line("   written before blocks were pooled to %d rows: each point's probability is one row's score, and a", data.MinGroup)
			p.line("   step may hold fewer than %d rows; train again to replace it.", data.MinGroup)
		}
		for i := range c.Isotonic.X {
			p.line("   %s → %s", fnum(c.Isotonic.X[i]), fnum(c.Isotonic.Y[i]))
		}
	default:
		p.line("Method %s on %d rows.", c.Method, c.Rows)
	}
}

func inspectMetrics(p *printer, b *experiment.Bundle) {
	p.section("Validation metrics")
	m := b.ValidationMetrics
	if m == nil {
		p.line("None: %s.", b.ValidationNote)
		return
	}
	p.line("%d rows (%s positive, %s negative) at threshold %s:", m.Rows, fnum(m.Positives), fnum(m.Negatives), fnum(m.Threshold))
	p.line("   ROC AUC %.4f, average precision %.4f, log loss %.4f, Brier %.4f", m.ROCAUC, m.AveragePrecision, m.LogLoss, m.BrierScoreLoss)
	if iv := m.ROCAUCCI; iv != nil {
		p.line("   ROC AUC %s %% interval (%s): %s to %s", fnum(100*iv.Level), iv.Method, fnum(iv.Low), fnum(iv.High))
	}
	p.line("   accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f", m.Accuracy, m.Precision, m.Recall, m.F1)
	cm := m.Confusion
	p.line("   confusion: %+v", cm)
	p.line("   best F1 %.4f (precision %.4f, recall %.4f) at threshold %s (the mean of the %d scores around the cut)",
		m.BestF1.F1, m.BestF1.Precision, m.BestF1.Recall, fnum(m.BestF1.Threshold), data.MinGroup)
	p.line("   %d calibration bins of at least %d rows (bins of fewer are left out):", len(m.Calibration), data.MinGroup)
	for _, c := range m.Calibration {
		p.line("      probabilities (%s, %s]: %d rows, mean predicted %s, observed rate %s",
			fnum(c.Lower), fnum(c.Upper), c.Count, fnum(c.MeanPredicted), fnum(c.ObservedRate))
	}
	p.line("   %d gains groups (the highest-scored share targeted; lowest score: the mean of the %d scores around the cut):",
		len(m.Gains), data.MinGroup)
	for _, g := range m.Gains {
		p.line("      %d. %s targeted (%s %%): lowest score %s, %s positives (%s %% of all), lift %s",
			g.Group, fnum(g.Targeted), fnum(100*g.ShareTargeted), fnum(g.MinScore), fnum(g.Positives), fnum(100*g.ShareCaptured), fnum(g.Lift))
	}
}

// printer writes lines and remembers the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
	}
}

func (p *printer) section(title string) { p.line("\n%s", title) }

func fnum(v float64) string { return fmt.Sprintf("%.6g", v) }

// roundingNoise is the size below which an input-unit value is the rounding
// error of a sum that is zero by construction (the mean of z-scored inputs
// is 0 up to about 1e-15).
const roundingNoise = 1e-9

// fnumInput formats a value in the network's input units, showing a value
// that is zero up to rounding as 0 and the stored number beside it.
func fnumInput(v float64) string {
	if v != 0 && math.Abs(v) < roundingNoise {
		return fmt.Sprintf("0 (stored as %.3g: rounding)", v)
	}
	return fnum(v)
}

// count writes n with the noun, plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "s") {
		return fmt.Sprintf("%d %ses", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

func minMax(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	return slices.Min(xs), slices.Max(xs)
}

// describeLogColumns writes the column roles a model file records as
// --log-columns takes them ("column roles customer=id,time=date"), or says
// that they are detected when a log is read.
func describeLogColumns(c data.LogColumns) string {
	var pairs []string
	for _, r := range logColumnRoles(&c) {
		if *r.column != "" {
			pairs = append(pairs, r.role+"="+*r.column)
		}
	}
	if len(pairs) == 0 {
		return "column roles detected when a log is read (none named)"
	}
	return "column roles " + strings.Join(pairs, ",")
}
