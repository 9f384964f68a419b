package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/retainlab/retain/pseudonym"
)

// firstColumn runs a command and returns the first column of its CSV
// output (header left out).
func firstColumn(t *testing.T, args ...string) []string {
	t.Helper()
	c := newCLI(t)
	if code := c.run(context.Background(), args...); code != exitOK {
		t.Fatalf("%v: exit %d, stderr %q", args, code, c.stderr.String())
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs[1:] {
		out = append(out, r[0])
	}
	return out
}

// TestPredictPseudonymise: ids are replaced by pseudonym.Key.ID of the
// salt (itself checked against Python's hmac), the same under one salt and
// different under another; the lines are in the order of the pseudonyms
// (TestPredictListsByPseudonym).
func TestPredictPseudonymise(t *testing.T) {
	users := writeFile(t, "users.csv", handMadeUsers())
	model := trainSmallModel(t, users)
	saltA := writeFile(t, "a.salt", "first salt, long enough\n")
	saltB := writeFile(t, "b.salt", "second salt, long enough\n")
	plain := firstColumn(t, "predict", "--model", model, "--data", users)
	a1 := firstColumn(t, "predict", "--model", model, "--data", users, "--pseudonymise", "--salt-file", saltA)
	a2 := firstColumn(t, "predict", "--model", model, "--data", users, "--pseudonymise", "--salt-file", saltA)
	b := firstColumn(t, "predict", "--model", model, "--data", users, "--pseudonymise", "--salt-file", saltB)
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	if len(plain) != 60 || plain[0] != "u00" {
		t.Fatalf("plain ids %q", plain)
	}
	want := make([]string, len(plain))
	for i, id := range plain {
		want[i] = key.ID(id)
	}
	if slices.Sort(want); !slices.Equal(a1, want) || !slices.Equal(a1, a2) {
		t.Errorf("ids shown as %q, then %q\nwant the pseudonyms of %q in their order %q", a1, a2, plain, want)
	}
	for _, p := range b {
		if slices.Contains(a1, p) {
			t.Errorf("%s under both salts", p)
		}
	}
}

// TestPredictKeepsBlankIDsBlank: predict --data --pseudonymise gave a
// blank id the pseudonym of "", one for every such row, as if they were
// one customer; loaded data keeps a blank id blank, and so does predict.
func TestPredictKeepsBlankIDsBlank(t *testing.T) {
	users := writeFile(t, "users.csv", handMadeUsers())
	model := trainSmallModel(t, users)
	blanks := writeFile(t, "blanks.csv", strings.NewReplacer("\nu03,", "\n,", "\nu40,", "\n,").Replace(handMadeUsers()))
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	got := firstColumn(t, "predict", "--model", model, "--data", blanks, "--pseudonymise", "--salt-file", salt)
	// The other 58 rows' ids u00 … u59 but u03 and u40, as pseudonyms,
	// after the two blanks ("" sorts first).
	want := []string{"", ""}
	var rest []string
	for i := range 60 {
		if i != 3 && i != 40 {
			rest = append(rest, key.ID(fmt.Sprintf("u%02d", i)))
		}
	}
	want = append(want, slices.Sorted(slices.Values(rest))...)
	if !slices.Equal(got, want) {
		t.Errorf("ids shown as %q\nwant %q", got, want)
	}
}

// TestPredictListsByPseudonym: predict --pseudonymise wrote its lines in
// the file's order beside the pseudonyms, so a file sorted by id (u00 …
// u59) gave each id back by its line. The lines now come in the order of
// the pseudonyms, each with its own row's probability, decision, band and
// reasons (the line the plain run writes for that id), with --data and with
// --log; without --pseudonymise in the file's order as before.
func TestPredictListsByPseudonym(t *testing.T) {
	users := writeFile(t, "users.csv", handMadeUsers())
	model := trainSmallModel(t, users)
	log, logModel := trainLogModel(t, "2024-05-01", "90d")
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	for _, input := range [][]string{
		{"--model", model, "--data", users, "--explain", "2", "--bands", "shares"},
		{"--model", logModel, "--log", log},
	} {
		plain := predictRecords(t, input...)
		pseudo := predictRecords(t, append(input, "--pseudonymise", "--salt-file", salt)...)
		if len(plain) < 10 || len(pseudo) != len(plain) {
			t.Fatalf("%v: %d and %d lines", input, len(plain), len(pseudo))
		}
		rest := map[string]string{} // each line but its id, by pseudonym
		var ids, inFileOrder []string
		for _, rec := range plain {
			p := key.ID(rec[0])
			rest[p] = strings.Join(rec[1:], ",")
			ids, inFileOrder = append(ids, rec[0]), append(inFileOrder, p)
		}
		if !slices.IsSorted(ids) {
			t.Fatalf("%v: the plain ids are not sorted: the test needs a file sorted by id", input)
		}
		want := slices.Sorted(slices.Values(inFileOrder))
		if slices.Equal(want, inFileOrder) {
			t.Fatalf("%v: the pseudonyms in file order are sorted already: the test cannot tell the orders apart", input)
		}
		var got []string
		for _, rec := range pseudo {
			got = append(got, rec[0])
			if r := strings.Join(rec[1:], ","); r != rest[rec[0]] {
				t.Errorf("%v: %s: %s, want %s", input, rec[0], r, rest[rec[0]])
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%v: lines in the order\n%q\nwant\n%q", input, got, want)
		}
	}
}

// predictRecords runs predict with args and returns its CSV's records
// without the header.
func predictRecords(t *testing.T, args ...string) [][]string {
	t.Helper()
	c := newCLI(t)
	if code := c.run(context.Background(), append([]string{"predict"}, args...)...); code != exitOK {
		t.Fatalf("predict %v: exit %d, stderr %q", args, code, c.stderr.String())
	}
	recs, err := csv.NewReader(strings.NewReader(c.stdout.String())).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("predict %v: %d records, %v", args, len(recs), err)
	}
	return recs[1:]
}

func TestPseudonymiseFlagErrors(t *testing.T) {
	users := writeFile(t, "users.csv", handMadeUsers())
	model := trainSmallModel(t, users)
	short := writeFile(t, "short.salt", "tiny\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--pseudonymise"}, "retain: --pseudonymise needs --salt-file FILE holding a secret salt (for example: head -c 32 /dev/urandom | base64 > salt.txt)\n"},
		{[]string{"--salt-file", short}, "retain: --salt-file applies with --pseudonymise\n"},
		{[]string{"--pseudonymise", "--salt-file", short}, "retain: salt file " + short + ": bad salt: 4 bytes, want at least 16 (for example: head -c 32 /dev/urandom | base64 > salt.txt)\n"},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"predict", "--model", model, "--data", users}, tc.args...)...)
		if code != exitUsage || c.stderr.String() != tc.want || c.stdout.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q\nwant exit 2, %q", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// TestPlanPseudonymise: the plan's customer table shows pseudonyms only.
