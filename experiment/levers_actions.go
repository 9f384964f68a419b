package experiment

// Suggested actions: a fixed playbook of what to do with a customer of
// each segment, by whether the plan contacts the customer. The wording is
// a starting point a marketer would recognise (the usual playbook of each
// RFM cell), not something the model learnt; the evidence printed beside
// it (size, value in play, the model's drivers in the segment) is what
// the model says.
//
// Whether a customer is contacted is the plan's decision (the first
// Best.Contacted of its ranking by P × value), not the customer's P level:
// a contacted customer gets the segment's contact action whatever its
// level, and a customer the plan leaves out gets no paid contact: the
// not-contacted wording says so first, then what such a customer still
// gets at no cost to the campaign (the usual emails, an automated
// reminder), down to nothing at all for Lost.
//
//	segment             contacted                                      not contacted
//	Champions           personal thank-you and early access now        no paid contact; usual emails ask for reviews
//	Loyal               loyalty reward or upgrade offer now            no paid contact; member perks as usual
//	Potential loyalist  membership or loyalty invitation now           no paid contact; usual post-purchase emails
//	New                 onboarding follow-up and a second-order offer  no paid contact; usual welcome emails
//	Promising           time-limited offer on a second purchase        no paid contact; brand content in the newsletter
//	Need attention      personalised offer within days                 no paid contact; an automated reminder only
//	About to sleep      win-back discount on popular products          no paid contact; popular products in the newsletter
//	At risk             personal win-back message with a strong offer  no paid contact; an automated re-engagement email
//	Can't lose them     personal call or account manager; best offer   no paid contact; usual programme, watch closely
//	Hibernating         one low-cost reactivation offer                no paid contact; newsletter only
//	Lost                one last reactivation try, then stop           no paid contact; left out of campaigns
//	High value          personal contact (call, account manager)       no paid contact; the regular programme
//	Medium value        targeted offer by email or in the app          no paid contact; an automated reminder only
//	Low value           automated, low-cost message                    no paid contact
//	All customers       contact in the order of the plan               no paid contact

// actions maps a segment to its English [not contacted, contacted]
// suggestions.
var actions = map[Segment][2]string{
	SegChampions:         {"no paid contact; usual emails ask for reviews", "personal thank-you and early access now"},
	SegLoyal:             {"no paid contact; member perks as usual", "loyalty reward or upgrade offer now"},
	SegPotentialLoyalist: {"no paid contact; usual post-purchase emails", "membership or loyalty invitation now"},
	SegNew:               {"no paid contact; usual welcome emails", "onboarding follow-up and a second-order offer"},
	SegPromising:         {"no paid contact; brand content in the newsletter", "time-limited offer on a second purchase"},
	SegNeedAttention:     {"no paid contact; an automated reminder only", "personalised offer within days"},
	SegAboutToSleep:      {"no paid contact; popular products in the newsletter", "win-back discount on popular products"},
	SegAtRisk:            {"no paid contact; an automated re-engagement email", "personal win-back message with a strong offer"},
	SegCantLose:          {"no paid contact; usual programme, watch closely", "personal call or account manager; best offer"},
	SegHibernating:       {"no paid contact; newsletter only", "one low-cost reactivation offer"},
	SegLost:              {"no paid contact; left out of campaigns", "one last reactivation try, then stop"},
	SegHighValue:         {"no paid contact; the regular programme", "personal contact (call, account manager)"},
	SegMediumValue:       {"no paid contact; an automated reminder only", "targeted offer by email or in the app"},
	SegLowValue:          {"no paid contact", "automated, low-cost message"},
	SegAll:               {"no paid contact", "contact in the order of the plan"},
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
