package experiment

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/retainlab/retain/data"
)

// Source says where an experiment's rows come from.
type Source struct {
	// Kind is "builtin" (the synthetic shop), "textbook" (its 100-user
	// preset), "csv" (a per-user table) or "log" (an order log).
	Kind string `json:"kind"`
	// Path is the file of a csv or log source.
	Path string `json:"path,omitempty"`
	// Label names the label column of a CSV ("" detects it).
	Label string `json:"label,omitempty"`
	// Users and DataSeed size and seed the built-in population.
	Users    int    `json:"users,omitempty"`
	DataSeed uint64 `json:"data_seed,omitempty"`
	// Cutoff and HorizonDays (default 30) build the cohort of an order log; a
	// zero Cutoff takes the last date of the log minus the horizon.
	Cutoff      time.Time `json:"cutoff,omitzero"`
	HorizonDays int       `json:"horizon_days,omitempty"`
	// CutoffDefault records that Load took the default cutoff (Cutoff
	// was zero), so that a change of horizon can take the default again
	// (the last date minus the new horizon) instead of keeping a cutoff
	// nobody chose. Setting Cutoff should clear it.
	CutoffDefault bool `json:"-"`
	// LogColumns names the log's columns by header name or 1-based number
	// where detection cannot find them.
	LogColumns data.LogColumns `json:"log_columns,omitzero"`
	// Features is the cohort feature set of an order log (log_features.go):
	// what to build when training, what was built in a model file.
	Features LogFeatures `json:"log_features,omitzero"`
	// Exclude names columns left out of the features (data.ExcludeColumns),
	// so a model file's rows are built again without them.
	Exclude []string `json:"exclude,omitempty"`
	// Categorical names columns of numbers read as categorical codes
	// (data.DeclareCategorical), so a model file's rows are read the same
	// way.
	Categorical []string `json:"categorical,omitempty"`
	// DateOrder is the order ("dmy" or "mdy") of an order log's dates
	// written with the year last ("1/12/2010"): given, it is how they are
	// read; loaded, it is how they were read (found from the log's own
	// dates when not given), and a model file keeps it. For a per-user
	// table it is the order given for its date columns' dates written so
	// (data.CSVOptions.DateOrder); each date column records the order it
	// was read in (data.PipelineColumn.DateOrder).
	DateOrder string `json:"date_order,omitempty"`
	// DateOrderIfUnknown is the order to read such dates in when DateOrder
	// is not given and the log's dates do not show one (ForLog: the
	// model's).
	DateOrderIfUnknown string `json:"-"`
	// EventColumn names, once loaded, the event type column of an event
	// log (given or detected): only its purchase events were orders, and a
	// model file keeps it so that the SQL export counts them alone.
	EventColumn string `json:"event_column,omitempty"`
	// StatusColumn names, once loaded, the order status column (given or
	// detected): orders whose status is a cancellation were cancelled, and
	// the SQL export must leave them out too.
	StatusColumn string `json:"status_column,omitempty"`
	// DayBaskets records, once loaded, that the log's lines were items
	// without order ids, so that one customer's lines on one day formed one
	// order: the SQL export needs the item column to do the same.
	DayBaskets bool `json:"day_baskets,omitempty"`
	// ItemBaskets records, once loaded, that the log had item ids and no
	// quantity column, so that basket_size_avg counted the distinct items
	// of an order, not its units: the SQL export counts them the same way.
	ItemBaskets bool `json:"item_baskets,omitempty"`
	// DetectedLogColumns records, once loaded, the header names of the
	// log's columns by role as they were read (given or detected; none for
	// a log without a header), so that the SQL export can read an orders
	// table of the same layout without --log-columns.
	DetectedLogColumns data.LogColumns `json:"detected_log_columns,omitzero"`
	// DayNumbers records, once loaded, that the log's date column held day
	// numbers (read as days after 1970-01-01), which the SQL export cannot
	// read as dates.
	DayNumbers bool `json:"day_numbers,omitempty"`
	// TimeForm records, once loaded, how the log's dates were written
	// (data.TimeForm: iso, yyyymmdd, unix, ymd, dmy, mdy, other or mixed), so that the SQL
	// export reads the orders table's time column the same way; "" in a
	// model written before it was recorded (read as iso).
	TimeForm data.TimeForm `json:"time_form,omitempty"`
	// DecimalCommas records, once loaded, that the log wrote its amounts,
	// prices or quantities with decimal commas, which the SQL export reads
	// only from numeric columns.
	DecimalCommas bool `json:"decimal_commas,omitempty"`
	// labelOptional reads a per-user table without a label when none is
	// named or detected (LoadForAnomalies) instead of refusing it; noLabel
	// reads it without one whatever its columns are called.
	labelOptional, noLabel bool
	// scoring marks a source a saved model scores (Bundle.ForLog): its
	// load skips the leak check, which warns about what to train on.
	scoring bool
}

