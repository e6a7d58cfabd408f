package numfmt

import "testing"

func TestGroupDigits(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "999": "999", "1000": "1,000", "40553": "40,553", "-40553": "-40,553",
		"1234567.125": "1,234,567.125", "-100.5": "-100.5", "123456": "123,456",
	} {
		if got := GroupDigits(in); got != want {
			t.Errorf("GroupDigits(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoinFirst(t *testing.T) {
	abcd := []string{"a", "b", "c", "d"}
	for _, tc := range []struct {
		items []string
		n     int
		want  string
	}{
		{nil, 2, ""}, {abcd, 4, "a, b, c, d"}, {abcd, 3, "a, b, c and 1 more"}, {abcd, 0, " and 4 more"},
	} {
		if got := JoinFirst(tc.items, tc.n, ", "); got != tc.want {
			t.Errorf("JoinFirst(%q, %d) = %q, want %q", tc.items, tc.n, got, tc.want)
		}
	}
}
