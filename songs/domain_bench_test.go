package songs

import (
	"fmt"
	"testing"

	"github.com/songcohorts/cohorts/songs/catalog"
	"github.com/songcohorts/cohorts/songs/internal/studytest"
)

// BenchmarkDomain times the notebook-facing summaries on synthetic
// catalogs of growing size (blobCatalog: two groups, reissues, 40 years).
func BenchmarkDomain(b *testing.B) {
	for _, n := range []int{1000, 10000, 100000} {
		cat := studytest.BlobCatalog(n, 1)
		labels := make([]int, n)
		for i := range labels {
			labels[i] = i % 2
		}
		b.Run(fmt.Sprintf("RankReleases/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				RankReleases(cat, 50)
			}
		})
		b.Run(fmt.Sprintf("CompareLiveFlags/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				CompareLiveFlags(cat)
			}
		})
		b.Run(fmt.Sprintf("MeansByYear/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				MeansByYear(cat, catalog.Popularity)
			}
		})
		b.Run(fmt.Sprintf("CorrelationMatrixSpearman/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				CorrelationMatrix(cat, catalog.OriginalFeatures, true)
			}
		})
		b.Run(fmt.Sprintf("Profiles/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Profiles(cat, labels, 2, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("Describe/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				Describe(cat)
			}
		})
	}
}

// BenchmarkClaimTests times the claims, dominated by the BCa bootstrap
// intervals of every effect size (2,000 resamples and a jackknife each,
// O(n) per evaluation on resample counts).
func BenchmarkClaimTests(b *testing.B) {
	for _, n := range []int{400, 1600} {
		cat := studytest.BlobCatalog(n, 1)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := ClaimTests(cat, 50, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
