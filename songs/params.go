package songs

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Params are the study's parameters. Notebooks, the Makefile and the songs
// command read them from the same environment variables, with the same
// defaults, so a headless run and an interactive one agree.
type Params struct {
	// Root is the project folder (SONGS_ROOT, else found by walking up from
	// the working directory to the go.mod of this module).
	Root string
	// Catalog names the data set ("rolling-stones" or "hit-predictor";
	// CATALOG). Outputs of a catalog other than the default go to
	// subfolders named after it.
	Catalog string
	// RawCSV is the catalog file or glob (RAW_CSV), relative to Root.
	RawCSV string
	// Dictionary is the data dictionary workbook (DICTIONARY_XLSX).
	Dictionary string
	// Seed seeds every random choice (SEED, default 42).
	Seed uint64
	// K is the number of cohorts; 0 lets notebook 03 choose (K).
	K int
	// PopularThreshold is the popularity from which a song counts as
	// popular (POPULAR_THRESHOLD, default 50).
	PopularThreshold float64
}

// DefaultCatalog is the catalog the study was written for.
const DefaultCatalog = "rolling-stones"

// catalogDefaults are the raw file (or glob) of each known catalog.
var catalogDefaults = map[string]string{
	DefaultCatalog:  "data/raw/rolling_stones_spotify.csv",
	"hit-predictor": "data/raw/hit-predictor/dataset-of-*.csv",
}

// ParamsFromEnv reads the parameters from the environment.
func ParamsFromEnv() (Params, error) {
	p := Params{Catalog: DefaultCatalog, Seed: 42, PopularThreshold: 50}
	root, err := findRoot()
	if err != nil {
		return p, err
	}
	p.Root = root
	if v := os.Getenv("CATALOG"); v != "" {
		p.Catalog = v
	}
	def, known := catalogDefaults[p.Catalog]
	p.RawCSV = os.Getenv("RAW_CSV")
	if p.RawCSV == "" {
		if !known {
			return p, fmt.Errorf("CATALOG=%q is not a known catalog (rolling-stones, hit-predictor): set RAW_CSV to its file", p.Catalog)
		}
		p.RawCSV = def
	}
	p.Dictionary = envOr("DICTIONARY_XLSX", "data/raw/Data Dictionary-Creating cohorts of songs.xlsx")
	if v := os.Getenv("SEED"); v != "" {
		if p.Seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			return p, fmt.Errorf("SEED=%q: need an integer from 0 to %d", v, uint64(math.MaxUint64))
		}
	}
	if v := os.Getenv("K"); v != "" {
		if p.K, err = strconv.Atoi(v); err != nil || !ValidK(p.K) {
			return p, fmt.Errorf("K=%q: need 0 (let notebook 03 choose) or a number of cohorts from %d to %d, the range the validation compares", v, KMin, KMax)
		}
	}
	if v := os.Getenv("POPULAR_THRESHOLD"); v != "" {
		if p.PopularThreshold, err = strconv.ParseFloat(v, 64); err != nil || !ValidThreshold(p.PopularThreshold) {
			return p, fmt.Errorf("POPULAR_THRESHOLD=%q: need a number from 0 to 100 (Spotify's popularity scale)", v)
		}
	}
	return p, nil
}

// ValidK reports whether k is a number of cohorts the study can be asked
// for: 0 (choose from the validation metrics) or one the validation
// compares, KMin to KMax.
func ValidK(k int) bool { return k == 0 || k >= KMin && k <= KMax }

// ValidThreshold reports whether a popularity threshold lies on Spotify's
// 0-100 scale (NaN does not).
func ValidThreshold(t float64) bool { return t >= 0 && t <= 100 }

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// findRoot returns SONGS_ROOT or the nearest parent folder whose go.mod
// declares this module.
func findRoot() (string, error) {
	if r := os.Getenv("SONGS_ROOT"); r != "" {
		return filepath.Abs(r)
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(b), "module "+modulePath+"\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find the project folder: run from inside it or set SONGS_ROOT")
		}
		dir = parent
	}
}

// modulePath is this project's Go module.
const modulePath = "github.com/songcohorts/cohorts"

// Path resolves a path relative to the project folder.
func (p Params) Path(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(p.Root, rel)
}

// sub appends the catalog's name to a folder for catalogs other than the
// default one.
func (p Params) sub(dir string) string {
	if p.Catalog == DefaultCatalog {
		return p.Path(dir)
	}
	return filepath.Join(p.Path(dir), p.Catalog)
}

// InterimDir is data/interim (or data/interim/<catalog>).
func (p Params) InterimDir() string { return p.sub("data/interim") }

// ProcessedDir is data/processed (or data/processed/<catalog>).
func (p Params) ProcessedDir() string { return p.sub("data/processed") }

// OutputDir is output (or output/<catalog>).
func (p Params) OutputDir() string { return p.sub("output") }

// Interim returns the path of a file in InterimDir.
func (p Params) Interim(name string) string { return filepath.Join(p.InterimDir(), name) }

// Processed returns the path of a file in ProcessedDir.
func (p Params) Processed(name string) string { return filepath.Join(p.ProcessedDir(), name) }

// Env lists the parameters as NAME=value pairs, in a fixed order, for the
// head of a report.
func (p Params) Env() [][2]string {
	k := "0 (choose)"
	if p.K > 0 {
		k = strconv.Itoa(p.K)
	}
	return [][2]string{
		{"CATALOG", p.Catalog},
		{"RAW_CSV", p.RawCSV},
		{"SEED", strconv.FormatUint(p.Seed, 10)},
		{"K", k},
		{"POPULAR_THRESHOLD", strconv.FormatFloat(p.PopularThreshold, 'g', -1, 64)},
	}
}

// Rel names a file relative to the project root, or by its base name when
// it lies outside the root.
func (p Params) Rel(path string) string {
	rel, err := filepath.Rel(p.Root, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") {
		return filepath.Base(path)
	}
	return rel
}
