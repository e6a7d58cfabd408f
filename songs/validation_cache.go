package songs

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// ValidationFile is the cache of Validate's result.
const ValidationFile = "validation.gob"

// SaveValidation caches v under p's processed folder.
func SaveValidation(p Params, v *Validation) error {
	return saveProcessedGob(p, ValidationFile, v)
}

// LoadValidation reads the cache SaveValidation wrote, or says which
// notebook makes it.
func LoadValidation(p Params) (*Validation, error) {
	return loadProcessedGob[Validation](p, ValidationFile, "notebook 03-tests-validation first (make output/03-tests-validation.html)")
}

// RunValidation loads the cleaned tracks, validates them with DefaultPlan
// and caches the result.
func RunValidation(p Params) (*Validation, error) {
	key, err := ValidationKey(p)
	if err != nil {
		return nil, err
	}
	cat, err := LoadClean(p)
	if err != nil {
		return nil, err
	}
	v, err := Validate(cat, DefaultPlan(), p.Seed, p.K)
	if err != nil {
		return nil, err
	}
	v.Key = key
	return v, SaveValidation(p, v)
}

// ValidationFor returns the cached validation when it was computed from the
// same cleaned tracks, seed, K and plan (DefaultPlan) as p asks for, and
// otherwise runs
// RunValidation. Notebooks 03 and 04 start with it, so either can run first
// and the validation is computed once.
func ValidationFor(p Params) (*Validation, error) {
	key, err := ValidationKey(p)
	if err != nil {
		return nil, err
	}
	if v, err := LoadValidation(p); err == nil && v.Key == key {
		return v, nil
	}
	return RunValidation(p)
}

// LoadCohorts loads the cleaned tracks and the validation computed from
// them (ValidationFor), whose Labels give each track's cohort.
func LoadCohorts(p Params) (*catalog.Catalog, *Validation, error) {
	cat, err := LoadClean(p)
	if err != nil {
		return nil, nil, err
	}
	v, err := ValidationFor(p)
	if err != nil {
		return nil, nil, err
	}
	return cat, v, nil
}

// validationFormat numbers the layout of a cached Validation: a cache of
// another layout is stale.
const validationFormat = 3

// ValidationKey fingerprints the inputs of a validation: the seed, K,
// every field of DefaultPlan and the cleaned tracks notebook 01 wrote
// (cleanTracksHash). ValidationFor reuses a cached validation only when its
// Key equals it.
func ValidationKey(p Params) (string, error) {
	hash, err := cleanTracksHash(p)
	if err != nil {
		return "", err
	}
	return validationKey(p, hash), nil
}

// validationKey is ValidationKey with the cleaned tracks' hash.
func validationKey(p Params, cleanHash string) string {
	return fmt.Sprintf("format=%d seed=%d k=%d plan=%s clean=%s", validationFormat, p.Seed, p.K, DefaultPlan().key(), cleanHash)
}

// cleanTracksHash fingerprints the cleaned tracks notebook 01 wrote: the
// bytes of their CSV file and its description (tracksHash).
func cleanTracksHash(p Params) (string, error) {
	path := p.Interim(catalog.CleanTracksCSVFile)
	var files [2][]byte
	for i, name := range []string{path, catalog.DescriptionPath(path)} {
		b, err := os.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			_, err = LoadClean(p) // its error names the notebook that makes the file
		}
		if err != nil {
			return "", err
		}
		files[i] = b
	}
	return tracksHash(files[0], files[1]), nil
}

// tracksHash is the SHA-256, in hex, of a tracks CSV file and its
// description (catalog.TracksCSV).
func tracksHash(tracks, desc []byte) string {
	h := sha256.New()
	h.Write(tracks)
	h.Write(desc)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// PrecomputeFromRaw loads and cleans the raw catalog as notebook 01 does
// (LoadRaw) and computes and caches what notebooks 03 and 04 start from: the
// validation with DefaultPlan (ValidationFor) and the claims' tests
// (ClaimsFor), each under the key of the files notebook 01 writes from
// those tracks (catalog.TracksCSV). So it can run beside notebook 01: the
// notebooks reuse both when notebook 01 wrote the same tracks, and compute
// afresh otherwise. It returns the validation.
func PrecomputeFromRaw(p Params) (*Validation, error) {
	c, err := LoadRaw(p)
	if err != nil {
		return nil, err
	}
	tracks, desc, err := catalog.TracksCSV(c.Tracks, c.Rows(true))
	if err != nil {
		return nil, err
	}
	hash := tracksHash(tracks, desc)
	// The claims' bootstrap runs beside the validation (on a large catalog
	// with a hit flag it is the longer of the two). Claims the tests cannot
	// compute are left to the notebooks, which show why where they test them.
	var claims *Claims
	var claimsErr error
	var wg sync.WaitGroup
	wg.Go(func() { claims, claimsErr = OutcomeClaims(c.Tracks, p.PopularThreshold, p.Seed) })
	v, err := Validate(c.Tracks, DefaultPlan(), p.Seed, p.K)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if claimsErr == nil {
		if err := saveClaims(p, claimsKey(p, hash), claims); err != nil {
			return nil, err
		}
	}
	v.Key = validationKey(p, hash)
	return v, SaveValidation(p, v)
}
