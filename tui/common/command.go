package common

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/engine"
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
	if e == nil || e.Data == nil {
		return nil, false
	}
	label := ""
	if e.Pipeline != nil {
		label = e.Pipeline.Label.Name
	}
	src, ok := SourceArgs(e.Data, label)
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

// cliDefault is the configuration retain train uses without flags:
// experiment.DefaultConfig with the default calibration.
func cliDefault() experiment.Config {
	cfg := experiment.DefaultConfig()
	cfg.CalibFrac, cfg.Calibration, cfg.CalibIfPossible = experiment.DefaultCalibFrac, experiment.DefaultCalibration, true
	return cfg
}

// ConfigArgs are retain train's flags for the settings of cfg that differ
// from its defaults: the network, the optimiser, the decay, the
// schedule, the shares held out, the seed, the calibration and the
// preprocessing. A preset (the Model screen's p) is its settings: they are
// given one by one. How an order log is validated has no flag (retain
// train splits at random); the screens offer the command for runs split
// at random only.
func ConfigArgs(cfg experiment.Config) []string {
	def := cliDefault()
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	var out []string
	add := func(flag, value string) { out = append(out, "--"+flag, value) }
	out = append(out, layerArgs(cfg.Hidden, def.Hidden)...)
	opt := cfg.Train.Optimizer
	if opt.Kind != def.Train.Optimizer.Kind {
		add("optimizer", opt.Kind)
	}
	if opt.LR != def.Train.Optimizer.LR {
		add("lr", g(opt.LR))
	}
	if opt.Kind == "sgd" && opt.Momentum != 0 {
		add("momentum", g(opt.Momentum))
	}
	if opt.Kind == "sgd" && opt.Nesterov {
		out = append(out, "--nesterov")
	}
	if cfg.Train.BatchSize != def.Train.BatchSize {
		add("batch", strconv.Itoa(cfg.Train.BatchSize))
	}
	if cfg.Train.Epochs != def.Train.Epochs {
		add("epochs", strconv.Itoa(cfg.Train.Epochs))
	}
	// A fixed decay (no prior per training row) is --l2, which turns the
	// prior and the decay check off; a prior keeps --l2 out.
	if cfg.L2Prior == 0 {
		add("l2", g(cfg.Train.L2))
	} else {
		if cfg.L2Prior != def.L2Prior {
			add("l2-prior", g(cfg.L2Prior))
		}
		if cfg.L2PriorAlt != def.L2PriorAlt {
			add("l2-prior-alt", g(cfg.L2PriorAlt))
		}
	}
	if pw := cfg.Train.PosWeight; pw != 0 && pw != 1 {
		add("pos-weight", g(pw))
	}
	if p := cfg.Train.EarlyStop.Patience; p != def.Train.EarlyStop.Patience {
		add("early-stop", strconv.Itoa(p))
	}
	out = append(out, scheduleArgs(cfg.Train.Schedule)...)
	if cfg.Train.ClipNorm != def.Train.ClipNorm {
		add("clip-norm", g(cfg.Train.ClipNorm))
	}
	if cfg.Train.AverageEpochs != def.Train.AverageEpochs {
		add("average-epochs", g(cfg.Train.AverageEpochs))
	}
	if cfg.ValFrac != def.ValFrac {
		add("val", g(cfg.ValFrac))
	}
	if cfg.TestFrac != def.TestFrac {
		add("test", g(cfg.TestFrac))
	}
	if cfg.Seed != def.Seed {
		add("seed", strconv.FormatUint(cfg.Seed, 10))
	}
	if cfg.Threshold != def.Threshold {
		add("threshold", g(cfg.Threshold))
	}
	switch {
	case !cfg.Calibrates():
		add("calibration", string(experiment.CalibNone))
	default:
		if cfg.Calibration != def.Calibration {
			add("calibration", string(cfg.Calibration))
		}
		if cfg.CalibFrac > 0 {
			add("calib", g(cfg.CalibFrac))
		}
	}
	return append(out, pipelineArgs(cfg.Pipeline, def.Pipeline)...)
}

// layerArgs are --layers and --activation for hidden, each when it
// differs from def's: one activation when every layer has it, else one
// per layer.
func layerArgs(hidden, def []engine.LayerSpec) []string {
	units := func(h []engine.LayerSpec) []string {
		out := make([]string, len(h))
		for i, l := range h {
			out[i] = strconv.Itoa(l.Units)
		}
		return out
	}
	var out []string
	if u := units(hidden); !slices.Equal(u, units(def)) {
		layers := strings.Join(u, ",")
		if len(u) == 0 {
			layers = "none"
		}
		out = append(out, "--layers", layers)
	}
	if len(hidden) == 0 {
		return out
	}
	acts := make([]string, len(hidden))
	same := true
	for i, l := range hidden {
		acts[i] = l.Activation.String()
		same = same && acts[i] == acts[0]
	}
	switch {
	case !same:
		out = append(out, "--activation", strings.Join(acts, ","))
	case len(def) == 0 || acts[0] != def[0].Activation.String():
		out = append(out, "--activation", acts[0])
	}
	return out
}

