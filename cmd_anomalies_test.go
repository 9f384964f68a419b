package main

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestAnomaliesEvaluateBuiltin runs the command on a small built-in shop
// with planted abusers: the metrics table names both scores, the list has
// the asked number of users with reasons, and stderr counts the users
// above the cut-off.
func TestAnomaliesEvaluateBuiltin(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--builtin-users", "2000", "--evaluate", "--top", "3"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	out := c.stdout.String()
	for _, want := range []string{"Against abuser: ", "autoencoder", "raw error", "baseline", "recall@2k click_farm", "rank  user     score  error  baseline"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(strings.TrimSpace(out[strings.Index(out, "rank  user"):]), "\n")
	if len(lines) != 4 || strings.Count(lines[1], ", expected ") != 3 || strings.Count(lines[1], " (typical ") != 3 {
		t.Errorf("want a header and 3 users with 3 reasons each:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.Contains(c.stderr.String(), "above the cut-off") {
		t.Errorf("stderr lacks the count above the cut-off:\n%s", c.stderr)
	}
	if !strings.Contains(c.stderr.String(), "Score: each user's error averaged with its 20 nearest users' (every user)") {
		t.Errorf("stderr does not say how the score is smoothed:\n%s", c.stderr)
	}
}

// TestAnomaliesNeighboursOff checks that --neighbours 0 scores by the raw
// error: each listed user's score equals its error, the evaluation has no
// separate raw error row and stderr says nothing of neighbours.
func TestAnomaliesNeighboursOff(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--builtin-users", "1000", "--json", "--top", "5", "--evaluate", "--neighbours", "0"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	var doc struct {
		Neighbours int `json:"neighbours"`
		Evaluation struct {
			Error *struct{} `json:"error"`
		} `json:"evaluation"`
		Top []struct {
			Score, Error float64
		} `json:"top"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Neighbours != 0 || doc.Evaluation.Error != nil || len(doc.Top) != 5 {
		t.Errorf("document %s", c.stdout)
	}
	for i, u := range doc.Top {
		if u.Score != u.Error {
			t.Errorf("user %d: score %v, error %v; want them equal", i+1, u.Score, u.Error)
		}
	}
	if strings.Contains(c.stderr.String(), "nearest users") {
		t.Errorf("stderr speaks of neighbours:\n%s", c.stderr)
	}
}

// TestAnomaliesJSON checks the JSON document's shape. The score's
// cut-off was keyed "cutoff", the name of a date everywhere else: it is
// score_cutoff, with the users above it, the figures stderr gives; as_of,
// the date of an order log's customers, is absent for the built-in shop.
func TestAnomaliesJSON(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--builtin-users", "1000", "--json", "--top", "2", "--evaluate"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	var doc struct {
		Users       int     `json:"users"`
		Neighbours  int     `json:"neighbours"`
		ScoreCutoff float64 `json:"score_cutoff"`
		Evaluation  struct {
			Positives int `json:"positives"`
			Error     *struct {
				AveragePrecision float64 `json:"average_precision"`
			} `json:"error"`
		} `json:"evaluation"`
		Top []struct {
			ID      string   `json:"id"`
			Error   *float64 `json:"error"`
			Reasons []struct {
				Column   string   `json:"column"`
				Expected *float64 `json:"expected"`
			} `json:"reasons"`
		} `json:"top"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(c.stdout.Bytes(), &keys); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"cutoff", "above_cutoff", "as_of"} {
		if _, ok := keys[k]; ok {
			t.Errorf("the document has the key %q", k)
		}
	}
	m := regexp.MustCompile(`; (\d+) \([\d.]+%\) above the cut-off (\d+\.\d{3}) \(Tukey's fence`).FindStringSubmatch(c.stderr.String())
	if m == nil {
		t.Fatalf("stderr lacks the count above the cut-off:\n%s", c.stderr)
	}
	if got := fmt.Sprintf("%s %.3f", keys["above_score_cutoff"], doc.ScoreCutoff); got != m[1]+" "+m[2] {
		t.Errorf("above_score_cutoff and score_cutoff %s; stderr says %s above %s", got, m[1], m[2])
	}
	if doc.Users != 1000 || doc.Neighbours != 20 || doc.Evaluation.Positives == 0 || doc.Evaluation.Error == nil ||
		len(doc.Top) != 2 || len(doc.Top[0].Reasons) != 3 {
		t.Errorf("document %+v", doc)
	}
	for _, u := range doc.Top {
		if u.Error == nil {
			t.Errorf("user %s has no raw error", u.ID)
		}
		for _, r := range u.Reasons {
			if r.Expected == nil {
				t.Errorf("user %s: reason %s has no expected value", u.ID, r.Column)
			}
		}
	}
}

// TestAnomaliesBadInputExitsTwo checks the refusals and their messages.
func TestAnomaliesBadInputExitsTwo(t *testing.T) {
	csv := writeFile(t, "users.csv", "id,a,b,churn\n"+rows(30))
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--top", "0"}, "--top 0: want at least 1 user"},
		{[]string{"--members", "0"}, "--members 0: want at least 1 network"},
		// Review 28's finding 6: 5,000 neighbours of 30 users gave every
		// user the same score, yet ranked and flagged some.
		{[]string{"--data", csv, "--neighbours", "5000"}, "--neighbours 5000: too many neighbours: " + csv + " has 30 users, so at most 28"},
		{[]string{"--data", csv, "--neighbours", "29"}, "--neighbours 29: too many neighbours: " + csv + " has 30 users, so at most 28"},
		// Finding 7: every column constant, one of them named like a
		// label, was refused for the label ("label column "y" has only
		// one class"), which anomalies does not need.
		{[]string{"--data", writeFile(t, "ident.csv", "x,y,z\n"+strings.Repeat("1,2,3\n", 30))}, "no usable feature column (x: constant, y: constant, z: constant)"},
		{[]string{"--neighbours", "-1"}, "--neighbours -1: want 0 (the raw error) or more users"},
		{[]string{"--builtin-abusers", "0.9"}, "--builtin-abusers 0.9: want a share from 0 to 0.5"},
		{[]string{"--data", csv, "--builtin-abusers", "0.1"}, "--builtin-abusers applies to the built-in shop, not --data or --log"},
		{[]string{"--data", csv, "--evaluate"}, "--evaluate needs --truth COLUMN"},
		{[]string{"--data", csv, "--truth", "nope"}, `has no column "nope" to take as the truth`},
		{[]string{"--data", csv, "--truth", "a"}, `truth column "a" has 5 on data row 1 (u0); want 0/1 or yes/no values`},
		{[]string{"--builtin-abusers", "0", "--evaluate"}, "--evaluate on the built-in shop needs planted abusers"},
		// Scored without a label, an order log's customers have no horizon
		// and no truth.
		{[]string{"--log", csv, "--horizon", "30d"}, "unknown flag: --horizon"},
		{[]string{"--data", csv, "--cutoff", "2020-01-01"}, "retain: --cutoff and --log-columns apply to --log, not --data\n"},
		{[]string{"--cutoff", "2020-01-01"}, "retain: --cutoff and --log-columns need --log\n"},
		{[]string{"--log", csv, "--label", "churn"}, "--label applies to --data; an order log's customers are scored without a label"},
		{[]string{"--log", csv, "--evaluate"}, "--evaluate applies to --data or the built-in shop: an order log's customers have no column saying who is abusive"},
		{[]string{"--log", csv, "--truth", "a"}, "--truth applies to --data or the built-in shop: an order log's customers have no column saying who is abusive"},
		{[]string{"--log", csv, "--archetype", "a"}, "--archetype applies to --data or the built-in shop: an order log's customers have no column saying who is abusive"},
	}
	for _, tc := range cases {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"anomalies"}, tc.args...)...)
		if code != 2 || !strings.Contains(c.stderr.String(), tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, c.stderr, tc.want)
		}
	}
}