func TestPlanPseudonymise(t *testing.T) {
	model := shopModel(t)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	c := newCLI(t)
	code := c.run(context.Background(), "plan", "--model", model, "--budget", "30%", "--pseudonymise", "--salt-file", salt)
	if code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	out := c.stdout.String()
	if !strings.Contains(out, pseudonym.Prefix) {
		t.Errorf("no pseudonym in the plan:\n%s", out)
	}
	c = newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--budget", "30%"); code != exitOK {
		t.Fatal(c.stderr.String())
	}
	if strings.Contains(c.stdout.String(), pseudonym.Prefix) {
		t.Error("a plain plan shows pseudonyms")
	}
}

// TestAnomaliesAndRecommendPseudonymise: the anomalies JSON and the
// recommendation CSV carry pseudonyms of the salt, never the plain ids; the
// recommendations list their customers in pseudonym order.
func TestAnomaliesAndRecommendPseudonymise(t *testing.T) {
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	for _, id := range anomalyIDs(t, 2, "--builtin-users", "1000", "--pseudonymise", "--salt-file", salt) {
		if !strings.HasPrefix(id, pseudonym.Prefix) {
			t.Errorf("anomalies id %q is not a pseudonym", id)
		}
	}
	ids := firstColumn(t, "recommend", "--log", retailStyleLog(t, iiHeader), "--horizon", "10d", "--top", "3")
	pids := firstColumn(t, "recommend", "--log", retailStyleLog(t, iiHeader), "--horizon", "10d", "--top", "3",
		"--pseudonymise", "--salt-file", salt)
	if len(ids) == 0 || len(ids) != len(pids) {
		t.Fatalf("%d and %d recommendations", len(ids), len(pids))
	}
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = key.ID(id)
	}
	if slices.Sort(want); !slices.Equal(pids, want) {
		t.Errorf("customers shown as\n%q\nwant the pseudonyms of\n%q, in their order\n%q", pids, ids, want)
	}
}

