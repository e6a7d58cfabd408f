//go:build !noasm

package embed

import "golang.org/x/sys/cpu"

// useAVX2FMA reports whether the processor and operating system support
// the AVX2 and FMA instructions of the package's kernels; it is set once,
// at start-up.
var useAVX2FMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA
