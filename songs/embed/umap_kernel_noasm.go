//go:build !amd64 || noasm

package embed

// repel4 reports that no vector kernel is available: repelTermsGo
// evaluates every sample.
func repel4(*repelBatch, float64, float64, float64, float64) bool { return false }
