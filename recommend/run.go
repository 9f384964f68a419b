package recommend

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// DefaultTop is the number of items recommended to each customer.
const DefaultTop = 10

// DefaultHorizonDays is the period recommended for.
const DefaultHorizonDays = 30

// Options says where and how to recommend. The zero value recommends 10
// items for the next 30 days after the log's end with DefaultModelConfig.
type Options struct {
	// Cutoff is the first day not in the history; zero means
	// Log.LatestCutoff, so that every order up to today is history, or when
	// evaluating Log.LatestEvaluationCutoff.
	Cutoff      time.Time
	HorizonDays int
	// Top is the number of items listed per customer (default DefaultTop).
	Top int
	// Evaluate measures the model and the baselines on the horizon after
	// the cutoff, which the log must cover.
	Evaluate bool
	// Model configures the network (zero: DefaultModelConfig).
	Model ModelConfig
	// MaxPairs bounds the (customer, item) pairs the model trains and
	// validates on, as a session's row limit bounds a table (0: no limit);
	// beyond it Prepare stops with a *PairLimitError.
	MaxPairs int
}

// Run is one recommendation run: a prepared model to train (Model.Trainer)
// and, once trained, Finish ranks and measures.
type Run struct {
	// Log is the log as the run reads it: Log.AsOf(Cutoff) of the log
	// prepared.
	Log     *Log
	Options Options
	// Cutoff and Horizon are in days (see Date).
	Cutoff, Horizon int32
	// Model is the network to train; nil when it cannot be trained on
	// this log, and Untrained says why (the lists are GP-TopFreq's).
	Model *Model
	// Untrained says why no network is trained ("" when one is): every
	// customer of the log has one order (OneOrderEach).
	Untrained string
}

// OneOrderEach reports a log where no customer has more than one order up
// to today: nobody bought again after some history, which is what the
// network learns from, whatever the cutoff or horizon.
func (l *Log) OneOrderEach() bool {
	for _, own := range l.ByCustomer {
		if len(own) > 1 && l.Baskets[own[1]].Day <= l.LastUpToToday {
			return false
		}
	}
	return true
}

// LatestCutoff is the last cutoff to recommend at: the day after the last
// basket up to today (LastUpToToday), so that every order up to today is
// history and none dated after today is.
func (l *Log) LatestCutoff() int32 { return l.LastUpToToday + 1 }

// LatestEvaluationCutoff is the last cutoff whose whole horizon the log
// covers up to today (LastUpToToday).
func (l *Log) LatestEvaluationCutoff(horizon int32) int32 { return l.LastUpToToday - horizon + 1 }

// EarliestCutoff is the first cutoff the model can train for: it learns
// from the horizon before the cutoff and needs a horizon of history before
// that (TrainCutoffs).
func (l *Log) EarliestCutoff(horizon int32) int32 { return l.First + 2*horizon }

// LongestHorizon is the longest horizon, in days, some cutoff of the log
// serves (0 when none does): half the days from its first date to its last
// up to today, both in, as the model learns from the horizon before the
// cutoff with a horizon of history before that; a third when the run is
// also measured on the horizon after the cutoff (evaluate).
func (l *Log) LongestHorizon(evaluate bool) int32 {
	span := l.LastUpToToday - l.First + 1
	if evaluate {
		return span / 3
	}
	return span / 2
}

// cutoffRange returns the cutoffs a run may use with the horizon, lo to hi;
// lo > hi when the log is too short for the horizon.
func (l *Log) cutoffRange(horizon int32, evaluate bool) (lo, hi int32) {
	if evaluate {
		return l.EarliestCutoff(horizon), l.LatestEvaluationCutoff(horizon)
	}
	return l.EarliestCutoff(horizon), l.LatestCutoff()
}

