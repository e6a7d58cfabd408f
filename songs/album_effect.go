package songs

import (
	"errors"
	"fmt"
	"math"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/stats"
)

// MinAlbumRecordings is the number of recordings a release needs to enter
// the test of the album effect.
const MinAlbumRecordings = 5

// AlbumEffect measures how much of popularity the release explains, on one
// row per recording (each recording on the release of its most popular
// copy), and how far the copies of one recording differ.
type AlbumEffect struct {
	// Result is a Kruskal-Wallis test of popularity across the releases
	// with at least MinAlbumRecordings recordings, with epsilon squared
	// (the share of the variance of popularity ranks between releases) and
	// its BCa bootstrap interval over recordings: a family of one test.
	Result stats.Result
	// Releases and Recordings are the releases and recordings tested.
	Releases, Recordings int
	// Reissued is the number of recordings with more than one copy, and
	// MedianCopyRange the median, over them, of the difference between the
	// most and the least popular copy.
	Reissued        int
	MedianCopyRange float64
	// Widest is the reissued recording whose copies differ most: the least
	// and the most popular copy (indices into cat.Tracks).
	Widest struct{ Low, High int }
}

// TooFewReleasesError says that the album effect cannot be measured: fewer
// than two releases have MinAlbumRecordings or more recordings (a catalog
// of singles, or of a few albums). Like a missing column, it marks a step
// that does not apply to the catalog rather than a failure (NotApplicable).
type TooFewReleasesError struct {
	// Releases is the number of releases with MinAlbumRecordings or more
	// recordings.
	Releases int
}

// Error says, in a sentence a report can show, why the album effect is not
// measured.
func (e *TooFewReleasesError) Error() string {
	return fmt.Sprintf("The album effect is not measured: it needs at least 2 releases with %d or more recordings each, and this catalog has %s.",
		MinAlbumRecordings, releasesPhrase(e.Releases))
}

// NotApplicable marks the error as a step that does not apply rather than
// a failure (see report.Check).
func (e *TooFewReleasesError) NotApplicable() bool { return true }

func releasesPhrase(n int) string {
	switch n {
	case 0:
		return "none"
	case 1:
		return "only 1"
	}
	return fmt.Sprintf("only %d", n)
}

// NotApplicable reports whether err says that a step does not apply to the
// catalog (a *catalog.MissingColumnError, a *TooFewReleasesError: any
// error with a NotApplicable method that returns true) rather than that it
// failed.
func NotApplicable(err error) bool {
	var na interface{ NotApplicable() bool }
	return errors.As(err, &na) && na.NotApplicable()
}

// AlbumEffectOn measures the album effect (AlbumEffect). The seed drives
// the bootstrap interval. A catalog without albums or popularity has none:
// the error is a *catalog.MissingColumnError; one with fewer than two
// releases of MinAlbumRecordings or more recordings cannot measure it: the
// error is a *TooFewReleasesError. Both are NotApplicable.
func AlbumEffectOn(cat *catalog.Catalog, seed uint64) (*AlbumEffect, error) {
	if err := cat.Require("the album effect", catalog.Popularity, catalog.Album); err != nil {
		return nil, err
	}
	recs := Recordings(cat)
	releaseOf := ReleaseOf(cat, Releases(cat))
	kept, pop, groups := popularityGroups(recs, MinAlbumRecordings, func(r Recording) int { return releaseOf[r.Track] })
	if len(kept) < 2 {
		return nil, &TooFewReleasesError{Releases: len(kept)}
	}
	res, _, err := kruskalClaim(pop, groups, len(kept), claimBootstrap(seed, streamAlbums))
	if err != nil {
		return nil, fmt.Errorf("the album effect: %w", err)
	}
	res = res.WithGroups(fmt.Sprintf("%d releases with %d or more recordings", len(kept), MinAlbumRecordings))
	family := []stats.Result{res}
	stats.AdjustResults(family, stats.Holm)
	out := &AlbumEffect{Result: family[0], Releases: len(kept), Recordings: len(pop)}
	var ranges []float64
	widest := -1.0
	for _, r := range recs {
		if len(r.Copies) < 2 {
			continue
		}
		lo, hi := r.Copies[0], r.Copies[0]
		for _, i := range r.Copies {
			if cat.Tracks[i].Popularity < cat.Tracks[lo].Popularity {
				lo = i
			}
			if cat.Tracks[i].Popularity > cat.Tracks[hi].Popularity {
				hi = i
			}
		}
		d := cat.Tracks[hi].Popularity - cat.Tracks[lo].Popularity
		ranges = append(ranges, d)
		if d > widest {
			widest = d
			out.Widest.Low, out.Widest.High = lo, hi
		}
	}
	out.Reissued = len(ranges)
	out.MedianCopyRange = math.NaN()
	if len(ranges) > 0 {
		out.MedianCopyRange = stats.Quantile(ranges, 0.5)
	}
	return out, nil
}

// Metrics is the album_effect entry of metrics.json: epsilon squared of
// popularity across releases with its bootstrap interval, and the releases
// and recordings tested.
func (a *AlbumEffect) Metrics() map[string]any {
	return map[string]any{
		"epsilon_squared": a.Result.Effect,
		"ci95":            []float64{a.Result.CI.Lo, a.Result.CI.Hi},
		"releases":        a.Releases,
		"recordings":      a.Recordings,
	}
}
