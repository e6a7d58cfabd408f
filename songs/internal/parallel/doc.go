// Package parallel runs the module's parallel loops and side-by-side tasks
// so that their results never depend on the number of cores.
//
// For cuts a range into a number of contiguous blocks fixed by the caller
// (never derived from GOMAXPROCS) and runs them on up to GOMAXPROCS
// goroutines; a caller that writes per-item results, or per-block partial
// results that it then reduces in block order, gets the same bits on one
// core and on many. Blocks gives the usual block count for a range. Run
// starts independent tasks at once and reports the first error in argument
// order.
//
// The package imports only the standard library.
package parallel