// checkCutoff refuses a horizon no cutoff of the log can serve, and a
// cutoff outside the range that serves it, saying what to choose instead.
func (l *Log) checkCutoff(cutoff, horizon int32, given, evaluate bool) error {
	date := func(d int32) string { return Date(d).Format(time.DateOnly) }
	lo, hi := l.cutoffRange(horizon, evaluate)
	if lo > hi {
		// The days from the first to the last date up to today, both in.
		span := l.LastUpToToday - l.First + 1
		need, why := 2*horizon, "the model learns from the horizon before the cutoff, with a horizon of history before that"
		if evaluate {
			need, why = 3*horizon, "the model learns from the two horizons before the cutoff and is measured on the one after it"
		}
		most := l.LongestHorizon(evaluate)
		return fmt.Errorf("%w: %s spans %s (%s .. %s%s), and a %d-day horizon needs at least %d days: %s; %s",
			ErrCutoff, l.Name, count(int(span), "1 day", "%d days"), date(l.First), date(l.LastUpToToday), l.futureNote(), horizon, need, why,
			horizonAdvice(span, horizon, most, evaluate))
	}
	if !given || (cutoff >= lo && cutoff <= hi) {
		return nil
	}
	choose := fmt.Sprintf("with a %d-day horizon, choose a cutoff from %s to %s (without one, %s is used)", horizon, date(lo), date(hi), date(hi))
	if lo == hi {
		choose = fmt.Sprintf("with a %d-day horizon the only cutoff is %s (used without one); a shorter --horizon allows more", horizon, date(lo))
	}
	switch {
	case cutoff < lo:
		return fmt.Errorf("%w: %s starts %s: cutoff %s leaves too little history, as the model learns from the horizon before the cutoff, with a horizon of history before that; %s",
			ErrCutoff, l.Name, date(l.First), date(cutoff), choose)
	case evaluate:
		return fmt.Errorf("%w: %s ends %s%s: evaluating at %s needs the %d days from it in the log; %s",
			ErrCutoff, l.Name, date(l.LastUpToToday), l.futureNote(), date(cutoff), horizon, choose)
	}
	return fmt.Errorf("%w: %s ends %s%s: cutoff %s is after the day after its last order, so what the customers did since is unknown; %s",
		ErrCutoff, l.Name, date(l.LastUpToToday), l.futureNote(), date(cutoff), choose)
}

// horizonAdvice says what to do about a horizon too long for a log of
// span days, most being the longest horizon that fits as asked. Leaving
// out --evaluate is suggested only when that makes a horizon fit: without
// measuring, the model needs two horizons, not three.
func horizonAdvice(span, horizon, most int32, evaluate bool) string {
	days := func(n int32) string { return count(int(n), "1 day", "%d days") }
	without := fmt.Sprintf("leave out --evaluate: without measuring, a %d-day horizon needs %d days", horizon, 2*horizon)
	switch {
	case most >= 1:
		advice := "choose a --horizon of at most " + days(most)
		if evaluate && 2*horizon <= span {
			advice += ", or " + without
		}
		return advice
	case evaluate && span/2 >= 1:
		if 2*horizon <= span {
			return "the log is too short to evaluate any horizon; " + without
		}
		return "the log is too short to evaluate any horizon; without --evaluate, choose a --horizon of at most " + days(span/2)
	case evaluate:
		return "the log is too short for any horizon, with or without --evaluate"
	}
	return "the log is too short for any horizon"
}

// futureNote says, after the last date up to today, that later lines are
// not counted ("" when there are none).
func (l *Log) futureNote() string {
	if l.LastUpToToday == l.Last {
		return ""
	}
	return ", not counting lines dated after today"
}

// Prepare checks the cutoff and builds the model's training pairs and
// trainer.
func Prepare(l *Log, opts Options) (*Run, error) {
	if opts.HorizonDays == 0 {
		opts.HorizonDays = DefaultHorizonDays
	}
	if opts.Model.Windows == 0 {
		opts.Model = DefaultModelConfig()
	}
	if opts.HorizonDays < 1 {
		return nil, fmt.Errorf("%w: horizon of %d days", ErrCutoff, opts.HorizonDays)
	}
	if opts.Top <= 0 {
		opts.Top = DefaultTop
	}
	r := &Run{Log: l, Options: opts, Horizon: int32(opts.HorizonDays)}
	_, r.Cutoff = l.cutoffRange(r.Horizon, opts.Evaluate)
	if !opts.Cutoff.IsZero() {
		r.Cutoff = Day(opts.Cutoff)
	}
	if err := l.checkCutoff(r.Cutoff, r.Horizon, !opts.Cutoff.IsZero(), opts.Evaluate); err != nil {
		return nil, err
	}
	// The run reads the log as it stood before the cutoff (AsOf): a
	// return dated on or after it takes nothing out of the history.
	l = l.AsOf(r.Cutoff)
	r.Log = l
	if opts.Evaluate {
		if e := l.emptyHorizon(r.Cutoff, r.Horizon); e != nil {
			return nil, e
		}
	}
	var err error
	if r.Model, err = newModel(l, r.Cutoff, r.Horizon, opts.Model, opts.MaxPairs); err != nil {
		if errors.Is(err, ErrTrainingPairs) && l.OneOrderEach() {
			// No cutoff or horizon can help: every customer still gets
			// GP-TopFreq's list, their one order's items first.
			r.Model = nil
			r.Untrained = fmt.Sprintf("every customer of %s has one order, so nobody bought again after some history, which is what the network learns from — is the customer column a per-order key?", l.Name)
			return r, nil
		}
		return nil, err
	}
	return r, nil
}

