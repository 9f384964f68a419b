package usersscreen

import (
	"bytes"
	"context"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retainlab/retain/data"
	"github.com/retainlab/retain/experiment"
	"github.com/retainlab/retain/tui/common"
	"github.com/retainlab/retain/tui/screentest"
)

// syntheticUsers builds n scored users without a model: probabilities
// spread by a fixed pseudo-random sequence, labels from a second one, ids
// "u<row>".
func syntheticUsers(n int) *usersData {
	ids := make([]string, n)
	prob := make([]float64, n)
	label := make([]float64, n)
	part := make([]experiment.RowPart, n)
	state := uint64(12345)
	next := func() float64 {
		state = state*6364136223846793005 + 1442695040888963407
		return float64(state>>11) / (1 << 53)
	}
	for i := range n {
		ids[i] = "u" + strconv.Itoa(i)
		prob[i] = next()
		if next() < prob[i] {
			label[i] = 1
		}
		part[i] = experiment.RowPart(i % 3)
	}
	churn := data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}
	return newUsersData(1, &experiment.TableScores{IDs: ids, Probabilities: prob, Labels: label, Parts: part}, churn)
}

func TestUserListOrdersFiltersAndSearches(t *testing.T) {
	u := syntheticUsers(5000)
	l := userList{threshold: 0.5}
	l.setHeight(10)
	l.setUsers(u)
	// Descending: every shown probability at most the previous one.
	for i := 1; i < len(l.shown); i++ {
		if u.prob(int(l.shown[i])) > u.prob(int(l.shown[i-1])) {
			t.Fatalf("row %d out of order", i)
		}
	}
	l.sort = sortProbAsc
	l.refilter()
	if u.prob(int(l.shown[0])) != slices.Min(u.scores.Probabilities) {
		t.Fatalf("ascending order starts at %g, want the minimum", u.prob(int(l.shown[0])))
	}
	l.sort = sortRow
	l.refilter()
	if l.shown[0] != 0 || l.shown[4999] != 4999 {
		t.Fatal("row order is not the file order")
	}
	// Filters against a direct count. The bands by share of 5,000 users
	// ranked by P(churn = yes) end after ⌈5 %·5000⌉ = 250, 500, 1,000 and
	// 2,500 users.
	rank := make([]int, 5000)
	for i, r := range u.byProbDesc {
		rank[r] = i
	}
	ends := []int{250, 500, 1000, 2500, 5000}
	for band := 1; band <= 5; band++ {
		for truth := truthAll; truth < truthFilters; truth++ {
			l.band, l.truth = band, truth
			l.refilter()
			want := 0
			for r := range 5000 {
				p := u.prob(int(r))
				inBand := rank[r] < ends[band-1] && (band == 1 || rank[r] >= ends[band-2])
				right := (p >= 0.5) == (u.positive(r))
				if inBand && (truth == truthAll || (truth == truthCorrect) == right) {
					want++
				}
			}
			if len(l.shown) != want {
				t.Fatalf("band %d, truth %d: %d shown, direct count %d", band, truth, len(l.shown), want)
			}
		}
	}
	l.band, l.truth = 0, truthAll
	l.refilter()
	if !l.searchPrefix("u4321", 0) || l.selected() != 4321 {
		t.Fatalf("search for u4321 selected row %d", l.selected())
	}
	if l.cursor < l.offset || l.cursor >= l.offset+l.height {
		t.Fatal("the found user is not in the visible window")
	}
	if l.searchPrefix("nobody", 0) {
		t.Fatal("a missing id was found")
	}
}

