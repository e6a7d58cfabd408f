package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
)

// Checksums returns the hexadecimal SHA-256 digest of each file a catalog
// path or glob names (see Files), in the same order as Files.
func Checksums(pattern string) (files, sums []string, err error) {
	files, err = Files(pattern)
	if err != nil {
		return nil, nil, err
	}
	sums = make([]string, len(files))
	for i, f := range files {
		if sums[i], err = fileSHA256(f); err != nil {
			return nil, nil, err
		}
	}
	return files, sums, nil
}

// fileSHA256 returns the hexadecimal SHA-256 digest of the file at path.
func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("checksum: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("checksum of %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
