package songs

import "sync"

// concurrently runs the tasks side by side and returns the error of the
// first task (in argument order) that failed. Each task must write only
// its own results; as every task is seeded on its own, the results do not
// depend on the order in which the tasks finish.
func concurrently(tasks ...func() error) error {
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = task()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
