// The outlet directory (lib/outlets/directory.json) and how to read it.
export { DIRECTORY, LEAN_CREDIT, LEAN_NAMES, LEANS, OutletIndex, outletIndex, outletNameFor, type Lean, type LeanSource, type Outlet, type OutletDirectory, type OutletFeed, type OutletKind } from './directory';
export { coverageSpectrum, type CoverageSpectrum, type SpectrumOutlet, type SpectrumSide } from './spectrum';
export { chosenFeeds, followableOutlets, REGION_NAMES, regionOf, starterSelection, type Region } from './starter';