// TestPseudonymiseLeavesRowNumbers: a table without an id column is keyed
// by 1-based row numbers, which identify no one; --pseudonymise leaves them
// as they are in predict, plan and anomalies, as the TUI does.
func TestPseudonymiseLeavesRowNumbers(t *testing.T) {
	var b strings.Builder
	for line := range strings.Lines(handMadeUsers()) {
		_, rest, _ := strings.Cut(line, ",") // the user column left out
		b.WriteString(rest)
	}
	users := writeFile(t, "users.csv", b.String())
	model := trainSmallModel(t, users)
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	want := make([]string, 60)
	for i := range want {
		want[i] = strconv.Itoa(i + 1)
	}
	got := firstColumn(t, "predict", "--model", model, "--data", users, "--pseudonymise", "--salt-file", salt)
	if !slices.Equal(got, want) {
		t.Errorf("predict keys the rows %q, want the row numbers", got)
	}
	c := newCLI(t)
	if code := c.run(context.Background(), "plan", "--model", model, "--data", users, "--json",
		"--pseudonymise", "--salt-file", salt); code != exitOK {
		t.Fatalf("plan: exit %d, stderr %q", code, c.stderr.String())
	}
	var doc struct {
		Plan struct {
			Contacts []struct {
				ID string `json:"id"`
			} `json:"contacts"`
		} `json:"plan"`
	}
	if err := json.Unmarshal(c.stdout.Bytes(), &doc); err != nil || len(doc.Plan.Contacts) == 0 {
		t.Fatalf("plan JSON: %v, %d contacts", err, len(doc.Plan.Contacts))
	}
	for _, ct := range doc.Plan.Contacts {
		if n, err := strconv.Atoi(ct.ID); err != nil || n < 1 || n > 60 {
			t.Errorf("the plan shows contact %q, not a row number", ct.ID)
		}
	}
	for _, id := range anomalyIDs(t, 60, "--data", users, "--pseudonymise", "--salt-file", salt) {
		if n, err := strconv.Atoi(id); err != nil || n < 1 || n > 60 {
			t.Errorf("anomalies id %q is not a row number", id)
		}
	}
}

// anomalyIDs runs anomalies --json --top top with args and returns the
// ids of the users listed, which must be top.
func anomalyIDs(t *testing.T, top int, args ...string) []string {
	t.Helper()
	return topIDs(anomalyTop(t, top, args...))
}

