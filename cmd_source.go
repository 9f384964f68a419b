package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
)

// sourceFlags are the flags that choose the data every command reads:
// a per-user CSV, an order log turned into a cohort, or the built-in shop.
type sourceFlags struct {
	data, label        string
	log, cutoff        string
	horizon            string
	logColumns         string
	dateOrder          string
	btydFeatures       bool
	builtinUsers       int
	builtinSeed        uint64
	registeredBuiltins bool
	exclude            []string
	categorical        []string
	// noStdin leaves "-" (standard input) out of --data's and --log's help:
	// the terminal UI and serve refuse it.
	noStdin bool
	// asOf registers the flags of a command that scores --log's customers
	// as of --cutoff without a label (anomalies): --cutoff defaults to the
	// log's last date and there is no --horizon.
	asOf bool
	// flags tells which flags were given (nil: none was).
	flags *pflag.FlagSet
}

// inputFileExts are the extensions the shell completes a data or log file
// with: text (CSV, tab-separated, whitespace columns), the same text
// gzip-compressed (read decompressed), Parquet and every kind of Excel
// workbook the readers open (data.WorkbookExtensions). Not a bare .gz:
// the shells would offer x.parquet.gz and x.xlsx.gz with it, which the
// readers refuse (a Parquet file or a workbook is read from its end), as
// they refuse an .xlsb workbook.
func inputFileExts() []string {
	return append([]string{"csv", "tsv", "txt", "csv.gz", "tsv.gz", "txt.gz", "parquet"}, data.WorkbookExtensions()...)
}

// register adds the source flags to cmd. withBuiltin adds the flags that
// size the built-in population.
func (f *sourceFlags) register(cmd *cobra.Command, withBuiltin bool) {
	fs := cmd.Flags()
	f.flags = fs
	stdin := ", - for standard input"
	if f.noStdin {
		stdin = ""
	}
	inputFileVar(fs, &f.data, "data", "per-user CSV, Parquet or xlsx `FILE`"+stdin+" (default: the built-in synthetic shop)")
	fs.StringVar(&f.label, "label", "", "label `COLUMN` of the CSV (default: detected: churn, label, target, …)")
	inputFileVar(fs, &f.log, "log", "order or event log `FILE` (CSV, whitespace columns, Parquet or xlsx"+stdin+") to turn into one row per customer")
	if f.asOf {
		fs.StringVar(&f.cutoff, "cutoff", "", "score --log's customers as of `DATE` (YYYY-MM-DD), its orders up to that day (default: the log's last date, not counting lines dated after today)")
	} else {
		fs.StringVar(&f.cutoff, "cutoff", "", "cohort cutoff `DATE` (YYYY-MM-DD) of --log (default: last date minus the horizon)")
		fs.StringVar(&f.horizon, "horizon", "", "label window of --log after the cutoff, e.g. 30d, 4w or 30 (default 30d)")
	}
	fs.StringVar(&f.logColumns, "log-columns", "", "`ROLES` of --log's columns as role=column pairs by header name or number, e.g. customer=1,time=3,quantity=4,amount=5 (default: detected)")
	fs.StringVar(&f.dateOrder, "date-order", "", "`ORDER` of --log's dates, or of --data's date columns' dates, written with the year last (1/12/2010): dmy or mdy (default: shown by the file's own dates, a day above 12)")
	window := "<H>d"
	if f.asOf {
		window = fmt.Sprintf("%dd", data.DefaultHorizonDays) // no --horizon
	}
	fs.BoolVar(&f.btydFeatures, "btyd-features", false, "add the BG/NBD quantities fitted on --log's history up to the cutoff as inputs: btyd_p_alive, btyd_expected_"+window+", btyd_p_any_"+window)
	fs.StringSliceVar(&f.exclude, "exclude", nil, "leave the `COLUMNS` (comma-separated) out of the features; a model file records them")
	markTraining(fs.Lookup("exclude"))
	fs.StringSliceVar(&f.categorical, "categorical", nil, "read the `COLUMNS` (comma-separated) as categories: each number of a column of codes (a region, a browser) gets its own input instead of being read as an amount; a model file records them")
	markTraining(fs.Lookup("categorical"))
	cmd.MarkFlagsMutuallyExclusive("data", "log")
	_ = cmd.MarkFlagFilename("data", inputFileExts()...)
	_ = cmd.MarkFlagFilename("log", inputFileExts()...)
	if withBuiltin {
		f.registeredBuiltins = true
		fs.IntVar(&f.builtinUsers, "builtin-users", data.DefaultShopUsers, "size `N` of the built-in population")
		fs.Uint64Var(&f.builtinSeed, "builtin-seed", 0, "seed of the built-in population")
		markTraining(fs.Lookup("builtin-users"))
		markTraining(fs.Lookup("builtin-seed"))
	}
}

