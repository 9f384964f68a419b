package common

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// The commands the screens suggest (the Plan screen's retain train and
// retain plan) are built here, in one place, as words: TrainArgs gives
// retain train the run's data as the TUI loaded them and every setting
// that differs from the command line's default, and ShellLine quotes the
// words for a POSIX shell. What the command line parses back is the run's
// configuration (the root package's round-trip test checks it with
// retain train's own flags).

// TrainArgs are the words of the retain train command ("retain", "train",
// then its flags; not quoted) that trains run e's model again: its data as
// loaded (SourceArgs), the settings the run was started with that differ
// from retain train's defaults (ConfigArgs of RunConfig) and, when there
// are any, the levers to record in the model file. ok is false when no
// command line loads the run's data (SourceArgs).
func TrainArgs(e *experiment.Experiment, levers []string) (args []string, ok bool) {
	return TrainArgsAt(e, levers, time.Time{})
}

// TrainArgsAt is TrainArgs with an order log's cohort built at cutoff
// instead of the run's own (zero: the run's), as for the model an
// out-of-time run trained at its earlier cutoff.
func TrainArgsAt(e *experiment.Experiment, levers []string, cutoff time.Time) (args []string, ok bool) {
	if e == nil || e.Data == nil {
		return nil, false
	}
	label := ""
	if e.Pipeline != nil {
		label = e.Pipeline.Label.Name
	}
	src, ok := sourceArgsAt(e.Data, label, cutoff)
	if !ok {
		return nil, false
	}
	args = append([]string{"retain", "train"}, src...)
	args = append(args, ConfigArgs(RunConfig(e))...)
	if len(levers) > 0 {
		args = append(args, "--levers", listValue(levers))
	}
	return args, true
}

// RunConfig is the configuration run e was started with, as the Model
// screen set it: e.Config, less what preparing and training wrote into it.
// The decay a prior gives is worked out from the training rows again; the
// decay check that switched to its weaker prior is undone (the command
// line runs the check again and switches the same way); and the default
// calibration, dropped on data too small for it (CalibIfPossible, which
// only the default carries), is asked for again, as retain train's
// default drops it too.
func RunConfig(e *experiment.Experiment) experiment.Config {
	cfg := e.Config
	if d := e.Decay; d != nil && d.Switched {
		cfg.L2Prior, cfg.L2PriorAlt = d.Prior, d.AltPrior
	}
	if e.CalibNote != "" && cfg.CalibIfPossible && !cfg.Calibrates() {
		cfg.CalibFrac, cfg.Calibration = experiment.DefaultCalibFrac, experiment.DefaultCalibration
	}
	return cfg
}

// SourceArgs are retain train's flags that load d as the TUI loaded it,
// label the label column: a per-user file with its label column and its
// date order; an order log with its horizon, the cutoff its cohort was
// built at (a default cutoff depends on today), the columns and date
// order it was read with and the BG/NBD inputs; the built-in shop's size
// and seed; then the columns left out and read as categories. ok is false
// for data no command line loads: the textbook shop, a built-in shop with
// planted abusers (retain tui --builtin-abusers only), standard input.
func SourceArgs(d *experiment.Data, label string) (args []string, ok bool) {
	return sourceArgsAt(d, label, time.Time{})
}

// sourceArgsAt is SourceArgs with an order log's cutoff given (zero: the
// one its cohort was built at).
func sourceArgsAt(d *experiment.Data, label string, at time.Time) (args []string, ok bool) {
	src := d.Source
	switch src.Kind {
	case "csv":
		if src.Path == "" || src.Path == "-" {
			return nil, false
		}
		args = []string{"--data", src.Path}
		if label != "" {
			args = append(args, "--label", label)
		}
		if src.DateOrder != "" {
			args = append(args, "--date-order", src.DateOrder)
		}
	case "log":
		if src.Path == "" || src.Path == "-" {
			return nil, false
		}
		args = []string{"--log", src.Path, "--horizon", strconv.Itoa(src.HorizonDaysOrDefault()) + "d"}
		cutoff := src.Cutoff
		if d.Cohort != nil {
			cutoff = d.Cohort.Cutoff
		}
		if !at.IsZero() {
			cutoff = at
		}
		if !cutoff.IsZero() {
			args = append(args, "--cutoff", cutoff.Format(time.DateOnly))
		}
		var header []string
		if d.Log != nil {
			header = d.Log.Header
		}
		if cols := LogColumnsValue(src.LogColumns, header); cols != "" {
			args = append(args, "--log-columns", cols)
		}
		if src.DateOrder != "" {
			args = append(args, "--date-order", src.DateOrder)
		}
		if src.Features.BTYD {
			args = append(args, "--btyd-features")
		}
	case "builtin", "":
		if d.Planted > 0 {
			return nil, false
		}
		users := src.Users
		if users == 0 {
			users = data.DefaultShopUsers
		}
		args = []string{"--builtin-users", strconv.Itoa(users), "--builtin-seed", strconv.FormatUint(src.DataSeed, 10)}
	default:
		return nil, false
	}
	if len(src.Exclude) > 0 {
		args = append(args, "--exclude", listValue(src.Exclude))
	}
	if len(src.Categorical) > 0 {
		args = append(args, "--categorical", listValue(src.Categorical))
	}
	return args, true
}

// PlanSourceArgs are retain plan's flags that read the customers of d's
// file (--data or --log; none for the built-in shop, which the model file
// names).
func PlanSourceArgs(d *experiment.Data) []string {
	switch d.Source.Kind {
	case "csv":
		return []string{"--data", d.Source.Path}
	case "log":
		return []string{"--log", d.Source.Path}
	}
	return nil
}

// LogColumnsValue is cols as --log-columns takes them (roles in the order
// of its keys, those without a column left out), "" when none is given.
// The description has no key and is left out. A column whose name the
// flag cannot hold (a comma, or spaces at an end, which it trims) is given
// by its 1-based number in header, the log's columns as read.
func LogColumnsValue(cols data.LogColumns, header []string) string {
	var pairs []string
	for _, kv := range [][2]string{{"customer", cols.Customer}, {"time", cols.Time}, {"amount", cols.Amount},
		{"price", cols.Price}, {"quantity", cols.Quantity}, {"order", cols.Order}, {"item", cols.Item},
		{"event", cols.Event}, {"status", cols.Status}} {
		if kv[1] != "" {
			pairs = append(pairs, kv[0]+"="+logColumnRef(kv[1], header))
		}
	}
	return strings.Join(pairs, ",")
}

// logColumnRef names column name in --log-columns: by its name, or, when
// the flag cannot hold the name, by its 1-based number in header (a
// number the log's reader takes unless a column is named so).
func logColumnRef(name string, header []string) string {
	if !strings.Contains(name, ",") && strings.TrimSpace(name) == name {
		return name
	}
	if i := slices.Index(header, name); i >= 0 {
		return strconv.Itoa(i + 1)
	}
	return name
}
