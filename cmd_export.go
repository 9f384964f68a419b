package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/sqlexport"
)

// exportOptions are the flags of `retain export`.
type exportOptions struct {
	model, format, dialect string
	table, ordersTable     string
	cutoff, logColumns, id string
	out, timeForm          string
}

func newExportCmd(a *app) *cobra.Command {
	o := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export --model FILE --format sql --dialect sqlite|duckdb|postgres|bigquery|snowflake|trino|spark|mysql [--table users]",
		Short: "Write a saved model as one SQL SELECT that scores a table in your warehouse",
		Long: `Print one SQL SELECT (common table expressions allowed) that scores every row
of a table in the warehouse with a saved model: the pipeline's casts,
imputation of blank and NULL cells, one-hot encoding (an unseen category
encodes as all zeros), ln(1+v) and scaling, every network layer with the
weights as literals, the calibration, and the decision at the model's
threshold. The result has one row per user: the id column,
probability_<label>_<positive> and predicted_<label>, as retain predict
prints them.

A model trained on an order log first builds each customer's features from
the orders table (--orders-table) at --cutoff (default: its last order date),
as retain predict --log does, and adds a short_history column (true or false,
as predict writes it). The orders
table needs the model's column roles: a customer id, a DATE or TIMESTAMP
(or text written as the training log wrote its dates: YYYY-MM-DD… with
anything after the date left out, YYYYMMDD, Unix seconds or milliseconds, or
three numbers in the order the log wrote them (2010/12/1, 1.12.2010 or
12/1/2010 8:26); --time-format says otherwise), and as the model uses them an
amount (or price),
a quantity, an item and an order id. Roles come from the model file (the
columns by role as the training log was read); --log-columns overrides them,
and a model of a log without a header, or one written before the file
recorded them, needs it.

Dialects: sqlite, duckdb, postgres, bigquery, snowflake, trino (also for
Presto and Amazon Athena: presto, athena), spark (Spark SQL and Databricks:
databricks) and mysql (MySQL 8 and MariaDB 10.4 or later: mariadb).`,
		Example: `  retain export --model model.json --format sql --dialect bigquery --table shop.users > score.sql
  retain export --model model.json --format sql --dialect snowflake --table analytics.users > score.sql
  retain export --model log_model.json --format sql --dialect duckdb --orders-table orders \
      --log-columns customer=customer_id,time=date,quantity=number_of_cds,amount=dollar_value`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return classify(runExport(cmd.Context(), a, o, cmd.Flags().Changed))
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&o.model, "model", "m", "", "model bundle `FILE` written by train")
	fs.StringVar(&o.format, "format", "sql", "output `FORMAT` (sql)")
	fs.StringVar(&o.dialect, "dialect", "", "SQL `DIALECT`: sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql")
	fs.StringVar(&o.table, "table", "users", "per-user `TABLE` to score (schema.table allowed)")
	fs.StringVar(&o.ordersTable, "orders-table", "orders", "orders `TABLE` of an order-log model")
	fs.StringVar(&o.cutoff, "cutoff", "", "score an order-log model's customers as of `DATE` (YYYY-MM-DD; default: the table's last order date)")
	fs.StringVar(&o.logColumns, "log-columns", "", "`ROLES` of the orders table's columns, as for train (default: the model's)")
	fs.StringVar(&o.timeForm, "time-format", "", "how the orders table writes its time column: iso (a DATE, TIMESTAMP or YYYY-MM-DD… text), yyyymmdd, unix, or ymd, dmy or mdy (numbers with one-digit parts, 2010/12/1, 1/12/2010, 12/1/2010) (default: as the training log did)")
	fs.StringVar(&o.id, "id", "", "id `COLUMN` of the per-user table (default: the model's id column)")
	fs.StringVarP(&o.out, "out", "o", "", "write the SQL to `FILE` instead of stdout")
	_ = cmd.MarkFlagRequired("model")
	_ = cmd.MarkFlagRequired("dialect")
	_ = cmd.MarkFlagFilename("model", "json")
	_ = cmd.MarkFlagFilename("out", "sql")
	return cmd
}

