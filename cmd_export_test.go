package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// export prints one SELECT keyed by the model's id column, writes it to
// --out, and refuses bad flags and models it cannot write with exit 2.
func TestExportSQL(t *testing.T) {
	csvPath := usersCSV(t, 200)
	model := trainModel(t, csvPath)
	c := newCLI(t)
	if code := c.run(context.Background(), "export", "--model", model, "--format", "sql", "--dialect", "postgres",
		"--table", "shop.users"); code != exitOK {
		t.Fatalf("export: exit %d, stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String()
	for _, want := range []string{"-- retain model: P(", "WITH inputs AS MATERIALIZED (", `FROM "shop"."users"`, "AS probability", "ORDER BY id;\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("the SELECT lacks %q:\n%s", want, out)
		}
	}
	file := filepath.Join(t.TempDir(), "score.sql")
	c = newCLI(t)
	if code := c.run(context.Background(), "export", "--model", model, "--dialect", "postgres", "--table", "shop.users",
		"--out", file); code != exitOK {
		t.Fatalf("export --out: exit %d, stderr %q", code, c.stderr.String())
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != out {
		t.Errorf("--out wrote %d bytes (%v), stdout had %d", len(b), err, len(out))
	}
	noID := editModel(t, model, "no_id.json", func(m map[string]any) {
		delete(m["pipeline"].(map[string]any), "id_name")
	})
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"export", "--model", model, "--dialect", "oracle"},
			`retain: --dialect: unknown dialect "oracle": want sqlite, duckdb, postgres, bigquery, snowflake, trino, spark or mysql` + "\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--format", "csv"},
			`retain: --format "csv": want sql` + "\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--cutoff", "2024-01-01"},
			"retain: --cutoff, --log-columns and --time-format apply to a model trained on an order log; " + model + " was trained on a per-user table (path not stored)\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--time-format", "iso"},
			"retain: --cutoff, --log-columns and --time-format apply to a model trained on an order log; " + model + " was trained on a per-user table (path not stored)\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--time-format", "dd/mm/yyyy"},
			`retain: --time-format "dd/mm/yyyy": want iso, yyyymmdd, unix, ymd, dmy or mdy` + "\n"},
		{[]string{"export", "--model", noID, "--dialect", "sqlite"},
			"retain: " + noID + ": the model records no id column to key the scores by: name it with --id COLUMN\n"},
		// Before review30 #8 these three were exported: scores keyed by
		// a feature or the label, and FROM "a".""."b".
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--id", "visits"},
			`retain: --id "visits" is one of the model's input columns, which users share values of; name the table's id column, one value per user` + "\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--id", "churn"},
			`retain: --id "churn" is the model's label column; name the table's id column, one value per user` + "\n"},
		{[]string{"export", "--model", model, "--dialect", "sqlite", "--table", "a..b"},
			`retain: --table "a..b": an empty name before, between or after its dots; write table, schema.table or project.dataset.table` + "\n"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", tc.args, code, c.stderr.String())
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
	}
}

// TestExportRefusesTablesTheSQLDoesNotRead: --orders-table of a per-user
// model and --table or --id of an order-log model were ignored without a
// word (the SQL reads only the other table).
func TestExportRefusesTablesTheSQLDoesNotRead(t *testing.T) {
	userModel := trainModel(t, usersCSV(t, 200))
	logModel := filepath.Join(t.TempDir(), "log_model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", filepath.Join("testdata", "hostile", "log_good.csv"),
		"--epochs", "1", "--layers", "4", "--out", logModel); code != exitOK {
		t.Fatalf("train --log: exit %d, stderr %q", code, c.stderr.String())
	}
	const logDesc = " was trained on an order log (path not stored; cutoff 2024-05-30, horizon 30 days)\n"
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--model", userModel, "--orders-table", "shop.orders"},
			"retain: --orders-table applies to a model trained on an order log; " + userModel + " was trained on a per-user table (path not stored)\n"},
		{[]string{"--model", logModel, "--table", "shop.users"},
			"retain: --table applies to a model trained on a per-user table; " + logModel + logDesc},
		{[]string{"--model", logModel, "--id", "customer"},
			"retain: --id applies to a model trained on a per-user table; " + logModel + logDesc},
	}
	for _, tc := range cases {
		c := newCLI(t)
		args := append([]string{"export", "--dialect", "sqlite"}, tc.args...)
		if code := c.run(context.Background(), args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (stderr %q)", args, code, c.stderr.String())
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", args, got, tc.want)
		}
		if c.stdout.Len() != 0 {
			t.Errorf("%v: wrote %d bytes on stdout", args, c.stdout.Len())
		}
	}
}

