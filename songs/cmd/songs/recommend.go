package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

// stringList is a repeatable string flag.
type stringList []string

// String joins the values, for flag.Value.
func (s *stringList) String() string { return strings.Join(*s, ", ") }

// Set adds one value, for flag.Value.
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// recommendFlags declares the flags of songs recommend and returns its body.
func recommendFlags(fs *flag.FlagSet) body {
	var tracks stringList
	fs.Var(&tracks, "track", "seed track: a title (forgiving: case, punctuation and version notes such as \" - Remastered 2009\" are ignored) or a track id; repeat for several seeds")
	n := fs.Int("n", 10, "number of songs")
	same := fs.Bool("same-cohort", false, "only songs of the seeds' cohort")
	weight := fs.Float64("cohort-weight", 0, "distance added to songs outside the seeds' cohort (standard deviations, >= 0)")
	diversity := fs.Float64("diversity", 0, "0..1: trade similarity for variety (maximal marginal relevance)")
	blend := fs.Float64("popularity-blend", 0, "0..1: share of popularity in the ranking")
	scaling := fs.Int("local-scaling", 0, "K > 0: rank by local scaling with each song's K-th nearest recording, which keeps a few songs from filling every list (0: plain distance)")
	playlist := fs.Bool("playlist", false, "a playlist from the first seed instead: songs of its cohort, each the nearest to the previous one")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	return func(p songs.Params, args []string, stdout io.Writer) error {
		switch {
		case len(tracks) == 0:
			return usagef("--track is required")
		case *n < 1 || *weight < 0 || *diversity < 0 || *diversity > 1 || *blend < 0 || *blend > 1 || *scaling < 0:
			return usagef("need -n >= 1, --cohort-weight >= 0, --local-scaling >= 0, --diversity and --popularity-blend in 0..1")
		}
		cat, v, err := songs.LoadCohorts(p)
		if err != nil {
			return err
		}
		r, err := songs.NewRecommender(cat, v.Labels)
		if err != nil {
			return err
		}
		names, err := songs.Profiles(cat, v.Labels, v.Chosen.K, p.PopularThreshold)
		if err != nil {
			return err
		}
		var seeds []string
		for _, q := range tracks {
			ids := r.FindTracks(q)
			if len(ids) == 0 {
				return fmt.Errorf("no track matches %q", q)
			}
			if len(ids) > 1 {
				fmt.Fprintln(errOut, "songs recommend: "+severalMatched(cat, q, ids))
			}
			seeds = append(seeds, ids[0])
		}
		var recs []songs.Recommendation
		if *playlist {
			recs, err = r.Playlist(seeds[0], *n)
		} else {
			recs, err = r.Recommend(seeds, songs.RecommendOptions{N: *n, SameCohort: *same, CohortWeight: *weight,
				Diversity: *diversity, PopularityBlend: *blend, LocalScaling: *scaling})
		}
		if err != nil {
			return err
		}
		byID := map[string]*catalog.Track{}
		for i := range cat.Tracks {
			byID[cat.Tracks[i].ID] = &cat.Tracks[i]
		}
		cohortName := func(c int) string {
			if c >= 0 && c < len(names) {
				return names[c].Name
			}
			return ""
		}
		if *asJSON {
			type item struct {
				Rank       int      `json:"rank,omitempty"`
				ID         string   `json:"id"`
				Name       string   `json:"name"`
				Album      string   `json:"album"`
				Artist     string   `json:"artist,omitempty"`
				Year       int      `json:"year,omitempty"`
				Cohort     int      `json:"cohort"`
				CohortName string   `json:"cohort_name"`
				Popularity *float64 `json:"popularity"`
				Distance   *float64 `json:"distance,omitempty"`
				Score      *float64 `json:"score,omitempty"`
			}
			out := struct {
				Seeds           []item `json:"seeds"`
				Playlist        bool   `json:"playlist"`
				Recommendations []item `json:"recommendations"`
			}{Playlist: *playlist, Seeds: []item{}, Recommendations: []item{}}
			for _, id := range seeds {
				t := byID[id]
				c := cohortOf(v, id)
				out.Seeds = append(out.Seeds, item{ID: id, Name: t.Name, Album: t.Album, Artist: t.Artist, Year: t.ReleaseDate.Year, Cohort: c,
					CohortName: cohortName(c), Popularity: num(t.Popularity)})
			}
			for _, rc := range recs {
				out.Recommendations = append(out.Recommendations, item{rc.Rank, rc.ID, rc.Name, rc.Album, rc.Artist, rc.Year, rc.Cohort,
					cohortName(rc.Cohort), num(rc.Popularity), num(rc.Distance), num(rc.Score)})
			}
			return printJSON(stdout, out)
		}
		for _, id := range seeds {
			t := byID[id]
			c := cohortOf(v, id)
			by := t.Album
			if t.Artist != "" && t.Album == "" {
				by = t.Artist
			}
			fmt.Fprintf(stdout, "seed: %s (%s, %d) [%s], cohort %d: %s\n", t.Name, by, t.ReleaseDate.Year, id, c, cohortName(c))
		}
		w := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		dist := "distance"
		if *playlist {
			dist = "step"
		}
		// a catalog of several artists shows the artist where others show the album
		second, other := "album", func(rc songs.Recommendation) string { return rc.Album }
		if cat.Has["artist"] && !cat.Has["album"] {
			second, other = "artist", func(rc songs.Recommendation) string { return rc.Artist }
		}
		fmt.Fprintf(w, "#\ttitle\t%s\tyear\tcohort\t%s\tid\n", second, dist)
		for _, rc := range recs {
			year := "-"
			if rc.Year != 0 {
				year = fmt.Sprint(rc.Year)
			}
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%d\t%.3f\t%s\n", rc.Rank, clip(rc.Name, 48), clip(other(rc), 40), year, rc.Cohort, rc.Distance, rc.ID)
		}
		return w.Flush()
	}
}

// cohortOf is the cohort v gives a track id (-1 if none).
func cohortOf(v *songs.Validation, id string) int {
	for i, x := range v.IDs {
		if x == id {
			return v.Labels[i]
		}
	}
	return -1
}

// severalMatched says that a title matched several tracks, which one (the
// first, FindTracks' best) is used, and how to choose another: by its id.
func severalMatched(cat *catalog.Catalog, query string, ids []string) string {
	byID := make(map[string]*catalog.Track, len(ids))
	for i := range cat.Tracks {
		byID[cat.Tracks[i].ID] = &cat.Tracks[i]
	}
	describe := func(id string) string {
		t := byID[id]
		if t == nil {
			return id
		}
		return fmt.Sprintf("%q (%s, %d) [%s]", t.Name, t.Album, t.ReleaseDate.Year, id)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%q matches %d tracks; using %s. To use another, give its id to --track:", query, len(ids), describe(ids[0]))
	const shown = 5
	for i, id := range ids[1:] {
		if i == shown {
			fmt.Fprintf(&b, "\n  ... and %d more", len(ids)-1-shown)
			break
		}
		b.WriteString("\n  " + describe(id))
	}
	return b.String()
}
