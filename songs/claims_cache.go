package songs

import (
	"encoding/gob"
	"fmt"
)

// ClaimsFile caches the claims' tests (ClaimsFor).
const ClaimsFile = "claims.gob"

// claimsFormat numbers the layout of cached claims: a cache of another
// layout is stale.
const claimsFormat = 1

func init() {
	// The one error a cached Claims may hold (NoAlbums).
	gob.Register(&TooFewReleasesError{})
}

// cachedClaims is the content of ClaimsFile: OutcomeClaims's result (nil
// for a catalog without an outcome) and the inputs it was computed from.
type cachedClaims struct {
	Key    string
	Claims *Claims
}

// claimsKey fingerprints the inputs of the claims' tests: the popularity
// threshold, the seed and the cleaned tracks (cleanHash).
func claimsKey(p Params, cleanHash string) string {
	return fmt.Sprintf("format=%d threshold=%g seed=%d clean=%s", claimsFormat, p.PopularThreshold, p.Seed, cleanHash)
}

// ClaimsFor returns OutcomeClaims of the cleaned tracks notebook 01 wrote,
// with p's popularity threshold and seed: from data/processed/claims.gob
// when it was computed from the same tracks, threshold and seed, and
// otherwise computed and cached there. Its bootstrap intervals take a
// second or so on the course catalog and minutes on one of 40,000 tracks
// with a hit flag; notebooks 03 and 04 show these tests' results in their
// key findings and insights, and notebook 03 runs them in full
// (ClaimTests). The result is nil for a catalog with neither popularity nor
// a hit flag.
func ClaimsFor(p Params) (*Claims, error) {
	hash, err := cleanTracksHash(p)
	if err != nil {
		return nil, err
	}
	key := claimsKey(p, hash)
	if c, err := loadProcessedGob[cachedClaims](p, ClaimsFile, "songs validation"); err == nil && c.Key == key {
		return c.Claims, nil
	}
	cat, err := LoadClean(p)
	if err != nil {
		return nil, err
	}
	c, err := OutcomeClaims(cat, p.PopularThreshold, p.Seed)
	if err != nil {
		return nil, err
	}
	return c, saveClaims(p, key, c)
}

// saveClaims caches claims under key.
func saveClaims(p Params, key string, claims *Claims) error {
	return saveProcessedGob(p, ClaimsFile, cachedClaims{Key: key, Claims: claims})
}