// logOptions are the options src's order log is read with.
func (s Source) logOptions(now time.Time) (data.LogOptions, error) {
	order, err := data.ParseDateOrder(s.DateOrder)
	if err != nil {
		return data.LogOptions{}, fmt.Errorf("%w: %v", ErrSource, err)
	}
	ifUnknown, err := data.ParseDateOrder(s.DateOrderIfUnknown)
	if err != nil {
		return data.LogOptions{}, fmt.Errorf("%w: %v", ErrSource, err)
	}
	return data.LogOptions{Columns: s.LogColumns, Today: now, DateOrder: order, DateOrderIfUnknown: ifUnknown}, nil
}

// Describe names the source in a few words for headers and reports.
func (s Source) Describe() string {
	switch s.Kind {
	case "builtin":
		return fmt.Sprintf("built-in shop (%s users, seed %d)", data.Thousands(s.usersOrDefault()), s.DataSeed)
	case "textbook":
		return "textbook shop (100 users)"
	case "log":
		cutoff := "default cutoff (the last date minus the horizon)"
		if !s.Cutoff.IsZero() {
			cutoff = "cutoff " + s.Cutoff.Format(time.DateOnly)
		}
		if s.Path == "" {
			return fmt.Sprintf("an order log (path not stored; %s, horizon %d days)", cutoff, s.HorizonDaysOrDefault())
		}
		return fmt.Sprintf("%s (order log, %s, horizon %d days)", s.Path, cutoff, s.HorizonDaysOrDefault())
	}
	return s.pathOr("a per-user table")
}

// HorizonDaysOrDefault is the label window in days: HorizonDays, or
// data.DefaultHorizonDays when it is 0 (not given).
func (s Source) HorizonDaysOrDefault() int {
	if s.HorizonDays == 0 {
		return data.DefaultHorizonDays
	}
	return s.HorizonDays
}

// pathOr is the source's path, or what to call it when a model file does
// not record it.
func (s Source) pathOr(what string) string {
	if s.Path == "" {
		return what + " (path not stored)"
	}
	return s.Path
}

func (s Source) usersOrDefault() int {
	if s.Users == 0 {
		return data.DefaultShopUsers
	}
	return s.Users
}

// Opener opens a named file for reading; the caller's os.Open in practice,
// anything in tests.
type Opener func(path string) (io.ReadCloser, error)

// ErrSource is returned for a source that cannot be loaded as described.
var ErrSource = errors.New("bad data source")

// Data is a loaded data set ready to be split and preprocessed.
type Data struct {
	Source Source
	Table  *data.Table
	// TrueProb holds each row's true probability for the built-in data
	// (nil otherwise), so the Bayes limit can be shown.
	TrueProb []float64
	// Cohort describes how an order log became a table (log sources only).
	Cohort *data.CohortReport
	// Log is the parsed order log (log sources only), for what works on the
	// orders rather than on the per-customer table: BGNBDBaseline, the
	// cohort retention triangle and scoring the current customers
	// (Experiment.Current).
	Log *data.OrderLog
	// Warnings are problems with the input that did not stop the load,
	// such as order lines dated after today; show them with the summary.
	Warnings []LoadWarning
	// Planted is the share of abusers planted in the built-in shop, with
	// their truth columns (LoadWithAbusers; 0 otherwise).
	Planted float64
	// bgnbd is the BG/NBD fit that made Table's --btyd-features inputs,
	// and bgnbdOf the table it scored: BGNBD reuses it for that table.
	bgnbd   *BGNBDScores
	bgnbdOf *data.Table
	// rows is Table's RowsFingerprint once rowsDone (see
	// Data.RowsFingerprint): kept so that it outlives the table's cells.
	rows     *RowsFingerprint
	rowsDone bool
}

