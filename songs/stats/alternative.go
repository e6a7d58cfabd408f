package stats

// Alternative is the alternative hypothesis of a test, as SciPy's
// alternative argument.
//
// For two samples x and y, Less means x tends to be smaller than y (its
// distribution is stochastically smaller, or its mean is lower), Greater the
// reverse; for a correlation, Less means a negative and Greater a positive
// association.
type Alternative int

const (
	// TwoSided is the two-sided alternative: the samples differ in either
	// direction.
	TwoSided Alternative = iota
	// Less is the one-sided alternative that the first sample is smaller
	// (or the association negative).
	Less
	// Greater is the one-sided alternative that the first sample is larger
	// (or the association positive).
	Greater
)

// String returns SciPy's name for the alternative.
func (a Alternative) String() string {
	switch a {
	case TwoSided:
		return "two-sided"
	case Less:
		return "less"
	case Greater:
		return "greater"
	}
	return "unknown"
}

func (a Alternative) check() {
	if a != TwoSided && a != Less && a != Greater {
		panic("stats: unknown Alternative")
	}
}
