package songs

import (
	"strings"
	"testing"
)

// TestParamsFromEnvRanges checks that every parameter is refused outside
// its range with a message naming it and the range, and accepted inside.
func TestParamsFromEnvRanges(t *testing.T) {
	t.Setenv("SONGS_ROOT", t.TempDir())
	cases := []struct {
		name, value string
		want        string // "" when accepted
	}{
		{"K", "0", ""},
		{"K", "2", ""},
		{"K", "10", ""},
		{"K", "1", "from 2 to 10"},
		{"K", "11", "from 2 to 10"},
		{"K", "5000", "from 2 to 10"},
		{"K", "-3", "from 2 to 10"},
		{"K", "three", "from 2 to 10"},
		{"POPULAR_THRESHOLD", "0", ""},
		{"POPULAR_THRESHOLD", "99", ""},
		{"POPULAR_THRESHOLD", "50.5", ""},
		{"POPULAR_THRESHOLD", "NaN", "from 0 to 100"},
		{"POPULAR_THRESHOLD", "Inf", "from 0 to 100"},
		{"POPULAR_THRESHOLD", "-1", "from 0 to 100"},
		{"POPULAR_THRESHOLD", "101", "from 0 to 100"},
		{"SEED", "7", ""},
		{"SEED", "-1", "SEED"},
	}
	for _, c := range cases {
		t.Run(c.name+"="+c.value, func(t *testing.T) {
			t.Setenv(c.name, c.value)
			_, err := ParamsFromEnv()
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && err == nil:
				t.Error("accepted")
			case c.want != "" && !(strings.HasPrefix(err.Error(), c.name+"=") && strings.Contains(err.Error(), c.want)):
				t.Errorf("message %q does not name %s and %q", err, c.name, c.want)
			}
		})
	}
}