// TestExportWarnsOfDecimalCommas: a model of a semicolon file whose numbers
// were written with decimal commas exports (a warehouse holds numbers as
// numbers), with a warning on stderr naming the columns, since a text
// column written that way would be read wrongly; a comma-separated file's
// model gets none (only the notes of Limits, TestExportSaysWhatItDoesNotRead).
// The warning is one of Limits, so the query's header says it too, as a
// "-- note:" (review21 #3: "9,83E-05", which retain predict now reads, is
// such a cell).
func TestExportWarnsOfDecimalCommas(t *testing.T) {
	plain := usersCSV(t, 200)
	text, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	semiPath := filepath.Join(t.TempDir(), "users_semicolon.csv")
	if err := os.WriteFile(semiPath, []byte(semicolonDecimal(string(text))), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		csv, want string
	}{
		{plain, ""},
		{semiPath, `column "spend": the training file wrote the numbers with decimal commas (1.418,50 or 9,83E-05), which retain predict reads and the SELECT does not`},
	} {
		model := trainModel(t, c.csv)
		cli := newCLI(t)
		if code := cli.run(context.Background(), "export", "--model", model, "--dialect", "sqlite"); code != exitOK {
			t.Fatalf("export: exit %d, stderr %q", code, cli.stderr.String())
		}
		got := cli.stderr.String()
		if c.want == "" && strings.Contains(got, "decimal commas") || c.want != "" && !strings.Contains(got, "warning: "+model+": "+c.want) {
			t.Errorf("%s: stderr %q, want %q", c.csv, got, c.want)
		}
		if out := cli.stdout.String(); c.want == "" && strings.Contains(out, "decimal commas") || c.want != "" && !strings.Contains(out, "-- note: "+c.want) {
			t.Errorf("%s: the query's header lacks the note %q", c.csv, c.want)
		}
	}
}

// TestExportWarnsOfMarkedNumbers: a model trained on numbers written with
// a dollar sign and thousands separators ("$1,234.5") exports, in every
// dialect, without a warning of marks: the SELECT reads every mark retain
// predict reads, whatever marks the training file wrote (it warned that a
// mark the training file did not use gave a NULL probability).
func TestExportWarnsOfMarkedNumbers(t *testing.T) {
	text, err := os.ReadFile(usersCSV(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(text)), "\n")
	for i := 1; i < len(lines); i++ {
		f := strings.Split(lines[i], ",")
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			t.Fatal(err)
		}
		f[2] = fmt.Sprintf(`"$1,%05.1f"`, v) // 12.5 → "$1,012.5", read as 1012.5
		lines[i] = strings.Join(f, ",")
	}
	model := trainModel(t, writeFile(t, "marked.csv", strings.Join(lines, "\n")+"\n"))
	for _, dialect := range []string{"sqlite", "mysql", "postgres", "spark"} {
		cli := newCLI(t)
		if code := cli.run(context.Background(), "export", "--model", model, "--dialect", dialect); code != exitOK {
			t.Fatalf("export: exit %d, stderr %q", code, cli.stderr.String())
		}
		if got := cli.stderr.String(); strings.Contains(got, "mark") {
			t.Errorf("%s: stderr %q, want no word of marks", dialect, got)
		}
	}
}

