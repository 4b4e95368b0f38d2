//go:build race

package sheet

// raceEnabled is true under the race detector, which takes several times
// the memory and time: the bombs' peak memory is not checked.
const raceEnabled = true
