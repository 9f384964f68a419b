package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine/metrics"
	"github.com/retainlab/retain/experiment"
)

// targetFlags are --target (train, eval, predict) and --bands (eval,
// predict): the outcome plans act on, and how ranked users are banded.
type targetFlags struct {
	target string
	bands  string
	scheme experiment.BandScheme
}

// registerTarget adds --target to cmd.
func (f *targetFlags) registerTarget(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.target, "target", "", "the outcome to act on: `prevent|encourage` (or prevent:CLASS, encourage:CLASS; default: from the label's name, or the model file's)")
}

// registerBands adds --bands to cmd.
func (f *targetFlags) registerBands(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.bands, "bands", "", "risk bands of users ranked by the target's probability: `shares` (top 5, 10, 20, 50 %, rest) or capacity:N (top N, rest)")
}

// checkBands reads --bands before any long work; an error is the user's.
func (f *targetFlags) checkBands() error {
	if f.bands == "" {
		return nil
	}
	s, err := experiment.ParseBands(f.bands)
	if err != nil {
		return usageError(err)
	}
	f.scheme = s
	return nil
}

// resolve decides the target for label l: --target when given, else the
// model file's (b, nil without a model), else the guess from the label's
// name. note is the line that says which ("target: …"), for stderr. An
// unreadable --target is the user's error.
func (f *targetFlags) resolve(l data.LabelSpec, b *experiment.Bundle) (t experiment.Target, note string, err error) {
	if f.target != "" {
		t, err := experiment.ParseTarget(f.target, l)
		if err != nil {
			return t, "", usageError(err)
		}
		return t, fmt.Sprintf("target: %s (from --target)", t), nil
	}
	t = experiment.DefaultTarget(l)
	if b != nil {
		t = b.Outcome()
	}
	switch {
	case b != nil && !t.Guessed:
		return t, fmt.Sprintf("target: %s (from the model file; --target %s to change)", t, t.Toggled().Flag()), nil
	case !experiment.NameJudges(t.Label):
		none := ""
		if b != nil {
			none = "the model file records none, and "
		}
		return t, fmt.Sprintf("target: %s (a default guess: %s%s; set it with --target prevent:CLASS or encourage:CLASS, CLASS %q or %q)",
			t, none, nameSaysNothing, t.Label.Positive, t.Label.Negative), nil
	case b != nil:
		return t, fmt.Sprintf("target: %s (from the label name; the model file records none; --target %s to change)", t, t.Toggled().Flag()), nil
	}
	return t, fmt.Sprintf("target: %s (from the label name; --target %s to change)", t, t.Toggled().Flag()), nil
}

// nameSaysNothing is why a target guessed from a label's name is only a
// default: no word of it marks either class as good or bad.
const nameSaysNothing = "the label's name says nothing of which class is good or bad"

// printTargetGains writes the gains table of t: users ranked by the
// probability of the outcome, the users with the outcome counted.
func printTargetGains(w io.Writer, t experiment.Target, gains []metrics.GainsRow) {
	fmt.Fprintf(w, "Cumulative gains for %s (users ranked by P(%s), highest first; each tenth rounded up to whole users, as bands count):\n", t, t.Outcome())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\ttargeted\tusers\tmin prob.\twith outcome\tcaptured\tlift\t\n")
	var part *metrics.GainsRow
	for i, g := range gains {
		fmt.Fprintf(tw, "\t%s\t%s\t%.4f\t%s\t%s\t%.2f\t\n", percent(g.ShareTargeted), gainsCount(g.Targeted), g.MinScore,
			gainsCount(g.Positives), percent(g.ShareCaptured), g.Lift)
		if part == nil && experiment.GainsCountDecimals(g.Targeted)+experiment.GainsCountDecimals(g.Positives) > 0 {
			part = &gains[i]
		}
	}
	tw.Flush()
	if part != nil {
		fmt.Fprintf(w, "(%s of %s users counts %s with the outcome: a cut that falls inside users tied on the "+
			"probability counts them in part, the average of breaking the tie at random; bands break ties by row order.)\n",
			gainsCount(part.Targeted), gainsCount(gains[len(gains)-1].Targeted), gainsCount(part.Positives))
	}
	if len(gains) > 0 {
		g := gains[0]
		if t.Direction == experiment.Encourage {
			// A measure of the model, not whom to contact: a plan to
			// encourage contacts the least likely first (planWhy).
			fmt.Fprintf(w, "The %s of users most likely to have %s hold %s of those who have it: %s. "+
				"`retain plan` contacts the least likely first instead, as a contact can only convert a user who would not convert anyway.\n",
				percent(g.ShareTargeted), t.Outcome(), percent(g.ShareCaptured), experiment.LiftWords(g.Lift))
			return
		}
		fmt.Fprintf(w, "Contacting the %s of users at highest risk of %s reaches %s of those who have it: %s.\n",
			percent(g.ShareTargeted), t.Outcome(), percent(g.ShareCaptured), experiment.LiftWords(g.Lift))
	}
}

