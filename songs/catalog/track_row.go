package catalog

import (
	"encoding/json"
	"fmt"
	"math"
)

// TrackRow is the schema of the interim tracks (data/interim/tracks.parquet,
// tracks_clean.parquet and tracks_clean.csv; the tags name the columns): one row per track, keyed by id. Missing numbers are
// null; Flags lists the cleaning rules that flagged the track (";"
// separated) and Dropped tells whether cleaning removed it. Extra holds the
// catalog's extra columns as a JSON object.
type TrackRow struct {
	ID               string   `parquet:"id"`
	URI              string   `parquet:"uri"`
	Name             string   `parquet:"name"`
	Album            string   `parquet:"album"`
	Artist           string   `parquet:"artist"`
	ReleaseDate      string   `parquet:"release_date"`
	Year             int32    `parquet:"year"`
	Decade           int32    `parquet:"decade"`
	TrackNumber      int32    `parquet:"track_number"`
	NumberRow        int64    `parquet:"number_row"`
	Source           string   `parquet:"source"`
	Record           int64    `parquet:"record"`
	Line             int64    `parquet:"line"`
	Acousticness     *float64 `parquet:"acousticness,optional"`
	Danceability     *float64 `parquet:"danceability,optional"`
	Energy           *float64 `parquet:"energy,optional"`
	Instrumentalness *float64 `parquet:"instrumentalness,optional"`
	Liveness         *float64 `parquet:"liveness,optional"`
	Loudness         *float64 `parquet:"loudness,optional"`
	Speechiness      *float64 `parquet:"speechiness,optional"`
	Tempo            *float64 `parquet:"tempo,optional"`
	Valence          *float64 `parquet:"valence,optional"`
	DurationMS       *float64 `parquet:"duration_ms,optional"`
	Popularity       *float64 `parquet:"popularity,optional"`
	CanonicalID      string   `parquet:"canonical_id"`
	Flags            string   `parquet:"flags"`
	Dropped          bool     `parquet:"dropped"`
	Extra            string   `parquet:"extra"`
}

func ptr(v float64) *float64 {
	if math.IsNaN(v) {
		return nil
	}
	return &v
}

func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

// audioPtrs lists a row's audio feature fields in AudioFeatures order.
func (r *TrackRow) audioPtrs() [9]**float64 {
	return [9]**float64{&r.Acousticness, &r.Danceability, &r.Energy, &r.Instrumentalness, &r.Liveness,
		&r.Loudness, &r.Speechiness, &r.Tempo, &r.Valence}
}

// rowOf converts a track.
func rowOf(cat *Catalog, t *Track, flags string, dropped bool) TrackRow {
	r := TrackRow{ID: t.ID, URI: t.URI, Name: t.Name, Album: t.Album, Artist: t.Artist,
		ReleaseDate: t.ReleaseDate.String(), Year: int32(t.ReleaseDate.Year), Decade: int32(t.Decade),
		TrackNumber: int32(t.TrackNumber), NumberRow: int64(t.NumberRow), Source: t.Source,
		Record: int64(t.Record), Line: int64(t.Line), DurationMS: ptr(t.DurationMS), Popularity: ptr(t.Popularity),
		CanonicalID: t.CanonicalID, Flags: flags, Dropped: dropped}
	for j, p := range r.audioPtrs() {
		*p = ptr(t.Audio[j])
	}
	if len(cat.Extra) > 0 {
		m := make(map[string]string, len(cat.Extra))
		for i, name := range cat.Extra {
			m[name] = t.Extra[i]
		}
		b, _ := json.Marshal(m) // a map of strings always marshals
		r.Extra = string(b)
	}
	return r
}

// Track converts a row back; extra holds the catalog's extra column names.
func (r *TrackRow) Track(extra []string) (Track, error) {
	d, err := ParseDate(r.ReleaseDate)
	if err != nil {
		return Track{}, err
	}
	t := Track{ID: r.ID, URI: r.URI, Name: r.Name, Album: r.Album, Artist: r.Artist, ReleaseDate: d,
		Decade: int(r.Decade), TrackNumber: int(r.TrackNumber), NumberRow: int(r.NumberRow), Source: r.Source,
		Record: int(r.Record), Line: int(r.Line), DurationMS: val(r.DurationMS), Popularity: val(r.Popularity),
		CanonicalID: r.CanonicalID}
	for j, p := range r.audioPtrs() {
		t.Audio[j] = val(*p)
	}
	if len(extra) > 0 {
		m := map[string]string{}
		if err := json.Unmarshal([]byte(r.Extra), &m); err != nil {
			return Track{}, fmt.Errorf("extra columns of %s: %w", r.ID, err)
		}
		t.Extra = make([]string, len(extra))
		for i, name := range extra {
			t.Extra[i] = m[name]
		}
	}
	return t, nil
}

// Description is what a file of TrackRows keeps of its catalog beside the
// rows: the source files, the columns in file order, which optional columns
// the catalog has and its extra columns.
type Description struct {
	Sources []string        `json:"sources"`
	Columns []string        `json:"columns"`
	Has     map[string]bool `json:"has"`
	Extra   []string        `json:"extra"`
}

// Describe returns cat's description.
func Describe(cat *Catalog) Description {
	return Description{Sources: cat.Sources, Columns: cat.Columns, Has: cat.Has, Extra: cat.Extra}
}

// Catalog rebuilds the catalog of rows described by d; where names the
// file in errors.
func (d Description) Catalog(where string, rows []TrackRow) (*Catalog, error) {
	cat := &Catalog{Sources: d.Sources, Columns: d.Columns, Has: d.Has, Extra: d.Extra}
	cat.Tracks = make([]Track, len(rows))
	for i := range rows {
		var err error
		if cat.Tracks[i], err = rows[i].Track(d.Extra); err != nil {
			return nil, fmt.Errorf("%s row %d: %w", where, i+1, err)
		}
	}
	return cat, nil
}

// Rows converts every loaded track (with its flags) or only the kept ones.
func (c *Cleaned) Rows(keptOnly bool) []TrackRow {
	var out []TrackRow
	for i := range c.Loaded.Tracks {
		if keptOnly && c.Dropped[i] {
			continue
		}
		out = append(out, rowOf(c.Loaded, &c.Loaded.Tracks[i], c.Flags[i], c.Dropped[i]))
	}
	return out
}
