package benchops

import "github.com/songcohorts/cohorts/songs/cluster"

// meanShiftTop is the number of cluster sizes the reference script reports.
const meanShiftTop = 10

// opMeanShift times MeanShift(bandwidth=bw, bin_seeding=True) with every
// row labelled (cluster_all). bw is Config.Bandwidth if set, otherwise
// estimated untimed as estimate_bandwidth(quantile=0.05, n_samples=min(n,
// 2000), seed 0). Quality: bandwidth, clusters, n_iter, sizes (top 10).
func opMeanShift(j *job) error {
	bw := j.cfg.Bandwidth
	if bw == 0 {
		var err error
		bw, err = cluster.EstimateBandwidth(j.z, 0.05, min(j.n, 2000), 0)
		if err != nil {
			return err
		}
	}
	m := cluster.MeanShift{Bandwidth: bw, BinSeeding: true, ClusterAll: true}
	if err := j.measureErr(func() error { return m.Fit(j.z) }); err != nil {
		return err
	}
	c, _ := m.Centers().Dims()
	s := sizes(m.Labels())
	if len(s) > meanShiftTop {
		s = s[:meanShiftTop]
	}
	j.info.Set("bandwidth", round(bw, 6))
	j.info.Set("clusters", c)
	j.info.Set("n_iter", m.NIter())
	j.info.Set("sizes", s)
	return nil
}
