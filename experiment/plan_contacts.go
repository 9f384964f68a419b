package experiment

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/retainlab/retain/data"
)

// A contact list, written by ContactList.Write for `retain plan
// --contacts-out` and the Plan screen's export alike, is the whole target
// list of a plan: one header line, then one line per customer the plan
// contacts, in the plan's order (highest P × value first):
//
//	id,probability_orders_again_10d_yes,band,segment,p_level,action,lever,value,expected_gain,reason_1,reason_2,reason_3
//	a05,0.300712,10–20 %,Champions,medium,personal thank-you and early access now,recency_days 5 → 43: P(orders_again_10d = yes) 0.30 → 0.42,120,7.397152,frequency=6 (+0.2043),…
//
// The probability is that of the outcome the plan acts on (its label and
// class name the column), with 6 decimals (ProbabilityDecimals, as predict writes it); the band is the customer's band
// among all the plan's customers ranked by that probability (Banding.Label);
// segment, p_level and action are the customer's segment, its relative P
// level and its action (PlanReport.ActionOf: its segment's contact
// action), as the plan's contacts table says them; lever is the customer's most movable lever
// (LeverMove.String), empty when no lever is marked or none helps; value
// is v_i, the customer's value the plan ranked by (the --value amount or
// the customer's cell of the value column, as read: shortest exact
// decimal), and expected_gain s·q_i·v_i − c, what contacting the customer
// is expected to add under the assumptions (6 decimals; q_i = P to
// prevent, 1 − P to encourage), so that the list adds up to the plan's
// net value and can be re-ranked by hand; the
// reasons are the columns that moved the customer's probability most
// (FormatReason), empty when the model has fewer columns.

// ContactReasons is how many reasons each customer of a contact list gets.
const ContactReasons = 3

// ContactBlock is how many customers ContactList.Write explains, and
// finds the levers of, before writing them and reporting progress: the
// memory it holds besides the plan's.
const ContactBlock = 256

// ContactList is what the contact list of one plan is written from. Write
// only reads it, so one list may be written from another goroutine than
// the one that built it, as long as nobody changes what it points to.
type ContactList struct {
	// Report is the plan: Report.Plan ranks the customers and holds their
	// probabilities, Report.Best says how many are contacted.
	Report *PlanReport
	// Segments are the segments the plan was computed with.
	Segments *Segments
	// Target is the outcome the plan acts on: it names the probability
	// column, says which way a lever helps and words the lever's move.
	Target Target
	// Scheme cuts the plan's customers, ranked by probability, into the
	// bands of the band column.
	Scheme BandScheme
	// Levers are the columns the platform can influence (nil: the lever
	// column stays empty).
	Levers []string
	// IDs name the customers, as PlanInput.IDs (pseudonymised, when they
	// must be, before the plan is computed).
	IDs []string
	// Explainer and Row explain the customers: Row(i) is customer i's
	// transformed input.
	Explainer *Explainer
	Row       func(i int) []float64
	// Own, when not nil, gives customer i's own raw value of a column, as
	// PlanInput.Own.
	Own func(i int, pc *data.PipelineColumn) float64
	// Unexplained says the probabilities are not the network's (BG/NBD
	// scored the customers): Explainer and Row are then nil, and the
	// lever and reason columns stay empty, as the network's reasons would
	// not explain them.
	Unexplained bool
}

// Len is the number of customers the list holds: those the plan contacts.
func (l ContactList) Len() int {
	if l.Report == nil {
		return 0
	}
	return l.Report.Best.Contacted
}

// Header returns the contact list's CSV header.
func (l ContactList) Header() []string {
	head := []string{"id", "probability_" + l.Target.Label.Name + "_" + l.Target.Class(), "band", "segment", "p_level", "action", "lever",
		"value", "expected_gain"}
	for k := range ContactReasons {
		head = append(head, "reason_"+strconv.Itoa(k+1))
	}
	return head
}

