package data

// keepDescription counts one kept line's description of item ii; blank and
// NA descriptions are not counted.
func (p *logParser) keepDescription(ii int32, desc []byte) {
	if isMissing(desc) {
		return
	}
	k := &p.keep
	if k.descCount == nil {
		k.descCount = make(map[itemDesc]int)
	}
	k.descCount[itemDesc{ii, string(desc)}]++
}

// finishDescriptions sets OrderLog.ItemDescriptions to each item's most
// frequent description (the alphabetically first on a tie), when the log
// has a description column.
func (p *logParser) finishDescriptions() {
	if p.cols.description < 0 {
		return
	}
	descs := make([]string, len(p.log.Items))
	counts := make([]int, len(p.log.Items))
	for d, n := range p.keep.descCount {
		i := d.item
		if n > counts[i] || n == counts[i] && d.desc < descs[i] {
			descs[i], counts[i] = d.desc, n
		}
	}
	p.log.ItemDescriptions = descs
	p.keep.descCount = nil
}
