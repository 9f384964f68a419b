package recscreen

import (
	"github.com/retainlab/retain/recommend"
	"github.com/retainlab/retain/tui/common"
)

// horizonCheck holds recommend.Log.EmptyHorizon of one log, cutoff and
// horizon, so that it is worked out once per setting, not once a frame.
type horizonCheck struct {
	log     *recommend.Log
	cutoff  int32
	horizon int
	empty   *recommend.EmptyHorizonError
}

// checkHorizon works out, when the settings would evaluate, whether any
// customer with history buys in the horizon after the cutoff, and keeps
// the answer (see emptyHorizon).
func (s *Model) checkHorizon() {
	if s.log == nil || !s.evaluates(s.cutoff, s.horizon) {
		return
	}
	if k := s.hcheck; k.log != s.log || k.cutoff != s.cutoff || k.horizon != s.horizon {
		s.hcheck = horizonCheck{log: s.log, cutoff: s.cutoff, horizon: s.horizon,
			empty: s.log.EmptyHorizon(s.cutoff, int32(s.horizon))}
	}
}

// emptyHorizon is, when the settings would evaluate on a horizon in which
// no customer with history buys, why not (nil otherwise): the run then
// recommends without measuring, as there is nothing to measure, where the
// command line's --evaluate refuses.
func (s Model) emptyHorizon() *recommend.EmptyHorizonError {
	if k := s.hcheck; s.log != nil && s.evaluates(s.cutoff, s.horizon) && k.log == s.log && k.cutoff == s.cutoff && k.horizon == s.horizon {
		return k.empty
	}
	return nil
}

// measures reports whether a run with the current settings measures the
// model and the baselines.
func (s Model) measures() bool {
	return s.evaluates(s.cutoff, s.horizon) && s.emptyHorizon() == nil
}

// noBuyers says that no customer with history buys in e's horizon, and
// why: the log has no order in it, or only customers without history do.
func (s Model) noBuyers(e *recommend.EmptyHorizonError) string {
	from, to := date(e.Cutoff), date(e.Cutoff+e.Horizon-1)
	var why string
	switch {
	case e.Orders > 0:
		why = s.Tf("its %s orders are all of customers without history", "其中的 %s 笔订单都来自截止日前没有历史的客户", common.Thousands(e.Orders))
		if e.Orders == 1 {
			why = s.T("its only order is of a customer without history", "其中唯一的订单来自截止日前没有历史的客户")
		}
	case e.Next != 0:
		why = s.Tf("the log has no order in it; its next is on %s", "日志在这段时间里没有订单；下一笔订单在 %s", date(e.Next))
	default:
		why = s.T("the log has no order in it", "日志在这段时间里没有订单")
	}
	return s.Tf("no customer with history buys in %s .. %s (%s)", "截止日前有历史的客户在 %s 至 %s 内都没有购买（%s）", from, to, why)
}