// check refuses a list whose parts do not describe the same customers.
func (l ContactList) check() error {
	switch {
	case l.Report == nil || l.Report.Plan == nil || len(l.Report.contacted) != len(l.Report.Plan.probs):
		return errors.New("a contact list needs a plan")
	case !l.Unexplained && (l.Explainer == nil || l.Row == nil):
		return errors.New("a contact list needs an explainer and the customers' inputs")
	case l.Segments == nil || len(l.Segments.Names) != len(l.Report.Plan.probs) || len(l.Segments.Risk) != len(l.Segments.Names):
		return fmt.Errorf("%w: the segments do not cover the customers", ErrPlan)
	case len(l.IDs) != len(l.Report.Plan.probs):
		return fmt.Errorf("%w: %d ids for %d customers", ErrPlan, len(l.IDs), len(l.Report.Plan.probs))
	}
	return nil
}

// Write writes the list as CSV (see the format above), ContactBlock
// customers at a time: each block is explained, its levers found, then
// written and flushed, and progress (if not nil) is called with the
// customers written so far and the total. It stops with ctx.Err() when
// ctx is cancelled, leaving the blocks written so far: write to a
// temporary file (WriteFileAtomic) to leave nothing.
func (l ContactList) Write(ctx context.Context, w io.Writer, progress func(done, total int)) error {
	if err := l.check(); err != nil {
		return err
	}
	// The probability of the outcome, not what a contact can change
	// (1 − p for a plan that encourages it).
	probs := l.Report.Plan.outcome
	// Ties of probability fall in bands by id when the plan ranks its ties
	// so (pseudonyms), not in the file's order.
	bands := AssignBandsInOrder(probs, l.Report.Plan.tieOrder, l.Scheme)
	cw := csv.NewWriter(w)
	if err := cw.Write(l.Header()); err != nil {
		return err
	}
	contacted := l.Report.Plan.Contacted(l.Report.Best)
	if l.Unexplained {
		for _, i := range contacted {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := cw.Write(l.record(i, probs[i], bands, nil, Explanation{})); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}
	bx, err := l.Explainer.Batch()
	if err != nil {
		return err
	}
	inputs := make([][]float64, 0, ContactBlock)
	exs := make([]Explanation, ContactBlock)
	for start := 0; start < len(contacted); start += ContactBlock {
		if err := ctx.Err(); err != nil {
			return err
		}
		block := contacted[start:min(start+ContactBlock, len(contacted))]
		moves, err := l.moves(block)
		if err != nil {
			return err
		}
		inputs = inputs[:0]
		for _, i := range block {
			inputs = append(inputs, l.Row(i))
		}
		if err := bx.Explain(exs[:len(block)], inputs); err != nil {
			return fmt.Errorf("explaining customers %s…: %w", l.IDs[block[0]], err)
		}
		for k, i := range block {
			if l.Own != nil {
				l.Explainer.SetOwn(exs[k].Reasons, func(ci int) float64 { return l.Own(i, &l.Explainer.Pipeline.Columns[ci]) })
			}
			if err := cw.Write(l.record(i, probs[i], bands, moves[k], exs[k])); err != nil {
				return err
			}
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		if progress != nil {
			progress(start+len(block), len(contacted))
		}
	}
	cw.Flush()
	return cw.Error()
}

// record is customer i's line: its probability p, band, segment, level,
// action, lever move and reasons.
func (l ContactList) record(i int, p float64, bands Banding, move *LeverMove, ex Explanation) []string {
	seg := l.Segments.Names[i]
	lever := ""
	if move != nil {
		lever = move.String(l.Target.Outcome())
	}
	// The action as the report words it (ActionOf): every listed
	// customer is contacted, so its segment's contact action.
	rec := []string{l.IDs[i], strconv.FormatFloat(p, 'f', ProbabilityDecimals, 64), bands.Label(bands.Of[i]), seg.String(),
		l.Segments.Risk[i].String(), l.Report.ActionOf(i).String(), lever,
		strconv.FormatFloat(l.Report.Plan.value(i), 'f', -1, 64), strconv.FormatFloat(l.Report.Plan.gain(i), 'f', 6, 64)}
	for k := range ContactReasons {
		reason := ""
		if k < len(ex.Reasons) {
			reason = FormatReason(ex.Reasons[k])
		}
		rec = append(rec, reason)
	}
	return rec
}

// moves are the most movable levers of the customers in block (all nil
// without levers).
func (l ContactList) moves(block []int) ([]*LeverMove, error) {
	if len(l.Levers) == 0 {
		return make([]*LeverMove, len(block)), nil
	}
	return l.Explainer.bestLeversOf(block, l.Row, l.Own, l.Levers, l.Target.OnPositive, l.Target.Direction == Prevent)
}
