package songs

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
)

// RecommenderMetricsStep names the metrics file of the offline evaluation,
// data/processed/metrics-recommender.json, merged into metrics.json
// under the key "recommender_evaluation".
const RecommenderMetricsStep = "recommender"

// RecommenderEvaluationFile is the evaluation EvaluationFor caches in
// data/processed for the cells that show it.
const RecommenderEvaluationFile = "recommender-evaluation.gob"

// evaluationVersion changes whenever the evaluation's method changes, so
// that an older cache is never read as current.
const evaluationVersion = "recommender-evaluation 3"

// EvaluationFor returns the evaluation of methods by cfg on the
// recommender: the cached one when it was made for the same tracks,
// features, cohorts, cfg and methods, else a new one (EvaluateRecommender),
// which it caches. Either way it writes metrics-recommender.json.
func EvaluationFor(p Params, r *Recommender, cfg Evaluation, methods []Method) (*RecommenderEvaluation, error) {
	key := r.evaluationKey(cfg, methods)
	ev, err := LoadRecommenderEvaluation(p)
	if err != nil || ev.Key != key {
		if ev, err = EvaluateRecommender(r, cfg, methods); err != nil {
			return nil, err
		}
		ev.Key = key
		if err := saveRecommenderEvaluation(p, ev); err != nil {
			return nil, err
		}
	}
	return ev, WriteMetrics(p, RecommenderMetricsStep, map[string]any{"recommender_evaluation": ev.Metrics()})
}

// saveRecommenderEvaluation caches ev in data/processed, atomically.
func saveRecommenderEvaluation(p Params, ev *RecommenderEvaluation) error {
	return saveProcessedGob(p, RecommenderEvaluationFile, ev)
}

// LoadRecommenderEvaluation reads the evaluation the last EvaluationFor
// cached.
func LoadRecommenderEvaluation(p Params) (*RecommenderEvaluation, error) {
	return loadProcessedGob[RecommenderEvaluation](p, RecommenderEvaluationFile, "the evaluation cell of notebook 04-insights (make output/04-insights.html)")
}

// evaluationKey identifies the recommender's tracks, features and
// cohorts, cfg and methods.
func (r *Recommender) evaluationKey(cfg Evaluation, methods []Method) string {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s|%+v|%+v|%d\n", evaluationVersion, cfg, methods, len(r.cat.Tracks))
	var buf [8]byte
	for i := range r.cat.Tracks {
		fmt.Fprintf(h, "%s|%s|%d\n", r.cat.Tracks[i].ID, r.cat.Tracks[i].CanonicalID, r.labels[i])
		for _, v := range r.x.RawRowView(i) {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			h.Write(buf[:])
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// Metrics returns the figures for metrics.json (key
// "recommender_evaluation"), by method key; figures that were not
// measured are left out. Keys ending in _N name the list length (_10).
func (ev *RecommenderEvaluation) Metrics() map[string]any {
	n := ev.Config.N
	playlists, beyond, agreement, sanity := map[string]any{}, map[string]any{}, map[string]any{}, map[string]any{}
	for _, m := range ev.Methods {
		if ev.Playlists > 0 {
			playlists[m.Method.Key] = present(map[string]any{
				"r_precision": m.RPrecision, fmt.Sprintf("ndcg_%d", n): m.NDCG,
				fmt.Sprintf("ci95_ndcg_%d", n): interval(m.NDCGCI.Lo, m.NDCGCI.Hi), "ci95_r_precision": interval(m.RPrecisionCI.Lo, m.RPrecisionCI.Hi)})
		}
		beyond[m.Method.Key] = present(map[string]any{
			fmt.Sprintf("coverage_%d", n): m.Coverage, "intra_list_diversity": m.Diversity, "novelty": m.Novelty,
			"popularity_lift": m.PopularityLift, "hubness_skew": m.HubnessSkew, "never_recommended_share": m.NeverRecommended,
			fmt.Sprintf("max_occurrence_%d", n): m.MaxOccurrence})
		agreement[m.Method.Key] = present(map[string]any{"same_decade": m.SameDecade, "same_live_flag": m.SameLive, "same_hit_flag": m.SameHit,
			"live_for_live_seeds": m.LiveFromLive})
		sanity[m.Method.Key] = present(map[string]any{"reissue_hit_rate": m.ReissueHitRate, "other_recording_hit_rate": m.OtherRecordingHitRate})
	}
	var diffs []map[string]any
	for _, d := range ev.Differences {
		measure := d.Measure
		if measure == "ndcg" {
			measure = fmt.Sprintf("ndcg_%d", n)
		}
		diffs = append(diffs, present(map[string]any{"method": d.Method, "reference": d.Reference, "measure": measure,
			"difference": d.Mean, "ci95": interval(d.CI.Lo, d.CI.Hi)}))
	}
	leftOut := map[string]any{}
	for _, l := range ev.LeftOut {
		leftOut[l.Method.Key] = l.Reason
	}
	out := map[string]any{
		"n": n, "seed": ev.Config.Seed, "seed_tracks": ev.Config.SeedTracks, "min_songs": ev.Config.MinSongs,
		"resamples": ev.Config.Resamples, "playlist_unit": ev.PlaylistUnit, "playlist_count": ev.Playlists,
		"recordings": ev.Recordings, "live_share": ev.LiveShare, "reissue_seeds": ev.ReissueSeeds, "other_recording_seeds": ev.OtherRecordingSeeds,
		"beyond_accuracy": beyond, "agreement": agreement, "sanity": sanity,
	}
	if ev.Playlists > 0 {
		out["playlists"] = playlists
		out["hidden_songs_mean"] = ev.HiddenSongs
		out["differences"] = diffs
	}
	if len(leftOut) > 0 {
		out["left_out"] = leftOut
	}
	return out
}

// interval is [lo, hi], or nil when either end is NaN.
func interval(lo, hi float64) []float64 {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		return nil
	}
	return []float64{lo, hi}
}

// present drops the NaN numbers and nil intervals of a metrics object.
func present(m map[string]any) map[string]any {
	for k, v := range m {
		switch x := v.(type) {
		case float64:
			if math.IsNaN(x) {
				delete(m, k)
			}
		case []float64:
			if x == nil {
				delete(m, k)
			}
		}
	}
	return m
}
