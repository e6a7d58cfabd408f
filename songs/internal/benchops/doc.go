// Package benchops runs the operations of the speed and quality comparison
// between this module and the Python stack (scikit-learn 1.2.1, pandas,
// umap-learn), one operation at a time, and measures them the way the
// reference script bench/sklearn_ref.py does.
//
// Each operation (Ops) has the exact parameters of its scikit-learn
// counterpart. Preparation is untimed: the CSV is read, the 11 feature
// columns (Features) are taken in order and standardised with the population
// standard deviation. Then the process is made quiet (runtime.GC and
// debug.FreeOSMemory), VmRSS is read, the peak resident set is reset by
// writing 5 to /proc/self/clear_refs, the call is timed, and VmHWM is read.
// Quality figures are computed after the clock stops and carry the same
// names as scikit-learn's, so records of both sides join on (op, n).
//
// A Record prints as one JSON line whose fields keep their insertion order.
// WriteReport turns the records of both sides into the markdown ratio table.
package benchops
