package catalog

import "math"

// Audio features in the catalog's column order.
const (
	Acousticness     = "acousticness"
	Danceability     = "danceability"
	Energy           = "energy"
	Instrumentalness = "instrumentalness"
	Liveness         = "liveness"
	Loudness         = "loudness"
	Speechiness      = "speechiness"
	Tempo            = "tempo"
	Valence          = "valence"
	Popularity       = "popularity"
	DurationMS       = "duration_ms"
	Album            = "album"
	ReleaseDate      = "release_date"
)

// AudioFeatures are the nine Spotify audio features every catalog has, in
// the order of the course file's columns.
var AudioFeatures = []string{
	Acousticness, Danceability, Energy, Instrumentalness, Liveness,
	Loudness, Speechiness, Tempo, Valence,
}

// OriginalFeatures are the eleven inputs of the original study's clustering:
// the nine audio features, popularity and duration_ms, in that order.
var OriginalFeatures = append(append([]string(nil), AudioFeatures...), Popularity, DurationMS)

// NumericColumns are the columns checked for outliers: the nine audio
// features, popularity and duration_ms.
var NumericColumns = OriginalFeatures

// Range is the closed interval of values the data dictionary allows for a
// column. Lo or Hi may be infinite; Open marks a lower bound that is
// excluded (tempo and duration must be strictly positive).
type Range struct {
	Lo, Hi  float64
	OpenLo  bool
	Unit    string
	Meaning string
}

// Contains reports whether v lies in the range.
func (r Range) Contains(v float64) bool {
	if r.OpenLo {
		return v > r.Lo && v <= r.Hi
	}
	return v >= r.Lo && v <= r.Hi
}

// DictionaryRanges are the value ranges of the data dictionary: the 0..1
// features, loudness in dB (-60..0), tempo in BPM (> 0), popularity 0..100
// and duration in milliseconds (> 0).
var DictionaryRanges = map[string]Range{
	Acousticness:     {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "confidence the track is acoustic"},
	Danceability:     {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "suitability for dancing"},
	Energy:           {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "intensity and activity"},
	Instrumentalness: {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "likelihood of no vocals"},
	Liveness:         {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "presence of an audience; > 0.8 means likely live"},
	Loudness:         {Lo: -60, Hi: 0, Unit: "dB", Meaning: "overall loudness"},
	Speechiness:      {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "presence of spoken words"},
	Tempo:            {Lo: 0, Hi: math.Inf(1), OpenLo: true, Unit: "BPM", Meaning: "estimated tempo"},
	Valence:          {Lo: 0, Hi: 1, Unit: "0-1", Meaning: "musical positiveness"},
	Popularity:       {Lo: 0, Hi: 100, Unit: "0-100", Meaning: "Spotify popularity"},
	DurationMS:       {Lo: 0, Hi: math.Inf(1), OpenLo: true, Unit: "ms", Meaning: "track length"},
}

// Units returns the unit of a numeric column for axis labels ("" if unknown).
func Units(column string) string { return DictionaryRanges[column].Unit }

// LiveLiveness is the data dictionary's threshold above which a track is
// likely a live recording.
const LiveLiveness = 0.8