// source turns the flags into an experiment source; every error is the
// user's (exit code 2).
func (f *sourceFlags) source() (experiment.Source, error) {
	src, err := f.sourceOnly()
	if err := checkExclude(f.exclude); err != nil {
		return src, err
	}
	if err := checkColumnList("categorical", f.categorical); err != nil {
		return src, err
	}
	src.Exclude, src.Categorical = f.exclude, f.categorical
	return src, err
}

// checkExclude refuses an empty column name among the values of --exclude.
func checkExclude(names []string) error { return checkColumnList("exclude", names) }

// checkColumnList refuses an empty column name among the values of a flag
// that names columns (--exclude, --categorical).
func checkColumnList(flag string, names []string) error {
	for _, name := range names {
		if strings.TrimSpace(name) == "" {
			return usageError(fmt.Errorf("--%s %q: an empty column name", flag, strings.Join(names, ",")))
		}
	}
	return nil
}

// sourceOnly is source without the excluded and categorical columns.
func (f *sourceFlags) sourceOnly() (experiment.Source, error) {
	logOnly := f.cutoff != "" || f.horizon != "" || f.logColumns != ""
	if (f.data != "" || f.log != "") && f.registeredBuiltins && f.flags != nil {
		if name := firstGiven(f.flags.Changed, "builtin-users", "builtin-seed"); name != "" {
			return experiment.Source{}, usageError(fmt.Errorf("--%s applies to the built-in shop, not --data or --log", name))
		}
	}
	switch {
	case f.btydFeatures && f.log == "":
		return experiment.Source{}, usageError(errors.New("--btyd-features needs --log: the BG/NBD quantities come from an order log's history"))
	case f.data == "" && f.log == "" && f.label != "":
		return experiment.Source{}, usageError(errors.New("--label needs --data"))
	case f.data == "" && f.log == "" && logOnly:
		return experiment.Source{}, usageError(fmt.Errorf("%s need --log", f.logOnlyFlags()))
	case f.data == "" && f.log == "" && f.dateOrder != "":
		return experiment.Source{}, usageError(errors.New("--date-order needs --log or --data"))
	case f.data != "":
		if logOnly {
			return experiment.Source{}, usageError(fmt.Errorf("%s apply to --log, not --data", f.logOnlyFlags()))
		}
		// --date-order reads the table's date columns written with the
		// year last in that order.
		order, err := parseDateOrderFlag(f.dateOrder)
		if err != nil {
			return experiment.Source{}, err
		}
		return experiment.Source{Kind: "csv", Path: f.data, Label: f.label, DateOrder: order}, nil
	case f.log != "":
		if f.label != "" && f.asOf {
			return experiment.Source{}, usageError(errors.New("--label applies to --data; an order log's customers are scored without a label"))
		}
		if f.label != "" {
			return experiment.Source{}, usageError(errors.New("--label applies to --data; an order log's label is built from --horizon"))
		}
		src := experiment.Source{Kind: "log", Path: f.log}
		cols, err := parseLogColumns(f.logColumns)
		if err != nil {
			return experiment.Source{}, usageError(fmt.Errorf("--log-columns %q: %w", f.logColumns, err))
		}
		src.LogColumns = cols
		if src.DateOrder, err = parseDateOrderFlag(f.dateOrder); err != nil {
			return experiment.Source{}, err
		}
		src.Features.BTYD = f.btydFeatures
		if f.cutoff != "" {
			t, err := parseCutoff(f.cutoff)
			if err != nil {
				return experiment.Source{}, err
			}
			src.Cutoff = t
		}
		if f.horizon != "" {
			days, err := parseDays(f.horizon)
			if err != nil {
				return experiment.Source{}, usageError(fmt.Errorf("--horizon %q: %w", f.horizon, err))
			}
			src.HorizonDays = days
		}
		return src, nil
	}
	src := experiment.Source{Kind: "builtin"}
	if f.registeredBuiltins {
		if err := checkBuiltinUsers(f.builtinUsers); err != nil {
			return experiment.Source{}, err
		}
		src.Users, src.DataSeed = f.builtinUsers, f.builtinSeed
	}
	return src, nil
}

