/** The part of jstat (1.9.6, no published types) that engine/stats uses. */
declare module 'jstat' {
  const jStat: {
    studentt: {
      /** Quantile of Student's t with `dof` degrees of freedom at probability `p`. */
      inv(p: number, dof: number): number;
      /** Cumulative distribution of Student's t. */
      cdf(x: number, dof: number): number;
    };
  };
  export default jStat;
}