// RowsFingerprint returns the fingerprint of the table's rows
// (TableFingerprint), computed once: Experiment.ReleaseTableCells takes it
// before it drops the cells, so a model saved afterwards still holds it.
func (d *Data) RowsFingerprint() *RowsFingerprint {
	if !d.rowsDone {
		d.rows, d.rowsDone = TableFingerprint(d.Table), true
	}
	return d.rows
}

// BGNBD returns BGNBDBaseline of the loaded log at the cohort's cutoff and
// horizon for the rows of Table. When the load fitted it already, for the
// --btyd-features inputs of this very table, that fit is returned rather
// than made again. The error wraps ErrBaseline when the data is not an
// order log or the fit fails.
func (d *Data) BGNBD() (*BGNBDScores, error) {
	if d.Log == nil || d.Cohort == nil {
		return nil, &BaselineError{Detail: d.Source.Describe() + " is not an order log"}
	}
	if d.bgnbd != nil && d.bgnbdOf == d.Table && len(d.bgnbd.PAny) == d.Table.Rows {
		return d.bgnbd, nil
	}
	return BGNBDBaseline(d.Log, d.Table, d.Cohort.Cutoff, d.Source.HorizonDays)
}

// Notes returns the lines to show with the load summary: the warnings,
// then every column that is not a feature and why (data.LoadNotes).
func (d *Data) Notes() []string {
	notes := make([]string, 0, len(d.Warnings))
	for _, w := range d.Warnings {
		notes = append(notes, "warning: "+w.String())
	}
	for _, n := range featureNotes(d) {
		notes = append(notes, "note: "+n)
	}
	for _, n := range data.LoadNotes(d.Table) {
		notes = append(notes, "note: "+n)
	}
	for _, h := range data.CodeHints(d.Table) {
		notes = append(notes, fmt.Sprintf("note: %s: %s; if they are codes, not amounts, give --categorical %s", d.Table.Source, h, h.Column))
	}
	return notes
}

// Load reads the rows a source describes, taking today's date from the
// clock for the order-log checks; see LoadAt.
func Load(src Source, open Opener) (*Data, error) {
	return LoadAt(src, open, time.Now())
}

// LoadContext is Load that stops once ctx is done, returning ctx's error:
// an order log's feature stage (the cohort's features, the BG/NBD fit of
// --btyd-features) looks at ctx as it goes, not only once it is over.
// The input's reads are open's: to stop reading as well, open through
// data.WithContext.
func LoadContext(ctx context.Context, src Source, open Opener) (*Data, error) {
	return loadAtContext(ctx, src, open, time.Now())
}

// LoadAt reads the rows a source describes. now is the current time: order
// lines dated after it are reported in Data.Warnings, and the default
// cutoff of an order log ignores them. A table's category of numbers
// written with a decimal comma is reported there (DecimalCommaWarning); so
// is a feature that alone separates the label (LeakWarnings), unless a
// saved model is only scoring the source.
func LoadAt(src Source, open Opener, now time.Time) (*Data, error) {
	return loadAtContext(context.Background(), src, open, now)
}

// loadAtContext is LoadAt whose feature stage stops once ctx is done.
func loadAtContext(ctx context.Context, src Source, open Opener, now time.Time) (*Data, error) {
	d, err := loadAt(ctx, src, open, now)
	if err != nil {
		return nil, err
	}
	// A log's cohort table is built with its exclusions (buildLogCohort).
	if len(src.Exclude) > 0 && src.Kind != "log" {
		if err := data.ExcludeColumns(d.Table, src.Exclude); err != nil {
			return nil, err
		}
	}
	if len(src.Categorical) > 0 && src.Kind != "log" {
		if err := data.DeclareCategorical(d.Table, src.Categorical); err != nil {
			return nil, err
		}
	}
	if src.Kind == "csv" {
		d.Warnings = append(d.Warnings, decimalCommaWarnings(d.Table)...)
	}
	if (src.Kind == "csv" || src.Kind == "log") && !src.labelOptional && !src.scoring {
		d.Warnings = append(d.Warnings, LeakWarnings(src.Path, d.Table)...)
	}
	return d, nil
}