// TestPseudonymiseWithholdsCellsInErrors: a line that is not UTF-8 text is
// refused quoting its cell, here a customer id ("n\xfc2" in Latin-1) or an
// e-mail address; under --pseudonymise the error names the file, line and
// column and says the value is withheld, as the cell may name someone. An
// error about a number ("abc" in spend) keeps quoting its cell, with or
// without pseudonyms: it names no one, and helps to mend the file.
func TestPseudonymiseWithholdsCellsInErrors(t *testing.T) {
	model := trainSmallModel(t, writeFile(t, "users.csv", emailUsers()), "--epochs", "5")
	salt, _ := personalSalt(t)
	const head = "user,email,spend,visits,plan\nn1,person0@example.com,40,3,basic\n"
	latin := writeFile(t, "latin.csv", head+"n\xfc2,person3@example.com,90,12,pro\n")
	email := writeFile(t, "email.csv", head+"n2,p\xe9rson3@example.com,90,12,pro\n")
	nul := writeFile(t, "nul.csv", head+"n\x002,person3@example.com,90,12,pro\n")
	number := writeFile(t, "number.csv", head+"n2,person3@example.com,abc,12,pro\n")
	const latin1 = "its bytes read as Latin-1 / Windows-1252 text; convert it to UTF-8 first"
	for _, tc := range []struct {
		file        string
		plain, priv string
	}{
		{latin,
			latin + `:3:1: the cell "n\xfc2" is not UTF-8 (byte 0xFC at its byte 2); ` + latin1 + " (iconv -f WINDOWS-1252 -t UTF-8 " + latin + " > " + strings.TrimSuffix(latin, ".csv") + "-utf8.csv)",
			latin + ":3:1: the cell is not UTF-8 (byte 0xFC at its byte 2; its value withheld, as it may name someone); " + latin1 + " (iconv -f WINDOWS-1252 -t UTF-8 " + latin + " > " + strings.TrimSuffix(latin, ".csv") + "-utf8.csv)"},
		{email,
			email + `:3:2: the cell "p\xe9rson3@example.com" is not UTF-8 (byte 0xE9 at its byte 2); ` + latin1 + " (iconv -f WINDOWS-1252 -t UTF-8 " + email + " > " + strings.TrimSuffix(email, ".csv") + "-utf8.csv)",
			email + ":3:2: the cell is not UTF-8 (byte 0xE9 at its byte 2; its value withheld, as it may name someone); " + latin1 + " (iconv -f WINDOWS-1252 -t UTF-8 " + email + " > " + strings.TrimSuffix(email, ".csv") + "-utf8.csv)"},
		{nul,
			nul + `:3:1: NUL byte in the cell "n\x002": the file is binary or not UTF-8 text`,
			nul + ":3:1: NUL byte in the cell (its value withheld, as it may name someone): the file is binary or not UTF-8 text"},
		{number,
			number + `:3:3: column "spend": expected a finite number, got "abc"`,
			number + `:3:3: column "spend": expected a finite number, got a cell that is not (its value withheld, as it may name someone)`},
	} {
		for _, cmd := range [][]string{{"predict"}, {"plan", "--budget", "50%"}} {
			for _, priv := range []bool{false, true} {
				args := append(slices.Clone(cmd), "--model", model, "--data", tc.file)
				want := "retain: " + tc.plain + "\n"
				if priv {
					args, want = append(args, "--pseudonymise", "--salt-file", salt), "retain: "+tc.priv+"\n"
				}
				c := newCLI(t)
				code := c.run(context.Background(), args...)
				if code != exitUsage || c.stderr.String() != want || c.stdout.Len() != 0 {
					t.Errorf("%v: exit %d, stderr\n%s\nwant exit 2 and\n%s", args, code, c.stderr.String(), want)
				}
			}
		}
	}
	// An order log's customer id, read by recommend.
	log := writeFile(t, "log.csv", "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"+
		"1,A,1,2024-01-01,2.5,c1\n2,B,1,2024-01-02,2.5,c\xe92\n")
	advice := latin1 + " (iconv -f WINDOWS-1252 -t UTF-8 " + log + " > " + strings.TrimSuffix(log, ".csv") + "-utf8.csv)\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "retain: " + log + `:3:6: the cell "c\xe92" is not UTF-8 (byte 0xE9 at its byte 2); ` + advice},
		{[]string{"--pseudonymise", "--salt-file", salt},
			"retain: " + log + ":3:6: the cell is not UTF-8 (byte 0xE9 at its byte 2; its value withheld, as it may name someone); " + advice},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"recommend", "--log", log}, tc.args...)...)
		if code != exitUsage || c.stderr.String() != tc.want {
			t.Errorf("recommend %v: exit %d, stderr\n%s\nwant exit 2 and\n%s", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// TestAnomaliesWithholdsIdentifierCellsInErrors: a table without a usable
// feature column is refused naming each column's reason, quoting the cells
// of an identifier that are not numbers and of text that looks like
// decimal-comma numbers; under --pseudonymise those cells are withheld,
// the rest of the message the same.
func TestAnomaliesWithholdsIdentifierCellsInErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("user_id,ref,fee\n")
	for i := range 40 {
		ref := strconv.Itoa(1000 + i)
		if i%10 == 0 {
			ref = "R-" + strconv.Itoa(i)
		}
		b.WriteString("u" + strconv.Itoa(i) + "," + ref + ",\"" + strconv.Itoa(i) + "," + strconv.Itoa(i%7+1) + "\"\n")
	}
	users := writeFile(t, "users.csv", b.String())
	salt, _ := personalSalt(t)
	const comma = "it looks like numbers written with a decimal comma%s, which only a semicolon-separated file reads as numbers: " +
		"separate the fields with semicolons, or write the numbers with a decimal point"
	plain := "retain: " + users + `: no usable feature column (user_id: an identifier, ref: an identifier, mostly numbers but 4 of 40 in the first rows are not ("R-0", "R-10", "R-20", the first at line 2, column 2), fee: ` +
		fmt.Sprintf(comma, ` ("0,1", "1,2")`) + ")\n"
	priv := "retain: " + users + ": no usable feature column (user_id: an identifier, ref: an identifier, mostly numbers but 4 of 40 in the first rows are not (the first at line 2, column 2; their values withheld, as they may name someone), fee: " +
		fmt.Sprintf(comma, "") + ")\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, plain},
		{[]string{"--pseudonymise", "--salt-file", salt}, priv},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"anomalies", "--data", users}, tc.args...)...)
		if code != exitUsage || c.stderr.String() != tc.want {
			t.Errorf("%v: exit %d, stderr\n%s\nwant exit 2 and\n%s", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// statusLog is an order log of 400 lines of 40 customers, each with an
// e-mail address, and a status column of two values ("canceled" on every
// ninth line).
func statusLog(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Email,Status\n")
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 400 {
		status := "delivered"
		if i%9 == 0 {
			status = "canceled"
		}
		fmt.Fprintf(&b, "%d,%c,1,%s,2.5,c%d,person%d@example.com,%s\n", i, "ABCDE"[i%5],
			day.AddDate(0, 0, i%200).Format(time.DateOnly), i%40, i%40, status)
	}
	return writeFile(t, "orders.csv", b.String())
}

// TestPseudonymiseWithholdsLogTypesThatNamePeople: an order log's notes
// quote its order statuses, and a log without orders its event types, as
// written. Given a column of e-mail addresses for the role (40 addresses,
// every one written like one: the rule text that names people follows),
// they quoted the addresses of the customers with the most lines; under
// --pseudonymise they are counted without being named. A real status
// column (2 values on 400 lines) is still quoted under --pseudonymise.
func TestPseudonymiseWithholdsLogTypesThatNamePeople(t *testing.T) {
	log := statusLog(t)
	salt, _ := personalSalt(t)
	priv := []string{"--pseudonymise", "--salt-file", salt}
	// 400 lines, one in nine (i = 0, 9, …, 396: 45) cancelled.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--log-columns", "status=Email"}, "note: " + log + `: order status: "person0@example.com" 10 (orders), "person10@example.com" 10 (orders), ` +
			`"person11@example.com" 10 (orders), "person12@example.com" 10 (orders), "person13@example.com" 10 (orders), ` +
			`"person14@example.com" 10 (orders), "person15@example.com" 10 (orders), "person16@example.com" 10 (orders), …`},
		{append([]string{"--log-columns", "status=Email"}, priv...),
			"note: " + log + ": order status: 400 lines read as orders, 0 as cancelled (of 40 statuses, their values withheld, as they may name someone)"},
		{priv, "note: " + log + `: order status: "delivered" 355 (orders), "canceled" 45 (cancelled)`},
	} {
		c := newCLI(t)
		args := append([]string{"recommend", "--log", log, "--horizon", "30d", "--top", "1"}, tc.args...)
		if code := c.run(context.Background(), args...); code != exitOK {
			t.Fatalf("%v: exit %d, stderr %q", tc.args, code, c.stderr.String())
		}
		if !slices.Contains(strings.Split(c.stderr.String(), "\n"), tc.want) {
			t.Errorf("%v: stderr lacks\n%s\n%s", tc.args, tc.want, c.stderr.String())
		}
	}
	const marks = ": the event type column \"Email\" marks purchases as purchase, purchased, buy, bought, transaction, order, ordered, " +
		"checkout, sale, 购买, 下单, 支付, 成交\n"
	const head = ": no usable orders: 400 lines, 0 cancelled, 0 without a customer id, 400 events that are not purchases ("
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "retain: " + log + head + `"person0@example.com" 10, "person10@example.com" 10, "person11@example.com" 10, ` +
			`"person12@example.com" 10, "person13@example.com" 10, …)` + marks},
		{priv, "retain: " + log + head + "of 40 types, their values withheld, as they may name someone)" + marks},
	} {
		c := newCLI(t)
		code := c.run(context.Background(), append([]string{"recommend", "--log", log, "--log-columns", "event=Email"}, tc.args...)...)
		if code != exitUsage || c.stderr.String() != tc.want {
			t.Errorf("%v: exit %d, stderr\n%s\nwant exit 2 and\n%s", tc.args, code, c.stderr.String(), tc.want)
		}
	}
}

// TestPredictOneCustomerOnePseudonym: a per-user id written 15600587.0 (a
// float id column) got a pseudonym of its own in predict, although order
// logs and now the API read it as 15600587: both rows below get
// 15600587's pseudonym, as the API gives it (pseudonym.Canonical).
func TestPredictOneCustomerOnePseudonym(t *testing.T) {
	users := writeFile(t, "users.csv", handMadeUsers())
	model := trainSmallModel(t, users)
	floats := writeFile(t, "floats.csv", strings.NewReplacer("\nu03,", "\n15600587.0,", "\nu40,", "\n15600587,").Replace(handMadeUsers()))
	salt := writeFile(t, "a.salt", "first salt, long enough\n")
	key, _ := pseudonym.New([]byte("first salt, long enough"))
	got := firstColumn(t, "predict", "--model", model, "--data", floats, "--pseudonymise", "--salt-file", salt)
	// The HMAC of the plain id, from the key.
	if n := strings.Count(strings.Join(got, "\n"), key.ID("15600587")); n != 2 {
		t.Errorf("%d rows with 15600587's pseudonym, want 2 (15600587.0 and 15600587): %q", n, got)
	}
}
