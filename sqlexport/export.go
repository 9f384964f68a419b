package sqlexport

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// Options say what to write and against which tables.
type Options struct {
	Dialect Dialect
	// Table is the per-user table to score (default "users"); a dotted
	// name (schema.table) is quoted part by part.
	Table string
	// OrdersTable is the order log of an order-log model (default
	// "orders").
	OrdersTable string
	// Cutoff is the date the customers of an order-log model are scored
	// at; zero takes the table's last order date, as retain predict does.
	Cutoff time.Time
	// Columns names the orders table's columns by role; roles left empty
	// take the model's recorded ones (Source.LogColumns).
	Columns data.LogColumns
	// ID names the per-user table's id column when the model records none.
	ID string
	// TimeForm says how the orders table writes its time column (one of
	// data.TimeForms); "" takes the training log's form as the model
	// records it.
	TimeForm data.TimeForm
}

// ErrModel is matched by errors.Is when the model lacks what the SQL needs.
var ErrModel = errors.New("the model cannot be written as SQL")

// modelError wraps err so that it matches ErrModel.
type modelError struct{ err error }

func (e *modelError) Error() string        { return e.err.Error() }
func (e *modelError) Unwrap() error        { return e.err }
func (e *modelError) Is(target error) bool { return target == ErrModel }

// Write prints one SELECT scoring a table with the model b: the id column,
// the calibrated probability of the positive class, the predicted class at
// the model's threshold, and for an order-log model short_history (the
// text "true" or "false", as retain predict --log writes it: "true" for a
// first order fewer than 90 days before the cutoff). Errors match ErrModel
// when the model lacks what the SQL needs.
func Write(w io.Writer, b *experiment.Bundle, o Options) error {
	text, err := Build(b, o)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	return err
}

// Build returns the text Write prints.
func Build(b *experiment.Bundle, o Options) (string, error) {
	if b == nil || b.Pipeline == nil {
		return "", &modelError{errors.New("the model file holds no pipeline")}
	}
	if o.Table == "" {
		o.Table = "users"
	}
	if o.OrdersTable == "" {
		o.OrdersTable = "orders"
	}
	d := o.Dialect
	if d < 0 || int(d) >= len(dialectNames) {
		return "", fmt.Errorf("%w %v", ErrDialect, d)
	}
	var q query
	from, idName, log := "", "", b.Source.Kind == "log"
	extra := ""
	if log {
		// The columns named, then the log's as read (by header name, also
		// where training named them by number), then those named at
		// training (a log without a header records no names as read).
		o.Columns = merge(merge(o.Columns, b.Source.DetectedLogColumns), b.Source.LogColumns)
		if err := checkLogModel(b, o.Columns); err != nil {
			return "", &modelError{err}
		}
		var err error
		if from, err = orderFeatures(&q, d, b, o); err != nil {
			return "", &modelError{err}
		}
		// Keyed as predict --log keys the rows of a log of this layout:
		// by the name of its customer column.
		idName, _ = data.CohortIDNameFor(o.Columns.Customer)
		extra = ",\n  short_history"
	} else {
		idName = b.Pipeline.IDName
		if o.ID != "" {
			idName = o.ID
		}
		if idName == "" {
			return "", &modelError{errors.New("the model records no id column to key the scores by: name it with --id COLUMN")}
		}
		var err error
		if from, err = d.dateCells(&q, b.Pipeline, d.table(o.Table)); err != nil {
			return "", &modelError{err}
		}
	}
	inputs, err := d.inputs(b.Pipeline, !log)
	if err != nil {
		return "", &modelError{err}
	}
	if len(inputs) != len(b.Features) {
		return "", &modelError{fmt.Errorf("the pipeline makes %d inputs and the model lists %d features", len(inputs), len(b.Features))}
	}
	sel := make([]string, len(inputs))
	for j, e := range inputs {
		sel[j] = fmt.Sprintf("%s AS x%d", d.netInput(e), j)
	}
	id, keep := d.column(src, idName)+" AS id", ""
	if log {
		id, keep = "id", "short_history, "
	}
	q.cte("inputs", "SELECT "+id+", "+keep+"\n  "+strings.Join(sel, ",\n  ")+"\n  FROM "+from+" AS "+src)
	q.hint, q.tail = d.materialized(), d.unmerged()
	last, err := d.layers(&q, b, "inputs", keep)
	if err != nil {
		return "", &modelError{err}
	}
	prob, err := d.calibrated(b.Calibration, "p")
	if err != nil {
		return "", &modelError{err}
	}
	thr, err := num(b.Threshold)
	if err != nil || !(b.Threshold > 0 && b.Threshold < 1) {
		return "", &modelError{fmt.Errorf("threshold %v is not in (0, 1)", b.Threshold)}
	}
	probName := d.ident("probability_" + b.Label.Name + "_" + b.Label.Positive)
	q.cte("scores", "SELECT id, "+keep+prob+" AS probability\n  FROM "+last)
	// A row the SELECT cannot read has a NULL probability and no class.
	final := "SELECT id AS " + d.ident(idName) + ",\n  probability AS " + probName + ",\n  CASE WHEN probability IS NULL THEN NULL WHEN probability >= " + thr +
		" THEN " + d.str(b.Label.Positive) + " ELSE " + d.str(b.Label.Negative) + " END AS " +
		d.ident("predicted_"+b.Label.Name) + extra + "\nFROM scores\nORDER BY id"
	header := fmt.Sprintf("-- retain model: P(%s = %s), threshold %s, dialect %s\n",
		oneLine(b.Label.Name), oneLine(b.Label.Positive), thr, d)
	// What retain predict reads and this SELECT does not (Limits), so
	// that the text itself says where the two can differ.
	for _, l := range Limits(b, o) {
		header += "-- note: " + oneLine(l) + "\n"
	}
	var out strings.Builder
	if err := q.write(&out, header, final); err != nil {
		return "", err
	}
	return out.String(), nil
}

// oneLine keeps a name on the comment's line.
func oneLine(s string) string { return strings.NewReplacer("\n", " ", "\r", " ").Replace(s) }

// merge fills the empty roles of c with the model's. Amount and price are
// one choice (an amount wins): when c names either, the model's are not
// taken.
func merge(c, model data.LogColumns) data.LogColumns {
	fill := func(a *string, b string) {
		if *a == "" {
			*a = b
		}
	}
	fill(&c.Customer, model.Customer)
	fill(&c.Time, model.Time)
	if c.Amount == "" && c.Price == "" {
		c.Amount, c.Price = model.Amount, model.Price
	}
	fill(&c.Quantity, model.Quantity)
	fill(&c.Order, model.Order)
	fill(&c.Item, model.Item)
	fill(&c.Event, model.Event)
	fill(&c.Status, model.Status)
	return c
}