func TestUsersTableRendersOnlyTheWindowOfAMillionRows(t *testing.T) {
	const n = 1_000_000
	u := syntheticUsers(n)
	s := New(screentest.Common("en", 0, 0))
	s.SetSize(120, 40)
	s.list.threshold = 0.5
	s.list.setUsers(u)
	s.render()
	l := usersLayout(120, 40, false)
	lines := s.tableLines(l.tableW, l.tableRows+1)
	if len(lines) != l.tableRows+1 {
		t.Fatalf("%d table lines for %d visible rows", len(lines), l.tableRows)
	}
	// Jump to the end: the window shows the last rows, lowest probability.
	s, _ = s.step(screentest.Press("G"))
	last := s.list.visible()
	if len(last) != l.tableRows || int(last[len(last)-1]) != int(u.byProbDesc[n-1]) {
		t.Fatalf("window at the end holds %d rows ending with %d", len(last), last[len(last)-1])
	}
	screentest.MustContain(t, view(s), "1,000,000 of 1,000,000 users", common.Thousands(n))
	// Filtering a million rows keeps exactly those passing.
	s = pressAll(t, s, "c") // correct only
	correct := 0
	for r := range n {
		if (u.prob(int(r)) >= 0.5) == (u.positive(r)) {
			correct++
		}
	}
	if len(s.list.shown) != correct {
		t.Fatalf("%d correct users shown, direct count %d", len(s.list.shown), correct)
	}
}

func BenchmarkUsersScroll1M(b *testing.B) {
	u := syntheticUsers(1_000_000)
	s := New(screentest.Common("en", 0, 0))
	s.SetSize(200, 60)
	s.list.threshold = 0.5
	s.list.setUsers(u)
	down := screentest.Press("down")
	b.ResetTimer()
	for range b.N {
		s, _ = s.step(down) // moves, renders the visible window
	}
}

func BenchmarkUsersSort1M(b *testing.B) {
	u := syntheticUsers(1_000_000)
	b.ResetTimer()
	for range b.N {
		newUsersData(1, u.scores, u.label)
	}
}

func BenchmarkUsersFilter1M(b *testing.B) {
	u := syntheticUsers(1_000_000)
	l := userList{threshold: 0.5}
	l.setHeight(40)
	l.setUsers(u)
	l.band = 1
	b.ResetTimer()
	for range b.N {
		l.refilter()
	}
}

func TestUsersScoresAgreeWithTheExperiment(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	u := s.list.users
	probs, labels, rows, err := s.Exp().Scores(experiment.ValPart)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if math.Abs(u.prob(int(r))-probs[i]) > 1e-12 || u.positive(r) != (labels[i] == 1) || u.part(r) != experiment.RowValidation {
			t.Fatalf("row %d: screen %g/%v/%d, experiment %g/%g", r, u.prob(int(r)), u.positive(r), u.part(r), probs[i], labels[i])
		}
	}
}

func TestUsersKeysAndSearchPrompt(t *testing.T) {
	s := analysed(t, "en", 120, 40)

	u := s.list.users
	if r := s.SelectedRow(); u.prob(int(r)) != slices.Max(u.scores.Probabilities) {
		t.Fatalf("first selected row %d is not the most probable", r)
	}
	s = pressAll(t, s, "s")
	if r := s.SelectedRow(); u.prob(int(r)) != slices.Max(u.scores.Probabilities) {
		t.Fatal("changing the order lost the selected user")
	}
	s = pressAll(t, s, "g")
	if r := s.SelectedRow(); u.prob(int(r)) != slices.Min(u.scores.Probabilities) {
		t.Fatalf("g in ascending order selected %g", u.prob(s.SelectedRow()))
	}
	s = pressAll(t, s, "/")
	if !s.Editing() {
		t.Fatal("/ did not open the search prompt")
	}
	s = typeText(t, s, "U000042")
	s = pressAll(t, s, "enter")
	if s.Editing() || u.id(s.SelectedRow()) != "U000042" {
		t.Fatalf("search selected %q (editing %v)", u.id(s.SelectedRow()), s.Editing())
	}
	screentest.MustContain(t, view(s), "User U000042", "found U000042")
	// The prompt starts empty, and the footer says how to leave it.
	s = pressAll(t, s, "/")
	if v := s.input.Value(); v != "" {
		t.Fatalf("the find prompt starts with %q", v)
	}
	if h := s.HelpGroups()[0]; len(h) != 2 || h[0].Help() != (key.Help{Key: "enter", Desc: "find"}) || h[1].Help() != (key.Help{Key: "esc", Desc: "cancel"}) {
		t.Fatalf("footer while finding: %v", h)
	}
	// 42 is inside U000042 but starts no id: not found.
	s = pressAll(t, s, "4", "2", "enter")
	screentest.MustContain(t, view(s), "no shown user's id is or starts with 42")
	if u.id(s.SelectedRow()) != "U000042" {
		t.Fatalf("a failed search moved to %s", u.id(s.SelectedRow()))
	}
	s = pressAll(t, s, "/", "esc")
	if s.Editing() {
		t.Fatal("esc did not close the prompt only")
	}
}

