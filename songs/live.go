package songs

import (
	"regexp"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// liveTitle matches a title marked as a live recording: a " - " suffix
// section naming a live performance ("Miss You - Live", "Start Me Up - Live
// At The Hollywood Palladium") or a bracketed "(Live)". A title that merely
// starts with or contains the word, such as "Live With Me", does not match.
var liveTitle = regexp.MustCompile(`(?i)( - ([^-]*\b)?live\b|[(\[]live\b[^)\]]*[)\]])`)

// liveAlbum matches an album title naming a live or concert record
// ("Licked Live In NYC", "Love You Live", "... In Concert").
var liveAlbum = regexp.MustCompile(`(?i)\b(live|concert)\b`)

// LiveByTitle reports whether the title or album marks the track as live.
func LiveByTitle(t *catalog.Track) bool {
	return liveTitle.MatchString(t.Name) || liveAlbum.MatchString(t.Album)
}

// LiveByLiveness reports whether liveness exceeds the data dictionary's
// threshold of 0.8 ("a strong likelihood that the track is live").
func LiveByLiveness(t *catalog.Track) bool {
	return t.Audio[catalog.FeatureIndex(catalog.Liveness)] > catalog.LiveLiveness
}

// LiveAgreement is the 2 x 2 cross-tabulation of the two live flags:
// Counts[byTitle][byLiveness], index 1 meaning live.
type LiveAgreement struct {
	Counts [2][2]int
}

// CompareLiveFlags cross-tabulates the title/album flag and the liveness
// flag over a catalog.
func CompareLiveFlags(cat *catalog.Catalog) LiveAgreement {
	var a LiveAgreement
	for i := range cat.Tracks {
		a.Counts[b2i(LiveByTitle(&cat.Tracks[i]))][b2i(LiveByLiveness(&cat.Tracks[i]))]++
	}
	return a
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Agreement is the share of tracks on which the flags agree.
func (a LiveAgreement) Agreement() float64 {
	n := a.Counts[0][0] + a.Counts[0][1] + a.Counts[1][0] + a.Counts[1][1]
	return float64(a.Counts[0][0]+a.Counts[1][1]) / float64(n)
}

// Kappa is Cohen's kappa of the two flags: agreement beyond chance.
func (a LiveAgreement) Kappa() float64 {
	c := a.Counts
	n := float64(c[0][0] + c[0][1] + c[1][0] + c[1][1])
	po := float64(c[0][0]+c[1][1]) / n
	pTitle := float64(c[1][0]+c[1][1]) / n
	pLive := float64(c[0][1]+c[1][1]) / n
	pe := pTitle*pLive + (1-pTitle)*(1-pLive)
	return (po - pe) / (1 - pe)
}
