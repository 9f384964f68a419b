package data

import "strings"

// startWatch sets up the look-out for LogOptions.WatchItems (a log without
// an item column has nothing to look at).
func (p *logParser) startWatch() {
	p.watch = nil
	if len(p.opts.WatchItems) == 0 {
		return
	}
	p.watch = make(map[string]bool, len(p.opts.WatchItems))
	for _, id := range p.opts.WatchItems {
		if id = strings.TrimSpace(id); id != "" {
			p.watch[id] = false
		}
	}
}

// watchLeftOut records the current line's item in OrderLog.ItemsLeftOut
// when it is watched and not yet recorded: the line is being left out of
// the orders, or its item out of their items.
func (p *logParser) watchLeftOut() {
	if p.watch == nil || p.cols.item < 0 {
		return
	}
	id := trimSpace(p.src.field(p.cols.item))
	if seen, ok := p.watch[string(id)]; ok && !seen {
		p.watch[string(id)] = true
		p.log.ItemsLeftOut = append(p.log.ItemsLeftOut, string(id))
	}
}