// scheduleArgs are the learning-rate schedule's flags, each setting when
// it differs from the command line's default for the schedule.
func scheduleArgs(s engine.ScheduleConfig) []string {
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	if !s.On() {
		return nil
	}
	out := []string{"--lr-schedule", s.Kind}
	if s.Kind == "step" && s.Every != 10 {
		out = append(out, "--lr-step", strconv.Itoa(s.Every))
	}
	if (s.Kind == "step" || s.Kind == "plateau") && s.Factor != 0.5 {
		out = append(out, "--lr-factor", g(s.Factor))
	}
	if s.Kind == "plateau" && s.Patience != 5 {
		out = append(out, "--lr-patience", strconv.Itoa(s.Patience))
	}
	if (s.Kind == "plateau" || s.Kind == "cosine") && s.MinLR != 0 {
		out = append(out, "--min-lr", g(s.MinLR))
	}
	return out
}

// pipelineArgs are the preprocessing flags of p that differ from def.
func pipelineArgs(p, def data.PipelineOptions) []string {
	var out []string
	if p.Scale != def.Scale {
		out = append(out, "--scale", p.Scale.String())
	}
	if p.Log1p != def.Log1p {
		out = append(out, "--log1p="+strconv.FormatBool(p.Log1p))
	}
	if p.Impute != def.Impute {
		out = append(out, "--impute", p.Impute.String())
	}
	if p.MissingIndicators != def.MissingIndicators {
		out = append(out, "--missing-indicators="+strconv.FormatBool(p.MissingIndicators))
	}
	return out
}

// listValue is names as a flag of comma-separated names reads them (as a
// CSV record: a name holding a comma or a quote is quoted).
func listValue(names []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(names) // a bytes.Buffer does not fail
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// ShellWord is s quoted for a POSIX shell when it needs it: as it is when
// it holds only letters, digits and the punctuation a path or a flag
// usually has, else in single quotes, a single quote inside ending the
// quotes, escaped with a backslash and opening them again.
func ShellWord(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:=,+-@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ShellLine is words as one line of a POSIX shell, each quoted as it needs
// (ShellWord).
func ShellLine(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = ShellWord(w)
	}
	return strings.Join(quoted, " ")
}

// ShellLines lays words out as a command of a POSIX shell on lines of at
// most width cells, so that the lines copied from the screen as they are
// run as the one command: each line but the last ends in " \" (the shell
// joins the next line to it), a line breaks only between words and never
// between a flag and its value, and the lines after the first are
// indented (indent, then two spaces more). A word too wide for any line
// is cut into pieces, each quoted on its own and ended by a "\" right
// after it, the next piece at the start of its line (the shell reads the
// pieces as one word).
func ShellLines(words []string, indent string, width int) []string {
	width = max(width, len(indent)+8)
	var lines []string
	line := indent
	fresh := true // line holds no word yet
	more := indent + "  "
	put := func(text string) {
		if !fresh && ansi.StringWidth(line)+1+ansi.StringWidth(text)+2 > width {
			lines = append(lines, line+" \\")
			line, fresh = more, true
		}
		if !fresh {
			line += " "
		}
		line += text
		fresh = false
	}
	for i := 0; i < len(words); i++ {
		group := []string{words[i]}
		if strings.HasPrefix(words[i], "--") && !strings.Contains(words[i], "=") && i+1 < len(words) && !strings.HasPrefix(words[i+1], "--") {
			group = append(group, words[i+1])
			i++
		}
		quoted := make([]string, len(group))
		for k, w := range group {
			quoted[k] = ShellWord(w)
		}
		if text := strings.Join(quoted, " "); ansi.StringWidth(more)+ansi.StringWidth(text)+2 <= width {
			put(text)
			continue
		}
		for k, w := range group {
			if ansi.StringWidth(more)+ansi.StringWidth(quoted[k])+2 <= width {
				put(quoted[k])
				continue
			}
			// Too wide for a line of its own: pieces, each on a line.
			if !fresh {
				lines = append(lines, line+" \\")
			}
			pieces := shellPieces(w, width-1)
			for _, p := range pieces[:len(pieces)-1] {
				lines = append(lines, p+"\\")
			}
			line, fresh = pieces[len(pieces)-1], false
		}
	}
	return append(lines, line)
}

// shellPieces cuts w into pieces whose quoted forms (ShellWord) are at
// most width cells wide, quoted: the shell reads them written one after
// the other as w.
func shellPieces(w string, width int) []string {
	var out []string
	var cur []rune
	for _, r := range w {
		if len(cur) > 0 && ansi.StringWidth(ShellWord(string(append(cur, r)))) > width {
			out = append(out, ShellWord(string(cur)))
			cur = cur[:0]
		}
		cur = append(cur, r)
	}
	return append(out, ShellWord(string(cur)))
}
