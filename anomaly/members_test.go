package anomaly

import (
	"math"
	"testing"

	"github.com/retainlab/retain/data"
)

// TestMembersAverage checks the ensemble: Next moves from member to member
// and stops after Members; the first member of a two-member run is the
// one-member run's network (same seed, same stream), and the two-member
// reconstruction error is the mean of that network's error and the second
// member's, computed row by row here (each plus the joint component, which
// depends on the data alone: see Result.Joint).
func TestMembersAverage(t *testing.T) {
	shop, err := data.GenerateShopWithAbusers(600, 4, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	score := func(members int) (*Run, *Result) {
		return trainAndFinish(t, shop.Table, Options{Truth: data.AbuserColumnName, Archetype: data.ArchetypeColumnName, Members: members, Seed: 9})
	}
	_, one := score(1)
	run, two := score(2)
	if len(run.members) != 2 || run.Member() != 2 {
		t.Fatalf("%d members kept, Member() %d; want 2 and 2", len(run.members), run.Member())
	}
	if more, err := run.Next(); more || err != nil {
		t.Fatalf("Next after the last member: %v, %v; want false, nil", more, err)
	}
	second := run.scoreRange(run.members[1], 0, 600)
	for i := range 600 {
		joint := two.Joint[i] / float64(run.Pipeline.Width())
		want := (one.Error[i]-joint+second[i])/2 + joint
		if math.Abs(two.Error[i]-want) > 1e-12 {
			t.Fatalf("row %d: error %v, want (%v + %v)/2", i, two.Error[i], one.Error[i], second[i])
		}
	}
	if one.Error[0] == second[0] {
		t.Error("the second member scores row 0 like the first: the members are not independent")
	}
}