// Recommendation is one item offered to a customer.
type Recommendation struct {
	Item        int32  `json:"-"`
	ItemID      string `json:"item"`
	Description string `json:"description,omitempty"`
	// Score is the network's probability that the customer buys the item
	// in the horizon if they buy at all (it learns from the customers who
	// bought in each training window): it orders one customer's items, it
	// does not say whether the customer will come back. It is nil when the
	// lists are GP-TopFreq's (Check), which has no score.
	Score  *float64 `json:"score,omitempty"`
	Reason Reason   `json:"reason"`
	// Bought says, when evaluating, whether the customer bought the item in
	// the horizon after the cutoff.
	Bought bool `json:"bought,omitempty"`
}

// CustomerRecs is one customer's ranked items.
type CustomerRecs struct {
	Customer int32            `json:"-"`
	ID       string           `json:"customer"`
	Items    []Recommendation `json:"items"`
	// Buyer says, when evaluating, that the customer bought in the horizon
	// (and so counts in the metrics); Bought is then how many distinct
	// items they bought.
	Buyer  bool `json:"buyer,omitempty"`
	Bought int  `json:"bought,omitempty"`
}

// Result is a finished run: the top items of every customer with history
// before the cutoff and, when evaluating, the metrics of the model and of
// the three baselines (model first).
type Result struct {
	Log                           string         `json:"log"`
	ItemColumn, DescriptionColumn string         `json:"-"`
	Cutoff                        time.Time      `json:"cutoff"`
	HorizonDays                   int            `json:"horizon_days"`
	Top                           int            `json:"top"`
	TrainCutoffs                  []time.Time    `json:"train_cutoffs"`
	Customers                     []CustomerRecs `json:"-"`
	// Ranker is the ranker whose lists Customers holds (ModelName or
	// GPTopFreqName), as Check chose it.
	Ranker string `json:"ranker"`
	// Untrained says why no network was trained (Run.Untrained; Check is
	// then zero and the lists are GP-TopFreq's).
	Untrained string    `json:"untrained,omitempty"`
	Check     Check     `json:"check"`
	Evaluated bool      `json:"evaluated"`
	Metrics   []Metrics `json:"metrics,omitempty"`
	// Gain is, when evaluating, the network's relative change over
	// GP-TopFreq at CheckK with its intervals (nil when GP-TopFreq's
	// figures are 0).
	Gain *Gain `json:"gain_over_gp_topfreq,omitempty"`
	byID map[string]int
}

// ModelName is the model's name in the metrics table.
const ModelName = "model"

// Customer returns the recommendations of the customer with the given id,
// or nil when they have no history before the cutoff.
func (r *Result) Customer(id string) *CustomerRecs {
	if i, ok := r.byID[id]; ok {
		return &r.Customers[i]
	}
	return nil
}

// SortByID puts Customers in the order of their ids (Customer still finds
// each one). With ids pseudonymised, the log's order of first appearance
// would give the ids back whenever they were given out in that order.
func (r *Result) SortByID() {
	slices.SortStableFunc(r.Customers, func(a, b CustomerRecs) int { return strings.Compare(a.ID, b.ID) })
	r.byID = make(map[string]int, len(r.Customers))
	for i, c := range r.Customers {
		r.byID[c.ID] = i
	}
}

// chunk is how many customers are scored at once (bounds the memory of the
// feature matrix).
const chunk = 256

