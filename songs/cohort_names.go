package songs

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// Level is a named range of a feature's absolute values: values below
// Below (and at or above the previous level's) get Word.
type Level struct {
	Below float64
	Word  string
}

// FeatureLevels name the absolute levels of each profile feature, the words
// of cohort names. The boundaries are the data dictionary's where it gives
// them (liveness above 0.8: "a strong likelihood that the track is live";
// speechiness below 0.33: music, 0.33 to 0.66: music and speech, above:
// spoken word; instrumentalness above 0.5: instrumental; acousticness and
// the other 0..1 scores are confidences or shares of a 0..1 range) and
// conventional ones for tempo (beats per minute), loudness (dB) and
// duration (minutes; duration_ms is compared in milliseconds). The words
// describe absolute levels, so that a cohort is not called calm only
// because it is calmer than a catalog of loud rock songs.
var FeatureLevels = map[string][]Level{
	catalog.Acousticness:     {{0.2, "electric"}, {0.5, "partly acoustic"}, {math.Inf(1), "acoustic"}},
	catalog.Danceability:     {{0.4, "loose groove"}, {0.6, "steady groove"}, {math.Inf(1), "danceable"}},
	catalog.Energy:           {{0.4, "soft"}, {0.6, "mellow"}, {0.8, "energetic"}, {math.Inf(1), "high-energy"}},
	catalog.Instrumentalness: {{above(0.5), "vocal"}, {math.Inf(1), "instrumental"}},
	catalog.Liveness:         {{above(catalog.LiveLiveness), "studio"}, {math.Inf(1), "live"}},
	catalog.Loudness:         {{-12, "quiet"}, {-6, "medium loudness"}, {math.Inf(1), "loud"}},
	catalog.Speechiness:      {{0.33, "music"}, {above(0.66), "music and speech"}, {math.Inf(1), "spoken word"}},
	catalog.Tempo:            {{95, "slow"}, {125, "mid-tempo"}, {math.Inf(1), "fast"}},
	catalog.Valence:          {{0.35, "dark"}, {0.65, "bittersweet"}, {math.Inf(1), "bright"}},
	catalog.DurationMS:       {{3 * 60000, "short"}, {5 * 60000, "radio length"}, {math.Inf(1), "long"}},
}

// above returns the bound of a level that ends at v inclusive (the
// dictionary's "above v" starts the next level).
func above(v float64) float64 { return math.Nextafter(v, math.Inf(1)) }

// LevelWord returns the word of the level a feature's value falls in.
//
// LevelWord panics for a feature without levels.
func LevelWord(feature string, value float64) string {
	levels, ok := FeatureLevels[feature]
	if !ok {
		panic("songs: no levels for " + feature)
	}
	for _, l := range levels {
		if value < l.Below {
			return l.Word
		}
	}
	return levels[len(levels)-1].Word
}

// Setting words of cohort names.
const (
	SettingLive   = "Live"
	SettingStudio = "Studio"
	SettingMixed  = "Studio and live"
)

// settingOf says whether a cohort is live, studio or a mix: live when at
// least half its tracks are flagged live by title or album, or its median
// liveness is above the dictionary's 0.8; studio when under a fifth are
// flagged and the median liveness is at most 0.8; a mix otherwise.
func settingOf(liveShare, medianLiveness float64) string {
	switch {
	case liveShare >= 0.5 || medianLiveness > catalog.LiveLiveness:
		return SettingLive
	case liveShare < 0.2:
		return SettingStudio
	}
	return SettingMixed
}

// Trait is one word of a cohort's name: a feature, the cohort's median of
// it and the word of its absolute level.
type Trait struct {
	Feature string
	Median  float64
	Word    string
}

// nameTraits is the number of traits in a name (more when two siblings
// would otherwise share one).
const nameTraits = 2

// nameSiblings names cohorts that split one parent (the catalog, or a
// cohort for its sub-cohorts): "<setting>: <trait>, <trait>". A cohort's
// traits are the features on which it differs most from its parent (its
// mean's distance in catalog standard deviations, dz), liveness aside (the
// setting says it), each named by the absolute level of the cohort's
// median, skipping a feature whose word every sibling shares; a third
// trait is added while two siblings would have the same name.
func nameSiblings(cs []*Cohort, dz [][]float64) {
	words := func(c *Cohort, j int) string { return LevelWord(ProfileFeatures[j], c.Median[j]) }
	live := indexOf(ProfileFeatures, catalog.Liveness)
	order := make([][]int, len(cs))
	for i, c := range cs {
		c.Setting = settingOf(c.LiveShare, c.Median[live])
		idx := make([]int, 0, len(ProfileFeatures))
		for j := range ProfileFeatures {
			if j == live {
				continue
			}
			shared := len(cs) > 1
			for _, o := range cs {
				if o != c && words(o, j) != words(c, j) {
					shared = false
				}
			}
			if !shared {
				idx = append(idx, j)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return math.Abs(dz[i][idx[a]]) > math.Abs(dz[i][idx[b]]) })
		order[i] = idx
	}
	for n := nameTraits; ; n++ {
		names := map[string]int{}
		for i, c := range cs {
			c.Traits = c.Traits[:0]
			for _, j := range order[i][:min(n, len(order[i]))] {
				c.Traits = append(c.Traits, Trait{Feature: ProfileFeatures[j], Median: c.Median[j], Word: words(c, j)})
			}
			c.Name = composeName(c.Setting, c.Traits)
			names[c.Name]++
		}
		unique, more := true, false
		for i, c := range cs {
			if names[c.Name] > 1 {
				unique = false
			}
			more = more || n < len(order[i])
		}
		if unique || !more {
			return
		}
	}
}

// composeName writes "<setting>: <word>, <word>".
func composeName(setting string, traits []Trait) string {
	w := make([]string, len(traits))
	for i, t := range traits {
		w[i] = t.Word
	}
	if len(w) == 0 {
		return setting
	}
	return fmt.Sprintf("%s: %s", setting, strings.Join(w, ", "))
}
