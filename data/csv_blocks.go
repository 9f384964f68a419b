package data

import (
	"bytes"
	"io"
	"runtime"
	"sync"
)

// blockSize is the amount of input handed to one parsing worker at a time.
// It is a variable so tests can force many tiny blocks.
var blockSize = 1 << 20

// block is a run of whole records and the line its first byte is on.
type block struct {
	index     int
	data      []byte
	firstLine int
	lines     int
}

// blockResult holds the columns parsed from one block and its first error,
// if any (then the columns hold the cells before it).
type blockResult struct {
	builders []columnBuilder
	blank    blankLabelRows
	err      error
}

// readBlocks parses everything after the sample. The input is cut into
// blocks at record boundaries and the blocks are parsed in parallel, each
// into its own column builders, which are then joined in file order. The
// error reported is the first one in file order, as a sequential reader
// would report it.
func (p *tableParser) readBlocks() error {
	jobs := make(chan block, 2)
	var (
		mu      sync.Mutex
		results []blockResult
		failed  bool
		wg      sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for b := range jobs {
				res := p.parseBlock(b)
				mu.Lock()
				for len(results) <= b.index {
					results = append(results, blockResult{})
				}
				results[b.index] = res
				failed = failed || res.err != nil
				mu.Unlock()
			}
		})
	}
	readErr := p.splitBlocks(jobs, func() bool { mu.Lock(); defer mu.Unlock(); return failed })
	close(jobs)
	wg.Wait()
	for i, res := range results {
		if res.err != nil {
			results = results[:i+1]
			break
		}
	}
	// A decimal mark clash is found only once the parts are put together,
	// and may come before a block's error (or be what stopped it).
	if err := p.firstClash(results); err != nil {
		return err
	}
	if len(results) > 0 && results[len(results)-1].err != nil {
		return results[len(results)-1].err
	}
	if readErr != nil {
		return wrapReadErr(p.name, readErr)
	}
	for _, res := range results {
		p.blank.merge(res.blank)
	}
	for j := range p.builders {
		parts := make([]*columnBuilder, len(results))
		for i := range results {
			parts[i] = &results[i].builders[j]
		}
		if err := p.builders[j].join(parts, p.name, p.header[j]); err != nil {
			return err
		}
	}
	return nil
}

// firstClash is the first decimal mark clash in file order in any column,
// as a sequential read would meet it, in the sample and the parsed blocks
// results; nil if none.
func (p *tableParser) firstClash(results []blockResult) error {
	var first *markClash
	col := 0
	marks := make([]*decimalMarks, 0, len(results)+1)
	for j := range p.builders {
		if !p.builders[j].numeric || !p.builders[j].decimalComma {
			continue
		}
		marks = append(marks[:0], &p.builders[j].marks)
		for i := range results {
			marks = append(marks, &results[i].builders[j].marks)
		}
		if c := firstClash(marks); c != nil && (first == nil || c.before(first)) {
			first, col = c, j
		}
	}
	if first == nil {
		return nil
	}
	return first.err(p.name, p.header[col], "")
}

// splitBlocks reads the rest of the input and sends it as blocks that end
// on record boundaries. It stops early once stop reports a parse error.
func (p *tableParser) splitBlocks(jobs chan<- block, stop func() bool) error {
	var carry []byte
	line := p.rr.next
	// scan follows the record at the start of carry while it has no end,
	// so that an oversized cell is refused before it is all in memory.
	scan, scanned := newFieldScan(p.rr.delim), 0
	for index := 0; !stop(); {
		buf := make([]byte, len(carry), max(blockSize, 2*len(carry)))
		copy(buf, carry)
		n, err := io.ReadFull(p.rr.br, buf[len(carry):cap(buf)])
		buf = buf[:len(carry)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return gzipErrorAt(p.name, line+bytes.Count(buf, []byte{'\n'}), err)
		}
		cut := len(buf)
		if !eof {
			if cut = recordBoundary(buf, p.rr.delim); cut < 0 {
				carry = buf // one record longer than the buffer: read more
				if scan.feed(buf[scanned:]) {
					return tooLong(p.name, line+scan.lines, scan.col, scan.total(p.rr.br))
				}
				scanned = len(buf)
				continue
			}
		}
		scan, scanned = newFieldScan(p.rr.delim), 0
		carry = buf[cut:]
		if cut > 0 {
			lines := bytes.Count(buf[:cut], []byte{'\n'})
			jobs <- block{index: index, data: buf[:cut], firstLine: line, lines: lines}
			index++
			line += lines
		}
		if eof {
			return nil
		}
	}
	return nil
}

// recordBoundary returns the offset just past the last newline in b that
// ends a record (is outside quotes), or -1. b starts at a record boundary.
// Quotes are interpreted exactly as recordReader does: only a quote at the
// start of a field opens a quoted field, and "" inside one is a quote.
func recordBoundary(b []byte, delim byte) int {
	last, pos := -1, 0
	for {
		q := bytes.IndexByte(b[pos:], '"')
		outside := b[pos:]
		if q >= 0 {
			outside = b[pos : pos+q]
		}
		if i := bytes.LastIndexByte(outside, '\n'); i >= 0 {
			last = pos + i + 1
		}
		if q < 0 {
			return last
		}
		q += pos
		pos = q + 1
		if q > 0 && b[q-1] != delim && b[q-1] != '\n' {
			continue // a literal quote inside an unquoted field
		}
		for {
			e := bytes.IndexByte(b[pos:], '"')
			if e < 0 || pos+e+1 == len(b) {
				return last // the field may still be open at the end of b
			}
			e += pos
			if b[e+1] != '"' {
				pos = e + 1
				break
			}
			pos = e + 2
		}
	}
}

// parseBlock parses one block with fresh column builders of the kinds the
// sample decided.
func (p *tableParser) parseBlock(b block) blockResult {
	rr := &recordReader{file: p.name, delim: p.rr.delim, next: b.firstLine, mem: b.data}
	builders := make([]columnBuilder, len(p.builders))
	for j := range builders {
		builders[j] = newColumnBuilder(p.builders[j].numeric, b.lines+1)
		builders[j].decimalComma = p.builders[j].decimalComma
	}
	var blank blankLabelRows
	for {
		if err := rr.read(); err != nil {
			if err == io.EOF {
				return blockResult{builders: builders, blank: blank}
			}
			return blockResult{builders: builders, err: err}
		}
		if err := p.checkRecord(rr); err == errBlankLabel {
			blank.add(rr.line)
			continue
		} else if err != nil {
			return blockResult{builders: builders, err: err}
		}
		for j := range builders {
			if err := builders[j].add(rr.field(j), p.name, rr.line, j+1, p.header[j]); err != nil {
				return blockResult{builders: builders, err: err}
			}
		}
	}
}
