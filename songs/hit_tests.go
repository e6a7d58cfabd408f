package songs

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// QuestionHits: do hits sound different from the other tracks? (HitTests)
const QuestionHits = "hits"

// HitColumn is the column of a catalog's hit flag: 1 for a hit, 0
// otherwise (the hit-predictor catalog's target).
const HitColumn = "target"

// streamHits starts the bootstrap streams of HitTests (one per feature),
// apart from the claims' streams.
const streamHits uint64 = 100

// Hits returns the hit flag of every track, and false when the catalog has
// no hit column. A value other than 0 or 1 is an error naming the track.
func Hits(cat *catalog.Catalog) ([]bool, bool, error) {
	col := cat.ExtraColumn(HitColumn)
	if col == nil {
		return nil, false, nil
	}
	out := make([]bool, len(col))
	for i, v := range col {
		switch strings.TrimSpace(v) {
		case "1":
			out[i] = true
		case "0":
		default:
			t := &cat.Tracks[i]
			return nil, true, fmt.Errorf("%s record %d: %s = %s, want 0 or 1", t.Source, t.Record, HitColumn, strconv.Quote(v))
		}
	}
	return out, true, nil
}

// HitTests answers "do hits sound different?" for a catalog with a hit
// flag, on one row per recording (its most played copy's flag): each of
// PopularityFeatures compared between hits and the other recordings by
// Mann-Whitney U with the rank-biserial r (positive when hits have the
// higher values) and its BCa bootstrap interval, the ten p-values
// Holm-adjusted together. A catalog without the flag has no such tests:
// the error is a *catalog.MissingColumnError.
func HitTests(cat *catalog.Catalog, seed uint64) (ClaimFamily, error) {
	hits, ok, err := Hits(cat)
	if err != nil {
		return ClaimFamily{}, err
	}
	if !ok {
		return ClaimFamily{}, &catalog.MissingColumnError{Step: "the comparison of hits with the other tracks", Columns: []string{HitColumn}}
	}
	recs := Recordings(cat)
	hit := make([]bool, len(recs))
	for i, r := range recs {
		hit[i] = hits[r.Track]
	}
	out := ClaimFamily{Question: QuestionHits, Recordings: len(recs)}
	for k, f := range PopularityFeatures {
		var all, yes, no []float64
		for i, r := range recs {
			v := cat.Tracks[r.Track].Value(f)
			all = append(all, v)
			if hit[i] {
				yes = append(yes, v)
			} else {
				no = append(no, v)
			}
		}
		r, err := stats.MannWhitneyU(yes, no, stats.TwoSided, stats.MWUAuto, true)
		if err != nil {
			return ClaimFamily{}, fmt.Errorf("%s: %w", f, err)
		}
		rows, err := stats.RankBiserialRows(all, hit)
		if err != nil {
			return ClaimFamily{}, fmt.Errorf("%s: %w", f, err)
		}
		ci, err := claimBootstrap(seed, streamHits+uint64(k)).IntervalRows(len(all), rows)
		if err != nil {
			return ClaimFamily{}, fmt.Errorf("%s: %w", f, err)
		}
		r = r.WithEffect("rank-biserial r", stats.RankBiserial(yes, no), ci).WithGroups("hits", "other recordings")
		r.Measure = f
		out.Results = append(out.Results, r)
	}
	stats.AdjustResults(out.Results, stats.Holm)
	return out, nil
}
