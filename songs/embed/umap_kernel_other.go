//go:build !amd64

package embed

// repelBatch4 reports that no vector kernel is available: the portable
// code evaluates every sample.
func repelBatch4(*repelBatch, float64, float64, float64, float64) bool { return false }