func runExport(ctx context.Context, a *app, o *exportOptions, changed func(string) bool) error {
	if f := strings.ToLower(o.format); f != "sql" {
		return usageError(fmt.Errorf("--format %q: want sql", o.format))
	}
	d, err := sqlexport.ParseDialect(o.dialect)
	if err != nil {
		return usageError(fmt.Errorf("--dialect: %w", err))
	}
	opts := sqlexport.Options{Dialect: d, Table: o.table, OrdersTable: o.ordersTable, ID: o.id}
	if opts.Columns, err = parseLogColumns(o.logColumns); err != nil {
		return usageError(fmt.Errorf("--log-columns %q: %w", o.logColumns, err))
	}
	if o.timeForm != "" {
		var ok bool
		if opts.TimeForm, ok = data.ParseTimeForm(o.timeForm); !ok {
			return usageError(fmt.Errorf("--time-format %q: want iso, yyyymmdd, unix, ymd, dmy or mdy", o.timeForm))
		}
	}
	for _, t := range []struct{ flag, name string }{{"table", o.table}, {"orders-table", o.ordersTable}} {
		if t.name != "" && slices.Contains(strings.Split(t.name, "."), "") {
			return usageError(fmt.Errorf("--%s %q: an empty name before, between or after its dots; write table, schema.table or project.dataset.table", t.flag, t.name))
		}
	}
	if o.cutoff != "" {
		if opts.Cutoff, err = parseCutoff(o.cutoff); err != nil {
			return err
		}
	}
	if err := checkOutOrStdout(&o.out, inputFile{"model", o.model}); err != nil {
		return err
	}
	b, err := loadModel(a, o.model)
	if err != nil {
		return err
	}
	if b.Source.Kind != "log" && (o.cutoff != "" || o.logColumns != "" || o.timeForm != "") {
		return usageError(fmt.Errorf("--cutoff, --log-columns and --time-format apply to a model trained on an order log; %s was trained on %s", o.model, b.SourceDescription))
	}
	// The tables a model's SQL does not read would otherwise be ignored.
	unread, want := []string{"orders-table"}, "an order log"
	if b.Source.Kind == "log" {
		unread, want = []string{"table", "id"}, "a per-user table"
	}
	if name := firstGiven(changed, unread...); name != "" {
		return usageError(fmt.Errorf("--%s applies to a model trained on %s; %s was trained on %s", name, want, o.model, b.SourceDescription))
	}
	if err := checkExportID(o.id, b); err != nil {
		return err
	}
	text, err := sqlexport.Build(b, opts)
	if err != nil {
		return usageError(fmt.Errorf("%s: %w", o.model, err))
	}
	if b.Source.Kind == "log" && b.Source.DecimalCommas {
		fmt.Fprintf(a.stderr, "warning: %s: the training log wrote its amounts, prices or quantities with decimal commas (4,55); "+
			"the SELECT reads them as numbers, so the orders table must hold them as numeric columns: a text column written that way "+
			"would be read wrongly\n", o.model)
	}
	if b.Source.Kind == "log" && b.Source.TimeForm == "" && opts.TimeForm == "" {
		fmt.Fprintf(a.stderr, "warning: %s: the model does not record how its log wrote dates (it was written before 5 December 2026): "+
			"the SELECT reads the time column as a DATE, a TIMESTAMP or text written YYYY-MM-DD…; a table that writes it as YYYYMMDD, "+
			"Unix time or 12/1/2010 would give no rows: say so with --time-format yyyymmdd, unix, ymd, dmy or mdy\n", o.model)
	}
	// What retain predict reads and the SELECT does not, as the query's
	// header also says.
	for _, l := range sqlexport.Limits(b, opts) {
		fmt.Fprintf(a.stderr, "warning: %s: %s\n", o.model, l)
	}
	return writeOut(ctx, a, o.out, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

// checkExportID refuses an --id that names the model's label or one of its
// input columns: many users share such a value, so the scores could not be
// joined back to them.
func checkExportID(id string, b *experiment.Bundle) error {
	if id == "" {
		return nil
	}
	if id == b.Label.Name {
		return usageError(fmt.Errorf("--id %q is the model's label column; name the table's id column, one value per user", id))
	}
	for _, c := range b.Pipeline.Columns {
		if c.Name == id {
			return usageError(fmt.Errorf("--id %q is one of the model's input columns, which users share values of; name the table's id column, one value per user", id))
		}
	}
	return nil
}
