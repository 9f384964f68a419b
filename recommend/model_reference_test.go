package recommend

import (
	"context"
	"math"
	"testing"
	"time"
)

// TestModelBeatsReference trains the default model at the reference cutoff
// and checks the targets: recall@10 ≥ 0.370 and NDCG@10 at least
// GP-TopFreq's 0.326 raised by the same proportion as recall over its 0.319
// (the figures of SOURCE.md's table).
func TestModelBeatsReference(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on the whole Online Retail log")
	}
	l := onlineRetail(t)
	start := time.Now()
	run, err := Prepare(l, Options{Cutoff: Date(referenceCutoff), HorizonDays: 30, Evaluate: true, Model: DefaultModelConfig()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d training pairs (%d positive), %d validation, windows %v, prepared in %v",
		run.Model.TrainRows, run.Model.Positives, run.Model.ValRows, run.Model.TrainCutoffs, time.Since(start))
	if err := run.Model.Trainer.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, e := range run.Model.Trainer.History() {
		t.Logf("epoch %d loss %.4f val %.4f auc %.4f", e.Epoch, e.TrainLoss, e.ValLoss, e.ValAUC)
	}
	res, err := run.Finish(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("took %v", time.Since(start))
	for _, m := range res.Metrics {
		for _, a := range m.At {
			t.Logf("%-10s @%2d hit %.4f recall %.4f ndcg %.4f coverage %.4f", m.Ranker, a.K, a.Hit, a.Recall, a.NDCG, a.Coverage)
		}
	}
	m := res.Metrics[0].AtK(10)
	if m.Recall < 0.370 || m.NDCG < 0.326*0.370/0.319 {
		t.Errorf("model recall@10 %.4f, NDCG@10 %.4f; want ≥ 0.370 and ≥ %.4f", m.Recall, m.NDCG, 0.326*0.370/0.319)
	}
	// The held-out check trusts the network here, so its lists (with
	// scores) are written, and the gain over GP-TopFreq is the table's,
	// its interval above 0.
	t.Logf("check %+v, gain %+v", res.Check, res.Gain)
	if !res.Check.UseModel || res.Ranker != ModelName || res.Customers[0].Items[0].Score == nil {
		t.Errorf("check %+v, ranker %s: want the model's lists", res.Check, res.Ranker)
	}
	gp := res.Metrics[3].AtK(10)
	if g := res.Gain; g == nil || math.Abs(g.Recall-(m.Recall/gp.Recall-1)) > 1e-12 || g.RecallLow <= 0 || g.NDCGLow <= 0 {
		t.Errorf("gain %+v; want recall %+.4f with intervals above 0", g, m.Recall/gp.Recall-1)
	}
}
