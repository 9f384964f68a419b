package experiment

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/retainlab/retain/data"
)

// contactCase is a plan for 700 customers of the lever model (see
// leverExplainer) with per-customer values, so that the plan's ranking by
// P × value is not the ranking by P. A contact costs 1 at a success rate
// of 0.5: every customer whose P × value is above 2 is contacted, more
// than two blocks of them and not everyone.
func contactCase(t *testing.T) ContactList {
	t.Helper()
	return contactCaseOf(t, false)
}

// contactCaseOf is contactCase, or with byID its customers' ids in the
// reverse of their order (c699 first) and the plan's ties ranked by id
// (PlanInput.TiesByID), as under --pseudonymise.
func contactCaseOf(t *testing.T, byID bool) ContactList {
	t.Helper()
	x := leverExplainer(t)
	const n = 700
	rows := make([][]float64, n)
	probs, values := make([]float64, n), make([]float64, n)
	ids := make([]string, n)
	for i := range rows {
		premium := float64(i % 3 / 2)
		rows[i] = []float64{float64(i%5) / 4, 1 - premium, premium}
		probs[i] = x.Predict(rows[i])
		values[i] = float64(1 + (i*37)%50)
		ids[i] = fmt.Sprintf("c%03d", i)
		if byID {
			ids[i] = fmt.Sprintf("c%03d", n-1-i)
		}
	}
	seg, err := ValueSegments(probs, values)
	if err != nil {
		t.Fatal(err)
	}
	row := func(i int) []float64 { return rows[i] }
	target := NewTarget(data.LabelSpec{Name: "churn", Positive: "yes", Negative: "no"}, Prevent)
	levers := []string{"coupons", "plan"}
	rep, err := NewPlanReport(PlanInput{IDs: ids, Probs: probs, Values: values, ValueColumn: "spend", Segments: seg,
		Explainer: x, Row: row, Positive: target.OnPositive, TiesByID: byID},
		PlanRequest{Assumptions: PlanAssumptions{CostPerContact: 1, Success: 0.5}, Prevent: true,
			Outcome: target.Outcome(), Levers: levers})
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Best.Contacted; c <= 2*ContactBlock || c >= n {
		t.Fatalf("%d contacted of %d: want more than two blocks, not everyone", c, n)
	}
	return ContactList{Report: rep, Segments: seg, Target: target, Levers: levers, IDs: ids, Explainer: x, Row: row}
}