// modelDataFlags refuses, where a saved model scores --data (predict,
// plan, eval --model) or the built-in shop, the flags of an order log and
// --date-order: the model reads a table's dates in the order it was
// trained with.
func modelDataFlags(cutoff, logColumns, dateOrder string) error {
	if cutoff != "" || logColumns != "" {
		return usageError(errors.New("--cutoff and --log-columns apply to --log, not --data"))
	}
	if dateOrder != "" {
		return usageError(errModelDateOrder)
	}
	return nil
}

// errModelDateOrder refuses --date-order where a model scores a per-user
// table.
var errModelDateOrder = errors.New("--date-order applies to --log here: a model reads --data's dates written with the year last " +
	"in the order it was trained with (retain inspect says it)")

// logOnlyFlags names the flags registered that apply to --log alone
// (--date-order applies to --data too).
func (f *sourceFlags) logOnlyFlags() string {
	if f.asOf {
		return "--cutoff and --log-columns"
	}
	return "--cutoff, --horizon and --log-columns"
}

// checkBuiltinUsers refuses a --builtin-users size outside 1..MaxShopUsers
// (a usage error).
func checkBuiltinUsers(n int) error {
	if n < 1 || n > data.MaxShopUsers {
		return usageError(fmt.Errorf("--builtin-users %d: want 1..%d", n, data.MaxShopUsers))
	}
	return nil
}

// parseDays reads a horizon such as "30d", "4w" or "30" as a number of
// days (data.ParseHorizon, which the TUI's horizon fields read with too).
func parseDays(s string) (int, error) { return data.ParseHorizon(s) }

// parseCutoff reads a --cutoff date (YYYY-MM-DD); a bad one is a usage
// error.
func parseCutoff(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, usageError(fmt.Errorf("--cutoff %q: want a date as YYYY-MM-DD", s))
	}
	return t, nil
}

// parseLogColumns reads "role=column,…" with roles customer, time, amount,
// price, quantity, order, item, event and status.
func parseLogColumns(s string) (data.LogColumns, error) {
	var c data.LogColumns
	if strings.TrimSpace(s) == "" {
		return c, nil
	}
	slots := map[string]*string{"date": &c.Time}
	for _, r := range logColumnRoles(&c) {
		if r.role != "description" { // detected only
			slots[r.role] = r.column
		}
	}
	for _, part := range strings.Split(s, ",") {
		role, col, ok := strings.Cut(part, "=")
		role, col = strings.ToLower(strings.TrimSpace(role)), strings.TrimSpace(col)
		slot := slots[role]
		if !ok || col == "" || slot == nil {
			return c, fmt.Errorf("want role=column pairs with roles customer, time, amount, price, quantity, order, item, event, status; got %q", part)
		}
		if *slot != "" {
			// "customer=a,customer=b" kept the last silently; "date" and
			// "time" are one role.
			return c, fmt.Errorf("role %s given twice (%q and %q): give each role one column", role, *slot, col)
		}
		*slot = col
	}
	return c, nil
}

// logColumnRole is one role of an order log's columns, as --log-columns
// names it, and the field of a LogColumns that holds its column.
type logColumnRole struct {
	role   string
	column *string
}

// logColumnRoles lists the roles of c in --log-columns order.
func logColumnRoles(c *data.LogColumns) []logColumnRole {
	return []logColumnRole{{"customer", &c.Customer}, {"time", &c.Time}, {"amount", &c.Amount}, {"price", &c.Price},
		{"quantity", &c.Quantity}, {"order", &c.Order}, {"item", &c.Item}, {"description", &c.Description}, {"event", &c.Event}, {"status", &c.Status}}
}

// dateOrderVar registers --date-order, the order of an order log's dates
// written with the year last.
func dateOrderVar(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "date-order", "", "`ORDER` of the log's dates written with the year last (1/12/2010): dmy or mdy (default: shown by the log's own dates, a day above 12)")
}

// parseDateOrderFlag checks --date-order and returns it as a Source
// records it ("dmy", "mdy" or "").
func parseDateOrderFlag(s string) (string, error) {
	order, err := data.ParseDateOrder(s)
	if err != nil {
		return "", usageError(fmt.Errorf("--date-order: %w", err))
	}
	return order.String(), nil
}
