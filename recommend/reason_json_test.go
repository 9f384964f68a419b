package recommend

import (
	"encoding/json"
	"testing"
)

// TestReasonJSONNamesItsKind: recommend --json writes a reason's kind as a
// word; it used to write the enum's number ("kind": 0), which a reader of
// the JSON cannot interpret.
func TestReasonJSONNamesItsKind(t *testing.T) {
	for _, c := range []struct {
		r    Reason
		want string
	}{
		{Reason{Kind: ReasonRepeat, Invoices: 6, DaysAgo: 12}, `{"kind":"repeat","invoices":6,"days_ago":12}`},
		{Reason{Kind: ReasonPopular, Invoices: 120, WindowDays: 30, Trend: 0.4, HasTrend: true},
			`{"kind":"popular","invoices":120,"window_days":30,"trend":0.4,"has_trend":true}`},
	} {
		b, err := json.Marshal(c.r)
		if err != nil || string(b) != c.want {
			t.Errorf("%+v: %s, %v; want %s", c.r, b, err, c.want)
		}
		var back Reason
		if err := json.Unmarshal(b, &back); err != nil || back != c.r {
			t.Errorf("%s read back as %+v, %v", b, back, err)
		}
	}
	if _, err := json.Marshal(Reason{Kind: 7}); err == nil {
		t.Error("an unknown kind was written")
	}
	var r Reason
	if err := json.Unmarshal([]byte(`{"kind":"soon"}`), &r); err == nil ||
		err.Error() != `unknown reason kind "soon" (want repeat or popular)` {
		t.Errorf("unknown kind read: %v", err)
	}
}
