package songs

import "github.com/songcohorts/cohorts/songs/catalog"

// OriginalIQRCounts are the IQR outlier counts the original study printed
// (ORIGINAL-STUDY.md, notebook 01), for the reproduction table.
var OriginalIQRCounts = map[string]int{
	catalog.Acousticness: 4, catalog.Danceability: 0, catalog.Energy: 8, catalog.Instrumentalness: 272,
	catalog.Liveness: 0, catalog.Loudness: 14, catalog.Speechiness: 92, catalog.Tempo: 34, catalog.Valence: 0,
	catalog.Popularity: 50, catalog.DurationMS: 76,
}

// OriginalRowsAfterCleaning is the row count the original study kept.
const OriginalRowsAfterCleaning = 1600

// Published figures of the original study (ORIGINAL-STUDY.md), for the
// reproduction table.
const (
	OriginalPCAFirstRatio = 0.284
	OriginalPCAComponents = 9
	OriginalPCACumulative = 0.9588
	OriginalKnee          = 3
	OriginalWCSSAtKnee    = 11800.52
	OriginalSilKMeans     = 0.19538
	OriginalSilWard       = 0.15491
	OriginalSilGMM        = 0.17981
	// OriginalBestK is the k the original study chose.
	OriginalBestK = 2
)