func loadAt(ctx context.Context, src Source, open Opener, now time.Time) (*Data, error) {
	switch src.Kind {
	case "builtin", "":
		src.Kind = "builtin"
		shop, err := data.GenerateShop(src.usersOrDefault(), src.DataSeed)
		if err != nil {
			return nil, err
		}
		return &Data{Source: src, Table: shop.Table, TrueProb: shop.TrueProb}, nil
	case "textbook":
		shop := data.TextbookShop()
		return &Data{Source: src, Table: shop.Table, TrueProb: shop.TrueProb}, nil
	case "csv", "log":
	default:
		return nil, fmt.Errorf("%w: kind %q (want builtin, textbook, csv or log)", ErrSource, src.Kind)
	}
	if strings.TrimSpace(src.Path) == "" {
		return nil, fmt.Errorf("%w: a %s source needs a file path", ErrSource, src.Kind)
	}
	f, err := open(src.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if src.Kind == "csv" {
		order, err := data.ParseDateOrder(src.DateOrder)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrSource, err)
		}
		t, again, err := data.ReadCSVAgain(f, src.Path, data.CSVOptions{Label: src.Label, LabelOptional: src.labelOptional, NoLabel: src.noLabel,
			Exclude: src.Exclude, DateOrder: order})
		if err != nil {
			return nil, logLook(src, open, again, err)
		}
		return &Data{Source: src, Table: t, Warnings: orderLogWarnings(src, open, again, t)}, nil
	}
	if src.HorizonDays < 0 || src.HorizonDays > data.MaxHorizonDays {
		return nil, fmt.Errorf("%w: %s: horizon of %s (want 1 to %s)", data.ErrCutoff, src.Path, data.Count(src.HorizonDays, "day", "days"), data.Thousands(data.MaxHorizonDays))
	}
	opts, err := src.logOptions(now)
	if err != nil {
		return nil, err
	}
	log, err := data.ReadOrderLog(f, src.Path, opts)
	if err != nil {
		return nil, err
	}
	src.DateOrder, src.DateOrderIfUnknown = log.DateOrder.String(), ""
	src.EventColumn, src.StatusColumn = log.Columns.Event, log.Columns.Status
	src.DayBaskets = log.DayBaskets()
	src.ItemBaskets = log.Columns.Item != "" && log.Columns.Quantity == ""
	if !log.Headerless {
		src.DetectedLogColumns = log.Columns
	}
	src.DayNumbers = log.DayNumbers()
	src.TimeForm = log.TimeForm()
	src.DecimalCommas = log.DecimalCommas
	if src.HorizonDays == 0 {
		src.HorizonDays = data.DefaultHorizonDays
	}
	var warnings []LoadWarning
	if f := log.FutureDated(); f != nil {
		warnings = append(warnings, &FutureWarning{FutureDated: *f,
			DefaultCutoff: src.Cutoff.IsZero() && !log.LastUpToToday.IsZero(), LastUpToToday: log.LastUpToToday})
	}
	warnings = append(warnings, earlyWarnings(log)...)
	warnings = append(warnings, blankWarnings(src.Path, log)...)
	if src.Cutoff.IsZero() {
		// Without a cutoff, the latest one whose label window the log
		// covers, not counting lines dated in the future.
		src.Cutoff = log.LastKnown().AddDate(0, 0, -src.HorizonDays)
		src.CutoffDefault = true
	}
	// A set without a version is training's; a model's is kept as it is.
	if src.Features.Version == 0 {
		src.Features, err = src.Features.forTraining(log, src.Path)
	} else {
		src.Features, err = src.Features.resolve(src.Path)
	}
	if err != nil {
		return nil, err
	}
	if w, ok := f.(data.Watched); ok {
		// A progress display says the lines are now being turned into
		// per-customer features.
		w.SetStage(data.StageFeatures)
	}
	t, rep, bg, err := buildLogCohort(ctx, log, src)
	if err != nil {
		return nil, err
	}
	if rep.HorizonTruncated {
		// The label counts repeat orders up to cutoff + horizon; past the
		// log's end none can be seen, so some positives read as negatives.
		// The end is the last date up to today, as for the default cutoff.
		warnings = append(warnings, &WindowWarning{Path: src.Path, Cutoff: rep.Cutoff,
			End: rep.Cutoff.AddDate(0, 0, src.HorizonDays), First: rep.First, Last: rep.LastKnown,
			Latest: rep.LastKnown.AddDate(0, 0, -src.HorizonDays), Negative: "no", UpToToday: !rep.LastKnown.Equal(rep.Last)})
	}
	if !src.scoring {
		// What a model learns from; the rows it scores are marked
		// short_history one by one.
		warnings = append(warnings, historyWarnings(src.Path, rep)...)
	}
	return &Data{Source: src, Table: t, Cohort: &rep, Log: log, Warnings: warnings, bgnbd: bg, bgnbdOf: t}, nil
}

