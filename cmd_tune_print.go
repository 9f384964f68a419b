package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/retainlab/retain/experiment"
)

// trainFlags are the retain train flags that give cfg: every setting the
// search varies, the preprocessing and decay the default carries (so that
// they reproduce it even if another default comes), and the seed and
// validation share that fix the folds.
func trainFlags(cfg experiment.Config) []string {
	units := make([]string, len(cfg.Hidden))
	acts := make([]string, len(cfg.Hidden))
	same := true
	for i, l := range cfg.Hidden {
		units[i], acts[i] = strconv.Itoa(l.Units), l.Activation.String()
		same = same && acts[i] == acts[0]
	}
	layers, act := strings.Join(units, ","), strings.Join(acts, ",")
	if len(units) == 0 {
		layers, act = "none", "relu"
	} else if same {
		act = acts[0]
	}
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	opt := cfg.Train.Optimizer
	flags := []string{"--layers", layers, "--activation", act, "--optimizer", opt.Kind}
	if opt.Momentum != 0 {
		flags = append(flags, "--momentum", g(opt.Momentum))
	}
	if opt.Nesterov {
		flags = append(flags, "--nesterov")
	}
	pw := cfg.Train.PosWeight
	if pw == 0 {
		pw = 1
	}
	flags = append(flags, "--lr", g(opt.LR))
	// A decay per training row (the default's) or a fixed one: an explicit
	// --l2 replaces the prior.
	if cfg.L2Prior > 0 {
		flags = append(flags, "--l2-prior", g(cfg.L2Prior), "--l2-prior-alt", g(cfg.L2PriorAlt))
	} else {
		flags = append(flags, "--l2", g(cfg.Train.L2))
	}
	if cfg.Train.ClipNorm != 0 {
		flags = append(flags, "--clip-norm", g(cfg.Train.ClipNorm))
	}
	if cfg.Train.AverageEpochs != 0 {
		flags = append(flags, "--average-epochs", g(cfg.Train.AverageEpochs))
	}
	return append(flags, "--batch", strconv.Itoa(cfg.Train.BatchSize),
		"--scale", cfg.Pipeline.Scale.String(), "--log1p="+strconv.FormatBool(cfg.Pipeline.Log1p),
		"--impute", cfg.Pipeline.Impute.String(), "--missing-indicators="+strconv.FormatBool(cfg.Pipeline.MissingIndicators),
		"--pos-weight", g(pw), "--epochs", strconv.Itoa(cfg.Train.Epochs),
		"--early-stop", strconv.Itoa(cfg.Train.EarlyStop.Patience), "--val", g(cfg.ValFrac),
		"--seed", strconv.FormatUint(cfg.Seed, 10))
}

// tuneOnly are the flags of tune that retain train does not take.
var tuneOnly = map[string]bool{"budget": true, "trials": true, "folds": true, "seed": true, "json": true, "out": true}

