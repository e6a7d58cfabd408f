package songs

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// TestExploreFromClaims gives Explore's findings the same numbers whether
// it asks each function (nil claims) or takes the claims' results: on a
// catalog with every part, one whose album effect does not apply, and one
// without popularity.
func TestExploreFromClaims(t *testing.T) {
	for name, cat := range map[string]*catalog.Catalog{
		"blobs": studytest.BlobCatalog(120, 7),
		"hits":  studytest.HitCatalog(t, 30, nil),
	} {
		claims, err := OutcomeClaims(cat, 50, 42)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		alone := studytest.Must(Explore(cat, nil, 50, 42))(t)
		from := studytest.Must(Explore(cat, claims, 50, 42))(t)
		if got, want := textOf(*from, from.Albums, from.Trend, from.Features, from.Effect), textOf(*alone, alone.Albums, alone.Trend, alone.Features, alone.Effect); got != want {
			t.Errorf("%s: Explore from the claims\\n%s\\nwant\\n%s", name, got, want)
		}
		if claims != nil && claims.Time != nil && from.Trend != claims.Time {
			t.Errorf("%s: the trend was computed again", name)
		}
	}
}

// textOf prints v and the values its parts point to (nil ones as <nil>),
// every number in its exact shortest form and no address.
func textOf(v any, parts ...any) string {
	s := fmt.Sprintf("%+v", v)
	for _, part := range parts {
		if p := reflect.ValueOf(part); p.IsNil() {
			s += "\n<nil>"
		} else {
			s += fmt.Sprintf("\n%+v", p.Elem().Interface())
		}
	}
	return regexp.MustCompile(`0x[0-9a-f]+`).ReplaceAllString(s, "*")
}

// TestClaimsForCache computes the claims once for the cleaned tracks,
// threshold and seed, returns the cached copy for the same inputs (with
// its reason for leaving out the album effect, a *TooFewReleasesError,
// intact) and computes afresh for another seed.
func TestClaimsForCache(t *testing.T) {
	p := Params{Root: t.TempDir(), Catalog: DefaultCatalog, Seed: 42, PopularThreshold: 50}
	if _, err := ClaimsFor(p); !errors.Is(err, ErrMissingInput) {
		t.Fatalf("without cleaned tracks: %v; want ErrMissingInput", err)
	}
	c := catalog.Clean(studytest.BlobCatalog(120, 7), catalog.CleanOptions{})
	if err := catalog.WriteInterim(p.InterimDir(), c); err != nil {
		t.Fatal(err)
	}
	first := studytest.Must(ClaimsFor(p))(t)
	want := studytest.Must(OutcomeClaims(studytest.Must(LoadClean(p))(t), 50, 42))(t)
	if got, want := textOf(*first, first.Time, first.Albums), textOf(*want, want.Time, want.Albums); got != want {
		t.Fatalf("ClaimsFor\n%s\nwant OutcomeClaims\n%s", got, want)
	}
	marked := *first
	marked.Recordings = 99
	hash := studytest.Must(cleanTracksHash(p))(t)
	if err := saveProcessedGob(p, ClaimsFile, cachedClaims{Key: claimsKey(p, hash), Claims: &marked}); err != nil {
		t.Fatal(err)
	}
	cached := studytest.Must(ClaimsFor(p))(t)
	var tf *TooFewReleasesError
	if cached.Recordings != 99 || !errors.As(cached.NoAlbums, &tf) {
		t.Errorf("same inputs: %d recordings, reason %v; want the cached 99 and the reason", cached.Recordings, cached.NoAlbums)
	}
	other := p
	other.Seed = 7
	if again := studytest.Must(ClaimsFor(other))(t); again.Recordings == 99 {
		t.Error("another seed reused the cache")
	}
}
