package songs

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/songcohorts/cohorts/songs/catalog"
)

// versionBracket matches a trailing bracketed version note such as
// "(Remastered)", "(Mono Version)" or "[Live]"; a bracket that is part of
// the title, such as "(I Can't Get No) Satisfaction", does not match.
var versionBracket = regexp.MustCompile(`(?i)\s*[(\[][^)\]]*\b(remaster(ed)?|live|mono|stereo|version|mix|edit|demo|take|bonus|acoustic|instrumental|single|deluxe|anniversary|outtake|re-?recorded|\d{4})\b[^)\]]*[)\]]\s*$`)

// TitleKey is the normalised form of a title that FindTracks compares and
// the recommender uses to recognise other versions of a song: the version
// note after the first " - " ("Angie - Remastered 2009", "Miss You - Live",
// "Brown Sugar - 2009 Mix") and trailing bracketed version notes
// ("(Remastered)", "(Mono Version)") are removed, then case, accents of
// apostrophes, punctuation and spaces; only letters and digits remain, so
// "It's Only Rock 'N' Roll" and "Its Only Rock'n'Roll" share a key.
func TitleKey(title string) string {
	return strings.Join(titleWords(title), "")
}

// titleWords returns the normalised words of a title (see TitleKey).
func titleWords(title string) []string {
	if i := strings.Index(title, " - "); i > 0 {
		title = title[:i]
	}
	for strings.ContainsAny(title, ")]") {
		t := versionBracket.ReplaceAllString(title, "")
		if t == title || strings.TrimSpace(t) == "" {
			break
		}
		title = t
	}
	return normalWords(title)
}

// normalWords splits a text into lower-case words of letters and digits:
// apostrophes join ("can't" is one word), "&" is the word "and", any other
// character separates.
func normalWords(title string) []string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘' || r == '`':
			// an apostrophe joins: "can't" is one word
		case r == '&':
			flush()
			words = append(words, "and")
		default:
			flush()
		}
	}
	flush()
	return words
}

// FindTracks returns the ids of the tracks matching a query, best first:
// the track whose id (or uri) is the query; then the tracks whose title
// has the query's TitleKey; then the titles containing every word of the
// query (the last one as a prefix); and only when nothing matched, titles
// within a small edit distance of the query (typos). Studio versions come
// first (live ones when the query itself is marked live, as "Miss You -
// Live"), so that "Satisfaction" finds "(I Can't Get No) Satisfaction"
// before "Satisfaction - Live"; then the kinds in the order above, then
// the more popular, then titles with fewer extra words or edits, then
// catalog order. An empty query matches nothing.
func (r *Recommender) FindTracks(query string) []string {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	if i, ok := r.byID[q]; ok {
		return []string{r.cat.Tracks[i].ID}
	}
	if id, ok := strings.CutPrefix(q, "spotify:track:"); ok {
		if i, ok := r.byID[id]; ok {
			return []string{r.cat.Tracks[i].ID}
		}
	}
	words := titleWords(q)
	if len(words) == 0 {
		return nil
	}
	key := strings.Join(words, "")
	wantLive := liveTitle.MatchString(q)
	type match struct {
		i, rank, extra int
	}
	var ms []match
	for i := range r.cat.Tracks {
		switch {
		case r.keys[i] == key:
			ms = append(ms, match{i, 0, 0})
		case containsWords(r.words[i], words):
			ms = append(ms, match{i, 1, len(r.words[i]) - len(words)})
		}
	}
	if len(ms) == 0 {
		limit := max(1, len([]rune(key))/5)
		for i := range r.cat.Tracks {
			if d := editDistance(r.keys[i], key, limit); d <= limit {
				ms = append(ms, match{i, 2, d})
			}
		}
	}
	sort.SliceStable(ms, func(a, b int) bool {
		x, y := ms[a], ms[b]
		if r.live[x.i] != r.live[y.i] {
			return r.live[x.i] == wantLive
		}
		if x.rank != y.rank {
			return x.rank < y.rank
		}
		px, py := r.cat.Tracks[x.i].Popularity, r.cat.Tracks[y.i].Popularity
		if px != py && !math.IsNaN(px) && !math.IsNaN(py) {
			return px > py
		}
		if x.extra != y.extra {
			return x.extra < y.extra
		}
		return x.i < y.i
	})
	out := make([]string, len(ms))
	for j, m := range ms {
		out[j] = r.cat.Tracks[m.i].ID
	}
	return out
}

// containsWords reports whether every query word is a word of title, the
// last query word possibly as a prefix.
func containsWords(title, query []string) bool {
	for j, q := range query {
		found := false
		for _, w := range title {
			if w == q || (j == len(query)-1 && strings.HasPrefix(w, q)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// editDistance is the optimal string alignment distance of a and b
// (Levenshtein's edits plus transpositions of adjacent letters; Damerau
// 1964), or limit+1 as soon as it is known to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	rows := [3][]int{make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		prev2, prev, cur := rows[0], rows[1], rows[2]
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		rows = [3][]int{prev, cur, prev2}
	}
	return rows[1][len(rb)]
}

// ExampleTitles picks n well-known titles to demonstrate recommendations:
// the most popular distinct titles, or, without popularity, the first
// distinct titles of the catalog.
func ExampleTitles(cat *catalog.Catalog, n int) []string {
	idx := make([]int, len(cat.Tracks))
	for i := range idx {
		idx[i] = i
	}
	if cat.Has[catalog.Popularity] {
		sort.SliceStable(idx, func(a, b int) bool { return cat.Tracks[idx[a]].Popularity > cat.Tracks[idx[b]].Popularity })
	}
	var out []string
	seen := map[string]bool{}
	for _, i := range idx {
		if key := TitleKey(cat.Tracks[i].Name); !seen[key] {
			seen[key] = true
			out = append(out, cat.Tracks[i].Name)
		}
		if len(out) == n {
			break
		}
	}
	return out
}