// printBands writes the bands of the users ranked by t's score, with the
// users and the users with the outcome in each.
func printBands(w io.Writer, t experiment.Target, b experiment.Banding, outcomes []int) {
	fmt.Fprintf(w, "Bands (%s; users ranked by P(%s), ties by row order):\n", b.Scheme, t.Outcome())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\tband\tusers\tP from\tP to\twith outcome\trate\t\n")
	for i, band := range b.Bands {
		lo, hi, rate := "–", "–", "–"
		if band.Users() > 0 {
			lo, hi = fmt.Sprintf("%.4f", band.MinScore), fmt.Sprintf("%.4f", band.MaxScore)
			rate = percent(b.Rate(i, outcomes))
		}
		fmt.Fprintf(tw, "\t%s\t%s\t%s\t%s\t%s\t%s\t\n", b.Label(i), data.Thousands(band.Users()), lo, hi, data.Thousands(outcomes[i]), rate)
	}
	tw.Flush()
}

// addBands adds the band column to the scores CSV when --bands asks,
// saying on stderr which target ranks the users (the CSV's probabilities
// are P(positive) whatever the target). Ties fall in bands in the order
// the CSV lists the rows (opts.Order: by pseudonym), else in row order.
func (f *targetFlags) addBands(a *app, opts *experiment.ExportOptions, s *experiment.Scored, t experiment.Target, note string) {
	if f.bands == "" {
		return
	}
	fmt.Fprintln(a.stderr, note)
	opts.Bands = experiment.AssignBandsInOrder(t.Scores(s.Probabilities), opts.Order, f.scheme).BandLabels()
}

// targetJSON is the target in JSON output.
type targetJSON struct {
	Direction string `json:"direction"`
	Class     string `json:"class"`
	Outcome   string `json:"outcome"`
	Guessed   bool   `json:"guessed_from_label_name"`
}

func targetOf(t experiment.Target) targetJSON {
	return targetJSON{Direction: t.Direction.String(), Class: t.Class(), Outcome: t.Outcome(), Guessed: t.Guessed}
}

// bandJSON is one band in JSON output; min and max are the band's lowest
// and highest probability of the outcome (absent for an empty band).
type bandJSON struct {
	Band     string   `json:"band"`
	Users    int      `json:"users"`
	Outcomes int      `json:"with_outcome"`
	MinScore *float64 `json:"min_probability,omitempty"`
	MaxScore *float64 `json:"max_probability,omitempty"`
}

func bandsOf(b experiment.Banding, outcomes []int) []bandJSON {
	out := make([]bandJSON, len(b.Bands))
	for i, band := range b.Bands {
		out[i] = bandJSON{Band: b.Label(i), Users: band.Users(), Outcomes: outcomes[i]}
		if band.Users() > 0 {
			lo, hi := band.MinScore, band.MaxScore
			out[i].MinScore, out[i].MaxScore = &lo, &hi
		}
	}
	return out
}

// gainsCount writes a gains table's count: whole, or to one decimal when
// the cut credits a user in part (experiment.GainsCountDecimals).
func gainsCount(v float64) string {
	s := strconv.FormatFloat(v, 'f', experiment.GainsCountDecimals(v), 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return s
	}
	if frac != "" {
		return data.Thousands(n) + "." + frac
	}
	return data.Thousands(n)
}
