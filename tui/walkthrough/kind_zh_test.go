package walkthrough

import "testing"

// TestBooleanKindIsTheDataScreens: the same telco column read 布尔 on the
// Data screen and 是/否 on the Walkthrough's first step (review29 #5);
// Chinese has one word for the kind, the Data screen's (datascreen
// kindName, and the errors' list of columns left out).
func TestBooleanKindIsTheDataScreens(t *testing.T) {
	if got := textZH["kind.boolean"]; got != "布尔" {
		t.Errorf("the boolean kind is %q, want 布尔 as on the Data screen", got)
	}
}
