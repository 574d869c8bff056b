/**
 * market-sim engine: the public API. Isomorphic (Node, worker_threads, browser
 * Web Worker): no Node built-in modules, no DOM, no unseeded random numbers, no wall clock
 * (a clock is injected by the caller; see SimulationOptions.clock).
 */
export { createSimulation } from './simulation.ts';
export type { Simulation, SimulationOptions, SimulationState } from './simulationTypes.ts';
export { simulate } from './simulate.ts';
export type { SimulateOptions } from './simulate.ts';
export { resolveScenario } from './scenario/resolve.ts';
export { parseScenarioFile } from './scenario/parseScenarioFile.ts';
export type { ResolvedScenario, ScenarioLoader, Phase } from './scenario/resolve.ts';
export { ScenarioError } from './scenario/errors.ts';
export type { ScenarioIssue } from './scenario/errors.ts';
export { PARAMETERS, defaultParameters } from './scenario/parameters.ts';
export type { ParameterDef, Parameters } from './scenario/parameters.ts';
export { defaultPolicy } from './scenario/policy.ts';
export type { PolicyState, LinkNotes } from './scenario/policy.ts';
export { scenarioFileSchema } from './scenario/schema.ts';
export type { ScenarioFile } from './scenario/schema.ts';
export { PLATFORMS, PLATFORM_LABELS, CATEGORIES, CHANNELS, PATHS, STAGES } from './constants.ts';
export type { Result, Manifest, SeriesRow, PhaseRow, FunnelRow, GroupRow, MerchantYearRow, RedYearRow, CreatorYearRow } from './metrics/result.ts';
export { ENGINE_VERSION } from './version.ts';
export { replicationSeed } from './random/seed.ts';
export { replicate, replicationSeeds } from './stats/replicate.ts';
export type { Replication, ReplicationManifest, ReplicateOptions, FigureSummary } from './stats/replicate.ts';
export { compare, SEGMENT_METRICS, YEAR_METRICS } from './stats/compare.ts';
export type { Comparison, ComparisonManifest, CompareOptions } from './stats/compare.ts';
export { compareArms } from './stats/compareArms.ts';
export type { ArmsComparison, CompareArmsOptions, BestFigure, BestRow } from './stats/compareArms.ts';
export type { PairedRow } from './stats/pairedRow.ts';
export { explain } from './stats/explain.ts';
export { saarFigures, seasonalDays } from './stats/seasonal.ts';
export type { Explanation, ExplanationManifest, ExplainOptions, ExplainRow, ShapleyPart } from './stats/explain.ts';
export type { Component, ComponentGrain } from './stats/explainComponents.ts';
export { unionSegments, withSegments, commonYears } from './stats/segments.ts';
export type { Segment } from './stats/segments.ts';
export { figuresOf, merchantRoi } from './stats/figures.ts';
export type { FigureRow, FigureTable } from './stats/figures.ts';
export { meanInterval, welchInterval, tCritical, CONFIDENCE } from './stats/summary.ts';
export type { Interval } from './stats/summary.ts';
export { LEVERS, leverPaths } from './scenario/levers.ts';
export type { LeverDoc } from './scenario/levers.ts';
export { calibrate, evaluateParameters } from './calibration/calibrate.ts';
export type { Calibration, CalibrateOptions, Evaluation } from './calibration/calibrate.ts';
export { FREE_PARAMETERS } from './calibration/freeParameters.ts';
export type { FreeParameter } from './calibration/freeParameters.ts';
export { parseTargets, isSanityBand } from './calibration/targetsFile.ts';
export type { Target, TargetsFile } from './calibration/targetsFile.ts';
export { measureTargets, targetReport } from './calibration/targetReport.ts';
export type { TargetRow } from './calibration/targetReport.ts';
export { calibrationDistance } from './calibration/distance.ts';
export { MEASURES } from './metrics/targets.ts';
export { morris } from './calibration/morris.ts';
export { sobol } from './calibration/sobol.ts';
export { nelderMead } from './calibration/nelderMead.ts';
export { PARTIES, FLOW_LINES, N_FLOWS, balances, flowIndex } from './books/flows.ts';
export type { Party, FlowLine } from './books/flows.ts';
export type { PnlRow, FlowTotals } from './metrics/result.ts';
