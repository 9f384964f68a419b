package engine

import (
	"runtime"
	"sync"
)

// ParallelMinBatch is the least batch size whose gradient is split across
// workers: below it, handing work to another core costs more than it saves.
const ParallelMinBatch = 256

// MinShardRows is the least number of rows a worker's shard of a batch holds.
const MinShardRows = 128

// WorkersFor returns how many workers compute each batch's gradient when
// training on rows rows: 1 below ParallelMinBatch rows per batch, otherwise
// c.Workers (runtime.GOMAXPROCS when 0) capped so that every shard has at
// least MinShardRows rows. Results depend on this number, not on the
// machine: the same seed and worker count give bit-identical training.
func (c TrainConfig) WorkersFor(rows int) int {
	batch := min(c.BatchSize, rows)
	if batch < ParallelMinBatch {
		return 1
	}
	w := c.Workers
	if w == 0 {
		w = runtime.GOMAXPROCS(0)
	}
	return max(1, min(w, batch/MinShardRows))
}

// sharder computes one batch's gradient with several workers. The batch's
// rows are cut into fixed contiguous shards, one per worker; each worker
// runs forward and backward on its shard into its own workspace, and the
// shards' gradients are then added in shard order (0 + 1 + …), so the sum
// never depends on which worker finished first. Shard 0 runs on the
// caller's goroutine, the others on the package's persistent pool: a step
// starts no goroutine and allocates nothing.
type sharder struct {
	shards []shard
	wg     sync.WaitGroup
}

// shard is one worker's part of a batch and its results.
type shard struct {
	ws        *workspace
	net       *Network
	x, y      []float64
	cols, out int
	rows      []int // the shard's rows of the data
	scale     float64
	posWeight float64
	loss      float64 // the shard's share of the batch's mean loss
	correct   int
	wg        *sync.WaitGroup // done when the shard is computed (pool only)
}

// newSharder prepares workers workspaces for batches of up to batch rows.
func newSharder(net *Network, batch, workers int) *sharder {
	s := &sharder{shards: make([]shard, workers)}
	per := (batch + workers - 1) / workers
	for i := range s.shards {
		s.shards[i] = shard{ws: newWorkspace(net, per), net: net, wg: &s.wg}
	}
	return s
}

// gradient writes into grad the gradient of the mean loss over the given
// rows of d (plus the L2 term l2·W on the weights) and returns the mean loss
// and the number of correct predictions, like lossAndDelta and backward on
// one workspace but with the work split into shards.
func (s *sharder) gradient(net *Network, d Dataset, rows []int, posWeight, l2 float64, grad []float64) (float64, int) {
	m, w := len(rows), len(s.shards)
	scale := 1 / float64(m*net.Arch.Outputs)
	for i := range s.shards {
		sh := &s.shards[i]
		sh.x, sh.y, sh.cols, sh.out = d.X, d.Y, d.Cols, d.Outs
		sh.rows = rows[i*m/w : (i+1)*m/w]
		sh.scale, sh.posWeight = scale, posWeight
	}
	s.wg.Add(w - 1)
	for i := 1; i < w; i++ {
		workPool().jobs <- &s.shards[i]
	}
	s.shards[0].run()
	s.wg.Wait()
	copy(grad, s.shards[0].ws.grad)
	loss, correct := s.shards[0].loss, s.shards[0].correct
	for i := 1; i < w; i++ {
		g := s.shards[i].ws.grad
		for j := range grad {
			grad[j] += g[j]
		}
		loss += s.shards[i].loss
		correct += s.shards[i].correct
	}
	if l2 != 0 {
		off := 0
		for _, l := range net.Layers {
			gw := grad[off : off+len(l.W)]
			for j, v := range l.W {
				gw[j] += l2 * v
			}
			off += len(l.W) + len(l.B)
		}
	}
	return loss, correct
}

// run computes the shard's loss share and gradient (without L2).
func (sh *shard) run() {
	m := len(sh.rows)
	if m == 0 { // a last batch smaller than the worker count
		clear(sh.ws.grad)
		sh.loss, sh.correct = 0, 0
		return
	}
	ws := sh.ws
	ws.gather(sh.x, sh.y, sh.cols, sh.out, sh.rows)
	ws.forward(sh.net, m)
	sh.loss, sh.correct = ws.lossAndDeltaScaled(sh.net, m, sh.posWeight, sh.scale)
	ws.backward(sh.net, m, 0)
}

// pool is the package's set of persistent workers, shared by every trainer:
// shards are queued on jobs and each worker computes one at a time.
type pool struct{ jobs chan *shard }

var (
	poolOnce sync.Once
	thePool  *pool
)

// workPool starts the workers on first use: one per core, at least two.
func workPool() *pool {
	poolOnce.Do(func() {
		n := max(runtime.GOMAXPROCS(0), 2)
		thePool = &pool{jobs: make(chan *shard, 4*n)}
		for range n {
			go func() {
				for sh := range thePool.jobs {
					sh.run()
					sh.wg.Done()
				}
			}()
		}
	})
	return thePool
}
