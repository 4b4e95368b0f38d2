//go:build race

package site

// raceEnabled is true under the race detector, which takes several times
// the time: TestIncrementalMatchesFull then makes a shorter sequence.
const raceEnabled = true
