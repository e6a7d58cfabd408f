package songs

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"

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
// every field of DefaultPlan and the bytes of the cleaned tracks (the CSV
// file and its description).
// ValidationFor reuses a cached validation only when its Key equals it.
func ValidationKey(p Params) (string, error) {
	h := sha256.New()
	path := p.Interim(catalog.CleanTracksCSVFile)
	for _, name := range []string{path, catalog.DescriptionPath(path)} {
		b, err := os.ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			_, err = LoadClean(p) // its error names the notebook that makes the file
		}
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	return fmt.Sprintf("format=%d seed=%d k=%d plan=%s clean=%x", validationFormat, p.Seed, p.K, DefaultPlan().key(), h.Sum(nil)), nil
}