func TestWhatIfFollowsTheForwardPassAndResets(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	s = pressAll(t, s, "down", "w")
	row, e := s.SelectedRow(), s.Exp()
	if !s.whatIf.active || math.Abs(s.whatIf.prob0-s.list.users.prob(row)) > 1e-9 { // one row or a batch: rounding may differ
		t.Fatalf("what-if not started at the user's probability: %+v", s.whatIf.active)
	}
	// Type a value for the first feature; the probability must equal an
	// independent forward pass of the edited row.
	// Type a value inside the model's (k-anonymous, clipped) range, other
	// than the user's own, for the first feature; the probability must
	// equal an independent forward pass of the edited row.
	x, _ := e.Row(row)
	pc := &e.Pipeline.Columns[0]
	name := pc.Name
	v := pc.Max
	if pc.Original(x[pc.First]) == v {
		v = pc.Min
	}
	// A bound is a mean of 10 values (5.800000000000001 here): type it to
	// 4 significant digits, as a user would and as the view prints it.
	typed := strconv.FormatFloat(v, 'g', 4, 64)
	s = pressAll(t, s, "enter")
	for range 12 {
		s = pressAll(t, s, "backspace")
	}
	for _, r := range typed {
		s = pressAll(t, s, string(r))
	}
	s = pressAll(t, s, "enter")
	edited, err := e.Explainer().Set(x, name, typed)
	if err != nil {
		t.Fatal(err)
	}
	want := e.Net.Predict(edited)[0]
	got := s.whatIf.prob
	if math.Abs(got-want) > 1e-12 || got == s.whatIf.prob0 {
		t.Fatalf("what-if probability %g, direct forward pass %g (own %g)", got, want, s.whatIf.prob0)
	}
	screentest.MustContain(t, view(s), name+" = "+typed, "what-if:", typed+" *")
	if len(s.whatIf.sweep) != sweepPoints {
		t.Fatalf("sweep has %d points", len(s.whatIf.sweep))
	}
	s = pressAll(t, s, "r")
	if s.whatIf.prob != s.whatIf.prob0 || !slices.Equal(s.whatIf.cur, x) {
		t.Fatal("reset did not restore the user's values")
	}
	s = pressAll(t, s, "esc")
	if s.whatIf.active {
		t.Fatal("esc did not leave what-if")
	}
}

func TestReasonSentenceNamesTheStrongestValues(t *testing.T) {
	r := common.RiskWording{Label: "Churn", Positive: "Yes", Negative: "No", OnPositive: true}
	ex := experiment.Explanation{Reasons: []experiment.Reason{
		{Column: "tenure", Value: "1", Attribution: 0.21},
		{Column: "Contract", Value: "Two year", Attribution: -0.12},
		{Column: "MonthlyCharges", Value: "90", Attribution: 0.05},
	}}
	want := "tenure = 1 raises P(Churn = Yes) most; Contract = Two year lowers it most."
	if got := New(screentest.Common("en", 80, 24)).reasonSentence(r, ex, 0); got != want {
		t.Fatalf("got %q", got)
	}
	ex.Reasons = ex.Reasons[1:2]
	if got := New(screentest.Common("en", 80, 24)).reasonSentence(r, ex, 0); got != "Contract = Two year lowers P(Churn = Yes) most." {
		t.Fatalf("got %q", got)
	}
}

