package experiment

// Suggested actions: a fixed playbook of what to do with a customer of
// each segment, by whether the plan contacts the customer. The wording is
// a starting point a marketer would recognise (the usual playbook of each
// RFM cell), not something the model learnt; the evidence printed beside
// it (size, value at stake, the model's drivers in the segment) is what
// the model says.
//
// Whether a customer is contacted is the plan's decision (the first
// Best.Contacted of its ranking by P × value), not the customer's P level:
// a contacted customer gets the segment's contact action whatever its
// level, and only a customer the plan leaves out gets the segment's
// lighter touch outside the campaign ("newsletter only", down to "no
// spend" for Lost).
//
//	segment              contacted                                    not contacted
//	Champions            personal thank-you and early access now      reward them; ask for reviews and referrals
//	Loyal                loyalty reward or upgrade offer now          recommend related products; membership perks
//	Potential loyalist   membership or loyalty invitation now         recommendations after each purchase
//	New                  onboarding follow-up and a second-order offer welcome series; no discount yet
//	Promising            time-limited offer on a second purchase      brand content; light follow-up
//	Need attention       personalised offer within days               reactivation reminder; recommendations
//	About to sleep       win-back discount on popular products        reminder of popular products
//	At risk              personal win-back message with a strong offer re-engagement email; ask why they left
//	Can't lose them      personal call or account manager; best offer renewal offer; talk to them
//	Hibernating          one low-cost reactivation offer              low-cost newsletter only
//	Lost                 one last reactivation try, then stop          no spend; leave out of paid campaigns
//	High value           personal contact (call, account manager)      keep in the regular programme
//	Medium value         targeted offer by email or in the app        automated reminder
//	Low value            automated, low-cost message                  no extra spend
//	All customers        contact in the order of the plan             no extra spend

// actions maps a segment to its English [not contacted, contacted]
// suggestions.
var actions = map[Segment][2]string{
	SegChampions:         {"reward them; ask for reviews and referrals", "personal thank-you and early access now"},
	SegLoyal:             {"recommend related products; membership perks", "loyalty reward or upgrade offer now"},
	SegPotentialLoyalist: {"recommendations after each purchase", "membership or loyalty invitation now"},
	SegNew:               {"welcome series; no discount yet", "onboarding follow-up and a second-order offer"},
	SegPromising:         {"brand content; light follow-up", "time-limited offer on a second purchase"},
	SegNeedAttention:     {"reactivation reminder; recommendations", "personalised offer within days"},
	SegAboutToSleep:      {"reminder of popular products", "win-back discount on popular products"},
	SegAtRisk:            {"re-engagement email; ask why they left", "personal win-back message with a strong offer"},
	SegCantLose:          {"renewal offer; talk to them", "personal call or account manager; best offer"},
	SegHibernating:       {"low-cost newsletter only", "one low-cost reactivation offer"},
	SegLost:              {"no spend; leave out of paid campaigns", "one last reactivation try, then stop"},
	SegHighValue:         {"keep in the regular programme", "personal contact (call, account manager)"},
	SegMediumValue:       {"automated reminder", "targeted offer by email or in the app"},
	SegLowValue:          {"no extra spend", "automated, low-cost message"},
	SegAll:               {"no extra spend", "contact in the order of the plan"},
}

// Action is a suggested action by its stable code: the table's entry for
// a segment, for a customer the plan contacts (Contact) or leaves out.
// String gives the English wording (the CLI's reports); the TUI
// translates by code.
type Action struct {
	Segment Segment
	Contact bool
}

// String returns the action in English ("" for a segment the table does
// not know).
func (a Action) String() string {
	w, ok := actions[a.Segment]
	if !ok {
		return ""
	}
	if a.Contact {
		return w[1]
	}
	return w[0]
}

// MarshalText writes the English wording.
func (a Action) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// SuggestedAction returns the table's action for a customer of a segment
// the plan contacts (contacted) or leaves out. A plan report words its
// customers through PlanReport.ActionOf, which asks the plan.
func SuggestedAction(segment Segment, contacted bool) Action {
	return Action{Segment: segment, Contact: contacted}
}
