SELECT *
FROM events
  MATCH_RECOGNIZE (
    PARTITION BY host
    ORDER BY ts
    MEASURES
      FIRST(rising.ts) AS rising_first_ts,
      LAST(rising.ts) AS rising_last_ts,
      COUNT(rising.ts) AS rising_count
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (rising{3,3})
    DEFINE
      rising AS rising.errorRate > 0.02 AND (COUNT(rising.ts) - 1 = 0 OR rising.errorRate > LAST(rising.errorRate, 1))
  ) AS T
