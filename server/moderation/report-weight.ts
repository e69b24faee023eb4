// How much a reader's report counts toward hiding a comment, from how moderators decided on the
// reports they made before on the site (README: "Reader reports"). Pure: the store counts, this weighs.

/** A member's past reports on one site that a moderator decided. */
export interface ReporterRecord {
  /** The comment was rejected, or deleted by a moderator. */
  upheld: number;
  /** Upheld, or the moderator left the comment published. */
  decided: number;
}

/**
 * The upheld share as if one upheld and one dismissed report came first (Laplace's rule of
 * succession): 0.5 for a reporter with no decided reports, moving toward their real share as
 * decisions accumulate, so no single report makes or breaks anyone.
 */
export function smoothedAccuracy(r: ReporterRecord): number {
  return (r.upheld + 1) / (r.decided + 2);
}

/**
 * 0.5 + the smoothed accuracy, in hundredths (whole numbers sum exactly in the store). A new
 * reporter's report counts as one (100), so `toHide` keeps its meaning; one whose reports
 * moderators always uphold approaches 1.5, one whose reports they always dismiss approaches 0.5.
 */
export function reportWeight(r: ReporterRecord): number {
  return Math.round((0.5 + smoothedAccuracy(r)) * 100);
}
