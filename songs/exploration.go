package songs

import (
	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/embed"
)

// Exploration is what notebook 02 finds, gathered for its key findings and
// for the study's summary: each of Albums, Trend, Features and Effect is
// nil when it does not apply to the catalog (it lacks the columns the part
// needs, or, for the album effect, releases large enough to compare), and
// then NoAlbums, NoTrend, NoFeatures or NoEffect says why, in an error
// for which NotApplicable is true.
type Exploration struct {
	// Albums answers the course's question (RecommendAlbums).
	Albums *AlbumRecommendation
	// Trend says how popularity changed over time (PopularityOverTime).
	Trend *PopularityTrend
	// Features are the features' correlations with popularity
	// (FeatureTests) and Effect the album effect (AlbumEffectOn).
	Features *ClaimFamily
	Effect   *AlbumEffect
	// Why a part above is nil; nil when it is not.
	NoAlbums, NoTrend, NoFeatures, NoEffect error
	// Positive and Negative are the most positively and most negatively
	// correlated pairs of numeric features (Pearson).
	Positive, Negative Pair
	// Live compares the two live flags.
	Live LiveAgreement
	// Components is the number of principal components that keep 95% of
	// the variance of the standardised numeric features, and First the
	// share the first one keeps.
	Components int
	First      float64
}

// Explore computes notebook 02's findings from the catalog and its claims
// (OutcomeClaims, or ClaimsFor its cached copy; nil for a catalog without
// an outcome), with the popularity threshold and the seed of the bootstrap
// intervals. The trend, the features' correlations with popularity and the
// album effect are the claims' own results, so every notebook reports one
// set of numbers; a part the claims lack is asked of its function, which
// computes it or says why it does not apply. A part that does not apply
// (NotApplicable) is left nil with the reason; any other error is
// returned.
func Explore(cat *catalog.Catalog, claims *Claims, threshold float64, seed uint64) (*Exploration, error) {
	e := &Exploration{Live: CompareLiveFlags(cat)}
	// optional keeps err as the reason a part is missing when it says the
	// part does not apply, and returns any other error.
	optional := func(why *error, err error) error {
		if NotApplicable(err) {
			*why = err
			return nil
		}
		return err
	}
	if a, err := RecommendAlbums(cat, threshold); err == nil {
		e.Albums = &a
	} else if err := optional(&e.NoAlbums, err); err != nil {
		return nil, err
	}
	if claims == nil {
		claims = &Claims{}
	}
	e.Trend = claims.Time
	if e.Trend == nil {
		if t, err := PopularityOverTime(cat, threshold, seed); err == nil {
			e.Trend = t
		} else if err := optional(&e.NoTrend, err); err != nil {
			return nil, err
		}
	}
	if f, ok := claims.Family(QuestionFeatures); ok {
		e.Features = &f
	} else if f, err := FeatureTests(cat, seed); err == nil {
		e.Features = &f
	} else if err := optional(&e.NoFeatures, err); err != nil {
		return nil, err
	}
	switch e.Effect = claims.Albums; {
	case e.Effect != nil:
	case claims.NoAlbums != nil:
		e.NoEffect = claims.NoAlbums
	default:
		if a, err := AlbumEffectOn(cat, seed); err == nil {
			e.Effect = a
		} else if err := optional(&e.NoEffect, err); err != nil {
			return nil, err
		}
	}
	cols := cat.NumericColumns()
	e.Positive, e.Negative = StrongestPairs(CorrelationMatrix(cat, cols, false), cols)
	z, _, err := Standardised(cat, cols)
	if err != nil {
		return nil, err
	}
	var pca embed.PCA
	if err := pca.Fit(z); err != nil {
		return nil, err
	}
	e.Components, e.First = pca.ComponentsFor(0.95), pca.ExplainedVarianceRatio()[0]
	return e, nil
}
