/** One row of the parameter table (key, default, unit, bounds, source, doc) and the helper that writes it. */
export interface ParameterDef {
  key: string;
  value: number;
  unit: string;
  min: number;
  max: number;
  source: string;
  doc: string;
}

/** A parameter row. */
export const p = (key: string, value: number, unit: string, min: number, max: number, source: string, doc: string): ParameterDef =>
  ({ key, value, unit, min, max, source, doc });
