// Package atomicfile writes files so that readers see either the previous
// complete file or the new complete file, never a partial one: data goes to
// a temporary file in the destination's folder, is synced, and is renamed
// over the destination.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically with the given permissions.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	f, err := Create(path, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return fmt.Errorf("atomicfile: write %s: %w", path, err)
	}
	return f.Commit()
}

// File is a pending atomic write: write to it, then Commit to publish it
// at its path, or Abort to discard it.
type File struct {
	*os.File
	path string
	perm os.FileMode
}

// Create starts an atomic write of path.
func Create(path string, perm os.FileMode) (*File, error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("atomicfile: %w", err)
	}
	return &File{File: tmp, path: path, perm: perm}, nil
}

// Commit syncs and closes the temporary file, renames it over the
// destination and syncs the destination's folder. On error the destination
// is left as it was.
func (f *File) Commit() error {
	err := f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), f.perm)
	}
	if err == nil {
		err = os.Rename(f.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("atomicfile: commit %s: %w", f.path, err)
	}
	syncDir(filepath.Dir(f.path))
	return nil
}

// syncDir flushes the folder entry of a rename to disk where the system
// supports it (POSIX fsync on a directory); failures are ignored because
// the rename itself has already succeeded.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}

// Abort discards the pending write.
func (f *File) Abort() {
	f.Close()
	os.Remove(f.Name())
}