func TestExportWritesTheFilteredList(t *testing.T) {
	s := analysed(t, "en", 120, 40)
	s = pressAll(t, s, "c", "c") // wrongly predicted users only
	shown := slices.Clone(s.list.shown)
	path := filepath.Join(t.TempDir(), "act-on-these.csv")
	s = pressAll(t, s, "x")
	for range len("retain-users.csv") {
		s = pressAll(t, s, "backspace")
	}
	s = typeText(t, s, path)
	s = pressAll(t, s, "enter")
	screentest.MustContain(t, view(s), "✓ wrote "+common.Thousands(len(shown))+" users")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(shown)+1 || strings.Join(recs[0], ",") != "user_id,probability_purchases_next_30d_yes,predicted_purchases_next_30d,reason_1,reason_2,reason_3" {
		t.Fatalf("%d lines, header %v", len(recs), recs[0])
	}
	// The file is what `retain predict` writes for the same rows: one
	// exporter, one format.
	e := s.Exp()
	rows := make([]int, len(shown))
	for i, r := range shown {
		rows[i] = int(r)
	}
	scores, err := e.ScoreAll()
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := experiment.WriteScoresCSV(context.Background(), &want, e.ExportRows(scores, rows), e.ExportOptions(3, 0.5)); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != want.String() {
		t.Fatalf("the export differs from WriteScoresCSV's:\n%s\nwant\n%s", got, want.String())
	}
}

