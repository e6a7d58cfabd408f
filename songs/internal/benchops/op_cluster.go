package benchops

import (
	"sort"

	"github.com/songcohorts/cohorts/songs/cluster"
)

// opKMeans times KMeans(k, k-means++, n_init=10, max_iter=300, tol=1e-4,
// seed 0) with the package's default exact algorithm. Quality: inertia,
// n_iter of the kept run, sizes.
func opKMeans(j *job) error {
	km := cluster.KMeans{K: j.cfg.K, NInit: 10, MaxIter: 300, Tol: 1e-4, Seed: 0}
	if err := j.measureErr(func() error { return km.Fit(j.z, nil) }); err != nil {
		return err
	}
	j.info.Set("inertia", round(km.Inertia, 4))
	j.info.Set("n_iter", km.NIter)
	j.info.Set("sizes", sizes(km.Labels))
	j.info.Set("algorithm", algorithmName(km.Algorithm))
	return nil
}

func algorithmName(a cluster.KMeansAlgorithm) string {
	if a == cluster.Lloyd {
		return "lloyd"
	}
	return "hamerly"
}

// silhouetteSample is the row count above which the silhouette is computed
// on a sample of that many rows, as the reference script does.
const silhouetteSample = 10000

// opSilhouette times the mean silhouette of the labels of one k-means++
// run (untimed), exact up to 20,000 rows and on a seeded sample of 10,000
// rows above. Quality: sample_size, score.
func opSilhouette(j *job) error {
	km := cluster.KMeans{K: j.cfg.K, NInit: 1, Seed: 0}
	if err := km.Fit(j.z, nil); err != nil {
		return err
	}
	var s float64
	var err error
	ss := j.n
	if j.n > 20000 {
		ss = silhouetteSample
		j.measure(func() { s, err = cluster.SilhouetteSampled(j.z, km.Labels, ss, 0) })
	} else {
		j.measure(func() { s, err = cluster.Silhouette(j.z, km.Labels) })
	}
	if err != nil {
		return err
	}
	j.info.Set("sample_size", ss)
	j.info.Set("score", round(s, 6))
	return nil
}

// opWard times Ward agglomerative clustering cut at k clusters. Quality:
// wss (within-cluster sum of squares, computed afterwards) and sizes.
func opWard(j *job) error {
	a := cluster.Agglomerative{Linkage: cluster.Ward, NClusters: j.cfg.K}
	if err := j.measureErr(func() error { return a.Fit(j.z) }); err != nil {
		return err
	}
	labels := a.Labels()
	j.info.Set("wss", round(wss(j.z.RawMatrix().Data, j.z.RawMatrix().Stride, j.n, labels), 4))
	j.info.Set("sizes", sizes(labels))
	return nil
}

// dbscanMinSamples is the reference script's min_samples.
const dbscanMinSamples = 22

// opDBSCAN times DBSCAN(eps, min_samples=22). Quality: eps, min_samples,
// clusters (noise excluded), noise_frac.
func opDBSCAN(j *job) error {
	eps := j.cfg.Eps
	if eps == 0 {
		eps = estimateEps(j.z, dbscanMinSamples)
	}
	m := cluster.DBSCAN{Eps: eps, MinSamples: dbscanMinSamples}
	if err := j.measureErr(func() error { return m.Fit(j.z) }); err != nil {
		return err
	}
	noise := 0
	for _, l := range m.Labels() {
		if l < 0 {
			noise++
		}
	}
	j.info.Set("eps", round(eps, 6))
	j.info.Set("min_samples", dbscanMinSamples)
	j.info.Set("clusters", m.NClusters())
	j.info.Set("noise_frac", round(float64(noise)/float64(j.n), 6))
	return nil
}

// sizes returns the sizes of the clusters of labels (noise, -1, excluded),
// largest first.
func sizes(labels []int) []int {
	var c []int
	for _, l := range labels {
		if l < 0 {
			continue
		}
		for l >= len(c) {
			c = append(c, 0)
		}
		c[l]++
	}
	sort.Sort(sort.Reverse(sort.IntSlice(c)))
	return c
}

// wss returns the within-cluster sum of squared distances to the cluster
// means of the rows of a row-major n×d matrix (d = stride).
func wss(data []float64, d, n int, labels []int) float64 {
	k := 0
	for _, l := range labels {
		k = max(k, l+1)
	}
	sum := make([]float64, k*d)
	cnt := make([]float64, k)
	for i := 0; i < n; i++ {
		l := labels[i]
		cnt[l]++
		for c := 0; c < d; c++ {
			sum[l*d+c] += data[i*d+c]
		}
	}
	var w float64
	for i := 0; i < n; i++ {
		l := labels[i]
		for c := 0; c < d; c++ {
			e := data[i*d+c] - sum[l*d+c]/cnt[l]
			w += e * e
		}
	}
	return w
}
