package songs

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/songcohorts/cohorts/songs/internal/neighbors"
	"github.com/songcohorts/cohorts/songs/internal/parallel"
)

// Random streams of the evaluation's passes, so that no two lists share
// one: a pass's stream is its base plus the query's number.
const (
	streamPlaylists  = 0
	streamSingleSeed = 1 << 40
	streamReissue    = 2 << 40
	streamOther      = 3 << 40
)

// neighbourhoodRun holds what every method recommends for every
// recording as the only seed ("songs like this one"), as counts: the
// k-occurrence of every recording, and how many recommended tracks share
// the seed's decade, live flag and hit flag out of how many pairs could be
// compared.
type neighbourhoodRun struct {
	occurrence        [][]int // per method, per recording
	decade, live, hit [][2]int
	// liveFromLive counts the live recommendations for live seeds.
	liveFromLive [][2]int
}

// runSingleSeeds asks every method for n tracks for the first track of
// every recording, leaving out its versions as the product does. hit is
// the tracks' hit flags (nil, or -1 where unknown).
func (r *Recommender) runSingleSeeds(methods []Method, listers []lister, n int, hit []int8) neighbourhoodRun {
	lists := make([][][]int, len(listers))
	for m := range lists {
		lists[m] = make([][]int, len(r.reps))
	}
	r.eachRecording(r.memoSize(methods, n), func(g int, memo *searchMemo) {
		seed := []int{r.reps[g]}
		for m, list := range listers {
			lists[m][g] = list(seed, r.exclusion(seed, true), n, streamSingleSeed+uint64(g), memo)
		}
	})
	run := neighbourhoodRun{occurrence: make([][]int, len(listers)), decade: make([][2]int, len(listers)),
		live: make([][2]int, len(listers)), hit: make([][2]int, len(listers)), liveFromLive: make([][2]int, len(listers))}
	for m := range listers {
		run.occurrence[m] = make([]int, len(r.reps))
		for g, l := range lists[m] {
			i := r.reps[g]
			for _, j := range l {
				run.occurrence[m][r.group[j]]++
				if di, dj := r.cat.Tracks[i].Decade, r.cat.Tracks[j].Decade; di != 0 && dj != 0 {
					run.decade[m][0] += b2i(di == dj)
					run.decade[m][1]++
				}
				run.live[m][0] += b2i(r.live[i] == r.live[j])
				run.live[m][1]++
				if r.live[i] {
					run.liveFromLive[m][0] += b2i(r.live[j])
					run.liveFromLive[m][1]++
				}
				if hit != nil && hit[i] >= 0 && hit[j] >= 0 {
					run.hit[m][0] += b2i(hit[i] == hit[j])
					run.hit[m][1]++
				}
			}
		}
	}
	return run
}

// eachRecording calls f for every recording g, in parallel blocks, with a
// memo holding the k nearest tracks to its first track (none when k is 0),
// found in batches by blocked brute force, which returns exactly what the
// k-d tree returns (neighbours, distances and tie order) and in ten
// dimensions does it in about half the time.
func (r *Recommender) eachRecording(k int, f func(g int, memo *searchMemo)) {
	const batch = 1024
	_, d := r.x.Dims()
	for lo := 0; lo < len(r.reps); lo += batch {
		hi := min(lo+batch, len(r.reps))
		var res *neighbors.Result
		if k > 0 {
			rows := mat.NewDense(hi-lo, d, nil)
			for g := lo; g < hi; g++ {
				rows.SetRow(g-lo, r.x.RawRowView(r.reps[g]))
			}
			res = neighbors.Search(r.x, rows, k) // the tree's neighbours, sooner for a batch
		}
		parallel.For(hi-lo, 0, func(_, a, b int) {
			for j := a; j < b; j++ {
				memo := &searchMemo{}
				if res != nil {
					memo.idx, memo.dist = res.Row(j)
					memo.k = k
				}
				f(lo+j, memo)
			}
		})
	}
}

// hitFlags returns the catalog's hit flags from its "target" column (1 a
// hit, 0 not, -1 unknown), or nil when it has no such column or a value is
// neither 0 nor 1.
func hitFlags(r *Recommender) []int8 {
	col := r.cat.ExtraColumn("target")
	if col == nil {
		return nil
	}
	out := make([]int8, len(col))
	for i, v := range col {
		switch v {
		case "1", "1.0":
			out[i] = 1
		case "0", "0.0":
			out[i] = 0
		case "":
			out[i] = -1
		default:
			return nil
		}
	}
	return out
}

// share is a[0]/a[1], NaN when nothing was compared.
func share(a [2]int) float64 {
	if a[1] == 0 {
		return math.NaN()
	}
	return float64(a[0]) / float64(a[1])
}
