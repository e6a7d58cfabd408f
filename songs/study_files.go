package songs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// ErrMissingInput says that a file a notebook needs has not been made yet.
var ErrMissingInput = errors.New("missing input")

// LoadClean reads the cleaned tracks written by notebook 01 (their CSV
// form, catalog.ReadTracksCSV). When the file
// does not exist the error says which notebook and make target make it.
func LoadClean(p Params) (*catalog.Catalog, error) {
	path := p.Interim(catalog.CleanTracksCSVFile)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist yet: run notebook 01-cleaning first (make output/01-cleaning.html, or simply make)", ErrMissingInput, path)
	}
	cat, _, err := catalog.ReadTracksCSV(path)
	return cat, err
}

// LoadRaw loads and cleans the raw catalog named by p with the cleaning
// options for it (CleanOptionsFor). Its files are named relative to the
// project root (their base name when they lie outside it), so no output
// shows where this machine keeps them.
//
// A catalog that cleans to fewer than MinTracks tracks is refused with
// ErrTooFewTracks (CheckStudySize): nothing later would mean anything.
func LoadRaw(p Params) (*catalog.Cleaned, error) {
	cat, err := catalog.Load(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	cat.RenameSources(p.Rel)
	c := catalog.Clean(cat, CleanOptionsFor(cat))
	if err := CheckStudySize(c); err != nil {
		return nil, err
	}
	return c, nil
}

// MinTracks is the fewest cleaned tracks the study runs on: its validation
// compares up to KMax cohorts, which needs some ten tracks per cohort for
// silhouettes, stability refits and per-cohort tests to say anything, and
// notebook 04's t-SNE, at perplexity 30, needs more than 90 neighbours for
// every track.
const MinTracks = 10 * KMax

// ErrTooFewTracks says that a catalog cleans to fewer than MinTracks tracks.
var ErrTooFewTracks = errors.New("too few tracks for the study")

// CheckStudySize returns ErrTooFewTracks, with the count, what cleaning
// removed and the minimum, when c keeps fewer than MinTracks tracks.
func CheckStudySize(c *catalog.Cleaned) error {
	kept, loaded := len(c.Tracks.Tracks), len(c.Loaded.Tracks)
	if kept >= MinTracks {
		return nil
	}
	removed := ""
	if counts := c.RuleCounts(); len(counts) > 0 {
		rules := make([]string, 0, len(counts))
		for r := range counts {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		for i, r := range rules {
			rules[i] = fmt.Sprintf("%s %d", r, counts[r])
		}
		removed = " (cleaning removed: " + strings.Join(rules, ", ") + ")"
	}
	return fmt.Errorf("%w: %s: %d loaded, %d kept after cleaning%s; the study needs at least %d tracks "+
		"(up to %d cohorts of some ten tracks each)", ErrTooFewTracks, strings.Join(c.Loaded.Sources, ", "),
		loaded, kept, removed, MinTracks, KMax)
}

// CleanOptionsFor returns the cleaning options for a loaded catalog: the
// original study's hand-picked drops apply to the course file only
// (catalog.HoldsCourseFile), whatever the catalog is called or where it
// lies, so the notebooks and the command clean one file the same way.
func CleanOptionsFor(cat *catalog.Catalog) catalog.CleanOptions {
	return catalog.CleanOptions{OriginalExtremes: catalog.HoldsCourseFile(cat)}
}

// DataChecksums returns "file: sha256" lines for the catalog files p names,
// the files relative to the project root.
func DataChecksums(p Params) ([]string, error) {
	files, sums, err := catalog.Checksums(p.Path(p.RawCSV))
	if err != nil {
		return nil, err
	}
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = p.Rel(f) + ": " + sums[i]
	}
	return out, nil
}