// BenchmarkScoreUsers1M scores, sorts and summarises a million built-in
// users: the whole usersCmd, which runs off the UI goroutine.
func BenchmarkScoreUsers1M(b *testing.B) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 1_000_000}, screentest.Open)
	if err != nil {
		b.Fatal(err)
	}
	exp, err := experiment.New(d, experiment.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	run := common.Run{Number: 1, Exp: exp}
	b.ResetTimer()
	for range b.N {
		if _, err := scoreUsers(run, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUsersScrollWithDetails1M moves through a million real users at
// 200×60, where the detail pane (features, medians, cached explanation)
// is drawn beside the table on every key press.
func BenchmarkUsersScrollWithDetails1M(b *testing.B) {
	d, err := experiment.Load(experiment.Source{Kind: "builtin", Users: 1_000_000}, screentest.Open)
	if err != nil {
		b.Fatal(err)
	}
	exp, err := experiment.New(d, experiment.DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	u, err := scoreUsers(common.Run{Number: 1, Exp: exp}, false)
	if err != nil {
		b.Fatal(err)
	}
	s := New(screentest.Common("en", 0, 0))
	s.SetSize(200, 60)
	s.list.threshold = 0.5
	s.list.setUsers(u)
	keys := []tea.KeyPressMsg{screentest.Press("down"), screentest.Press("up")}
	b.ResetTimer()
	for i := range b.N {
		s, _ = s.step(keys[i%2]) // the explanation Cmd is not run
	}
}

// exportTo exports the shown users to path with x.
func exportTo(t *testing.T, s Model, path string) Model {
	t.Helper()
	s = pressAll(t, s, "x")
	s = clear(t, s, len("retain-users.csv"))
	s = typeText(t, s, path)
	return pressAll(t, s, "enter")
}

// TestExportFailureWrapped exports into a folder that does not exist at
// 80×24: the failure names the user's path and says the directory does
// not exist (not the temporary file the write tried), in full over as many
// lines as it needs, and the table gives up the rows it takes.
func TestExportFailureWrapped(t *testing.T) {
	want := map[string]string{
		"en": "✗ export failed: writing /nonexistent/dir/x.csv: directory /nonexistent/dir does not exist",
		"zh": "✗ 导出失败：写入 /nonexistent/dir/x.csv 失败：目录 /nonexistent/dir 不存在",
	}
	for _, lang := range screentest.Langs {
		s := exportTo(t, analysed(t, lang, 80, 24), "/nonexistent/dir/x.csv")
		if s.status.In(s.Common) != want[lang] {
			t.Errorf("%s: status %q\nwant %q", lang, s.status.In(s.Common), want[lang])
		}
		got := screentest.Render(s, 80, 24)
		lines := strings.Split(got, "\n")
		if len(lines) != 24 {
			t.Fatalf("%s: %d lines, want 24:\n%s", lang, len(lines), got)
		}
		// Joined without the breaks, wherever they fall.
		flat := strings.Join(strings.Fields(got), "")
		screentest.MustContain(t, flat, strings.Join(strings.Fields(want[lang]), ""))
		if !strings.HasPrefix(lines[2], "  ") {
			t.Errorf("%s: the failure's second line does not hang under its text:\n%s", lang, got)
		}
	}
}

// TestExportOntoFolderInChinese exports onto a folder (x on the Users
// screen, a folder's path typed as the file) at 80×24: the Chinese status
// said 不是普通文件 with the English "writing …: not a regular file: it is
// a directory" in parentheses; it is now Chinese throughout, naming the
// path, and wraps in full. The English is unchanged.
func TestExportOntoFolderInChinese(t *testing.T) {
	dir := t.TempDir()
	want := map[string]string{
		"en": "✗ export failed: writing " + dir + ": not a regular file: it is a directory",
		"zh": "✗ 导出失败：写入 " + dir + " 失败：它已存在，但它是一个目录，不是普通文件，写入不会替换它",
	}
	for _, lang := range screentest.Langs {
		s := exportTo(t, analysed(t, lang, 80, 24), dir)
		if s.status.In(s.Common) != want[lang] {
			t.Errorf("%s: status %q\nwant %q", lang, s.status.In(s.Common), want[lang])
		}
		got := screentest.Render(s, 80, 24)
		if lines := strings.Split(got, "\n"); len(lines) != 24 {
			t.Fatalf("%s: %d lines, want 24:\n%s", lang, len(lines), got)
		}
		screentest.MustContain(t, strings.Join(strings.Fields(got), ""), strings.Join(strings.Fields(want[lang]), ""))
	}
}

// TestExportFailureExpires: the failure stays until the user moves on: the
// next key in the table, leaving the screen, or a successful export
// replaces it.
func TestExportFailureExpires(t *testing.T) {
	const bad = "/nonexistent/dir/x.csv"
	failed := func(s Model) bool { return strings.HasPrefix(s.status.In(s.Common), "✗ export failed") }
	s := exportTo(t, analysed(t, "en", 80, 24), bad)
	if !failed(s) {
		t.Fatalf("no failure: %q", s.status.In(s.Common))
	}
	if s = pressAll(t, s, "down"); failed(s) || strings.Contains(screentest.Render(s, 80, 24), "export failed") {
		t.Errorf("after ↓ the failure is still shown: %q", s.status.In(s.Common))
	}
	s = exportTo(t, s, bad)
	s.Leave()
	if failed(s) || strings.Contains(screentest.Render(s, 80, 24), "export failed") {
		t.Errorf("after leaving the screen the failure is still shown: %q", s.status.In(s.Common))
	}
	s = exportTo(t, s, bad)
	good := filepath.Join(t.TempDir(), "u.csv")
	s = exportTo(t, s, good)
	if !strings.HasPrefix(s.status.In(s.Common), "✓ wrote ") || !strings.Contains(s.status.In(s.Common), good) {
		t.Errorf("after a good export: %q", s.status.In(s.Common))
	}
	if s = pressAll(t, s, "b"); s.status.In(s.Common) != "" {
		t.Errorf("after b the export's outcome is still shown: %q", s.status.In(s.Common))
	}
}
