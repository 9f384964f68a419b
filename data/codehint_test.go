package data

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestCodeHintsNeedWholeNumbersFewValuesAndACodeName(t *testing.T) {
	var b strings.Builder
	b.WriteString("Region,visits,OSType,price_class,area_km,zone,StoreID,NumberOfDeviceRegistered,churn\n")
	for i := range 30 {
		// Region 1..9; visits 0..5 (a count: no code word); OSType 0..3;
		// price_class halves (not whole); area_km negative once; zone two
		// values only; StoreID 10..14; NumberOfDeviceRegistered 1..6 (a
		// code word, device, in a count's name).
		area := i % 4
		if i == 7 {
			area = -1
		}
		fmt.Fprintf(&b, "%d,%d,%d,%g,%d,%d,%d,%d,%s\n", i%9+1, i%6, i%4, float64(i%3)/2, area, i%2, 10+i%5, i%6+1, []string{"no", "yes"}[i%2])
	}
	tab, err := ReadCSV(strings.NewReader(b.String()), "h.csv", CSVOptions{Label: "churn"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range CodeHints(tab) {
		got = append(got, h.String())
	}
	want := []string{
		`column "Region": whole numbers 1–9 with 9 distinct values, named like a code`,
		`column "OSType": whole numbers 0–3 with 4 distinct values, named like a code`,
		`column "StoreID": whole numbers 10–14 with 5 distinct values, named like a code`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("hints\n%q\nwant\n%q", got, want)
	}
	// A declared or excluded column is not hinted.
	if err := DeclareCategorical(tab, []string{"Region"}); err != nil {
		t.Fatal(err)
	}
	if err := ExcludeColumns(tab, []string{"OSType"}); err != nil {
		t.Fatal(err)
	}
	if hs := CodeHints(tab); len(hs) != 1 || hs[0].Column != "StoreID" {
		t.Errorf("after declaring Region and excluding OSType: %v", hs)
	}
}

func TestNameWords(t *testing.T) {
	for name, want := range map[string]string{
		"TrafficType":      "traffic type",
		"OperatingSystems": "operating systems",
		"OSType":           "os type",
		"store_id2":        "store id",
		"price class":      "price class",
	} {
		if got := strings.Join(nameWords(name), " "); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
