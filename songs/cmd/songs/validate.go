package main

import (
	"flag"
	"fmt"
	"io"
	"sort"

	"github.com/songcohorts/cohorts/songs"
	"github.com/songcohorts/cohorts/songs/catalog"
)

// validateFlags declares the flags of songs validate and returns its body.
func validateFlags(fs *flag.FlagSet) body {
	csvPath := catalogCSVFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object instead of text")
	return func(p songs.Params, args []string, stdout io.Writer) error {
		path := csvPath(p)
		cat, err := catalog.Load(path)
		if err != nil {
			return err
		}
		// The study's own cleaning (the original study's drops for the course
		// file), so that "kept" is what notebook 01 would keep.
		c := catalog.Clean(cat, songs.CleanOptionsFor(cat))
		counts := c.RuleCounts()
		enough := songs.CheckStudySize(c) == nil
		if *asJSON {
			out := struct {
				File     string             `json:"file"`
				Tracks   int                `json:"tracks"`
				Valid    int                `json:"valid"`
				Needs    int                `json:"study_needs"`
				Enough   bool               `json:"enough_for_study"`
				Findings map[string]int     `json:"findings"`
				Log      []catalog.LogEntry `json:"log"`
			}{path, len(cat.Tracks), len(c.Tracks.Tracks), songs.MinTracks, enough, counts, c.Log}
			return printJSON(stdout, out)
		}
		fmt.Fprintf(stdout, "%s: %d loaded, %d valid (kept by the study's cleaning)", path, len(cat.Tracks), len(c.Tracks.Tracks))
		if !enough {
			fmt.Fprintf(stdout, ": too few for the study, which needs at least %d tracks", songs.MinTracks)
		}
		fmt.Fprintln(stdout)
		rules := make([]string, 0, len(counts))
		for r := range counts {
			rules = append(rules, r)
		}
		sort.Strings(rules)
		for _, r := range rules {
			fmt.Fprintf(stdout, "  %-26s %d\n", r, counts[r])
		}
		for i, e := range c.Log {
			if i == 20 {
				fmt.Fprintf(stdout, "  ... %d more\n", len(c.Log)-20)
				break
			}
			fmt.Fprintf(stdout, "  record %d (%s): %s: %s\n", e.Record, e.ID, e.Rule, e.Detail)
		}
		return nil
	}
}
