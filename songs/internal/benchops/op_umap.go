package benchops

import (
	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/embed"
)

func init() {
	opFuncs["umap"] = opUMAP
}

// opUMAP times UMAP(n_components=2, n_neighbors=15, min_dist=0.1, seed 0)
// with umap-learn 0.5.3's other defaults. A Go binary has no JIT, so there
// is no warm-up and no jit_warmup_s. Quality: trustworthiness.
func opUMAP(j *job) error {
	u := embed.NewUMAP(0)
	var err error
	j.measure(func() { err = u.Fit(j.z) })
	if err != nil {
		return err
	}
	var y mat.Dense
	u.EmbeddingTo(&y)
	tw, err := trust(j.z, &y)
	if err != nil {
		return err
	}
	j.info.Set("trustworthiness", tw)
	return nil
}
