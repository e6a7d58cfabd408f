package catalog

import (
	"math"
	"sort"
	"strings"
)

// Track is one data record of a catalog. Numeric values that were missing
// in the file are NaN; optional text columns that were absent are "".
type Track struct {
	// Source is the file the record came from and Record its 1-based data
	// record number there (the header excluded); Line is its first file line.
	Source string
	Record int
	Line   int

	NumberRow   int // the file's own row number; -1 when absent
	ID          string
	URI         string
	Name        string
	Album       string
	Artist      string
	ReleaseDate Date
	Decade      int // first year of the release decade; 0 when unknown
	TrackNumber int // 0 when absent

	// Audio holds the nine audio features in AudioFeatures order.
	Audio      [9]float64
	DurationMS float64
	Popularity float64 // NaN when the catalog has no popularity

	// CanonicalID is the id of the earliest release of the same recording
	// (identical audio features and duration); the track's own id when it
	// is not a reissue. Set by Reissues.
	CanonicalID string

	// Extra holds the values of the catalog's extra columns, aligned with
	// Catalog.Extra.
	Extra []string
}

// Catalog is a loaded set of tracks and what its files provided.
type Catalog struct {
	// Sources are the files read, in order.
	Sources []string
	// Columns are the normalised header names of the first file.
	Columns []string
	// Has reports which optional columns the files provided (popularity,
	// album, artist, release_date, year, decade, track_number, number_row, uri).
	Has map[string]bool
	// Extra names the columns kept as text because the loader has no
	// meaning for them (for example key, mode or target).
	Extra  []string
	Tracks []Track
	// Findings are the row-level problems found while loading; Clean acts on
	// them.
	Findings []Finding
}

// RecordingID is the id of the recording the track is a copy of: its
// CanonicalID, or its own id when it has none (a catalog not cleaned).
func (t *Track) RecordingID() string {
	if t.CanonicalID == "" {
		return t.ID
	}
	return t.CanonicalID
}

// IsRecording reports whether the track stands for its recording: the
// recording's first copy, or a track of a catalog not cleaned.
func (t *Track) IsRecording() bool { return t.RecordingID() == t.ID }

// Value returns the track's value of a numeric column: one of the audio
// features, popularity or duration_ms; for any other name it returns NaN.
func (t *Track) Value(column string) float64 {
	switch column {
	case Popularity:
		return t.Popularity
	case DurationMS:
		return t.DurationMS
	}
	if i := FeatureIndex(column); i >= 0 {
		return t.Audio[i]
	}
	return math.NaN()
}

// FeatureIndex is the position of an audio feature in AudioFeatures, or -1.
func FeatureIndex(name string) int {
	for i, f := range AudioFeatures {
		if f == name {
			return i
		}
	}
	return -1
}

// Column returns the values of a numeric column for every track, in order.
func (c *Catalog) Column(name string) []float64 {
	out := make([]float64, len(c.Tracks))
	for i := range c.Tracks {
		out[i] = c.Tracks[i].Value(name)
	}
	return out
}

// Values returns the column's values that are present (neither missing
// nor infinite), in track order: the sample a statistic of the column is
// computed on.
func (c *Catalog) Values(name string) []float64 {
	out := make([]float64, 0, len(c.Tracks))
	for i := range c.Tracks {
		if v := c.Tracks[i].Value(name); !math.IsNaN(v) && !math.IsInf(v, 0) {
			out = append(out, v)
		}
	}
	return out
}

// ExtraColumn returns the text values of an extra column, or nil if the
// catalog has no such column.
func (c *Catalog) ExtraColumn(name string) []string {
	j := -1
	for i, e := range c.Extra {
		if e == name {
			j = i
		}
	}
	if j < 0 {
		return nil
	}
	out := make([]string, len(c.Tracks))
	for i := range c.Tracks {
		out[i] = c.Tracks[i].Extra[j]
	}
	return out
}

// NumericColumns returns the numeric columns this catalog actually has:
// the audio features, duration_ms and, when present, popularity, in the
// original study's order.
func (c *Catalog) NumericColumns() []string {
	var out []string
	for _, f := range OriginalFeatures {
		if f == Popularity && !c.Has[Popularity] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// IDs returns the track ids in order.
func (c *Catalog) IDs() []string {
	out := make([]string, len(c.Tracks))
	for i := range c.Tracks {
		out[i] = c.Tracks[i].ID
	}
	return out
}

// Require returns a *MissingColumnError when the catalog lacks any of the
// optional columns a step needs.
func (c *Catalog) Require(step string, columns ...string) error {
	var missing []string
	for _, col := range columns {
		if !c.Has[col] {
			missing = append(missing, col)
		}
	}
	if len(missing) > 0 {
		return &MissingColumnError{Step: step, Columns: missing}
	}
	return nil
}

// RenameSources replaces the name of every source file by name(old): in
// Sources, in each track's Source and wherever a finding's Detail names a
// file (a repeated id names the file of its first occurrence). Reports and
// the cleaning log then show the files as the project names them, not
// where this machine keeps them. Call it before Clean, which copies the
// details into its log.
func (c *Catalog) RenameSources(name func(string) string) {
	renamed := make(map[string]string, len(c.Sources))
	for i, s := range c.Sources {
		c.Sources[i] = name(s)
		renamed[s] = c.Sources[i]
	}
	for i := range c.Tracks {
		src := c.Tracks[i].Source
		if to, ok := renamed[src]; ok {
			c.Tracks[i].Source = to
		} else {
			c.Tracks[i].Source = name(src)
		}
	}
	if r := sourceReplacer(renamed); r != nil {
		for i := range c.Findings {
			c.Findings[i].Detail = r.Replace(c.Findings[i].Detail)
		}
	}
}

// sourceReplacer returns a replacer of every old file name by its new one,
// longer names first so that a name that ends another is not replaced
// inside it; nil when no name changes.
func sourceReplacer(renamed map[string]string) *strings.Replacer {
	olds := make([]string, 0, len(renamed))
	for from, to := range renamed {
		if from != to && from != "" {
			olds = append(olds, from)
		}
	}
	if len(olds) == 0 {
		return nil
	}
	sort.Slice(olds, func(a, b int) bool {
		if len(olds[a]) != len(olds[b]) {
			return len(olds[a]) > len(olds[b])
		}
		return olds[a] < olds[b]
	})
	pairs := make([]string, 0, 2*len(olds))
	for _, from := range olds {
		pairs = append(pairs, from, renamed[from])
	}
	return strings.NewReplacer(pairs...)
}
