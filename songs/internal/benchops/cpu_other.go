//go:build !unix

package benchops

import "math"

// processCPU is not available on this system.
func processCPU() float64 { return math.NaN() }
