package songs

import (
	"math"
)

// The measures of a recommender's lists, each a free function over plain
// slices so that it can be checked by hand. A list is a ranked slice of
// item indices; hits[r] says whether the item at rank r+1 is relevant.

// RPrecision returns the R-precision of a ranked list, the first measure
// of the RecSys Challenge 2018 on playlist continuation (Zamani, Schedl,
// Lamere and Chen 2019, "An analysis of approaches taken in the ACM RecSys
// Challenge 2018 for automatic music playlist continuation", ACM TIST
// 10(5)): the share of the R relevant (hidden) items found among the
// first R recommendations,
//
//	R-precision = |{r <= R : hits[r]}| / R
//
// A list shorter than R counts its missing places as misses. The
// Challenge adds a quarter point for a track by a hidden track's artist;
// that bonus is left out here (in one artist's catalog every track would
// earn it). RPrecision panics if relevant < 1.
func RPrecision(hits []bool, relevant int) float64 {
	if relevant < 1 {
		panic("songs: RPrecision needs relevant >= 1")
	}
	found := 0
	for r := 0; r < min(relevant, len(hits)); r++ {
		if hits[r] {
			found++
		}
	}
	return float64(found) / float64(relevant)
}

// NDCG returns the normalised discounted cumulative gain of the first k
// places of a ranked list with binary relevance (Järvelin and Kekäläinen
// 2002, "Cumulated gain-based evaluation of IR techniques", ACM TOIS 20(4);
// the second measure of the RecSys Challenge 2018):
//
//	DCG@k  = sum over r <= k of hits[r] / log2(r + 1)
//	IDCG@k = sum over r <= min(k, relevant) of 1 / log2(r + 1)
//	NDCG@k = DCG@k / IDCG@k
//
// with ranks r counted from 1. The ideal list puts every relevant item
// first, as scikit-learn's ndcg_score does; the Challenge computes it over
// the relevant tracks retrieved, which rewards short lists. NDCG panics if
// relevant < 1 or k < 1.
func NDCG(hits []bool, relevant, k int) float64 {
	if relevant < 1 || k < 1 {
		panic("songs: NDCG needs relevant >= 1 and k >= 1")
	}
	var dcg, ideal float64
	for r := 1; r <= k; r++ {
		gain := 1 / math.Log2(float64(r)+1)
		if r <= len(hits) && hits[r-1] {
			dcg += gain
		}
		if r <= relevant {
			ideal += gain
		}
	}
	return dcg / ideal
}

// Coverage returns the catalog coverage of a set of lists (Ge,
// Delgado-Battenfeld and Jannach 2010, "Beyond accuracy: evaluating
// recommender systems by coverage and serendipity", RecSys; Herlocker et
// al. 2004): the share of the n items that appear in at least one list.
// Coverage panics if n < 1 or an item is outside [0, n).
func Coverage(lists [][]int, n int) float64 {
	if n < 1 {
		panic("songs: Coverage needs n >= 1")
	}
	seen := make([]bool, n)
	count := 0
	for _, l := range lists {
		for _, i := range l {
			if !seen[i] {
				seen[i] = true
				count++
			}
		}
	}
	return float64(count) / float64(n)
}

// IntraListDiversity returns the mean distance between the pairs of items
// of a list (Smyth and McClave 2001, "Similarity vs. diversity", ICCBR;
// Ziegler, McNee, Konstan and Lausen 2005, "Improving recommendation lists
// through topic diversification", WWW):
//
//	ILD = 2 / (n (n - 1)) * sum over i < j of dist(list[i], list[j])
//
// It is NaN for a list of fewer than two items.
func IntraListDiversity(list []int, dist func(i, j int) float64) float64 {
	n := len(list)
	if n < 2 {
		return math.NaN()
	}
	s := 0.0
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			s += dist(list[a], list[b])
		}
	}
	return 2 * s / float64(n*(n-1))
}

