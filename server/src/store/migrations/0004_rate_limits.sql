-- Request counts per client address and fixed time window, shared by every
-- API process on one database (server/src/limits). `window_start` is the
-- window's start in ms since the epoch, the same in every process.
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start bigint NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);