// buildLogCohort builds the cohort of log at src.Cutoff with src's horizon
// and resolved feature set, BG/NBD inputs included when asked for, the
// columns src.Exclude names left out of the features and those
// src.Categorical names read as codes: the rows of Load,
// and of the cohorts an out-of-time experiment and a backtest fold train
// and are measured on. With BG/NBD inputs it also returns the fit's scores
// of these rows (nil without), so a caller measuring BG/NBD beside the
// network does not fit it again. Once ctx is done it stops, within a few
// thousand customers' work, and returns ctx's error.
func buildLogCohort(ctx context.Context, log *data.OrderLog, src Source) (*data.Table, data.CohortReport, *BGNBDScores, error) {
	t, rep, err := data.BuildCohortContext(ctx, log, src.Cutoff, src.HorizonDays, src.Features.options())
	if err != nil {
		return nil, rep, nil, err
	}
	var bg *BGNBDScores
	if src.Features.BTYD {
		var names []string
		if t, names, bg, err = addBTYD(ctx, log, t, rep.Cutoff, src.HorizonDays); err != nil {
			return nil, rep, nil, err
		}
		rep.Features = append(rep.Features, names...)
	}
	if err := data.ExcludeColumns(t, src.Exclude); err != nil {
		return nil, rep, nil, err
	}
	if err := data.DeclareCategorical(t, src.Categorical); err != nil {
		return nil, rep, nil, err
	}
	return t, rep, bg, nil
}

// logLook returns err, the refusal of a table whose label was not named
// (none detected, or one that is not binary) or was named but is no
// column of the file, as a *data.LogLookError
// saying what the file looks like when it reads as an order log
// (data.LookLikeOrderLog reads its first lines again, see lookAgain); any
// other error, or one whose input cannot be read again (standard input),
// as it is.
func logLook(src Source, open Opener, again func() io.Reader, err error) error {
	var missing *data.LabelNotFoundError
	named := src.Label != "" && errors.As(err, &missing) && missing.Named != ""
	if src.Label != "" && !named || src.noLabel || src.labelOptional ||
		!errors.Is(err, data.ErrNoLabel) && !errors.Is(err, data.ErrLabelNotBinary) {
		return err
	}
	if look, ok := lookAgain(src, open, again); ok {
		return &data.LogLookError{Err: err, Look: look}
	}
	return err
}

// lookAgain reads src's input again as an order log (data.LookLikeOrderLog):
// through again, the input the table was read from (data.ReadCSVAgain),
// when it can be read again without opening it; else opened again with
// open (an in-memory opener can; standard input cannot, and is not
// looked at).
func lookAgain(src Source, open Opener, again func() io.Reader) (data.LogLook, bool) {
	if again != nil {
		return data.LookLikeOrderLog(again(), src.Path)
	}
	f, err := open(src.Path)
	if err != nil {
		return data.LogLook{}, false
	}
	defer f.Close()
	return data.LookLikeOrderLog(f, src.Path)
}
