package data

import (
	"slices"
	"testing"
)

// The schema's structured description carries every number its English
// Action names, so other languages can word it without parsing text.
func TestSchemaTreatmentIsStructured(t *testing.T) {
	tab, p := fitTrain(t, PipelineOptions{MissingIndicators: true})
	rep := Schema(tab, p)
	id, age, plan, promo, label := rep.Columns[0].Treatment, rep.Columns[1].Treatment, rep.Columns[2].Treatment, rep.Columns[3].Treatment, rep.Columns[4].Treatment
	if id.Action != ActionID || id.Why != (Reason{Kind: ReasonIDName, Distinct: 5, Rows: 6}) {
		t.Errorf("id %+v", id)
	}
	if age.Action != ActionFeature || age.Missing != 1 || age.Impute != ImputeMedian || age.Fill != 40 || !age.Indicator ||
		age.Encoding != EncodeMinMax || age.Min != 20 || age.Max != 60 || age.Log {
		t.Errorf("age %+v", age)
	}
	if plan.Encoding != EncodeOneHot || plan.Width != 3 {
		t.Errorf("plan %+v", plan)
	}
	if promo.Encoding != EncodeBoolean || !slices.Equal(promo.Levels, []string{"No", "Yes"}) {
		t.Errorf("promo %+v", promo)
	}
	if label.Action != ActionLabel || !slices.Equal(label.Levels, []string{"no", "yes"}) || label.Rate != rep.PositiveRate {
		t.Errorf("label %+v", label)
	}
	for _, c := range rep.Columns {
		if c.Treatment.String() != c.Action {
			t.Errorf("%s: treatment %q, action %q", c.Name, c.Treatment.String(), c.Action)
		}
	}
}

func TestMixedWarningIsStructured(t *testing.T) {
	in := "age,plan,churn\n"
	for i := range 30 {
		age := "31"
		if i%5 == 0 {
			age = "pending" // "unknown" until it became a numeric missing word
		}
		in += age + ",basic,no\n"
	}
	tab := mustRead(t, in+"40,pro,yes\n", CSVOptions{Label: "churn"})
	c := tab.Column("age")
	want := MixedText{Numbers: 25, Present: 31, NotNumbers: 6, Examples: []string{`"pending"`}}
	if c.Mixed == nil || c.Mixed.Numbers != want.Numbers || c.Mixed.NotNumbers != want.NotNumbers ||
		!slices.Equal(c.Mixed.Examples, want.Examples) || c.Mixed.More || c.Warning != c.Mixed.String() {
		t.Errorf("mixed %+v, warning %q", c.Mixed, c.Warning)
	}
}

// TestStatisticsPrintWithoutRoundingNoise: a bound is the mean of ten
// values, and its shortest exact spelling read "values clipped to [0,
// 1669.7289428000001] first" (online_shoppers' Administrative_Duration);
// fills and bounds print to six significant digits, whole numbers in full.
func TestStatisticsPrintWithoutRoundingNoise(t *testing.T) {
	tr := Treatment{Action: ActionFeature, Kind: Numeric, Encoding: EncodeZScore, Log: true, Center: 2.33, Spread: 2.366,
		Clip: true, Min: 0, Max: 1669.7289428000001, Missing: 7, Impute: ImputeMean, Fill: 2267.151298701299}
	want := "7 missing in training filled with the mean 2267.15; log(1+v), then z-scored (mean 2.33, sd 2.366 in log units); values clipped to [0, 1669.73] first"
	if got := tr.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	for v, want := range map[float64]string{5.800000000000001: "5.8", 19.1: "19.1", 1234567: "1234567", -3: "-3", 0.000123456789: "0.000123457"} {
		if got := FormatStatistic(v); got != want {
			t.Errorf("FormatStatistic(%v) = %q, want %q", v, got, want)
		}
	}
}