// sourceArgs are the flags the user gave about the data, as typed, for the
// printed retain train command.
func sourceArgs(fs *pflag.FlagSet) []string {
	var out []string
	fs.Visit(func(f *pflag.Flag) {
		if !tuneOnly[f.Name] {
			out = append(out, "--"+f.Name, shellQuote(f.Value.String()))
		}
	})
	return out
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+-@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// printTuned writes the best configuration, as flags and figures.
func printTuned(w io.Writer, src []string, res experiment.TuneResult, flags []string) {
	b := res.Best
	fmt.Fprintf(w, "Best: trial %d of %d, %d-fold CV ROC AUC %.4f ± %.4f", b.Number, res.Tried, res.Folds, b.AUC, b.AUCStd)
	for _, t := range res.Board {
		if t.Base && !b.Base {
			fmt.Fprintf(w, " (the default: %.4f ± %.4f)", t.AUC, t.AUCStd)
		}
	}
	if b.Base {
		fmt.Fprint(w, " (the default: no trial did better)")
	}
	if g := res.BestVsDefault; g != nil {
		fmt.Fprintf(w, "\n%s", gainText(g))
	}
	fmt.Fprintf(w, "\nSettings: %s\n", settingsText(b))
	fmt.Fprintf(w, "  retain train %s\n", strings.Join(append(src, flags...), " "))
	fmt.Fprintf(w, "Search: %s in %s on %d workers, %s\n", trialCount(res.Tried), res.Elapsed.Round(100*time.Millisecond), res.Workers, endedText(res.Ended))
}

// endedText says why the search ended.
func endedText(ended string) string {
	switch ended {
	case "budget":
		return "stopped by --budget"
	case "cancelled":
		return "interrupted"
	}
	return "every trial measured"
}

// settingsText lists a trial's settings ("default" for the base one); a
// balanced positive weight is the number it stood for, "pos-weight 2.768
// (balanced)".
func settingsText(t *experiment.Trial) string {
	if t.Base {
		return "default"
	}
	parts := make([]string, len(t.Settings))
	for i, s := range t.Settings {
		parts[i] = s.Name + " " + s.Value
		if t.Config.Train.PosWeight == experiment.BalancedPosWeight && s.Name == "pos-weight" {
			// The number, as --pos-weight takes it: "balanced" is what
			// the search calls it.
			parts[i] = s.Name + " " + strconv.FormatFloat(t.PosWeight, 'g', -1, 64) + " (" + s.Value + ")"
		}
	}
	if t.OnBase {
		return "default with " + strings.Join(parts, ", ")
	}
	return strings.Join(parts, ", ")
}

// boardPrinter shows the search's progress on stderr: on a terminal, the
// leaderboard's first rows redrawn in place; elsewhere one line per trial
// measured on every fold.
type boardPrinter struct {
	w     io.Writer
	live  bool
	width int
	folds int          // k of the k-fold cross-validation
	drawn int          // lines drawn last time (live)
	said  map[int]bool // trials reported complete (not live)
}

// boardRows is how many leaderboard rows the live view shows.
const boardRows = 8

func (p *boardPrinter) update(pr experiment.TuneProgress) {
	if !p.live {
		if p.said == nil {
			p.said = map[int]bool{}
		}
		for _, t := range pr.Board {
			if t.Complete && !p.said[t.Number] {
				p.said[t.Number] = true
				fmt.Fprintf(p.w, "[%s] trial %d on every fold: ROC AUC %.4f ± %.4f (%s)\n",
					pr.Elapsed.Round(100*time.Millisecond), t.Number, t.AUC, t.AUCStd, settingsText(&t))
			}
		}
		return
	}
	lines := []string{fmt.Sprintf("round %d, rung %d · %d folds trained · %s", pr.Round, pr.Rung+1, pr.FoldsDone,
		pr.Elapsed.Round(100*time.Millisecond))}
	lines = append(lines, boardLines(pr.Board, boardRows, p.folds)...)
	var sb strings.Builder
	if p.drawn > 0 {
		fmt.Fprintf(&sb, "\x1b[%dA", p.drawn)
	}
	for _, l := range lines {
		if p.width > 0 && len(l) > p.width-1 {
			l = l[:p.width-1]
		}
		sb.WriteString("\r\x1b[K" + l + "\n")
	}
	p.drawn = len(lines)
	fmt.Fprint(p.w, sb.String())
}

// boardLines are the ranking rule, the header and the first n rows of a
// leaderboard of k-fold trials, worded as the TUI's Tune screen words
// them: a trial measured on one fold shows its AUC "(1 fold)", with no
// spread to show, and the folds column says how many of the k a trial was
// measured on, so a trial measured on fewer folds, ranked below those
// measured on all, never reads as beating the best.
func boardLines(board []experiment.Trial, n, k int) []string {
	shown := board[:min(n, len(board))]
	width := len("folds")
	for _, t := range shown {
		width = max(width, utf8.RuneCountInString(foldsText(t, k)))
	}
	// fmt pads to a width in runes: "×" is one.
	lines := []string{fmt.Sprintf("ranked by folds measured, then by ROC AUC; only trials on all %d folds can be the best; × dropped by halving", k),
		fmt.Sprintf("%5s  %-15s  %-*s  %7s  %s", "trial", "roc_auc ± std", width, "folds", "time", "settings")}
	for _, t := range shown {
		lines = append(lines, fmt.Sprintf("%5d  %-15s  %-*s  %7s  %s", t.Number, aucText(t), width, foldsText(t, k),
			t.Time.Round(100*time.Millisecond), settingsText(&t)))
	}
	return lines
}

// aucText is a trial's mean ROC AUC ± its standard deviation over the
// folds it was measured on; one fold has no spread, and says so.
func aucText(t experiment.Trial) string {
	switch {
	case t.Err != "":
		return "failed"
	case len(t.Folds) == 0:
		return "…"
	case len(t.Folds) == 1:
		return fmt.Sprintf("%.4f (1 fold)", t.AUC)
	}
	return fmt.Sprintf("%.4f ± %.4f", t.AUC, t.AUCStd)
}

// foldsText is the folds a trial was measured on out of k, marked × when
// halving dropped it (or it failed) and "stopped" when the search ended
// first.
func foldsText(t experiment.Trial, k int) string {
	text := fmt.Sprintf("%d/%d", len(t.Folds), k)
	switch {
	case t.Stopped:
		text += " ×"
	case t.Interrupted:
		text += " stopped"
	}
	return text
}

// finish replaces the live view by the final leaderboard.
func (p *boardPrinter) finish(res experiment.TuneResult) {
	if p.live && p.drawn > 0 {
		fmt.Fprintf(p.w, "\x1b[%dA\r\x1b[J", p.drawn)
	}
	for _, l := range boardLines(res.Board, boardRows, res.Folds) {
		fmt.Fprintln(p.w, l)
	}
}

// gainText says whether the best trial is clearly better than the default
// (experiment.TuneGain's rule): the difference of ROC AUC and its noise,
// and where the noise comes from.
func gainText(g *experiment.TuneGain) string {
	from := "twice the standard error of the two means"
	if g.Paired {
		from = fmt.Sprintf("twice the standard error of the %d paired fold differences", g.Folds)
	}
	if !g.ClearlyBetter {
		return fmt.Sprintf("Not clearly better than the default: difference %+.4f, noise ±%.4f (%s); the default does as well as far as these folds can tell",
			g.Difference, g.Noise, from)
	}
	return fmt.Sprintf("Better than the default: difference %+.4f, beyond the noise ±%.4f (%s)", g.Difference, g.Noise, from)
}
