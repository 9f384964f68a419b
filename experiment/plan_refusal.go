package experiment

import "fmt"

// Refusal is the stable code of a planner input refused: the CLI prints
// PlanRefusal's English sentence, the TUI translates by code.
type Refusal int

// The refusals of the planner's inputs.
const (
	// RefuseBudget: a budget amount below 0 or not finite.
	RefuseBudget Refusal = iota + 1
	// RefuseBudgetShare: a budget share outside [0, 1].
	RefuseBudgetShare
	// RefuseBudgetBoth: both an amount and a share.
	RefuseBudgetBoth
	// RefuseCost: a cost per contact below 0 or not finite.
	RefuseCost
	// RefuseValue: one value for all below 0 or not finite.
	RefuseValue
	// RefuseSuccess: a success rate outside (0, 1].
	RefuseSuccess
	// RefuseCustomerValue: a per-customer value below 0 or not finite.
	RefuseCustomerValue
	// RefuseTooLarge: an amount (a value or a cost per contact) so large
	// that the plan's totals over the customers overflow.
	RefuseTooLarge
	// RefuseBudgetText: a budget as typed (ParseBudget) that is neither an
	// amount above 0 nor a share of customers above 0 and at most 100 %.
	RefuseBudgetText
)

// PlanRefusal is a planner input refused. It matches ErrPlan (errors.Is).
type PlanRefusal struct {
	Code Refusal
	// Value is the figure refused.
	Value float64
	// Customer is the 1-based customer of a RefuseCustomerValue.
	Customer int
	// Text is the budget typed, of a RefuseBudgetText.
	Text string
}

// Error is the refusal in English, e.g. "invalid plan: cost
// per contact -1: want an amount ≥ 0".
func (e *PlanRefusal) Error() string {
	var why string
	switch e.Code {
	case RefuseBudget:
		why = fmt.Sprintf("budget %g: want an amount ≥ 0", e.Value)
	case RefuseBudgetShare:
		why = fmt.Sprintf("budget share %g: want a share between 0 and 1", e.Value)
	case RefuseBudgetBoth:
		why = "a budget is an amount or a share of customers, not both"
	case RefuseCost:
		why = fmt.Sprintf("cost per contact %g: want an amount ≥ 0", e.Value)
	case RefuseValue:
		why = fmt.Sprintf("value %g: want an amount ≥ 0", e.Value)
	case RefuseSuccess:
		why = fmt.Sprintf("success rate %g: want a share above 0 and at most 1", e.Value)
	case RefuseCustomerValue:
		why = fmt.Sprintf("value %g of customer %d is not a number ≥ 0", e.Value, e.Customer)
	case RefuseTooLarge:
		why = fmt.Sprintf("amount %g is too large: the plan's totals over the customers would overflow", e.Value)
	case RefuseBudgetText:
		why = "budget " + e.Text + ": " + BudgetWant
	default:
		why = fmt.Sprintf("refusal %d", int(e.Code))
	}
	return ErrPlan.Error() + ": " + why
}

// Unwrap returns ErrPlan.
func (e *PlanRefusal) Unwrap() error { return ErrPlan }