// rows writes n CSV rows id,a,b,churn with a from 5 to 11.
func rows(n int) string {
	var b strings.Builder
	for i := range n {
		churn := "no"
		if i%4 == 0 {
			churn = "yes"
		}
		fmt.Fprintf(&b, "u%d,%d,%d,%s\n", i, 5+i%7, i%3, churn)
	}
	return b.String()
}

// TestTrainExcludeAnomalies checks that train leaves out the asked share and
// says so on stderr, and refuses a share that is not one.
func TestTrainExcludeAnomalies(t *testing.T) {
	c := newCLI(t)
	if code := c.run(context.Background(), "train", "--builtin-users", "1000", "--epochs", "1", "--exclude-anomalies", "2%"); code != 0 {
		t.Fatalf("exit %d: %s", code, c.stderr)
	}
	if !strings.Contains(c.stderr.String(), "Flagged 20 of 1,000 users with the highest anomaly scores (2%") ||
		!strings.Contains(c.stderr.String(), "left out of training only") {
		t.Errorf("stderr:\n%s", c.stderr)
	}
	// Measured on every held-out row (the 10 % validation part of 1,000:
	// 28 of the 275 positives and 73 of the 725 negatives, 27.5 and 72.5
	// rounded up, as in TestTrainJSON) and on those not flagged.
	if out := c.stdout.String(); !strings.Contains(out, "(101 rows,") || !regexp.MustCompile(`Not flagged \(\d+ of 101 held-out rows\): roc_auc 0\.\d{4} \[`).MatchString(out) {
		t.Errorf("stdout:\n%s", out)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "2", "--builtin-users", "600", "--epochs", "1", "--exclude-anomalies", "5%"); code != 0 {
		t.Fatalf("eval --cv: exit %d: %s", code, c.stderr)
	}
	if out := c.stdout.String(); !regexp.MustCompile(`(?m)^ *not flagged +\d+ +0\.\d{4}`).MatchString(out) ||
		!strings.Contains(out, "Flagged users left out of the folds' training parts: ") {
		t.Errorf("eval --cv stdout:\n%s", out)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "eval", "--cv", "2", "--exclude-anomalies", "100%"); code != 2 ||
		!strings.Contains(c.stderr.String(), `--exclude-anomalies "100%": want a share of users such as 1% (0 to under 100)`) {
		t.Errorf("exit %d: %s", code, c.stderr)
	}
}