// Finish ranks every customer's candidates with the trained network and,
// when evaluating, measures it beside the baselines.
func (r *Run) Finish(ctx context.Context) (*Result, error) {
	l, opts := r.Log, r.Options
	res := &Result{Log: l.Name, ItemColumn: l.ItemColumn, DescriptionColumn: l.DescriptionColumn,
		Cutoff: Date(r.Cutoff), HorizonDays: opts.HorizonDays, Top: opts.Top, Evaluated: opts.Evaluate,
		byID: map[string]int{}}
	if r.Model != nil {
		for _, t := range r.Model.TrainCutoffs {
			res.TrainCutoffs = append(res.TrainCutoffs, Date(t))
		}
		res.Check = r.Model.check(l)
	}
	res.Ranker, res.Untrained = res.Check.Ranker(), r.Untrained
	s := l.snapshotAt(r.Cutoff, r.Horizon)
	var truth Truth
	buyer := map[int32]int{}
	if opts.Evaluate {
		truth = l.TruthAt(r.Cutoff, r.Horizon)
		for i, c := range truth.Customers {
			buyer[c] = i
		}
	}
	long := max(opts.Top, Ks[len(Ks)-1])
	modelLists := make([][]int32, len(truth.Customers))
	var customers []int32
	for c := range l.Customers {
		if s.customers[c].invoices > 0 {
			customers = append(customers, int32(c))
		}
	}
	var cands, gp []candidate
	for start := 0; start < len(customers); start += chunk {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		batch := customers[start:min(start+chunk, len(customers))]
		cands = cands[:0]
		var scores []float64
		if r.Model != nil {
			for _, c := range batch {
				cands = s.candidates(c, r.Model.Config.MaxOwn, r.Model.Config.MaxPopular, cands)
			}
			scores = r.Model.scores(s, cands)
		} else {
			// No network: one candidate per customer stands for them
			// below, whose GP-TopFreq list is built there.
			for _, c := range batch {
				cands = append(cands, candidate{customer: c})
			}
			scores = make([]float64, len(cands))
		}
		for lo := 0; lo < len(cands); {
			hi := lo
			for hi < len(cands) && cands[hi].customer == cands[lo].customer {
				hi++
			}
			c := cands[lo].customer
			order := rankByScore(scores[lo:hi], long)
			cr := CustomerRecs{Customer: c, ID: l.Customers[c]}
			k, isBuyer := buyer[c]
			if isBuyer {
				cr.Buyer, cr.Bought = true, len(truth.Bought[k])
				for _, j := range order {
					if r.Model == nil {
						break
					}
					modelLists[k] = append(modelLists[k], cands[lo+j].item)
				}
			}
			if res.Check.UseModel {
				for _, j := range order[:min(opts.Top, len(order))] {
					p := cands[lo+j]
					rec := Recommendation{Item: p.item, ItemID: l.Items[p.item], Description: l.Description(p.item),
						Reason: s.reason(p), Bought: isBuyer && truth.Bought[k][p.item]}
					v := scores[lo+j]
					rec.Score = &v
					cr.Items = append(cr.Items, rec)
				}
			} else {
				// GP-TopFreq's list: the customer's own items in P-TopFreq
				// order, then the TopPop items they have not bought, as
				// many as asked for (not bounded by the network's
				// candidates).
				gp = s.candidates(c, opts.Top, opts.Top, gp[:0])
				for _, p := range gp[:min(opts.Top, len(gp))] {
					cr.Items = append(cr.Items, Recommendation{Item: p.item, ItemID: l.Items[p.item], Description: l.Description(p.item),
						Reason: s.reason(p), Bought: isBuyer && truth.Bought[k][p.item]})
				}
			}
			res.byID[cr.ID] = len(res.Customers)
			res.Customers = append(res.Customers, cr)
			lo = hi
		}
	}
	if opts.Evaluate {
		if r.Model != nil {
			res.Metrics = append(res.Metrics, Measure(ModelName, modelLists, truth.Bought, truth.Catalogue))
		}
		names, lists := l.BaselineLists(truth.Customers, r.Cutoff, r.Horizon, long)
		for i, name := range names {
			res.Metrics = append(res.Metrics, Measure(name, lists[i], truth.Bought, truth.Catalogue))
			if name == GPTopFreqName && r.Model != nil {
				res.Gain = gain(modelLists, lists[i], truth.Bought)
			}
		}
	}
	return res, nil
}

// rankByScore returns the indices of the n highest scores, highest first;
// ties keep the candidates' order (own items in P-TopFreq order first).
func rankByScore(scores []float64, n int) []int {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	return idx[:min(n, len(idx))]
}

// gain is the relative change of the lists a over b at CheckK (Gain), nil
// when b's figures are 0.
func gain(a, b [][]int32, bought []map[int32]bool) *Gain {
	n := len(bought)
	ar, br, an, bn := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range bought {
		_, ar[i], an[i] = listScore(a[i], bought[i], CheckK)
		_, br[i], bn[i] = listScore(b[i], bought[i], CheckK)
	}
	if g, ok := gainOver(ar, br, an, bn); ok {
		return &g
	}
	return nil
}

// TopPopAhead reports, when the run was measured and the lists are
// GP-TopFreq's, whether TopPop's recall@CheckK is above GP-TopFreq's on the
// horizon after the cutoff, with both rankers' figures at CheckK. The lists
// stay GP-TopFreq's: the choice is made before the cutoff, and a customer's
// own items are what they rebuy on most logs.
func (r *Result) TopPopAhead() (pop, gp AtK, ok bool) {
	if r.Ranker != GPTopFreqName {
		return pop, gp, false
	}
	var havePop, haveGP bool
	for _, m := range r.Metrics {
		switch m.Ranker {
		case TopPopName:
			pop, havePop = m.AtK(CheckK), true
		case GPTopFreqName:
			gp, haveGP = m.AtK(CheckK), true
		}
	}
	return pop, gp, havePop && haveGP && pop.Recall > gp.Recall
}
