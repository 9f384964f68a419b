package data

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestLabelDistributions(t *testing.T) {
	csv := "plan,vip,spend,churn\n" +
		"basic,yes,1,yes\nbasic,no,2,no\nplus,no,3,no\npro,,4,yes\nbasic,yes,,no\nplus,no,100,no\n"
	tab, err := ReadCSV(strings.NewReader(csv), "t.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Label.Positives(); got != 2 {
		t.Fatalf("positives %d, want 2", got)
	}
	dists := LabelDistributions(tab)
	byName := map[string]FeatureDistribution{}
	for _, d := range dists {
		byName[d.Name] = d
	}
	plan := byName["plan"]
	if !slices.Equal(plan.Levels, []string{"basic", "plus", "pro"}) || !slices.Equal(plan.Neg, []int{2, 2, 0}) ||
		!slices.Equal(plan.Pos, []int{1, 0, 1}) {
		t.Errorf("plan: levels %v neg %v pos %v", plan.Levels, plan.Neg, plan.Pos)
	}
	if s := plan.PositiveShare(0); math.Abs(s-1.0/3) > 1e-12 || !math.IsNaN(FeatureDistribution{Neg: []int{0}, Pos: []int{0}}.PositiveShare(0)) {
		t.Errorf("share of basic %v", s)
	}
	vip := byName["vip"] // the missing cell is left out
	if vip.Kind != Boolean || !slices.Equal(vip.Neg, []int{3, 1}) || !slices.Equal(vip.Pos, []int{0, 1}) {
		t.Errorf("vip: kind %v levels %v neg %v pos %v", vip.Kind, vip.Levels, vip.Neg, vip.Pos)
	}
	spend := byName["spend"]
	if spend.Levels != nil || len(spend.Neg) != DistributionBins || spend.Lo != 1 || spend.Hi != 100 {
		t.Errorf("spend: levels %v bins %d range %v..%v", spend.Levels, len(spend.Neg), spend.Lo, spend.Hi)
	}
	if spend.Neg[0] != 2 || spend.Pos[0] != 2 || spend.Neg[DistributionBins-1] != 1 {
		t.Errorf("spend counts neg %v pos %v", spend.Neg, spend.Pos)
	}
}

func TestLabelDistributionsCapsLevels(t *testing.T) {
	var b strings.Builder
	b.WriteString("city,churn\n")
	for i := range 60 {
		b.WriteString(string(rune('a'+i%15)) + ",")
		b.WriteString([]string{"no", "yes"}[i%2] + "\n")
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "t.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	d := LabelDistributions(tab)[0]
	if len(d.Levels) != DistributionBins || d.OtherLevels != 3 || d.Total(0) != 4 {
		t.Errorf("levels %d, other %d, first level %d rows", len(d.Levels), d.OtherLevels, d.Total(0))
	}
}