// readContacts parses a written contact list.
func readContacts(t *testing.T, text []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// The list holds every contacted customer, in the plan's order (by
// P × value, which is not by P here), each line as the plan's contacts
// table says the customer: band, segment, level, action and lever, then
// the reasons the explainer gives. Progress comes after each block.
func TestPlanContactListWritesEveryContactInOrder(t *testing.T) {
	l := contactCase(t)
	rep := l.Report
	var out bytes.Buffer
	var progress [][2]int
	if err := l.Write(context.Background(), &out, func(done, total int) { progress = append(progress, [2]int{done, total}) }); err != nil {
		t.Fatal(err)
	}
	recs := readContacts(t, out.Bytes())
	want := "id,probability_churn_yes,band,segment,p_level,action,lever,value,expected_gain,reason_1,reason_2,reason_3"
	if got := strings.Join(recs[0], ","); got != want || strings.Join(l.Header(), ",") != want {
		t.Errorf("header %q, want %q", got, want)
	}
	n := rep.Best.Contacted
	if len(recs) != 1+n || l.Len() != n {
		t.Fatalf("%d lines, Len %d, for %d contacts", len(recs)-1, l.Len(), n)
	}
	if wantProgress := [][2]int{{256, n}, {512, n}, {n, n}}; !slices.Equal(progress, wantProgress) {
		t.Errorf("progress %v, want %v", progress, wantProgress)
	}
	probs := rep.Plan.probs
	bands := AssignBands(probs, BandScheme{})
	byP := true
	sumGain := 0.0
	for k, i := range rep.Plan.Order[:n] {
		r := recs[k+1]
		p, err := strconv.ParseFloat(r[1], 64)
		if err != nil || r[0] != l.IDs[i] || r[1] != strconv.FormatFloat(probs[i], 'f', 6, 64) {
			t.Fatalf("line %d: %q, want customer %s with P %.6f", k+1, r, l.IDs[i], probs[i])
		}
		if prev, _ := strconv.ParseFloat(recs[k][1], 64); k > 0 && p > prev {
			byP = false
		}
		if r[2] != bands.Label(bands.Of[i]) || r[3] != l.Segments.Names[i].String() || r[4] != l.Segments.Risk[i].String() ||
			r[5] != SuggestedAction(l.Segments.Names[i], true).String() {
			t.Errorf("line %d: %q", k+1, r)
		}
		ex, err := l.Explainer.Explain(l.Row(i))
		if err != nil {
			t.Fatal(err)
		}
		// The lever model has two columns: the third reason is empty.
		if r[9] != FormatReason(ex.Reasons[0]) || r[10] != FormatReason(ex.Reasons[1]) || r[11] != "" {
			t.Errorf("line %d: reasons %q, want %v", k+1, r[9:], ex.Reasons)
		}
		// The value the plan ranked by, 1 + 37i mod 50 (contactCaseOf),
		// and the expected gain of the contact, s·P·v − c = 0.5·P·v − 1
		// (preventing: q = P), from the line's own probability.
		v := float64(1 + (i*37)%50)
		gain, err := strconv.ParseFloat(r[8], 64)
		if r[7] != strconv.FormatFloat(v, 'f', -1, 64) || err != nil || math.Abs(gain-(0.5*p*v-1)) > 1e-5*v {
			t.Errorf("line %d: value %q, expected gain %q; want %g and 0.5 × %g × %g − 1", k+1, r[7], r[8], v, p, v)
		}
		sumGain += gain
	}
	if byP {
		t.Error("the list is in the order of P: the case does not tell the plan's order from it")
	}
	// The list adds up to the plan's net value.
	if math.Abs(sumGain-rep.Best.Net) > 1e-6*float64(n) {
		t.Errorf("the expected gains add up to %g, the plan's net value is %g", sumGain, rep.Best.Net)
	}
	// The first contacts are the report's, lever and all.
	for k, c := range rep.Contacts {
		r := recs[k+1]
		lever := ""
		if c.Lever != nil {
			lever = c.Lever.String("churn = yes")
		}
		if r[0] != c.ID || r[3] != c.Segment.String() || r[4] != c.Risk.String() || r[5] != c.Action.String() || r[6] != lever {
			t.Errorf("line %d: %q, want contact %+v (lever %q)", k+1, r, c, lever)
		}
	}
	if recs[1][6] == "" {
		t.Error("the first contact has no lever: the lever check above checked nothing")
	}
}

// Without levers the lever column is empty; the band follows the scheme.
func TestPlanContactListWithoutLeversByCapacity(t *testing.T) {
	l := contactCase(t)
	l.Levers, l.Scheme = nil, BandScheme{Capacity: 100}
	var out bytes.Buffer
	if err := l.Write(context.Background(), &out, nil); err != nil {
		t.Fatal(err)
	}
	for k, r := range readContacts(t, out.Bytes())[1:] {
		if r[6] != "" || (r[2] != "top 100" && r[2] != "rest") {
			t.Fatalf("line %d: %q, want no lever and a band of the capacity", k+1, r)
		}
	}
}

// Cancelled between blocks, the list stops with the context's error after
// the blocks written so far.
func TestPlanContactListCancelled(t *testing.T) {
	l := contactCase(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	err := l.Write(ctx, &out, func(done, _ int) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if got := len(readContacts(t, out.Bytes())); got != 1+ContactBlock {
		t.Errorf("%d lines written, want the header and one block", got)
	}
}

// A list whose parts describe different customers is refused before
// anything is written.
func TestPlanContactListRefusesMismatchedParts(t *testing.T) {
	good := contactCase(t)
	for name, change := range map[string]func(l *ContactList){
		"no plan":      func(l *ContactList) { l.Report = nil },
		"no explainer": func(l *ContactList) { l.Explainer = nil },
		"short ids":    func(l *ContactList) { l.IDs = l.IDs[1:] },
		"no segments":  func(l *ContactList) { l.Segments = nil },
	} {
		l := good
		change(&l)
		var out bytes.Buffer
		if err := l.Write(context.Background(), &out, nil); err == nil || out.Len() != 0 {
			t.Errorf("%s: err %v, %d bytes written", name, err, out.Len())
		}
	}
}

// TestPlanContactListBandsTiesByID: the band column cut customers of
// equal probability by the file's order even when the plan ranks ties by
// id (pseudonyms), so a file sorted by id gave back which of two tied
// customers came first. With TiesByID the bands are those of the
// customers taken in id order: here the reverse of the file's, so the
// bands are AssignBands of the reversed probabilities, read back.
func TestPlanContactListBandsTiesByID(t *testing.T) {
	l := contactCaseOf(t, true)
	var out bytes.Buffer
	if err := l.Write(context.Background(), &out, nil); err != nil {
		t.Fatal(err)
	}
	probs := l.Report.Plan.probs
	n := len(probs)
	reversed := make([]float64, n)
	for i, p := range probs {
		reversed[n-1-i] = p
	}
	rb, fileOrder := AssignBands(reversed, BandScheme{}), AssignBands(probs, BandScheme{})
	recs, differ := readContacts(t, out.Bytes()), 0
	for k, i := range l.Report.Plan.Order[:l.Len()] {
		r := recs[k+1]
		if want := rb.Label(rb.Of[n-1-i]); r[0] != l.IDs[i] || r[2] != want {
			t.Fatalf("line %d: customer %s in band %q, want %s in %q", k+1, r[0], r[2], l.IDs[i], want)
		}
		if r[2] != fileOrder.Label(fileOrder.Of[i]) {
			differ++
		}
	}
	if differ == 0 {
		t.Error("no contact's band depends on how ties are broken: the test cannot tell the orders apart")
	}
}
