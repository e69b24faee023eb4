-- Rate-limit windows are swept by age across all buckets (a bucket never hit again would
-- otherwise keep its last row for ever): an index to find the old ones.
CREATE INDEX rate_limits_window ON rate_limits(window_start);