// TestAnomaliesDataWithoutLabel: a per-user table without a label column
// was refused ("no label column found"), though the score never uses the
// label. It is scored now, and exactly as the same table with a churn
// label, which is left out of the features: the same users, the same
// scores. A label named with --label must still exist.
func TestAnomaliesDataWithoutLabel(t *testing.T) {
	labelled := "id,a,b,churn\n" + rows(30)
	var unlabelled strings.Builder
	unlabelled.WriteString("id,a,b\n")
	for _, line := range strings.Split(strings.TrimSpace(rows(30)), "\n") {
		unlabelled.WriteString(line[:strings.LastIndex(line, ",")] + "\n")
	}
	type user struct {
		ID    string  `json:"id"`
		Score float64 `json:"score"`
	}
	scores := func(name, content string) (int, []user) {
		c := newCLI(t)
		file := writeFile(t, name, content)
		if code := c.run(context.Background(), "anomalies", "--data", file, "--json", "--top", "30"); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, c.stderr)
		}
		// The label left out is said, as every other column left out is.
		note := "note: " + file + `: column "churn" is the label, not a feature: the anomaly score needs no label and leaves it out` + "\n"
		if got := strings.Contains(c.stderr.String(), note); got != strings.Contains(content, "churn") {
			t.Errorf("%s: the label note said %v:\n%s", name, got, c.stderr)
		}
		var doc struct {
			Users int    `json:"users"`
			Top   []user `json:"top"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Users, doc.Top
	}
	n, without := scores("unlabelled.csv", unlabelled.String())
	_, with := scores("labelled.csv", labelled)
	if n != 30 || len(without) != 30 {
		t.Fatalf("%d users, %d listed; want 30", n, len(without))
	}
	for i := range without {
		if without[i] != with[i] {
			t.Errorf("rank %d: %+v without the label, %+v with it", i+1, without[i], with[i])
		}
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "anomalies", "--data", writeFile(t, "u.csv", unlabelled.String()), "--label", "churn"); code != 2 ||
		!strings.Contains(c.stderr.String(), `no column named "churn" for the label (columns: id, a, b)`) {
		t.Errorf("--label churn on a table without it: exit %d, %s", code, c.stderr)
	}
}

// A column detected as the label by its name that is not two-valued
// ("class" with three levels, or "target" with a blank) is read as any
// other column, with a warning: the users and scores are those of the same
// table with the column named "kind", which no one takes for a label.
func TestAnomaliesDataDetectedLabelThatIsNone(t *testing.T) {
	table := func(col string, blank bool) string {
		var b strings.Builder
		b.WriteString("id,a,b," + col + "\n")
		for i, line := range strings.Split(strings.TrimSpace(rows(30)), "\n") {
			level := []string{"x", "y", "z"}[i%3]
			if blank && i == 4 {
				level = ""
			}
			b.WriteString(line[:strings.LastIndex(line, ",")] + "," + level + "\n")
		}
		return b.String()
	}
	type user struct {
		ID    string  `json:"id"`
		Score float64 `json:"score"`
	}
	run := func(name, content string) ([]user, string) {
		c := newCLI(t)
		if code := c.run(context.Background(), "anomalies", "--data", writeFile(t, name, content), "--json", "--top", "30"); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, c.stderr)
		}
		var doc struct {
			Top []user `json:"top"`
		}
		if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Top, c.stderr.String()
	}
	want, _ := run("kind.csv", table("kind", false))
	for _, c := range []struct {
		col     string
		blank   bool
		warning string
	}{
		{"class", false, `/class.csv: label column "class" has 3 classes ("x", "y", "z"); it needs exactly two; anomalies needs no label and reads it as any other column`},
		{"target", true, `/target.csv:6:4: label column "target" is blank; anomalies needs no label and reads it as any other column`},
	} {
		got, stderr := run(c.col+".csv", table(c.col, c.blank))
		if first, _, _ := strings.Cut(stderr, "\n"); !strings.HasPrefix(first, "warning: ") || !strings.HasSuffix(first, c.warning) {
			t.Errorf("%s: first line of stderr %q, want a warning ending %q", c.col, first, c.warning)
		}
		if c.blank {
			continue // a blank cell is a level of its own: other scores
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: scores %v, want those of the same column named kind %v", c.col, got, want)
		}
	}
}
