package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQualitySuiteFlagsNeedSuite: --sets and --candidates narrow the suite;
// without --suite they used to be ignored while the whole quality table
// (minutes of cross-validation) ran.
func TestQualitySuiteFlagsNeedSuite(t *testing.T) {
	datasets := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"quality", "--datasets", datasets, "--sets", "telco_churn"}, "retain: --sets applies with --suite\n"},
		{[]string{"quality", "--datasets", datasets, "--candidates", "decay"}, "retain: --candidates applies with --suite\n"},
		{[]string{"quality", "--datasets", datasets, "--seed", "2"}, "retain: --seed applies with --suite\n"},
	} {
		c := newCLI(t)
		if code := c.run(context.Background(), tc.args...); code != exitUsage {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		if got := c.stderr.String(); got != tc.want {
			t.Errorf("%v:\nstderr %q\nwant   %q", tc.args, got, tc.want)
		}
	}
}

// TestQualityChecksItsFilesFirst: quality used to start cross-validating
// before it knew its files were there (the suite checked not even the
// folder), so a missing telco_churn file was found minutes in, and a
// missing order log hours in. The folder and every file the run reads are
// now checked first: exit 2, each missing path named, nothing trained (no
// "Cross-validating…" line).
func TestQualityChecksItsFilesFirst(t *testing.T) {
	dir := t.TempDir()
	shoppers := filepath.Join(dir, "online_shoppers", "online_shoppers_intention.csv")
	if err := os.MkdirAll(filepath.Dir(shoppers), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shoppers, []byte("a,Revenue\n1,TRUE\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	telco := filepath.Join(dir, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv")
	cdnow := filepath.Join(dir, "cdnow", "CDNOW_master.txt")
	retail := filepath.Join(dir, "online_retail", "online_retail.parquet")
	table := "(it must hold online_shoppers/online_shoppers_intention.csv and telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv)"
	nowhere := filepath.Join(dir, "nowhere")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"quality", "--datasets", nowhere}, "retain: --datasets " + nowhere + ": no such directory " + table + "\n"},
		{[]string{"quality", "--datasets", shoppers}, "retain: --datasets " + shoppers + ": not a directory " + table + "\n"},
		{[]string{"quality", "--datasets", dir}, "retain: --datasets " + dir + ": no file " + telco + " " + table + "\n"},
		{[]string{"quality", "--suite", "--datasets", dir}, "retain: --datasets " + dir + ": no files " + telco + ", " + cdnow + " and " + retail +
			" (it must hold online_shoppers/online_shoppers_intention.csv, telco_churn/WA_Fn-UseC_-Telco-Customer-Churn.csv, " +
			"cdnow/CDNOW_master.txt and online_retail/online_retail.parquet)\n"},
		{[]string{"quality", "--suite", "--datasets", dir, "--sets", "CDNOW 90d,shop"}, "retain: --datasets " + dir + ": no file " + cdnow +
			" (it must hold cdnow/CDNOW_master.txt)\n"},
	} {
		mustRefuse(t, tc.args, tc.want)
	}
}

// TestQualitySuiteReadsItsFilesFirst: the suite used to read each set's
// file at its turn, so a damaged order log was found after the sets
// before it had been cross-validated (hours, on the whole suite). Every
// file is now read before any training: exit 2, the file and what is
// wrong with it named, and no set's result printed. The two tables here
// are good (60 rows, a feature and a yes/no label); the CDNOW log has only
// its header.
func TestQualitySuiteReadsItsFilesFirst(t *testing.T) {
	dir := t.TempDir()
	var table strings.Builder
	table.WriteString("x,Revenue,Churn\n")
	for i := range 60 {
		fmt.Fprintf(&table, "%d,%s,%s\n", i%9, []string{"FALSE", "TRUE"}[i%2], []string{"No", "Yes"}[i%3%2])
	}
	cdnow := filepath.Join(dir, "cdnow", "CDNOW_master.txt")
	for path, text := range map[string]string{
		filepath.Join(dir, "online_shoppers", "online_shoppers_intention.csv"):    table.String(),
		filepath.Join(dir, "telco_churn", "WA_Fn-UseC_-Telco-Customer-Churn.csv"): table.String(),
		cdnow: "customer date amount\n",
	} {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	mustRefuse(t, []string{"quality", "--suite", "--datasets", dir, "--sets", "online_shoppers,telco_churn,CDNOW 90d", "--candidates", "(old)"},
		"Cross-validating 1 candidate configuration on 3 data sets (5 folds each); this takes a while…\n"+
			"retain: quality suite, CDNOW 90d: "+cdnow+": no order lines after the header\n")
}
