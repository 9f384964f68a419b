package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
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
	shards  []shard
	wg      sync.WaitGroup
	pending atomic.Int32
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
	pending   *atomic.Int32   // the step's shards not yet computed (pool only)
}

// finish tells the step that a pool worker computed the shard.
func (sh *shard) finish() {
	sh.pending.Add(-1)
	sh.wg.Done()
}

// newSharder prepares workers workspaces for batches of up to batch rows.
func newSharder(net *Network, batch, workers int) *sharder {
	s := &sharder{shards: make([]shard, workers)}
	per := (batch + workers - 1) / workers
	for i := range s.shards {
		s.shards[i] = shard{ws: newWorkspace(net, per), net: net, wg: &s.wg, pending: &s.pending}
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
	s.pending.Store(int32(w - 1))
	p := workPool()
	for i := 1; i < w; i++ {
		p.submit(&s.shards[i])
	}
	s.shards[0].run()
	s.await()
	// The sum builds up in shard 0's workspace, whose per-layer views take
	// the L2 term as backward adds it, and is then copied out.
	sum := s.shards[0].ws
	loss, correct := s.shards[0].loss, s.shards[0].correct
	for i := 1; i < w; i++ {
		g := s.shards[i].ws.grad
		for j := range sum.grad {
			sum.grad[j] += g[j]
		}
		loss += s.shards[i].loss
		correct += s.shards[i].correct
	}
	if l2 != 0 {
		for i := range net.Layers {
			addL2(sum.gW[i], net.Layers[i].W, l2)
		}
	}
	copy(grad, sum.grad)
	return loss, correct
}

// await returns when the pool has computed the step's other shards:
// it polls their count for up to spinFor, then sleeps on the WaitGroup.
func (s *sharder) await() {
	deadline := time.Now().Add(spinFor)
	for i := 0; s.pending.Load() != 0; i++ {
		if i%16 == 15 && time.Now().After(deadline) {
			break
		}
		runtime.Gosched()
	}
	s.wg.Wait()
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

// pool is the package's set of persistent workers, shared by every trainer.
// A step hands its shards over and waits for them every few hundred
// microseconds, so waking a sleeping thread for each one would cost as
// much as the work it saves: on a virtual machine an idle processor is
// halted, and its wake-up takes tens of microseconds. A worker that has
// just finished a shard therefore stays awake for spinFor, polling its
// mailbox, and takes the next shard from there; only a worker that found
// nothing in that time sleeps on jobs. In the same way the step waits for
// its shards by polling their count before it sleeps on the WaitGroup.
type pool struct {
	jobs    chan *shard
	workers []poolWorker
}

// poolWorker is one worker's mailbox: nil while it polls and accepts a
// shard, the shard handed to it, or &busy while it computes or sleeps.
type poolWorker struct {
	box atomic.Pointer[shard]
	_   [56]byte // a cache line each: the workers poll their own
}

// spinFor is how long a worker polls for the next shard, and a step for
// its shards, before sleeping. On a quiet machine the hand-over takes a few
// microseconds (the optimiser's update and the next batch's start), well
// within it. On a busy one the goroutine waited for may be descheduled for
// milliseconds; a poller that kept spinning all that time would take the
// processor from it, and two workers would deliver less than one. Bounding
// the poll at a few tens of microseconds caps that waste at a small share
// of a step before the poller sleeps and leaves the core.
const spinFor = 40 * time.Microsecond

var (
	poolOnce sync.Once
	thePool  *pool
	busy     shard // the mailbox mark of a worker that accepts nothing
)

// workPool starts the workers on first use: one per core, at least two.
func workPool() *pool {
	poolOnce.Do(func() {
		n := max(runtime.GOMAXPROCS(0), 2)
		thePool = &pool{jobs: make(chan *shard, 4*n), workers: make([]poolWorker, n)}
		for i := range thePool.workers {
			w := &thePool.workers[i]
			w.box.Store(&busy)
			go thePool.work(w)
		}
	})
	return thePool
}

// submit hands sh to a polling worker if there is one, else queues it.
func (p *pool) submit(sh *shard) {
	for i := range p.workers {
		if p.workers[i].box.CompareAndSwap(nil, sh) {
			return
		}
	}
	p.jobs <- sh
}

// work is a worker's loop: compute a shard, poll for the next one for
// spinFor, sleep on jobs when none came.
func (p *pool) work(w *poolWorker) {
	for sh := range p.jobs {
		for sh != nil {
			sh.run()
			sh.finish()
			sh = w.poll()
		}
	}
}

// poll opens w's mailbox and waits up to spinFor for a shard; it returns
// nil, with the mailbox closed again, when none came.
func (w *poolWorker) poll() *shard {
	w.box.Store(nil)
	deadline := time.Now().Add(spinFor)
	for i := 0; ; i++ {
		if sh := w.box.Load(); sh != nil {
			w.box.Store(&busy)
			return sh
		}
		if i%16 == 15 && time.Now().After(deadline) {
			if w.box.CompareAndSwap(nil, &busy) {
				return nil
			}
			// a shard arrived between the load and the close
		}
		runtime.Gosched()
	}
}