// Novelty returns the expected popularity complement of a list's items
// (Vargas and Castells 2011, "Rank and relevance in novelty and diversity
// metrics for recommender systems", RecSys), with a popularity index on
// 0..100 read as the chance, in percent, that a listener already knows a
// track:
//
//	novelty = mean over the items of (1 - popularity / 100)
//
// 0 means only tracks everyone knows, 1 only tracks nobody plays. NaN
// popularities are skipped; the result is NaN when none is left.
func Novelty(popularity []float64) float64 {
	s, n := 0.0, 0
	for _, p := range popularity {
		if !math.IsNaN(p) {
			s += 1 - p/100
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return s / float64(n)
}

// PopularityLift returns the relative difference between the mean
// popularity of the recommendations and that of the seeds, averaged over
// the queries first (the ΔGAP of Abdollahpouri, Mansoury, Burke and
// Mobasher 2019, "The unfairness of popularity bias in recommendation",
// RMSE workshop at RecSys):
//
//	GAP(lists) = mean over queries q of (mean popularity of lists[q])
//	lift       = (GAP(recommended) - GAP(seeds)) / GAP(seeds)
//
// Positive values mean the recommendations are more popular than what the
// listener started from. NaN popularities are skipped; a query left
// without values on either side is skipped, and the result is NaN when
// none is left or GAP(seeds) is 0. PopularityLift panics if the slices
// differ in length.
func PopularityLift(recommended, seeds [][]float64) float64 {
	if len(recommended) != len(seeds) {
		panic("songs: PopularityLift needs one seed list per recommended list")
	}
	var gapR, gapS float64
	n := 0
	for q := range recommended {
		r, s := meanPresent(recommended[q]), meanPresent(seeds[q])
		if math.IsNaN(r) || math.IsNaN(s) {
			continue
		}
		gapR += r
		gapS += s
		n++
	}
	if n == 0 || gapS == 0 {
		return math.NaN()
	}
	return (gapR - gapS) / gapS
}

// meanPresent is the mean of the values that are not NaN (NaN if none).
func meanPresent(x []float64) float64 {
	s, n := 0.0, 0
	for _, v := range x {
		if !math.IsNaN(v) {
			s += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return s / float64(n)
}

// KOccurrence returns, for each of n items, the number of lists it
// appears in: N_k of the hubness literature when the lists are every
// item's k nearest neighbours (Radovanović, Nanopoulos and Ivanović 2010,
// "Hubs in space: popular nearest neighbors in high-dimensional data",
// JMLR 11). An item repeated within one list counts once per appearance.
// KOccurrence panics if an item is outside [0, n).
func KOccurrence(lists [][]int, n int) []int {
	count := make([]int, n)
	for _, l := range lists {
		for _, i := range l {
			count[i]++
		}
	}
	return count
}

// HubnessSkewness returns the skewness of the k-occurrence counts, the
// hubness measure S_Nk of Radovanović et al. (2010): the Fisher-Pearson
// coefficient m3 / m2^(3/2), m_j the j-th central moment with divisor n,
// as scipy.stats.skew computes by default. Near 0 every item is
// recommended about equally often; large positive values mean a few hubs
// fill most lists while many items are rarely or never recommended. It is
// 0 when every count is equal (where SciPy returns NaN) and NaN for no
// counts.
func HubnessSkewness(counts []int) float64 {
	n := float64(len(counts))
	if n == 0 {
		return math.NaN()
	}
	mean := 0.0
	for _, c := range counts {
		mean += float64(c)
	}
	mean /= n
	var m2, m3 float64
	for _, c := range counts {
		d := float64(c) - mean
		m2 += d * d
		m3 += d * d * d
	}
	m2 /= n
	m3 /= n
	if m2 == 0 {
		return 0
	}
	return m3 / math.Pow(m2, 1.5)
}

// NeverRecommendedShare returns the share of items whose k-occurrence is
// 0: the anti-hubs (or "orphans") that no list ever reaches (Schnitzer,
// Flexer, Schedl and Widmer 2012, "Local and global scaling reduce hubs in
// space", JMLR 13). It is NaN for no counts.
func NeverRecommendedShare(counts []int) float64 {
	if len(counts) == 0 {
		return math.NaN()
	}
	never := 0
	for _, c := range counts {
		if c == 0 {
			never++
		}
	}
	return float64(never) / float64(len(counts))
}