// semicolonDecimal rewrites a comma-separated text without quotes as a
// semicolon-separated one whose decimal points are commas.
func semicolonDecimal(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, ",", ";"), ".", ",")
}

// TestExportWarnsForLogModels: an order-log model whose file does not
// record how its log wrote dates (one written before it did) exports with
// a warning naming --time-format, and one whose log wrote decimal commas
// with a warning that the table must hold numbers; a model recording an
// ISO log without commas exports without either (only the notes of
// Limits, TestExportSaysWhatItDoesNotRead).
func TestExportWarnsForLogModels(t *testing.T) {
	model := filepath.Join(t.TempDir(), "log_model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", filepath.Join("testdata", "hostile", "log_good.csv"),
		"--epochs", "2", "--out", model); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	older := editModel(t, model, "older.json", func(m map[string]any) { delete(m["source"].(map[string]any), "time_form") })
	commas := editModel(t, model, "commas.json", func(m map[string]any) { m["source"].(map[string]any)["decimal_commas"] = true })
	for _, tc := range []struct {
		model, want string
	}{
		{model, ""},
		{older, "the model does not record how its log wrote dates (it was written before 5 December 2026)"},
		{commas, "the training log wrote its amounts, prices or quantities with decimal commas (4,55)"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "export", "--model", tc.model, "--dialect", "sqlite"); code != exitOK {
			t.Fatalf("export %s: exit %d, stderr %q", tc.model, code, c.stderr.String())
		}
		got := c.stderr.String()
		quiet := !strings.Contains(got, "does not record") && !strings.Contains(got, "decimal commas")
		if tc.want == "" && !quiet || tc.want != "" && !strings.Contains(got, "warning: "+tc.model+": "+tc.want) {
			t.Errorf("%s: stderr %q, want %q", tc.model, got, tc.want)
		}
	}
}

// TestExportSaysWhatItDoesNotRead: what retain predict reads and the
// SELECT does not (sqlexport.Limits) is said on stderr, naming the model
// and the columns, and in the query's header as comments: for a per-user
// model whose numeric columns the SELECT reads as predict does, nothing;
// for an order-log model, the time column's other forms and the amounts it
// cannot read.
func TestExportSaysWhatItDoesNotRead(t *testing.T) {
	logModel := filepath.Join(t.TempDir(), "log_model.json")
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--log", filepath.Join("testdata", "hostile", "log_good.csv"),
		"--epochs", "2", "--out", logModel); code != exitOK {
		t.Fatalf("train: exit %d, stderr %q", code, c.stderr.String())
	}
	for _, tc := range []struct {
		model string
		want  []string
	}{
		{trainModel(t, usersCSV(t, 200)), nil}, // its numbers are read as predict reads them
		{logModel, []string{`the orders table's time column "order_date" is read as written year first`,
			`columns "amount", "quantity": a cell that is no number to retain`}},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), "export", "--model", tc.model, "--dialect", "postgres"); code != exitOK {
			t.Fatalf("export %s: exit %d, stderr %q", tc.model, code, c.stderr.String())
		}
		if tc.want == nil && (strings.Contains(c.stderr.String(), "warning:") || strings.Contains(c.stdout.String(), "\n-- note: ")) {
			t.Errorf("%s: a limit is said where there is none: stderr %q\n%.600s", tc.model, c.stderr.String(), c.stdout.String())
		}
		for _, w := range tc.want {
			if !strings.Contains(c.stderr.String(), "warning: "+tc.model+": "+w) {
				t.Errorf("%s: stderr %q, want %q", tc.model, c.stderr.String(), w)
			}
			if !strings.Contains(c.stdout.String(), "\n-- note: "+w) {
				t.Errorf("%s: the query's header does not say %q:\n%.600s", tc.model, w, c.stdout.String())
			}
		}
	}
}
