package catalog

import (
	"fmt"
	"sort"
	"strings"
)

// CleanOptions selects the optional cleaning rules.
type CleanOptions struct {
	// OriginalExtremes applies the original study's hand-picked drops
	// (OriginalExtremes) after the validity rules, so the cleaned catalog
	// reproduces its 1,600 rows.
	OriginalExtremes bool
}

// DefaultCleanOptions reproduce the original study.
var DefaultCleanOptions = CleanOptions{OriginalExtremes: true}

// LogEntry is one line of the cleaning log: a removed track and why.
type LogEntry struct {
	ID     string
	Record int
	Source string
	Rule   string
	Detail string
}

// Cleaned is the result of Clean.
type Cleaned struct {
	// Loaded is the catalog as loaded, every track with its flags.
	Loaded *Catalog
	// Tracks are the kept tracks, in file order.
	Tracks *Catalog
	// Dropped[i] is true when Loaded.Tracks[i] was removed.
	Dropped []bool
	// Flags[i] lists the rules that flagged Loaded.Tracks[i] (findings and
	// drops), joined by ";".
	Flags []string
	// Log has one entry per removed track and reason, in file order.
	Log []LogEntry
	// Outliers is the IQR and robust-z report of the valid rows, before the
	// original study's drops.
	Outliers []OutlierReport
	// Reissues are the recordings present more than once among the kept tracks.
	Reissues []ReissueGroup
}

// Clean removes the rows that loading flagged (missing values, values
// outside the dictionary's ranges, empty titles, invalid dates, exact
// duplicates and repeated ids), reports outliers, optionally applies the
// original study's drops, and groups reissued recordings. Every removal is
// logged. The loaded catalog is not modified apart from CanonicalID.
func Clean(cat *Catalog, opt CleanOptions) *Cleaned {
	n := len(cat.Tracks)
	c := &Cleaned{Loaded: cat, Dropped: make([]bool, n), Flags: make([]string, n)}
	flags := make([][]string, n)
	var log []LogEntry
	drop := func(i int, rule, detail string) {
		t := &cat.Tracks[i]
		c.Dropped[i] = true
		flags[i] = append(flags[i], rule)
		log = append(log, LogEntry{ID: t.ID, Record: t.Record, Source: t.Source, Rule: rule, Detail: detail})
	}
	for _, f := range cat.Findings {
		detail := f.Detail
		if f.Column != "" && !strings.Contains(detail, f.Column) {
			detail = f.Column + ": " + detail
		}
		drop(f.Track, f.Rule, detail)
	}
	valid := c.keep()
	c.Outliers = Outliers(valid)
	if opt.OriginalExtremes {
		for _, r := range OriginalExtremes {
			idx, details := r.Select(valid.Tracks)
			for k, j := range idx {
				drop(c.loadedIndex(valid, j), RuleOriginalExtreme, details[k])
			}
		}
	}
	sort.SliceStable(log, func(a, b int) bool {
		if log[a].Source != log[b].Source {
			return sourceOrder(cat, log[a].Source) < sourceOrder(cat, log[b].Source)
		}
		return log[a].Record < log[b].Record
	})
	c.Log = log
	c.Tracks = c.keep()
	c.Reissues = Reissues(c.Tracks.Tracks)
	canon := map[string]string{}
	for _, t := range c.Tracks.Tracks {
		canon[t.ID] = t.CanonicalID
	}
	for i := range cat.Tracks {
		if id, ok := canon[cat.Tracks[i].ID]; ok && !c.Dropped[i] {
			cat.Tracks[i].CanonicalID = id
			if id != cat.Tracks[i].ID {
				flags[i] = append(flags[i], RuleReissue)
			}
		}
		c.Flags[i] = strings.Join(dedupe(flags[i]), ";")
	}
	return c
}

// keep returns a catalog of the tracks not dropped so far, sharing the
// loaded catalog's metadata. Each kept track remembers its loaded index
// through its position in c.kept.
func (c *Cleaned) keep() *Catalog {
	cat := c.Loaded
	out := &Catalog{Sources: cat.Sources, Columns: cat.Columns, Has: cat.Has, Extra: cat.Extra,
		Tracks: make([]Track, 0, len(cat.Tracks))}
	for i := range cat.Tracks {
		if !c.Dropped[i] {
			out.Tracks = append(out.Tracks, cat.Tracks[i])
		}
	}
	return out
}

// loadedIndex maps the j-th track of a catalog made by keep back to its
// index in the loaded catalog.
func (c *Cleaned) loadedIndex(kept *Catalog, j int) int {
	t := &kept.Tracks[j]
	for i := range c.Loaded.Tracks {
		u := &c.Loaded.Tracks[i]
		if u.Source == t.Source && u.Record == t.Record {
			return i
		}
	}
	panic(fmt.Sprintf("songs: track %s record %d not in the loaded catalog", t.Source, t.Record))
}

func sourceOrder(cat *Catalog, src string) int {
	for i, s := range cat.Sources {
		if s == src {
			return i
		}
	}
	return len(cat.Sources)
}

func dedupe(s []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// RuleCounts counts the removed tracks per rule (a track removed by two
// rules counts under each).
func (c *Cleaned) RuleCounts() map[string]int {
	out := map[string]int{}
	for _, e := range c.Log {
		out[e.Rule]++
	}
	return out
}
