package benchops

import "github.com/songcohorts/cohorts/songs/embed"

// opUMAP times UMAP(n_components=2, n_neighbors=15, min_dist=0.1, seed 0)
// with umap-learn 0.5.3's other defaults. A Go binary has no JIT, so there
// is no warm-up and no jit_warmup_s. Quality: trustworthiness.
func opUMAP(j *job) error {
	y, err := j.measureEmbedding(embed.NewUMAP(0))
	if err != nil {
		return err
	}
	return j.setTrust(y)
}
